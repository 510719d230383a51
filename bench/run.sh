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
    rc=0
    cargo bench --bench engine -- --noplot "${crit[@]}" >"$BENCH_OUT/native.txt" 2>&1 || rc=$?
    if [ $rc -ne 0 ]; then
        tail -40 "$BENCH_OUT/native.txt" >&2
        echo "native benchmarks failed (exit $rc); full log: $BENCH_OUT/native.txt" >&2
        exit $rc
    fi
    grep -E 'time:' -B1 "$BENCH_OUT/native.txt" | grep -v -E '^(--|Benchmarking)' || true
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
    raw="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/yibao.wasm"
    # The widget's first module (pkg/figures/: no loader, no explain); build.sh built it before pkg/full.
    CARGO_PROFILE_RELEASE_STRIP=false \
        cargo build --quiet --release --target wasm32-unknown-unknown --lib --no-default-features || true
    if [ -f "$raw" ] && command -v wasm-bindgen >/dev/null 2>&1 && [ -x node_modules/.bin/wasm-opt ]; then
        say "what the widget's wasm is made of (pkg/figures/, with function names kept): node bench/wasm-size.mjs"
        # As build.sh's build_wasm, but -g keeps the name section (and --keep-debug keeps it through
        # wasm-bindgen); DWARF is dropped.
        rm -rf "$BENCH_OUT/named"
        wasm-bindgen --target web --keep-debug --out-dir "$BENCH_OUT/named" "$raw"
        node_modules/.bin/wasm-opt -Oz --converge -g --strip-dwarf --strip-producers --strip-target-features \
            --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
            --enable-mutable-globals --enable-reference-types --enable-multivalue \
            -o "$BENCH_OUT/named/yibao_bg.named.wasm" "$BENCH_OUT/named/yibao_bg.wasm"
        mv "$BENCH_OUT/named/yibao_bg.named.wasm" "$BENCH_OUT/named/yibao_bg.wasm"
        node bench/wasm-size.mjs "$BENCH_OUT/named/yibao_bg.wasm" --top 15 | tee "$BENCH_OUT/wasm-size.txt"
    fi
fi

say "summary"
node bench/summary.mjs "$BENCH_OUT"
