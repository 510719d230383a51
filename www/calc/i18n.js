// The calculator's words, Chinese first with English alongside, and `I18n`, which picks them.
import { h } from './dom.js';

export const T = {
  title: ['医保测算', 'Medical insurance calculator'],
  subtitle: [
    '城乡居民基本医疗保险：缴费与报销估算。全部在您的浏览器中计算，不上传任何数据。',
    "Resident basic medical insurance: premiums and reimbursement. Computed in your browser; nothing is sent anywhere.",
  ],
  lang: ['English', '中文'],
  langLabel: ['Switch to English', '切换到中文'],
  who: ['参保人', 'Who'],
  scheme: ['参保方案', 'Scheme'],
  region: ['统筹地区', 'Region'],
  category: ['人员类别', 'Category'],
  statuses: ['困难群体与特殊情况', 'Hardship statuses and situations'],
  noStatuses: ['（本类别无可选项）', '(none for this category)'],
  paidOn: ['缴费日期（可不填）', 'Contribution date (optional)'],
  paidOnHint: [
    '用于确定待遇年度和等待期；不填则按已过等待期计算。',
    'Starts the benefit year and waiting period; if empty the waiting period counts as served.',
  ],
  enrolHead: ['参保情况：断保、补缴、新生儿（可不填）', 'How you enrolled: break, extra years, newborn (optional)'],
  enrolHint: [
    '国办发〔2024〕38号：在集中缴费期外参保或断保后参保的，待遇开始前发生的费用统筹基金不支付。不填按在缴费期内连续参保计算。',
    'State Council 国办发〔2024〕38号: enrolling outside the collection window or after a break, bills before benefits start are not paid. Empty: taken as paid in the window without a break.',
  ],
  inWindow: ['在集中缴费期内缴费了吗？', 'Paid inside the collection window?'],
  inWindowOpts: [
    ['未说明（按缴费日期判断）', '是', '否'],
    ['Not said (read from the date)', 'Yes', 'No'],
  ],
  missed: ['断保几年？（去年参保则为 0）', 'Years without cover just before (0 if enrolled last year)'],
  extraPaid: ['多缴（补缴）几年？', 'Extra years paid?'],
  newborn: ['新生儿（不设待遇等待期）', 'Newborn (no waiting period)'],
  renewed: ['此后每年连续缴费、没有中断吗？', 'Paid every year since, without a break?'],
  renewedOpts: [
    ['未说明（按连续计算）', '是（续保不再设等待期）', '否（每次年度缴费后都有等待期）'],
    ['Not said (taken as yes)', 'Yes (no new waiting period)', 'No (each annual payment starts one)'],
  ],
  bill: ['一次就医', 'One bill'],
  kind: ['费用类型', 'Kind of claim'],
  disease: ['门诊大病病种', 'Major outpatient disease'],
  level: ['医疗机构级别', 'Hospital level'],
  date: ['入院（就诊）日期', 'Admission (visit) date'],
  medfee: ['医疗费总额', 'Total bill'],
  ownpay: ['全自费金额', 'Out-of-scope part'],
  ownpayHint: ['不在医保目录内、完全自费的部分', 'Items outside the insurance lists, paid entirely by you'],
  yuanUnit: ['元', 'yuan'],
  eligibility: ['能否参保', 'May you enrol?'],
  eligible: ['可以参加本方案。', 'You may enrol in this scheme.'],
  notEligible: ['不能参加本方案。', 'You may not enrol in this scheme.'],
  sendTo: ['应参加', 'Belongs in'],
  warning: ['请注意', 'Note'],
  premium: ['缴费', 'Premium'],
  youPayYear: ['您每年缴纳', 'You pay per year'],
  standard: ['缴费标准', 'Contribution standard'],
  subsidyClass: ['适用补助类别', 'Subsidy class applied'],
  payer: ['承担方', 'Payer'],
  amount: ['金额', 'Amount'],
  range: ['可能范围', 'Possible range'],
  basisCol: ['依据', 'Source'],
  individual: ['个人缴费', 'Individual'],
  subsidyTotal: ['补助合计（各出资方）', 'Subsidies in total (all payers)'],
  unassigned: ['未指明承担者', 'Assigned to no one'],
  unassignedExplain: [
    '文件规定的缴费标准中有这一部分没有指明由谁承担；本测算不把它算到您或任何一级财政头上。',
    'The document does not say who pays this part of the standard; it is charged neither to you nor to any government here.',
  ],
  paymentOptions: ['缴费方式', 'Ways to pay'],
  notices: ['提示', 'Notices'],
  steps: ['计算过程（点击展开）', 'How it was computed (tap to open)'],
  assumptions: ['本结果依赖的地方性取值', 'Local figures this rests on'],
  claim: ['报销估算', 'Reimbursement estimate'],
  fundPays: ['统筹基金支付', 'Fund pays'],
  youPay: ['个人负担', 'You pay'],
  inScope: ['符合政策范围金额', 'In-scope cost'],
  deductible: ['起付标准', 'Deductible'],
  coins: ['比例自付', 'Co-payment'],
  aboveLimit: ['超过最高支付限额', 'Above the annual limit'],
  waiting: ['等待期内不予支付', 'Not paid (waiting period)'],
  hifmiLess: ['其中由大病保险支付', 'Of these, critical-illness insurance pays'],
  mafLess: ['其中由医疗救助支付', 'Of these, medical assistance pays'],
  ratio: ['统筹基金支付比例', 'Fund share'],
  limit: ['最高支付限额', 'Annual limit'],
  benefitYear: ['待遇年度', 'Benefit year'],
  rangeNote: ['随所用假设取值（见“本结果依据的地方取值”）可能在', 'With the assumed figures it uses (listed below) it could be'],
  to: ['至', 'to'],
  assumed: ['含假设', 'assumed'],
  clause: ['依据', 'Clause'],
  figure: ['取值', 'Figure'],
  value: ['数值', 'Value'],
  chart: ['个人负担随医疗费总额变化', 'Your share as the bill grows'],
  chartNote: [
    '横轴：医疗费总额（假设全部在政策范围内）；纵轴：个人负担。竖线标出起付标准、分段界点和最高支付限额。',
    'Across: total bill (all in scope); up: what you pay. Lines mark the deductible, segment edges and the annual limit.',
  ],
  chartYou: ['本次', 'this bill'],
  segmentEdge: ['分段界点', 'Segment edge'],
  hifmiFrom: ['大病保险起付', 'Critical-illness insurance starts'],
  compare: ['同一笔费用在各级医疗机构', 'The same bill at each hospital level'],
  year: ['一年内多次住院', 'Several admissions in a year'],
  yearHint: [
    '添加几次住院，看最高支付限额如何被逐次用掉。',
    'Add admissions and watch the annual limit being used up.',
  ],
  addAdmission: ['添加一次（用上面的费用）', 'Add one (with the bill above)'],
  remove: ['删除', 'Remove'],
  admission: ['第 {n} 次', 'No. {n}'],
  noAdmissions: ['还没有添加。', 'None added yet.'],
  totals: ['全年合计', 'Year totals'],
  yearTable: ['各次住院明细', 'Admissions in detail'],
  used: ['已用', 'Used'],
  remaining: ['剩余', 'Remaining'],
  limitKindEligible: ['（限制计入的医疗费用）', '(caps eligible cost)'],
  limitKindFund: ['（限制基金支付额）', '(caps fund payment)'],
  actions: ['保存与分享', 'Save and share'],
  copyText: ['复制为文字', 'Copy as text'],
  copyLink: ['复制链接', 'Copy link'],
  print: ['打印', 'Print'],
  copied: ['已复制到剪贴板。', 'Copied to the clipboard.'],
  copyFailed: ['无法访问剪贴板，请手动选择下方文字复制。', 'No clipboard access; select the text below and copy it.'],
  loadPolicy: ['加载本地政策文件（TOML）', 'Load a local policy file (TOML)'],
  loaded: ['已加载政策：', 'Loaded policy: '],
  loading: ['正在加载计算引擎…', 'Loading the calculator…'],
  noPolicies: ['没有可用的政策文件。', 'No policies are loaded.'],
  loadingScheme: ['正在下载该方案的数据…', "Downloading the scheme's data…"],
  retry: ['重试', 'Try again'],
  explain: ['计算过程与假设（点击展开）', 'How it was computed, and what was assumed (tap to open)'],
  explaining: ['正在载入计算过程…', 'Loading the explanation…'],
  fixInput: ['请检查输入：', 'Please check: '],
  error: ['无法计算', 'Cannot compute'],
  benefitsAbsent: ['本方案不测算报销', 'No reimbursement estimate for this scheme'],
  footer: [
    '估算结果仅供参考，以当地医保经办机构结算为准。',
    'An estimate only; your local insurance office settles the actual amount.',
  ],
  dateCol: ['日期', 'Date'],
  levelCol: ['级别', 'Level'],
  summaryHead: ['医保测算结果', 'Insurance estimate'],
  link: ['链接', 'Link'],
  and: ['，', ', '],
};

export class I18n {
  constructor(lang) {
    this.lang = lang === 'en' ? 'en' : 'zh';
  }
  get i() {
    return this.lang === 'en' ? 1 : 0;
  }
  t(key, vars) {
    const pair = T[key];
    let s = pair ? pair[this.i] : key;
    if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, v);
    return s;
  }
  /** Picks `x.name_zh`/`x.name_en` (or another stem). */
  n(obj, stem = 'name') {
    if (!obj) return '';
    return (this.lang === 'en' ? obj[`${stem}_en`] : obj[`${stem}_zh`]) || obj[`${stem}_zh`] || '';
  }
  /** The document's Chinese term with the English alongside (or the reverse in English). */
  term(key) {
    const [zh, en] = T[key];
    return this.pair(zh, en);
  }
  /** A labelled object's names, both languages, current one first. */
  names(obj, stem = 'name') {
    return this.pair(obj[`${stem}_zh`] || '', obj[`${stem}_en`] || '');
  }
  pair(zh, en) {
    return this.lang === 'en'
      ? [en, ' ', h('span', { class: 'yb-alt', lang: 'zh-CN' }, zh)]
      : [zh, ' ', h('span', { class: 'yb-alt', lang: 'en' }, en)];
  }
}
