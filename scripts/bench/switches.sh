#!/usr/bin/env bash
# Context switches per page: for each binary, `serve --no-cache` (every page computed), one warm pass over
# the mix, then wrk on the HTML mix with 32 connections for SECONDS (default 10); the switches of all the
# server's threads (voluntary and not, from /proc) divided by the pages served.
#
#   scripts/bench/switches.sh BENCH_DIR BIN...     BENCH_DIR as made by `scripts/bench.sh N`
set -euo pipefail
. "$(dirname "$0")/computed.sh"
DIR=$(realpath "$1"); shift
PORT=${BENCH_PORT:-28700}; SECS=${BENCH_SECONDS:-10}
LUA=$(cd "$(dirname "$0")" && pwd)/wrk-paths.lua
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^(non)?voluntary_ctxt_switches/{s += $2} END {print s}'; }
for BIN in "$@"; do
  start_computed "$BIN" "$DIR" "$PORT"
  while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; done < "$DIR/html.paths"
  before=$(switches "$PID")
  out=$(WRK_PATHS=$DIR/html.paths wrk -t 2 -c 32 -d "${SECS}s" -s "$LUA" "http://127.0.0.1:$PORT")
  after=$(switches "$PID")
  requests=$(awk '/requests in/{print $1}' <<< "$out")
  echo "$BIN: $(awk '/^Requests\/sec/{print $2}' <<< "$out") req/s, $(echo "scale=2; ($after - $before) / $requests" | bc) context switches per page"
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
