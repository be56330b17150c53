#!/usr/bin/env bash
# Binaries side by side on the same data: for each, `serve --no-cache` (every page computed), one warm
# pass over the mix, then wrk on the HTML mix with 32 connections and with 1 (SECONDS each).
#
#   scripts/bench/compare.sh BENCH_DIR SECONDS BIN...     BENCH_DIR as made by `scripts/bench.sh N`
set -euo pipefail
. "$(dirname "$0")/computed.sh"
DIR=$(realpath "$1"); SECS=$2; shift 2
PORT=${BENCH_PORT:-28700}
LUA=$(cd "$(dirname "$0")" && pwd)/wrk-paths.lua
for BIN in "$@"; do
  start_computed "$BIN" "$DIR" "$PORT"
  sleep 3
  while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; done < "$DIR/html.paths"
  for c in 32 1; do
    cpu0=$(awk '{print $14 + $15}' "/proc/$PID/stat"); steal0=$(awk '/^cpu /{print $9}' /proc/stat)
    out=$(WRK_PATHS=$DIR/html.paths wrk -t "$([ "$c" = 1 ] && echo 1 || echo 2)" -c "$c" -d "${SECS}s" --latency -s "$LUA" "http://127.0.0.1:$PORT")
    cpu1=$(awk '{print $14 + $15}' "/proc/$PID/stat"); steal1=$(awk '/^cpu /{print $9}' /proc/stat)
    requests=$(awk '/requests in/{print $1}' <<< "$out")
    tick_ms=$(echo "1000 / $(getconf CLK_TCK)" | bc -l)
    cpu=$(echo "scale=3; ($cpu1 - $cpu0) * $tick_ms / $requests" | bc -l)
    echo "$BIN, $c conn.: p50 $(awk '/^ +50%/{print $2}' <<< "$out"), p99 $(awk '/^ +99%/{print $2}' <<< "$out"), $(awk '/^Requests\/sec/{print $2}' <<< "$out") req/s, CPU $cpu ms/page, steal $((steal1 - steal0)) ticks"
  done
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
