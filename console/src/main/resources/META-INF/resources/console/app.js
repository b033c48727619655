// The console's frame: the page's state from its address (page = path, filters and options = query
// string, so a link can be shared), the filter bar, and panels — each one API call drawn as an
// ECharts chart with its table and the CSV of the same numbers. When every panel is drawn (or has
// said why not) the body's data-state is "ready" and window.lwReadyAt the time it took.
import { LABELS, FIELDS, VALUES, SECTIONS_EN } from './i18n.js';
import { PAGES } from './pages.js';

const query = new URLSearchParams(location.search);
export const lang = query.get('lang') === 'en' ? 'en' : 'zh';
const pageName = location.pathname.replace(/^\/+|\/+$/g, '') || 'overview';

/** The segment dimensions of the filter bar, as alert-service names its parameters. */
export const SEGMENT = ['section', 'division', 'province', 'prefecture', 'size', 'customerType', 'product', 'channel', 'tag'];

export const t = key => LABELS[lang][key] ?? key;
export const fieldName = f => FIELDS[lang][f] ?? f;
let dimensions = {};

/** A code's name: GB/T names from alert-service, words for size, stage, grade …, else the code. */
export function valueName(dimension, value) {
  if (value === null || value === undefined) return '';
  if (lang === 'en' && dimension === 'section' && SECTIONS_EN[value]) return `${value} ${SECTIONS_EN[value]}`;
  const known = (dimensions[dimension] || []).find(v => v.value === value);
  if (known && known.name !== value) return `${value} ${known.name}`;
  return VALUES[lang][value] ?? String(value);
}

/** The query parameter of the address, or a default. */
export const option = (name, fallback) => query.get(name) ?? fallback;

/** The segment of the filter bar (only the dimensions that are set), plus extra parameters. */
export function segment(extra = {}) {
  const out = {};
  for (const d of SEGMENT) if (query.get(d)) out[d] = query.get(d);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== null && v !== '') out[k] = v;
  return out;
}

/** The address of this page with some parameters changed (null removes one). */
export function linkWith(changes, page = pageName) {
  const next = new URLSearchParams(query);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') next.delete(k); else next.set(k, v);
  }
  const s = next.toString();
  return `/${page}${s ? '?' + s : ''}`;
}

export class ApiProblem extends Error {
  constructor(status, problem) {
    const fields = (problem.errors || []).map(e => `${e.field}: ${e.message}`).join('\n');
    super([problem.title, problem.detail, fields].filter(Boolean).join('\n') || `HTTP ${status}`);
    this.status = status;
  }
}

/** The address of an alert-service analytics call through the console. */
export function apiUrl(path, params) {
  const qs = new URLSearchParams(params).toString();
  return `/api/alert/analytics/${path}${qs ? '?' + qs : ''}`;
}

const answers = new Map();

/** An API answer as JSON (one call per address and page: panels of the same call share it); a problem as ApiProblem. */
export function getJson(url) {
  if (!answers.has(url)) {
    answers.set(url, (async () => {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      const body = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
      if (!response.ok) throw new ApiProblem(response.status, body);
      return body;
    })());
  }
  return answers.get(url);
}

// --- numbers as people read them ---------------------------------------------------------------
const MONEY = /(balance|Balance|principal|Principal|^ecl$|^ead$|recovery|netCreditLoss|writtenOff|disbursed$|amount)/;
// a rate's name ends so (balanceRate, nplRatio, countShare …), or is a flow rate or an overdue rate by DPD
const RATE = /(Rate|rate|Share|share|Ratio|ratio|coincidental|lagged|[cC]overage|^value)$|^flowRate|RateDpd\d+$/;
const num = v => (v === 'n/a' || v === '' || v === null || v === undefined) ? null : Number(v);
export const isRate = f => RATE.test(f);
// one formatter each: toLocaleString builds a new Intl.NumberFormat per call, which for the few thousand
// cells of a page's tables costs more than drawing its charts
const YUAN = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE = new Intl.NumberFormat('zh-CN');
const COMPACT = new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', { notation: 'compact' });
export function format(f, v, metric) {
  if (v === 'n/a') return 'n/a';
  if (typeof v !== 'number') return v === null || v === undefined ? '' : valueName(f, v);
  if (isRate(f) && (f !== 'value' || isRate(metric || ''))) return (v * 100).toFixed(2) + '%';
  if (MONEY.test(f) || (f === 'value' && MONEY.test(metric || ''))) return YUAN.format(v);
  return WHOLE.format(v);
}

// --- the frame -----------------------------------------------------------------------------------
function drawFrame(months) {
  document.documentElement.lang = lang;
  document.title = `loanwatch · ${t(pageName)}`;
  const nav = document.getElementById('nav');
  for (const name of Object.keys(PAGES)) {
    const a = document.createElement('a');
    a.href = linkWith({}, name);
    a.textContent = t(name);
    a.dataset.page = name;
    if (name === pageName) a.className = 'current';
    nav.append(a);
  }
  const langButton = document.getElementById('lang');
  langButton.textContent = t('lang');
  langButton.onclick = () => { location.href = linkWith({ lang: lang === 'en' ? null : 'en' }); };

  const form = document.getElementById('filters');
  const shown = SEGMENT.filter(d => d !== 'division' || query.get('section')).filter(d => d !== 'prefecture' || query.get('province'));
  for (const d of shown) {
    let values = dimensions[d] || [];
    if (d === 'division') values = values.filter(v => v.parent === query.get('section'));
    if (d === 'prefecture') values = values.filter(v => v.parent === query.get('province'));
    form.append(select(d, t(d), [['', t('all')], ...values.map(v => [v.value, valueName(d, v.value)])]));
  }
  form.append(select('month', t('month'), [...months].reverse().map(m => [m, m])));
  const clear = document.createElement('a');
  clear.className = 'clear';
  clear.href = linkWith(Object.fromEntries([...SEGMENT, 'month'].map(d => [d, null])));
  clear.textContent = t('clear');
  form.append(clear);
}

function select(name, label, choices) {
  const wrap = document.createElement('label');
  wrap.textContent = label;
  const s = document.createElement('select');
  s.name = name;
  const current = query.get(name) ?? (name === 'month' && choices.length ? choices[0][0] : '');
  if (current && !choices.some(([v]) => v === current)) choices.push([current, current]); // what the address asked, even if unknown
  for (const [value, text] of choices) {
    const o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    if (value === current) o.selected = true;
    s.append(o);
  }
  s.onchange = () => {
    const changes = { [name]: s.value || null };
    if (name === 'section') changes.division = null;
    if (name === 'province') changes.prefecture = null;
    location.href = linkWith(changes);
  };
  wrap.append(s);
  return wrap;
}

function showProblem(message) {
  const box = document.getElementById('problem');
  box.hidden = false;
  if (!box.textContent.includes(message)) box.textContent = (box.textContent ? box.textContent + '\n' : '') + message;
}

// --- panels --------------------------------------------------------------------------------------
/**
 * A panel: {id, title, api: [path, params], kind: 'xy' | 'heat' | 'table', x, series: [{field, type, stack}],
 * pivot (a row field whose values become the series), y and v (heat), table (columns), link (row → address),
 * wide, empty (rows → true when there is nothing to draw), after (answer, element) for words under it}.
 */
async function drawPanel(p, main) {
  const el = document.createElement('section');
  el.className = 'panel' + (p.wide ? ' wide' : '');
  el.dataset.panel = p.id;
  const url = apiUrl(p.api[0], p.api[1]);
  el.innerHTML = `<h2><span></span><span class="tools"><a class="csv" download></a></span></h2><p class="basis"></p><div class="body"></div>`;
  el.querySelector('h2 span').textContent = p.title;
  const csv = el.querySelector('a.csv');
  csv.textContent = t('csv');
  csv.href = url + (url.includes('?') ? '&' : '?') + 'format=csv';
  for (const [label, href, current] of p.tools || []) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    if (current) a.style.fontWeight = '700';
    csv.before(a);
  }
  main.append(el);
  const body = el.querySelector('.body');
  body.innerHTML = `<div class="nodata">${t('loading')}</div>`;
  let answer;
  let closed;
  try {
    [answer, closed] = await Promise.all([getJson(url), frame]);
  } catch (e) {
    if (closed === undefined && (await frame.catch(() => null))?.length === 0) {
      body.innerHTML = `<div class="nodata">${t('noData')}</div>`; // a book with no month end yet
      return;
    }
    body.innerHTML = '';
    const err = document.createElement('div');
    err.className = 'error';
    err.textContent = e.message;
    body.append(err);
    showProblem(e.message);
    return;
  }
  const rows = answer.rows || [];
  el.querySelector('.basis').textContent = Object.entries(answer.basis || {})
    .filter(([k]) => !['segment'].includes(k)).slice(0, 2).map(([, v]) => v).join(' · ');
  body.innerHTML = '';
  const empty = p.empty ? p.empty(rows) : defaultEmpty(p, rows);
  if (empty) {
    body.innerHTML = `<div class="nodata">${t('noData')}</div>`;
    return;
  }
  if (p.kind !== 'table') {
    const chartEl = document.createElement('div');
    chartEl.className = 'chart';
    chartEl.dataset.api = url;
    chartEl.dataset.kind = p.kind;
    chartEl.dataset.x = p.x;
    if (p.pivot) chartEl.dataset.pivot = p.pivot;
    if (p.kind === 'heat') { chartEl.dataset.y = p.y; chartEl.dataset.v = p.v; }
    if (p.series) chartEl.dataset.fields = p.series.map(s => s.field).join(',');
    body.append(chartEl);
    const chart = echarts.init(chartEl, null, { renderer: 'canvas' });
    chart.setOption(p.kind === 'heat' ? heatOption(p, rows) : xyOption(p, rows, answer), { lazyUpdate: false });
    if (p.link) chart.on('click', params => {
      const row = p.kind === 'heat' ? rows.find(r => r[p.x] === params.data.x && r[p.y] === params.data.y) : rows[params.dataIndex];
      if (row && p.link(row)) location.href = p.link(row);
    });
    new ResizeObserver(() => chart.resize()).observe(chartEl);
  }
  body.append(table(p, rows));
  if (p.after) p.after(answer, body);
}

function defaultEmpty(p, rows) {
  if (rows.length === 0) return true;
  const fields = p.kind === 'heat' ? [p.v] : (p.series || []).map(s => s.field);
  if (fields.length === 0) return false;
  return rows.every(r => fields.every(f => { const v = num(r[f]); return v === null || v === 0; }));
}

/** Distinct values of a field in the order they first appear. */
const distinct = (rows, f) => [...new Set(rows.map(r => r[f]))];

/** Axis labels: percent for a rate (a trend's "value" is what its metric is), compact amounts otherwise. */
function axisFormatter(f, metric) {
  const rate = f === 'value' && metric ? isRate(metric) : isRate(f);
  return v => (rate ? (Number(v) * 100).toFixed(1) + '%' : COMPACT.format(Number(v)));
}

function xyOption(p, rows, answer) {
  const xs = distinct(rows, p.x);
  let series;
  if (p.pivot) {
    const f = p.series[0].field;
    series = distinct(rows, p.pivot).map(key => ({
      name: String(key), type: p.series[0].type || 'line', connectNulls: false, showSymbol: false,
      itemStyle: p.colour ? { color: p.colour(key) } : undefined,
      data: xs.map(x => { const r = rows.find(q => q[p.pivot] === key && q[p.x] === x); return r ? num(r[f]) : null; }),
    }));
  } else {
    series = p.series.map(s => ({
      name: fieldName(s.field), type: s.type || 'bar', stack: s.stack, yAxisIndex: s.right ? 1 : 0,
      data: rows.map(r => num(r[s.field])),
    }));
  }
  const left = p.series.find(s => !s.right) || p.series[0];
  const right = p.series.find(s => s.right);
  const option = {
    animation: false,
    grid: { left: 70, right: right ? 70 : 24, top: 40, bottom: 60 },
    legend: { type: 'scroll', top: 0 },
    tooltip: { trigger: 'axis', formatter: items => [valueName(p.x, items[0]?.name), ...items.map(i => {
      const f = p.pivot ? p.series[0].field : (p.series[i.seriesIndex] || p.series[0]).field;
      const v = Array.isArray(i.value) ? i.value[1] : i.value;
      return `${i.marker}${i.seriesName}: ${v === null || v === undefined ? 'n/a' : format(f, v, p.metric)}`;
    })].join('<br>') },
    xAxis: { type: 'category', data: xs, axisLabel: { formatter: v => valueName(p.x, v), rotate: xs.length > 8 ? 30 : 0 } },
    yAxis: [{ type: 'value', axisLabel: { formatter: axisFormatter(p.pivot ? p.series[0].field : left.field, p.metric) } }],
    series,
  };
  if (right) option.yAxis.push({ type: 'value', axisLabel: { formatter: axisFormatter(right.field) } });
  if (p.extend) p.extend(option, rows, answer);
  return option;
}

function heatOption(p, rows) {
  const xs = p.xOrder ? p.xOrder.filter(v => rows.some(r => r[p.x] === v)) : distinct(rows, p.x);
  const ys = p.yOrder ? p.yOrder.filter(v => rows.some(r => r[p.y] === v)) : distinct(rows, p.y);
  const data = rows.map(r => ({ value: [xs.indexOf(r[p.x]), ys.indexOf(r[p.y]), num(r[p.v])], x: r[p.x], y: r[p.y] }));
  const values = data.map(d => d.value[2]).filter(v => v !== null);
  return {
    animation: false,
    grid: { left: 150, right: 24, top: 20, bottom: 90 },
    tooltip: { formatter: d => `${valueName(p.y, d.data.y)} → ${valueName(p.x, d.data.x)}: ${format(p.v, d.data.value[2])}` },
    xAxis: { type: 'category', data: xs, axisLabel: { formatter: v => valueName(p.x, v), rotate: 30 } },
    yAxis: { type: 'category', data: ys, inverse: true, axisLabel: { formatter: v => valueName(p.y, v).slice(0, 14) } },
    visualMap: { min: 0, max: Math.max(...values, 1e-9), calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: ['#f0f9e8', '#fdd49e', '#d7301f'] }, formatter: v => format(p.v, v) },
    series: [{ type: 'heatmap', data, label: { show: xs.length * ys.length <= 120, formatter: d => format(p.v, d.data.value[2]) } }],
  };
}

function table(p, rows) {
  const columns = p.table || [p.x, ...(p.pivot ? [p.pivot] : []), ...(p.kind === 'heat' ? [p.y, p.v] : []), ...(p.series || []).map(s => s.field)];
  const wrap = document.createElement('div');
  wrap.className = 'tablewrap';
  const tbl = document.createElement('table');
  tbl.dataset.rows = rows.length;
  const head = tbl.createTHead().insertRow();
  for (const c of columns) { const th = document.createElement('th'); th.textContent = fieldName(c); head.append(th); }
  const tbody = tbl.createTBody();
  for (const r of rows) {
    const tr = tbody.insertRow();
    columns.forEach((c, i) => {
      const td = tr.insertCell();
      const text = format(c, r[c], p.metric);
      if (i === 0 && p.link && p.link(r)) {
        const a = document.createElement('a');
        a.href = p.link(r);
        a.className = 'drill';
        a.textContent = text;
        td.append(a);
      } else {
        td.textContent = text;
      }
    });
  }
  wrap.append(tbl);
  return wrap;
}

/** KPI cards: [label, text] pairs. */
export function kpis(main, cards) {
  const box = document.createElement('div');
  box.className = 'kpis';
  for (const [label, value, id] of cards) {
    const k = document.createElement('div');
    k.className = 'kpi';
    if (id) k.dataset.kpi = id;
    k.innerHTML = '<div class="label"></div><div class="value"></div>';
    k.querySelector('.label').textContent = label;
    k.querySelector('.value').textContent = value;
    box.append(k);
  }
  main.prepend(box);
}

/**
 * The frame's data (closed months, dimension values) and every panel's call start at once: without
 * a month in the address a panel asks for month "latest" (the last closed month, as alert-service
 * reads it), so no call waits for another; a panel draws once its answer and the frame's names are in.
 */
async function start() {
  const main = document.getElementById('page');
  frame = Promise.all([getJson('/api/alert/analytics/months'), getJson('/api/alert/analytics/dimensions')])
    .then(([months, dims]) => { dimensions = dims; drawFrame(months.closed); return months.closed; });
  const explicit = query.get('month') || undefined;
  const { panels, before } = PAGES[pageName]({ month: explicit || 'latest', explicit });
  const work = panels.map(p => drawPanel(p, main));
  if (before) work.push(before(main).catch(e => showProblem(e.message)));
  work.push(frame.catch(e => showProblem(e.message)));
  await Promise.all(work);
  window.lwReadyAt = performance.now();
  document.body.dataset.state = 'ready';
}

/** The frame's data: resolves to the closed months once the filter bar is drawn. */
let frame;

start();
