// Peer comparison (issue 4): the reference claim (Jilin 2008, prefecture adult, city hospital) in
// Publicodes — rules.mjs — against the engine's wasm build, in the same Node process.
//
//   node bench/publicodes/compare.mjs [--quick] [--json FILE]
//
// 1. Agreement: both compute hifp_pay (fund) and psn_part_amt (resident) for a set of bills and
//    must agree to the fen (exit 1 otherwise). The round bills of the issue must agree; bills with
//    odd cents are also shown, where Publicodes' binary floating point can round a half-fen the
//    other way from the engine's decimal arithmetic (reported, counted separately).
// 2. Timing: one claim through each, µs per call (median, p90), and the ratio.
//    Publicodes: setSituation + evaluate both figures (its cache is reset by setSituation).
//    Engine: api.claim(req) — the full result (steps, figures with provenance, ranges, notices)
//    converted to a JS object. The engine does much more work per call; the ratio is per answer.
import { readFileSync } from 'node:fs';
import Engine from 'publicodes';
import { loadWasm, claimRequest, measure, fmt, table, saveJson, quick } from '../lib.mjs';
import { rules, situation, fen } from './rules.mjs';

// publicodes' exports map hides package.json; read it next to the resolved entry (dist/index.js).
const PC_VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('publicodes')), 'utf8')).version;

// the explaining module (pkg/): the full explained claim, and claimFigures
const api = await loadWasm('pkg');
const pc = new Engine(rules, { logger: { log() {}, warn() {}, error: console.error } });

function publicodes(total, ownpay) {
  pc.setSituation(situation(total, ownpay));
  return {
    hifp_pay: pc.evaluate('sinistre . hifp_pay').nodeValue,
    psn_part_amt: pc.evaluate('sinistre . psn_part_amt').nodeValue,
  };
}

// ---------------------------------------------------------------- agreement

const round = [
  ['5000', '2000'],
  ['20000', '2000'],
  ['50000', '2000'],
  ['80000', '2000'],
  ['300', '0'],
  ['600', '0'],
  ['10600', '600'],
  ['30000', '0'],
  ['47000', '2000'],
  ['120000', '5000'],
];
const cents = [
  ['12345.67', '0.01'],
  ['609.01', '0'],
  ['10000.01', '0'],
  ['29999.99', '1234.56'],
  ['45000.03', '0.02'],
  ['777.77', '77.77'],
  ['1000.01', '0'],
  ['30001.11', '0'],
];

const rows = [];
let roundMismatch = 0;
let centMismatch = 0;
for (const [set, bills] of [
  ['round', round],
  ['cents', cents],
]) {
  for (const [total, ownpay] of bills) {
    const w = api.claim(claimRequest(total, ownpay));
    const p = publicodes(Number(total), Number(ownpay));
    const ok = w.hifp_pay === fen(p.hifp_pay) && w.psn_part_amt === fen(p.psn_part_amt);
    if (!ok && set === 'round') roundMismatch++;
    if (!ok && set === 'cents') centMismatch++;
    rows.push({
      bill: total,
      'out of scope': ownpay,
      'engine fund': w.hifp_pay,
      'publicodes fund': fen(p.hifp_pay),
      'engine resident': w.psn_part_amt,
      'publicodes resident': fen(p.psn_part_amt),
      agree: ok ? 'yes' : 'NO',
    });
  }
}
console.log('Agreement to the fen (Jilin 2008 inpatient, city hospital, prefecture adult)');
console.log(
  table(rows, ['bill', 'out of scope', 'engine fund', 'publicodes fund', 'engine resident', 'publicodes resident', 'agree']),
);
console.log(
  `round bills: ${round.length - roundMismatch}/${round.length} agree; bills with odd cents: ${cents.length - centMismatch}/${cents.length} agree`,
);

// ---------------------------------------------------------------- timing

const opts = quick ? { warmupMs: 100, timeMs: 500 } : { warmupMs: 500, timeMs: 2000 };
const req = claimRequest('50000', '2000');
const tWasm = measure(() => api.claim(req), opts);
// Like for like: Publicodes answers two numbers; so does claimFigures (assumed values, no steps).
const tFig = api.claimFigures ? measure(() => api.claimFigures(req), opts) : null;
if (tFig) {
  const f = api.claimFigures(req);
  const full = api.claim(req);
  if (f.hifp_pay !== full.hifp_pay || f.psn_part_amt !== full.psn_part_amt) {
    console.error(`claimFigures gave ${f.hifp_pay} / ${f.psn_part_amt}, claim ${full.hifp_pay} / ${full.psn_part_amt}`);
    process.exit(1);
  }
}
const tPc = measure(() => publicodes(50000, 2000), opts);
// The same two figures from a Publicodes engine that is set up anew (parsing the rules) each time,
// as a page would on first load.
const tPcParse = measure(() => new Engine(rules, { logger: { log() {}, warn() {}, error() {} } }), opts);
const ratio = tPc.median / tWasm.median;
const ratioFig = tFig ? tPc.median / tFig.median : null;

console.log(`\nOne reference claim, µs per call (same process; publicodes ${PC_VERSION}, Node ${process.version})`);
console.log(
  table(
    [
      { engine: 'yibao wasm api.claim (full result)', median: fmt(tWasm.median), p90: fmt(tWasm.p90), calls: tWasm.calls },
      ...(tFig ? [{ engine: 'yibao wasm api.claimFigures (figures only)', median: fmt(tFig.median), p90: fmt(tFig.p90), calls: tFig.calls }] : []),
      { engine: 'publicodes setSituation + 2 evaluate', median: fmt(tPc.median), p90: fmt(tPc.p90), calls: tPc.calls },
      { engine: 'publicodes new Engine(rules) (parse)', median: fmt(tPcParse.median), p90: fmt(tPcParse.p90), calls: tPcParse.calls },
    ],
    ['engine', 'median', 'p90', 'calls'],
  ),
);
console.log(
  ratio >= 1
    ? `ratio: Publicodes takes ${ratio.toFixed(1)}× as long as the engine per claim`
    : `ratio: Publicodes takes ${ratio.toFixed(2)}× the engine's time (the engine is ${(1 / ratio).toFixed(1)}× slower per claim)`,
);
if (ratioFig) console.log(`like for like (two figures each): Publicodes takes ${ratioFig.toFixed(1)}× as long as claimFigures`);

saveJson('publicodes', {
  node: process.version,
  publicodes_version: PC_VERSION,
  agreement: { round: round.length - roundMismatch, round_total: round.length, cents: cents.length - centMismatch, cents_total: cents.length, rows },
  wasm: tWasm,
  publicodes: tPc,
  publicodes_parse: tPcParse,
  ratio_publicodes_over_wasm: ratio,
  wasm_figures: tFig,
  ratio_publicodes_over_figures: ratioFig,
});

if (roundMismatch) {
  console.error(`FAILED: ${roundMismatch} round bill(s) disagree`);
  process.exit(1);
}
