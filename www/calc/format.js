// Formatting money and ratios as strings, without floats: the engine's decimal strings are shown
// as they are. Numbers (floats) only for the chart's coordinates.

/** "1234.5" → "¥1,234.50" without floats. */
export function yuan(s) {
  if (s === null || s === undefined || s === '') return '—';
  let str = String(s).trim();
  let sign = '';
  if (str.startsWith('-')) {
    sign = '-';
    str = str.slice(1);
  }
  const [int = '0', frac = ''] = str.split('.');
  const grouped = (int.replace(/^0+(?=\d)/, '') || '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${(frac + '00').slice(0, 2)}`;
}

/** "0.5563" → "55.63%" by moving the decimal point in the string. */
export function percent(s) {
  if (s === null || s === undefined || s === '') return '—';
  const [int = '0', frac = ''] = String(s).trim().split('.');
  const f = frac.padEnd(2, '0');
  let whole = (int + f.slice(0, 2)).replace(/^0+(?=\d)/, '');
  let rest = f.slice(2).replace(/0+$/, '');
  return rest ? `${whole}.${rest}%` : `${whole}%`;
}

/** True when a decimal string is zero ("0", "0.00", "-0.00"). */
export function isZero(s) {
  return s === null || s === undefined || /^-?0*(\.0*)?$/.test(String(s).trim());
}

/** Coordinates for the chart only (never for money shown to people). */
export function coord(s) {
  const n = Number(String(s).replace(/[¥,\s]/g, ''));
  return Number.isFinite(n) ? n : NaN;
}
