#!/usr/bin/env bash
# Runs every test: native GoogleTest (plain and under ASan+UBSan), a short fuzz run, node
# tests of the wasm library (a short soak included) and the page's state code (property
# tests included), the type check, browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
started=$SECONDS
section() { echo; echo "== $1 ($((SECONDS - started)) s)"; }

section "native GoogleTest (ctest)"
ctest --test-dir build/native --output-on-failure -j"$jobs" --timeout 300

section "native GoogleTest under AddressSanitizer + UndefinedBehaviorSanitizer"
cmake -S . -B build/native-sanitize -DCMAKE_BUILD_TYPE=Debug -DAP_SANITIZE=ON >/dev/null
cmake --build build/native-sanitize -j"$jobs" --target ap_tests
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  build/native-sanitize/ap_tests --gtest_brief=1

section "fuzzing (libFuzzer under ASan/LSan/UBSan, a fixed seed and input count per target; npm run fuzz runs longer)"
bash scripts/fuzz.sh --fixed

section "TypeScript declarations type-check"
npx tsc -p tests/types/tsconfig.json

section "node tests (wasm library, state/URL code)"
node --test tests/js/

section "browser tests (headless Chromium)"
for file in tests/browser/*.test.mjs; do node --test "$file"; done

echo
echo "All tests passed in $((SECONDS - started)) s."
