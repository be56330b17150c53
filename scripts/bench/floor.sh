#!/usr/bin/env bash
# The floor under every page: one path at a time, `serve --no-cache` (every page computed), wrk with 32
# connections for SECONDS (default 6) per path; prints req/s, the server's CPU time per page and the
# page's size. Paths default to the start page, a country, and three results pages.
#
#   scripts/bench/floor.sh BIN BENCH_DIR [PATH...]     BENCH_DIR as made by `scripts/bench.sh N`
set -euo pipefail
. "$(dirname "$0")/computed.sh"
BIN=$1; DIR=$(realpath "$2"); shift 2
PORT=${BENCH_PORT:-28700}; SECS=${BENCH_SECONDS:-6}
PATHS=("$@")
[ ${#PATHS[@]} -gt 0 ] || PATHS=(/healthz / /no /no/search "/no/search?city=3143244" "/us/search?city=5128581&q=lonely")
start_computed "$BIN" "$DIR" "$PORT"
trap 'kill $PID 2>/dev/null || true' EXIT
tick_ms=$(echo "1000 / $(getconf CLK_TCK)" | bc -l)
for p in "${PATHS[@]}"; do
  for _ in 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; done
  cpu0=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  out=$(wrk -t 2 -c 32 -d "${SECS}s" "http://127.0.0.1:$PORT$p")
  cpu1=$(awk '{print $14 + $15}' "/proc/$PID/stat")
  requests=$(awk '/requests in/{print $1}' <<< "$out")
  bytes=$(curl -s "http://127.0.0.1:$PORT$p" | wc -c)
  echo "$p: $(awk '/^Requests\/sec/{print $2}' <<< "$out") req/s, CPU $(echo "scale=3; ($cpu1 - $cpu0) * $tick_ms / $requests" | bc -l) ms/page, $bytes bytes"
done
