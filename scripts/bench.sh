#!/usr/bin/env bash
# The cross-implementation benchmark of issue 5 (run by `npm run bench` after the build).
# Installs the peer libraries (TensorFlow.js, ConvNetJS, brain.js) into tests/bench/peers only,
# so `npm test` stays lean; then the node benchmark (table + build/bench/latest.json) and the
# headless-Chromium frame benchmark. Extra arguments go to tests/bench/run.mjs (e.g. --rounds 21).
set -euo pipefail
cd "$(dirname "$0")/.."

peers=tests/bench/peers
if [[ ! -f $peers/node_modules/.package-lock.json || $peers/package-lock.json -nt $peers/node_modules/.package-lock.json ]]; then
  echo "bench: installing the peer libraries (npm ci --prefix $peers)"
  # No peer needs an install script (core-js's only prints a banner).
  npm ci --prefix "$peers" --no-audit --no-fund --ignore-scripts
fi

node tests/bench/run.mjs "$@"
echo
node tests/bench/browser-frame.mjs
