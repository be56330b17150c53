#!/usr/bin/env bash
# How start-up, memory and one computed page at a time grow with the directory's size. For each bench
# directory (one made by `scripts/bench.sh N`: its data/ and html.paths): a start that builds the index
# (ready time, peak memory, resident memory 30 s later), every page of the mix one at a time on that
# server (`serve --no-cache`, best of three after one warm-up: mean, median, slowest), then a restart
# that reads the saved index (ready time, peak). Prints one block per directory.
#
#   scripts/bench/scale.sh BIN BENCH_DIR...        e.g. scripts/bench/scale.sh target/release/helpatlas /tmp/helpatlas-bench-*
set -euo pipefail
BIN=$(realpath "$1"); shift
PORT=${BENCH_PORT:-28600}
start() { # label; sets PID and prints the ready time and peak
  local t0; t0=$(date +%s.%N)
  HELPATLAS_LOG=info,tantivy=warn "$BIN" serve --data-dir data --bind "127.0.0.1:$PORT" --no-cache > "results/scale-$1.log" 2>&1 &
  PID=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.2; done
  echo "$1: ready after $(echo "$(date +%s.%N) - $t0" | bc | cut -c1-6) s, peak $(awk '/^VmHWM/{print int($2/1024)}' "/proc/$PID/status") MB"
}
stop() { kill "$PID"; wait "$PID" 2>/dev/null || true; }
for dir in "$@"; do
  cd "$dir" && mkdir -p results
  echo "== $dir, $(date -u +%FT%TZ)"
  rm -f data/search-index.bin
  start build
  sleep 30
  echo "resident 30 s later: $(awk '/^VmRSS/{print int($2/1024)}' "/proc/$PID/status") MB"
  while read -r p; do
    curl -s -o /dev/null "http://127.0.0.1:$PORT$p"
    for _ in 1 2 3; do curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$PORT$p"; done | sort -n | head -1
  done < html.paths | sort -n | awk '{t[NR] = $1 * 1000; s += t[NR]} END {printf "pages one at a time: mean %.2f ms, median %.2f ms, slowest %.2f ms\n", s / NR, t[int((NR + 1) / 2)], t[NR]}'
  stop
  start restart
  stop
  grep -h "search index" results/scale-build.log results/scale-restart.log | sed 's/\x1b\[[0-9;]*m//g; s/.*INFO [^ ]* //'
  echo "saved index: $(stat -c %s data/search-index.bin) bytes"
  cd - > /dev/null
done
