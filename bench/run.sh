#!/usr/bin/env bash
# 医保测算 — every benchmark, then a summary (issue 4). See BENCHMARKS.md.
#
#   bench/run.sh                 build (./build.sh), then: native criterion, wasm in Node,
#                                Publicodes comparison, page metrics in headless Chromium, sizes
#   bench/run.sh --no-build      use the pkg/ and dist/ already built
#   bench/run.sh --quick         shorter measurements (a smoke run; figures are rougher)
#   bench/run.sh --only NAME     one of: native wasm publicodes page size (repeatable)
#
# Results (JSON) go to ${BENCH_OUT:-target/bench}/; criterion's own reports to its target dir.
# Timings are reported, never asserted: machines are noisy. Run on a quiet machine for figures
# worth writing down (the 1-minute load average is printed with the summary).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

build=1
quick=0
only=()
while [ $# -gt 0 ]; do
    case $1 in
    --no-build) build=0 ;;
    --quick) quick=1 ;;
    --only)
        only+=("$2")
        shift
        ;;
    -h | --help)
        sed -n '2,12p' "$0"
        exit 0
        ;;
    *)
        echo "unknown option: $1 (see --help)" >&2
        exit 2
        ;;
    esac
    shift
done
want() { [ ${#only[@]} -eq 0 ] || printf '%s\n' "${only[@]}" | grep -qx "$1"; }

export BENCH_OUT=${BENCH_OUT:-$ROOT/target/bench}
export BENCH_QUICK=$quick
mkdir -p "$BENCH_OUT"
say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

if [ ! -d node_modules/publicodes ] || [ ! -d node_modules/playwright-core ]; then
    say "npm install (publicodes, playwright-core)"
    if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi

if [ $build -eq 1 ] && { want wasm || want publicodes || want page || want size; }; then
    say "./build.sh (pkg/ and dist/)"
    ./build.sh
fi

if want native; then
    say "native: cargo bench --bench engine (criterion)"
    if [ $quick -eq 1 ]; then crit=(--warm-up-time 1 --measurement-time 2 --sample-size 20); else crit=(--warm-up-time 1 --measurement-time 3); fi
    cargo bench --bench engine -- --noplot "${crit[@]}" 2>&1 | tee "$BENCH_OUT/native.txt" |
        grep -E '^[a-z].*time:|^ +time:|^[a-z][^ ].*$' | grep -v -E '^(Benchmarking|Found|Warning|Gnuplot)' || true
fi
if want wasm; then
    say "wasm in Node: node bench/wasm.mjs"
    node bench/wasm.mjs
fi
if want publicodes; then
    say "Publicodes comparison: node bench/publicodes/compare.mjs"
    node bench/publicodes/compare.mjs
fi
if want page; then
    say "page metrics in headless Chromium: node bench/page.mjs"
    node bench/page.mjs
fi
if want size; then
    say "size budget: node scripts/size-check.mjs"
    node scripts/size-check.mjs --json >"$BENCH_OUT/size.json" || true
    node scripts/size-check.mjs || true
    if [ -f "${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/yibao.wasm" ]; then
        say "what the wasm is made of: node bench/wasm-size.mjs"
        node bench/wasm-size.mjs --top 12 | tee "$BENCH_OUT/wasm-size.txt"
    fi
fi

say "summary"
node bench/summary.mjs "$BENCH_OUT"
