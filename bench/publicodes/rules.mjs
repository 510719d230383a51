// The reference calculation of issue 4 written as Publicodes rules: one inpatient claim under
// 吉政办发[2008]12号 (Jilin 2008), prefecture adult, city-level hospital, with the values the engine
// assumes (policies/jilin-2008/framework.toml):
//   deductible 600 (二(五)2 起付标准, assumed in 300–900), annual limit 45,000 on eligible cost
//   (二(五)2 最高支付限额, 240-yuan tier), segments at 10,000 / 30,000 of the stay's eligible cost
//   (二(五)3, assumed) paid at 50 / 55 / 60 % (assumed).
// Money rule of the engine (src/money.rs): every product money × rate is rounded to the fen, half
// away from zero, then summed — so each segment is its own rule with `arrondi: 2 décimales`.
//
// Publicodes rules are usually written in YAML; this is the same tree as a JS object so the
// benchmark needs no YAML parser. Rule names are French-style Publicodes names with the national
// platform field names (2206/2207) in `titre`/`description`.

export const rules = {
  sinistre: {
    titre: '住院结算 (inpatient claim, Jilin 2008, city hospital, prefecture adult)',
  },
  'sinistre . medfee_sumamt': {
    titre: '医疗费总额',
    valeur: 0,
  },
  'sinistre . fulamt_ownpay_amt': {
    titre: '全自费金额 (out-of-scope costs)',
    valeur: 0,
  },
  'sinistre . inscp_scp_amt': {
    titre: '符合政策范围金额',
    valeur: 'medfee_sumamt - fulamt_ownpay_amt',
  },

  paramètres: { titre: 'Values the engine assumes (policies/jilin-2008/framework.toml)' },
  'paramètres . deductible': {
    titre: '起付标准（市级医疗机构）',
    valeur: 600,
    références: { '吉政办发[2008]12号 二(五)2': 'policies/jilin-2008/framework.toml' },
  },
  'paramètres . annual limit': {
    titre: '最高支付限额（240元档，按政策范围内费用）',
    valeur: 45000,
  },
  'paramètres . edge 1': { valeur: 10000 },
  'paramètres . edge 2': { valeur: 30000 },
  'paramètres . ratio 1': { valeur: '50%' },
  'paramètres . ratio 2': { valeur: '55%' },
  'paramètres . ratio 3': { valeur: '60%' },

  'sinistre . coût retenu': {
    titre: 'eligible cost counted under the annual limit',
    valeur: 'inscp_scp_amt',
    plafond: 'paramètres . annual limit',
  },
  'sinistre . above_limit_amt': {
    valeur: 'inscp_scp_amt - coût retenu',
  },
  'sinistre . act_pay_dedc': {
    titre: '实际支付起付线',
    valeur: 'inscp_scp_amt',
    plafond: 'paramètres . deductible',
  },
  'sinistre . segment 1': {
    valeur: 'coût retenu',
    plafond: 'paramètres . edge 1',
  },
  'sinistre . segment 2': {
    valeur: 'coût retenu',
    plafond: 'paramètres . edge 2',
  },
  'sinistre . fonds segment 1': {
    valeur: '(segment 1 - paramètres . deductible) * paramètres . ratio 1',
    plancher: 0,
    arrondi: '2 décimales',
  },
  'sinistre . fonds segment 2': {
    valeur: '(segment 2 - paramètres . edge 1) * paramètres . ratio 2',
    plancher: 0,
    arrondi: '2 décimales',
  },
  'sinistre . fonds segment 3': {
    valeur: '(coût retenu - paramètres . edge 2) * paramètres . ratio 3',
    plancher: 0,
    arrondi: '2 décimales',
  },
  'sinistre . hifp_pay': {
    titre: '基本医疗保险统筹基金支出',
    somme: ['fonds segment 1', 'fonds segment 2', 'fonds segment 3'],
    arrondi: '2 décimales',
  },
  'sinistre . psn_part_amt': {
    titre: '个人负担总金额',
    valeur: 'medfee_sumamt - hifp_pay',
    arrondi: '2 décimales',
  },
};

/** The situation for one bill (numbers in yuan). */
export function situation(total, ownpay) {
  return { 'sinistre . medfee_sumamt': total, 'sinistre . fulamt_ownpay_amt': ownpay };
}

/** Publicodes' number as the engine's decimal string with two places ("24700.00"). */
export function fen(n) {
  return n.toFixed(2);
}
