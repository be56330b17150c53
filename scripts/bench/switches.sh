#!/usr/bin/env bash
# Context switches per page: for each binary, `serve --no-cache` (every page computed), one warm pass over
# the mix, then wrk on the HTML mix with 32 connections for SECONDS (default 10); the switches of all the
# server's threads (voluntary and not, from /proc) divided by the pages served.
#
#   scripts/bench/switches.sh BENCH_DIR BIN...     BENCH_DIR as made by `scripts/bench.sh N`
set -euo pipefail
DIR=$(realpath "$1"); shift
PORT=${BENCH_PORT:-28700}; SECS=${BENCH_SECONDS:-10}
LUA=$(cd "$(dirname "$0")" && pwd)/wrk-paths.lua
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/^(non)?voluntary_ctxt_switches/{s += $2} END {print s}'; }
for BIN in "$@"; do
  HELPATLAS_LOG=warn "$BIN" serve --data-dir "$DIR/data" --bind "127.0.0.1:$PORT" --no-cache > /dev/null 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    kill -0 "$PID" 2>/dev/null || { echo "$BIN exited before it was ready: is port $PORT in use?" >&2; exit 1; }
    sleep 0.3
  done
  while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; done < "$DIR/html.paths"
  before=$(switches "$PID")
  out=$(WRK_PATHS=$DIR/html.paths wrk -t 2 -c 32 -d "${SECS}s" -s "$LUA" "http://127.0.0.1:$PORT")
  after=$(switches "$PID")
  requests=$(awk '/requests in/{print $1}' <<< "$out")
  echo "$BIN: $(awk '/^Requests\/sec/{print $2}' <<< "$out") req/s, $(echo "scale=2; ($after - $before) / $requests" | bc) context switches per page"
  kill "$PID"; wait "$PID" 2>/dev/null || true
done
