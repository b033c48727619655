// The pages: which API calls each draws, and how. Each panel is one call of alert-service's
// analytics (see app.js for what a panel is); the filter bar's segment goes into every call.
import { t, segment, option, linkWith, kpis, format, getJson, apiUrl, fieldName } from './app.js';

const BUCKETS = ['C', 'M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7+', 'SETTLED', 'WRITTEN_OFF'];
const PALETTE = ['#1d4ed8', '#dc2626', '#059669', '#d97706', '#7c3aed', '#0891b2', '#be185d', '#4d7c0f'];

/** Cohorts of the same quarter share a colour, successive quarters differ. */
const quarterColour = cohort => {
  const [y, m] = String(cohort).split('-').map(Number);
  return PALETTE[(y * 4 + Math.floor((m - 1) / 3)) % PALETTE.length];
};

/** Links in a panel's header that change one option of the page. */
const choices = (name, current, list) => list.map(([value, label]) => [label, linkWith({ [name]: value }), value === current]);

const lastDay = month => {
  if (month === 'latest') return undefined; // the service's default: the last closed month end
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

const drill = (dimension, row, page) => (row[dimension] && row[dimension] !== '(unknown)' ? linkWith({ [dimension]: row[dimension] }, page) : null);

/** Words under a panel: the figures of its answer's summary, e.g. the Herfindahl index. */
const summaryLine = (items) => (answer, body) => {
  const p = document.createElement('p');
  p.className = 'basis summary';
  p.textContent = items.map(([label, key]) => `${label}: ${format(key, answer.summary[key])}`).join(' · ');
  for (const [, key] of items) p.dataset[key] = answer.summary[key];
  body.append(p);
};

/** Under the roll matrix: each starting bucket's share that got better, stayed, got worse (the answer's summary). */
const betterSameWorse = basis => (answer, body) => {
  const kind = basis === 'count' ? 'Count' : 'Balance';
  const tbl = document.createElement('table');
  tbl.className = 'better-same-worse';
  const head = tbl.createTHead().insertRow();
  for (const h of [fieldName('from'), fieldName('BETTER'), fieldName('SAME'), fieldName('WORSE')]) {
    const th = document.createElement('th');
    th.textContent = h;
    head.append(th);
  }
  const rows = tbl.createTBody();
  for (const [bucket, shares] of Object.entries(answer.summary)) {
    const tr = rows.insertRow();
    tr.insertCell().textContent = bucket;
    for (const d of ['better', 'same', 'worse']) tr.insertCell().textContent = format('share', shares[`${d}${kind}Share`]);
  }
  body.append(tbl);
};

export const PAGES = {
  overview: ({ month }) => ({
    before: async main => {
      const [aq, ecl] = await Promise.all([
        getJson(apiUrl('asset-quality', segment({ month }))), getJson(apiUrl('ecl', segment({ month })))]);
      const r = aq.rows[0] || {};
      kpis(main, [
        [t('kpiBalance'), format('balance', r.balance), 'balance'],
        [t('kpiOverdue'), format('overdueRateDpd1', r.overdueRateDpd1), 'overdueRateDpd1'],
        [t('kpiNpl'), format('nplRatio', r.nplRatio), 'nplRatio'],
        [t('kpiCoverage'), format('provisionCoverage', ecl.summary.provisionCoverage), 'provisionCoverage'],
        [t('kpiEcl'), format('ecl', ecl.summary.ecl), 'ecl'],
      ]);
    },
    panels: [
      { id: 'trend', title: t('pTrend'), wide: true, api: ['asset-quality', segment({ to: month })], kind: 'xy', x: 'month',
        series: [{ field: 'overdueRateDpd1', type: 'line' }, { field: 'overdueRateDpd31', type: 'line' },
          { field: 'nplRatio', type: 'line' }, { field: 'balance', type: 'bar', right: true }] },
      { id: 'grades', title: t('pGrades'), api: ['asset-quality', segment({ to: month })], kind: 'xy', x: 'month',
        series: ['normalBalance', 'specialMentionBalance', 'substandardBalance', 'doubtfulBalance', 'lossBalance']
          .map(field => ({ field, type: 'bar', stack: 'grade' })) },
      { id: 'migration', title: t('pMigration'), api: ['migration', segment({ to: month })], kind: 'xy', x: 'grade',
        series: [{ field: 'migrationRate', type: 'bar' }], table: ['grade', 'openingLoans', 'migrationRate'] },
      { id: 'ecl', title: t('pEcl'), api: ['ecl', segment({ month })], kind: 'xy', x: 'stage',
        series: [{ field: 'ecl', type: 'bar' }, { field: 'coverage', type: 'line', right: true }],
        table: ['stage', 'loans', 'balance', 'ead', 'ecl', 'coverage'] },
      { id: 'worst-industries', title: t('pWorst'), api: ['breakdown', segment({ month, by: 'section', measure: 'overdue' })],
        kind: 'xy', x: 'section', series: [{ field: 'overdueBalance', type: 'bar' }, { field: 'overdueRate', type: 'line', right: true }],
        table: ['section', 'loans', 'balance', 'overdueBalance', 'overdueRate', 'nplRatio', 'overdueShare'],
        link: row => drill('section', row, 'where') },
      { id: 'worst-regions', title: t('pWorstRegion'), api: ['breakdown', segment({ month, by: 'province', measure: 'overdue' })],
        kind: 'xy', x: 'province', series: [{ field: 'overdueBalance', type: 'bar' }, { field: 'overdueRate', type: 'line', right: true }],
        table: ['province', 'loans', 'balance', 'overdueBalance', 'overdueRate', 'nplRatio', 'overdueShare'],
        link: row => drill('province', row, 'where') },
    ],
  }),

  // 投向: industry and region with drill-down (section → division, province → prefecture) to the loans
  where: ({ month }) => {
    const industry = option('section') ? 'division' : 'section';
    const region = option('province') ? 'prefecture' : 'province';
    const columns = by => [by, 'loans', 'balance', 'overdueBalance', 'nplBalance', 'overdueRate', 'nplRatio', 'balanceShare', 'nplShare', 'cumulativeShare'];
    const amounts = [{ field: 'balance', type: 'bar' }, { field: 'overdueBalance', type: 'bar' }, { field: 'nplBalance', type: 'bar' }];
    const hhi = summaryLine([[t('hhiBalance'), 'herfindahlBalance'], [t('hhiNpl'), 'herfindahlNpl']]);
    return {
      panels: [
        { id: 'industry', title: t('pIndustry'), api: ['breakdown', segment({ month, by: industry })], kind: 'xy', x: industry,
          series: amounts, table: columns(industry), link: row => drill(industry, row), after: hhi },
        { id: 'region', title: t('pRegion'), api: ['breakdown', segment({ month, by: region })], kind: 'xy', x: region,
          series: amounts, table: columns(region), link: row => drill(region, row), after: hhi },
        { id: 'cross', title: t('pCross'), wide: true, api: ['breakdown', segment({ month, by: industry, across: region, measure: 'overdue' })],
          kind: 'heat', x: region, y: industry, v: 'overdueBalance',
          table: [industry, region, 'loans', 'balance', 'overdueBalance', 'overdueRate', 'nplRatio'],
          link: row => (row[industry] !== '(unknown)' && row[region] !== '(unknown)'
            ? linkWith({ [industry]: row[industry], [region]: row[region] }) : null) },
        { id: 'loans', title: t('pLoans'), wide: true, api: ['loans', segment({ month, limit: 50 })], kind: 'table',
          table: ['loanId', 'product', 'section', 'division', 'province', 'prefecture', 'size', 'balance', 'overduePrincipal', 'dpd', 'bucket', 'grade'],
          empty: rows => rows.length === 0,
          after: (answer, body) => {
            const p = document.createElement('p');
            p.className = 'basis';
            p.textContent = `${answer.rows.length} / ${answer.summary.loans} ${t('loans')}`;
            body.append(p);
          } },
      ],
    };
  },

  delinquency: ({ month }) => {
    const basis = option('basis', 'count') === 'balance' ? 'balance' : 'count';
    const toggle = choices('basis', basis, [['count', t('byCount')], ['balance', t('byBalance')]]);
    const days = option('days', '30');
    return {
      panels: [
        { id: 'roll', title: t('pRoll'), wide: true, tools: toggle, api: ['roll-rates', segment({ month })], kind: 'heat',
          x: 'to', y: 'from', v: basis === 'count' ? 'countShare' : 'balanceShare', xOrder: BUCKETS, yOrder: BUCKETS,
          table: ['from', 'to', 'direction', 'loans', 'balance', 'countShare', 'balanceShare'], after: betterSameWorse(basis) },
        { id: 'flow', title: t('pFlow'), tools: toggle, api: ['delinquency', segment({ to: month })], kind: 'xy', x: 'month', pivot: 'bucket',
          series: [{ field: basis === 'count' ? 'flowRateCount' : 'flowRateBalance', type: 'line' }] },
        { id: 'coincidental', title: t('pCoincidental'), api: ['delinquency', segment({ month })], kind: 'xy', x: 'bucket',
          series: [{ field: 'coincidental', type: 'bar' }, { field: 'lagged', type: 'bar' }] },
        { id: 'inflow', title: t('pInflow'), api: ['inflow', segment({ to: month })], kind: 'xy', x: 'month',
          series: [{ field: 'inflowRate', type: 'line' }, { field: 'cureRate', type: 'line' }, { field: 'recoveredFlowRate', type: 'line' }],
          table: ['month', 'inflow', 'inflowRate', 'cured', 'cureRate', 'recoveredFlowRate'] },
        { id: 'early', title: `${t('pEarly')} (${days} ${t('days')})`,
          tools: choices('days', days, [['7', '7'], ['15', '15'], ['30', '30'], ['60', '60'], ['90', '90']]),
          api: ['early-delinquency', segment({ asOf: lastDay(month), days })], kind: 'xy', x: 'metric',
          series: [{ field: 'rate', type: 'bar' }], table: ['metric', 'loansCounted', 'loansBad', 'rate'] },
      ],
    };
  },

  vintage: () => {
    const threshold = option('threshold', 'M3');
    const tools = choices('threshold', threshold, ['M1', 'M2', 'M3', 'M4', 'M7+'].map(b => [b, b + '+']));
    return {
      panels: [
        { id: 'vintage', title: `${t('pVintage')} (${threshold}+)`, wide: true, tools, api: ['vintage', segment({ threshold })],
          kind: 'xy', x: 'mob', pivot: 'cohort', series: [{ field: 'balanceRate', type: 'line' }], colour: quarterColour,
          table: ['cohort', 'mob', 'month', 'loans', 'disbursed', 'balance', 'balanceRate', 'everLoans', 'everShare'] },
        { id: 'ever', title: `${t('pEver')} (${threshold}+)`, wide: true, tools, api: ['vintage', segment({ threshold })],
          kind: 'xy', x: 'mob', pivot: 'cohort', series: [{ field: 'everShare', type: 'line' }], colour: quarterColour,
          table: ['cohort', 'mob', 'everLoans', 'loans', 'everShare'] },
      ],
    };
  },

  // the funnel's months are application months, not closed month ends: only an explicit month bounds it
  funnel: ({ explicit: month }) => ({
    panels: [
      { id: 'funnel-counts', title: t('pFunnelCounts'), api: ['funnel', segment({ to: month })], kind: 'xy', x: 'month',
        series: [{ field: 'applications', type: 'bar' }, { field: 'approved', type: 'bar' }, { field: 'disbursed', type: 'bar' }] },
      { id: 'funnel-rates', title: t('pFunnelRates'), api: ['funnel', segment({ to: month })], kind: 'xy', x: 'month',
        series: [{ field: 'approvalRateOfApplications', type: 'line' }, { field: 'disbursementRate', type: 'line' },
          { field: 'machineApprovalRate', type: 'line' }] },
      { id: 'reject-reasons', title: t('pReject'), api: ['funnel', segment({ to: month, by: 'rejectReason' })], kind: 'xy',
        x: 'rejectreason', series: [{ field: 'rejected', type: 'bar' }, { field: 'share', type: 'line', right: true }] },
      { id: 'rules', title: t('pRules'), api: ['funnel', segment({ to: month, by: 'rule' })], kind: 'xy',
        x: 'rule', series: [{ field: 'applications', type: 'bar' }, { field: 'ruleHitRate', type: 'line', right: true }] },
    ],
  }),

  losses: ({ month }) => {
    const metric = option('metric', 'nplRatio');
    const metrics = ['nplRatio', 'overdueRateDpd1', 'inflowRate', 'writeOffRate', 'netCreditLoss', 'balance'];
    return {
      panels: [
        { id: 'losses', title: t('pLosses'), wide: true, api: ['losses', segment({ to: month })], kind: 'xy', x: 'month',
          series: [{ field: 'writtenOffPrincipal', type: 'bar' }, { field: 'recovery', type: 'bar' }, { field: 'netCreditLoss', type: 'line' }],
          table: ['month', 'writtenOffLoans', 'writtenOffPrincipal', 'recoveredFromWrittenOff', 'recovery', 'reversal', 'netCreditLoss', 'newBadDebt', 'writeOffRate'] },
        { id: 'cohort-losses', title: t('pCohortLosses'), api: ['cohort-losses', segment({ month })], kind: 'xy', x: 'cohort',
          series: [{ field: 'cumulativeWriteOffRate', type: 'bar' }], table: ['cohort', 'loans', 'disbursed', 'writtenOff', 'cumulativeWriteOffRate', 'matured'] },
        { id: 'forecast', title: `${t('pForecast')}: ${fieldName(metric)}`, wide: true,
          tools: choices('metric', metric, metrics.map(m => [m, fieldName(m)])), metric,
          api: ['trend', segment({ to: month, metric })], kind: 'xy', x: 'month', series: [{ field: 'value', type: 'line' }],
          extend: (option, rows, answer) => {
            const s = answer.summary;
            if (!s.forecastMonth) return;
            option.xAxis.data = [...option.xAxis.data, s.forecastMonth];
            const at = (v) => [...rows.map(() => null), v === 'n/a' ? null : v];
            const band = (v, e) => (v === 'n/a' || e === 'n/a' ? null : [{ coord: [s.forecastMonth, v - e] }, { coord: [s.forecastMonth, v + e] }]);
            option.series.push({ name: t('forecastMa'), type: 'scatter', symbolSize: 12, data: at(s.movingAverage),
              markLine: band(s.movingAverage, s.movingAverageError) ? { symbol: 'none', data: [band(s.movingAverage, s.movingAverageError)] } : undefined });
            option.series.push({ name: t('forecastLinear'), type: 'scatter', symbol: 'diamond', symbolSize: 12, data: at(s.linear),
              markLine: band(s.linear, s.linearError) ? { symbol: 'none', data: [band(s.linear, s.linearError)] } : undefined });
          },
          after: (answer, body) => {
            const s = answer.summary;
            const p = document.createElement('p');
            p.className = 'basis summary';
            p.textContent = s.forecastMonth
              ? `${s.forecastMonth} · ${t('forecastMa')}: ${format('value', s.movingAverage, metric)} (${t('backtest')} ±${format('value', s.movingAverageError, metric)})`
                + ` · ${t('forecastLinear')}: ${format('value', s.linear, metric)} (${t('backtest')} ±${format('value', s.linearError, metric)})`
              : '';
            body.append(p);
          } },
      ],
    };
  },
};
