#!/usr/bin/env bash
# Builds everything: the native core (tests, benchmark), the wasm core, the page
# (Vite), the library and the <activation-playground> element, into build/ and dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

echo "build: native core and tests (build/native)"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

echo "build: WebAssembly core (build/wasm)"
# Emscripten's optimiser needs Debian's acorn; set here so nobody has to export it.
export NODE_PATH=/usr/share/nodejs
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs"

echo "build: library (build/lib)"
rm -rf build/lib
mkdir -p build/lib
cp build/wasm/activation-playground-core.mjs build/lib/activation-playground-core.mjs
cp build/wasm/activation-playground-core.wasm build/lib/activation-playground.wasm
cp web/lib/activation-playground.mjs web/lib/number-format.mjs web/lib/activation-playground.d.ts build/lib/
# TypeScript resolves types for an .mjs import from .d.mts.
cp web/lib/activation-playground.d.ts build/lib/activation-playground.d.mts

echo "build: the page's config schema and the README's table from the core"
node scripts/config-schema.mjs build/lib/activation-playground.mjs
echo "build: the explorer's first-view preview from the core"
node scripts/explorer-preview.mjs build/lib/activation-playground.mjs

echo "build: page (Vite) into dist/"
npx vite build --logLevel warn

echo "build: library into dist/lib/"
mkdir -p dist/lib
cp build/lib/* dist/lib/

echo "build: <activation-playground> element into dist/lib/"
npx vite build -c vite.element.config.js --logLevel warn
# Its styles are inlined into the module (shadow root); the extracted copy is not used.
rm -f dist/lib/style.css

echo "build: the offline file dist/activation-playground.html"
npx vite build -c vite.offline.config.js --logLevel error
node scripts/offline-html.mjs
echo "build: done ($(du -sh dist | cut -f1) in dist/)"
