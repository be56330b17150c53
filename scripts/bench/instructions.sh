#!/usr/bin/env bash
# Instructions per computed page, counted by callgrind: steadier than CPU time on a shared host (±10%
# between runs there; within 0.1% at 1M and 1% at 100k here), but blind to the kernel and to waits on
# memory, so pair it with `compare.sh`. Each binary serves `--no-cache` under valgrind, takes one warm
# pass over PATHS, then counting is switched on for PASSES more (one connection) and off again.
# "Open now" is kept per service per minute, so a minute turning during the count adds its
# recomputation (~10% at 1M): the count starts just after a minute turns, after a second warm pass in
# that minute, and a count that another turn reached is flagged.
#
#   scripts/bench/instructions.sh BENCH_DIR PATHS PASSES BIN...   needs valgrind (Debian package)
#
# BENCH_DIR as made by `scripts/bench.sh N`; PATHS e.g. BENCH_DIR/html.paths. Writes BIN's profile to
# BENCH_DIR/results/instructions-NAME.cg (read it with `callgrind_annotate --inclusive=yes`).
set -euo pipefail
DIR=$(realpath "$1"); PATHS=$2; PASSES=$3; shift 3
PORT=${BENCH_PORT:-28750}
mkdir -p "$DIR/results"
fetch_all() { while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; done < "$PATHS"; }
next_minute() { local m; m=$(date +%M); while [ "$(date +%M)" = "$m" ]; do sleep 0.2; done; }
for BIN in "$@"; do
  out=$DIR/results/instructions-$(basename "$BIN").cg
  HELPATLAS_LOG=warn valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file="$out" \
    "$BIN" serve --data-dir "$DIR/data" --bind "127.0.0.1:$PORT" --no-cache > "$out.log" 2>&1 &
  VG=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do
    kill -0 "$VG" 2>/dev/null || { echo "$BIN exited before it was ready: is port $PORT in use?" >&2; exit 1; }
    sleep 1
  done
  fetch_all
  next_minute
  fetch_all
  minute=$(date +%H%M)
  callgrind_control -i on "$VG" > /dev/null 2>&1
  for _ in $(seq "$PASSES"); do fetch_all; done
  callgrind_control -i off "$VG" > /dev/null 2>&1
  [ "$(date +%H%M)" = "$minute" ] || echo "$BIN: a minute turned during the count; run it again" >&2
  kill "$VG"; wait "$VG" 2>/dev/null || true
  pages=$((PASSES * $(grep -c . "$PATHS")))
  total=$(awk '/^totals:/{print $2}' "$out")
  echo "$BIN: $pages pages, $total instructions, $((total / pages)) per page"
done
