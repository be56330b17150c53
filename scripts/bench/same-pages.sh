#!/usr/bin/env bash
# Two binaries serving the same data, every path fetched from each: the paths whose bodies differ are
# printed, then how many there were. For changes that must leave every page and answer as it was.
#
#   scripts/bench/same-pages.sh BENCH_DIR PATHS BIN_A BIN_B
#
# Pages say what is open now: fetch while no minute turns, or expect those to differ.
set -euo pipefail
. "$(dirname "$0")/computed.sh"
DIR=$(realpath "$1"); PATHS=$2
PORT=${BENCH_PORT:-28731}
start_computed "$3" "$DIR" "$PORT"; A=$PID
start_computed "$4" "$DIR" "$((PORT + 1))"; B=$PID
trap 'kill "$A" "$B" 2>/dev/null || true' EXIT
n=0; differ=0
while read -r p; do
  n=$((n + 1))
  if ! cmp -s <(curl -s "http://127.0.0.1:$PORT$p") <(curl -s "http://127.0.0.1:$((PORT + 1))$p"); then
    differ=$((differ + 1)); echo "differs: $p"
  fi
done < "$PATHS"
echo "$n paths, $differ differ"
[ "$differ" = 0 ]
