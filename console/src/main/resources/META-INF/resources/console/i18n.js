// Labels in Chinese and English: the domain's terms as DOMAIN.md and the seed write them.
// GB/T 4754-2017 section names: Chinese from the standard (the code list in domain-core, served by
// alert-service's /analytics/dimensions); English as the standard's English edition gives them.

export const LABELS = {
  zh: {
    overview: '总览', where: '投向', delinquency: '逾期', vintage: '账龄', funnel: '进件', losses: '损失',
    section: '行业门类', division: '行业大类', province: '省份', prefecture: '地市', size: '企业规模',
    customerType: '客户类型', product: '产品', channel: '渠道', tag: '自定义标签', month: '月份',
    all: '全部', clear: '清除筛选', table: '表格', chart: '图表', csv: '下载 CSV', noData: '无数据',
    loading: '加载中…', basis: '口径', lang: 'English', byCount: '按户数', byBalance: '按余额',
    threshold: '逾期阈值', days: '天数', metric: '指标', loanList: '贷款明细', drill: '下钻',
    kpiBalance: '贷款余额', kpiOverdue: '逾期率 (DPD≥1)', kpiNpl: '不良率', kpiCoverage: '拨备覆盖率', kpiEcl: '预期信用损失',
    hhiBalance: '余额集中度 (HHI)', hhiNpl: '不良集中度 (HHI)', loans: '笔数', of: '共',
    pTrend: '余额、逾期率与不良率走势', pGrades: '五级分类分布', pMigration: '五级分类迁徙率', pEcl: '分阶段预期信用损失',
    pWorst: '本月逾期最多的行业', pWorstRegion: '本月逾期最多的地区',
    pIndustry: '行业投向', pRegion: '地区投向', pCross: '行业 × 地区 逾期余额', pLoans: '贷款明细',
    pRoll: '滚动率矩阵', pFlow: '迁移率 (Flow Rate) 走势', pCoincidental: '即期与递延逾期率', pInflow: '入催率与催回率',
    pEarly: '首逾 FPD … QPD', pVintage: '账龄分析 (Vintage)：Mn+ 余额 / 放款金额', pEver: '账龄分析：曾经 Mn+ 的户数占比',
    pFunnelCounts: '进件、核准与放款', pFunnelRates: '核准率与拨贷率', pReject: '拒绝原因', pRules: '规则命中',
    pLosses: '核销、回收与净损失', pCohortLosses: '各放款月的累计核销率', pForecast: '趋势与预测',
    forecastMa: '移动平均预测', forecastLinear: '线性回归预测', backtest: '回测误差',
  },
  en: {
    overview: 'Overview', where: 'Where the money went', delinquency: 'Delinquency', vintage: 'Vintage', funnel: 'Approval funnel', losses: 'Losses',
    section: 'Industry section', division: 'Industry division', province: 'Province', prefecture: 'Prefecture', size: 'Enterprise size',
    customerType: 'Customer type', product: 'Product', channel: 'Channel', tag: 'Custom tag', month: 'Month',
    all: 'All', clear: 'Clear filters', table: 'Table', chart: 'Chart', csv: 'Download CSV', noData: 'No data',
    loading: 'Loading…', basis: 'Basis', lang: '中文', byCount: 'By count', byBalance: 'By balance',
    threshold: 'Threshold', days: 'Days', metric: 'Metric', loanList: 'Loans', drill: 'Drill down',
    kpiBalance: 'Balance', kpiOverdue: 'Overdue rate (DPD≥1)', kpiNpl: 'NPL ratio', kpiCoverage: 'Provision coverage', kpiEcl: 'ECL',
    hhiBalance: 'Balance concentration (HHI)', hhiNpl: 'NPL concentration (HHI)', loans: 'loans', of: 'of',
    pTrend: 'Balance, overdue and NPL ratios', pGrades: 'Five-tier distribution', pMigration: 'Five-tier migration rates', pEcl: 'ECL by stage',
    pWorst: 'Industries with the most overdue money this month', pWorstRegion: 'Regions with the most overdue money this month',
    pIndustry: 'By industry', pRegion: 'By region', pCross: 'Industry × region: overdue balance', pLoans: 'Loans',
    pRoll: 'Roll-rate matrix', pFlow: 'Flow rates over time', pCoincidental: 'Coincidental vs lagged delinquency', pInflow: 'Inflow and cure rates',
    pEarly: 'FPD … QPD', pVintage: 'Vintage: Mn+ balance / disbursed', pEver: 'Vintage: ever-Mn+ share of loans',
    pFunnelCounts: 'Applications, approvals, disbursements', pFunnelRates: 'Approval and disbursement rates', pReject: 'Reject reasons', pRules: 'Rule hits',
    pLosses: 'Write-offs, recoveries, NCL', pCohortLosses: 'Cumulative write-off rate by cohort', pForecast: 'Trend and forecast',
    forecastMa: 'Moving-average forecast', forecastLinear: 'Linear forecast', backtest: 'back-tested error',
  },
};

// Field names of the APIs' rows, as a chart's legend or a table's header shows them.
export const FIELDS = {
  zh: {
    month: '月份', balance: '余额', loans: '笔数', nplRatio: '不良率', overdueRateDpd1: '逾期率 DPD≥1', overdueRateDpd31: '逾期率 DPD≥31',
    overdueRateDpd91: '逾期率 DPD≥91', normalBalance: '正常', specialMentionBalance: '关注', substandardBalance: '次级',
    doubtfulBalance: '可疑', lossBalance: '损失', grade: '五级分类', migrationRate: '迁徙率', openingLoans: '期初笔数',
    stage: '阶段', ecl: '预期信用损失', ead: '违约风险敞口', coverage: '拨备率', overdueBalance: '逾期余额', nplBalance: '不良余额',
    overdueRate: '逾期率', balanceShare: '余额占比', overdueShare: '逾期占比', nplShare: '不良占比', cumulativeShare: '累计占比',
    from: '期初', to: '期末', direction: '方向', countShare: '笔数占比', flowRateBalance: '迁移率 (余额)', flowRateCount: '迁移率 (笔数)',
    bucket: '逾期阶段', coincidental: '即期逾期率', lagged: '递延逾期率', inflowRate: '入催率', cureRate: '催回率',
    recoveredFlowRate: '回流率', inflow: '入催笔数', cured: '催回笔数', metric: '指标', rate: '比率', loansCounted: '计入笔数', loansBad: '逾期笔数',
    cohort: '放款月', mob: 'MOB', balanceRate: 'Mn+ 余额占比', everShare: '曾经 Mn+ 占比', applications: '进件量', approved: '核准',
    disbursed: '放款', approvalRateOfApplications: '核准率', disbursementRate: '拨贷率', machineApprovalRate: '机审通过率',
    rejectreason: '拒绝原因', rule: '规则', ruleHits: '命中次数', writtenOffPrincipal: '核销本金', recovery: '回收', netCreditLoss: '净损失 NCL',
    cumulativeWriteOffRate: '累计核销率', value: '实际值', loanId: '贷款编号', dpd: '逾期天数', overduePrincipal: '逾期本金',
    principal: '合同金额', section: '行业门类', division: '行业大类', province: '省份', prefecture: '地市', product: '产品', size: '企业规模',
    channel: '渠道', disbursedOn: '放款日', BETTER: '好转', SAME: '保持', WORSE: '恶化', writeOffRate: '核销率 WO%', everLoans: '曾经 Mn+ 笔数',
  },
  en: {
    month: 'Month', balance: 'Balance', loans: 'Loans', nplRatio: 'NPL ratio', overdueRateDpd1: 'Overdue rate DPD≥1', overdueRateDpd31: 'Overdue rate DPD≥31',
    overdueRateDpd91: 'Overdue rate DPD≥91', normalBalance: 'Normal', specialMentionBalance: 'Special mention', substandardBalance: 'Substandard',
    doubtfulBalance: 'Doubtful', lossBalance: 'Loss', grade: 'Grade', migrationRate: 'Migration rate', openingLoans: 'Loans at start',
    stage: 'Stage', ecl: 'ECL', ead: 'EAD', coverage: 'Coverage', overdueBalance: 'Overdue balance', nplBalance: 'NPL balance',
    overdueRate: 'Overdue rate', balanceShare: 'Balance share', overdueShare: 'Overdue share', nplShare: 'NPL share', cumulativeShare: 'Cumulative share',
    from: 'From', to: 'To', direction: 'Direction', countShare: 'Count share', flowRateBalance: 'Flow rate (balance)', flowRateCount: 'Flow rate (count)',
    bucket: 'Bucket', coincidental: 'Coincidental', lagged: 'Lagged', inflowRate: 'Inflow rate', cureRate: 'Cure rate',
    recoveredFlowRate: 'Recovered flow rate', inflow: 'Inflow', cured: 'Cured', metric: 'Metric', rate: 'Rate', loansCounted: 'Counted', loansBad: 'Bad',
    cohort: 'Cohort', mob: 'MOB', balanceRate: 'Mn+ balance rate', everShare: 'Ever Mn+ share', applications: 'Applications', approved: 'Approved',
    disbursed: 'Disbursed', approvalRateOfApplications: 'Approval rate', disbursementRate: 'Disbursement rate', machineApprovalRate: 'Machine approval rate',
    rejectreason: 'Reject reason', rule: 'Rule', ruleHits: 'Hits', writtenOffPrincipal: 'Written off', recovery: 'Recovery', netCreditLoss: 'NCL',
    cumulativeWriteOffRate: 'Cumulative WO%', value: 'Actual', loanId: 'Loan', dpd: 'DPD', overduePrincipal: 'Overdue principal',
    principal: 'Principal', section: 'Section', division: 'Division', province: 'Province', prefecture: 'Prefecture', product: 'Product', size: 'Size',
    channel: 'Channel', disbursedOn: 'Disbursed', BETTER: 'Better', SAME: 'Same', WORSE: 'Worse', writeOffRate: 'WO%', everLoans: 'Ever Mn+ loans',
  },
};

// Code values that read better as words.
export const VALUES = {
  zh: {
    LARGE: '大型', MEDIUM: '中型', SMALL: '小型', MICRO: '微型', SIZE_UNKNOWN: '规模未知', NOT_APPLICABLE: '不适用',
    INDIVIDUAL: '个人', ENTERPRISE: '企业', ONE: '阶段一', TWO: '阶段二', THREE: '阶段三',
    normal: '正常', specialMention: '关注', substandard: '次级', doubtful: '可疑', loss: '损失',
    BETTER: '好转', SAME: '保持', WORSE: '恶化', SETTLED: '结清', WRITTEN_OFF: '核销',
  },
  en: {
    LARGE: 'Large', MEDIUM: 'Medium', SMALL: 'Small', MICRO: 'Micro', SIZE_UNKNOWN: 'Size unknown', NOT_APPLICABLE: 'Not applicable',
    INDIVIDUAL: 'Individual', ENTERPRISE: 'Enterprise', ONE: 'Stage 1', TWO: 'Stage 2', THREE: 'Stage 3',
    normal: 'Normal', specialMention: 'Special mention', substandard: 'Substandard', doubtful: 'Doubtful', loss: 'Loss',
    BETTER: 'Better', SAME: 'Same', WORSE: 'Worse', SETTLED: 'Settled', WRITTEN_OFF: 'Written off',
  },
};

// GB/T 4754-2017 sections in English (the standard's English edition).
export const SECTIONS_EN = {
  A: 'Agriculture, forestry, animal husbandry and fishery', B: 'Mining', C: 'Manufacturing',
  D: 'Electricity, heat, gas and water production and supply', E: 'Construction', F: 'Wholesale and retail trade',
  G: 'Transport, storage and post', H: 'Accommodation and catering', I: 'Information transmission, software and IT services',
  J: 'Finance', K: 'Real estate', L: 'Leasing and business services', M: 'Scientific research and technical services',
  N: 'Water conservancy, environment and public facilities management', O: 'Resident, repair and other services',
  P: 'Education', Q: 'Health and social work', R: 'Culture, sports and entertainment',
  S: 'Public administration, social security and social organizations', T: 'International organizations',
};
