#!/usr/bin/env bash
# Fuzzes the parsers of untrusted input with cargo-fuzz (libFuzzer, AddressSanitizer, nightly
# toolchain): each target for SECONDS (default 60) or, with RUNS set, for that many executions.
# Seeds are in fuzz/seeds/TARGET (kept small, in the repository); the growing corpus goes to
# target/fuzz-corpus/TARGET (not kept). A crash, hang (10 s) or out-of-memory (2 GB) stops with the
# input saved under fuzz/artifacts/TARGET; add it as a regression test.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]      all targets by default
#   RUNS=10000000 scripts/fuzz.sh 0 hsds_csv    ten million executions of one target
#   FUZZ_DEV=1 scripts/fuzz.sh 60               unoptimised build (CI's smoke: builds in a fraction of the
#                                               time, runs each input more slowly)
#   FUZZ_SANITIZER=none RUNS=10000000 ...       without AddressSanitizer: several times the executions a
#                                               second (the code fuzzed has no `unsafe`; its dependencies'
#                                               memory errors are then caught only if they crash)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(hsds_csv hsds_file query_params place_lookup bundled_toml)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
LIMIT=(-max_total_time="$SECONDS_EACH")
BUILD=(--sanitizer "${FUZZ_SANITIZER:-address}")
[ -n "${FUZZ_DEV:-}" ] && BUILD+=(--dev)
[ -n "${RUNS:-}" ] && LIMIT=(-runs="$RUNS")
for target in "${TARGETS[@]}"; do
  corpus=target/fuzz-corpus/$target
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  log=target/fuzz-corpus/$target.log
  started=$(date +%s)
  # Runs at the lowest priority: fuzzing takes every core it gets.
  if ! (cd fuzz && nice -n 19 cargo +nightly fuzz run "${BUILD[@]}" "$target" "../$corpus" "seeds/$target" -- \
      "${LIMIT[@]}" -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="artifacts/$target/") > "$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $target FAILED; the input is in fuzz/artifacts/$target" >&2
    exit 1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  echo "fuzz: $target ok: ${runs:-?} executions in $(( $(date +%s) - started )) s, corpus $(ls "$corpus" | wc -l) inputs"
done
