#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang under AddressSanitizer, LeakSanitizer
# and UBSan, and runs each from the checked-in seed corpus: `fuzz.sh SECONDS` for SECONDS per
# target with a random seed (`npm run fuzz` runs 300), `fuzz.sh --fixed` a fixed number of
# inputs from a fixed seed (npm test: the same inputs on every machine, so CI cannot fail by
# luck on a defect nobody has seen here; about 10 s per target). Any crash, sanitizer report, leak, allocation over 64 MB or
# broken invariant fails the run. New inputs found go to build/fuzz/corpus/<target>
# (kept between runs); prints executions and coverage per target.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--fixed" ]]; then
  fixed=1
  seconds=0
else
  fixed=0
  seconds=${1:-10}
fi
jobs=$(nproc 2>/dev/null || echo 2)

CXX=clang++ cmake -S . -B build/fuzz -DAP_FUZZ=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/fuzz -j"$jobs"

status=0
for target in activation trainer_config model_import; do
  work=build/fuzz/corpus/$target
  mkdir -p "$work"
  if ((fixed)); then
    # A fresh corpus each time: what earlier runs found must not change the inputs tried.
    rm -rf "$work" && mkdir -p "$work"
    case $target in
      model_import) budget=(-seed=1 -runs=50000) ;;
      *) budget=(-seed=1 -runs=15000) ;;
    esac
  else
    budget=(-max_total_time="$seconds")
  fi
  log=build/fuzz/$target.log
  # -malloc_limit_mb: any single allocation over 64 MB is a failure (the core must refuse
  # such requests with a message first); -rss_limit_mb bounds the whole process.
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "build/fuzz/fuzz_$target" "${budget[@]}" -malloc_limit_mb=64 -rss_limit_mb=1024 \
    -timeout=10 -dict=tests/fuzz/json.dict -artifact_prefix=build/fuzz/crash-$target- \
    -print_final_stats=1 "$work" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    echo "fuzz: $target FAILED; the input is build/fuzz/crash-$target-*:" >&2
    grep -E "ERROR|invariant|SUMMARY|==[0-9]+==" "$log" | head -20 >&2
    status=1
    continue
  fi
  runs=$(grep -oE "stat::number_of_executed_units: *[0-9]+" "$log" | grep -oE "[0-9]+$")
  last=$(grep -E "^#[0-9]+" "$log" | tail -1)
  cov=$(grep -oE "cov: [0-9]+ ft: [0-9]+" <<<"$last" || true)
  echo "fuzz: $target: $runs executions$( ((fixed)) || echo " in ${seconds} s"), $cov (edges, features), corpus $(ls "$work" | wc -l) + $(ls "tests/fuzz/corpus/$target" | wc -l) seeds"
done
exit $status
