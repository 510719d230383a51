#!/usr/bin/env bash
# Runs every fuzz target for N seconds each (default 15), seeded from fuzz/seeds/<target>.
#   fuzz/run-short.sh [SECONDS]
# Skips (exit 0, with a message) when the nightly toolchain or cargo-fuzz is missing, so
# `./build.sh test` works on machines without them. A crash fails the run and leaves the input
# in fuzz/artifacts/<target>/. Long runs: see GUARANTEES.md § Fuzzing.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-${FUZZ_SECONDS:-15}}"
if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz: skipped (no nightly toolchain: rustup toolchain install nightly)"
    exit 0
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "fuzz: skipped (cargo-fuzz not installed: cargo install cargo-fuzz)"
    exit 0
fi
targets=$(cargo +nightly fuzz list)
for t in $targets; do
    mkdir -p "corpus/$t"
    seeds=()
    [ -d "seeds/$t" ] && seeds=("seeds/$t")
    echo "fuzz: $t for ${secs}s"
    log=$(mktemp)
    rc=0
    cargo +nightly fuzz run -O "$t" "corpus/$t" "${seeds[@]}" -- \
        -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 >"$log" 2>&1 || rc=$?
    grep -E '^(Done [0-9]+ runs|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY)' "$log" || true
    if [ "$rc" -ne 0 ]; then
        tail -40 "$log"
        rm -f "$log"
        echo "fuzz: $t FAILED (a build error, or a crash whose input is under fuzz/artifacts/$t)"
        exit 1
    fi
    rm -f "$log"
done
echo "fuzz: all targets ran ${secs}s without a crash"
