#!/usr/bin/env bash
# Runs one command and samples its memory every half second, for phases of an import or a start-up.
#   scripts/bench/rss.sh OUT COMMAND [ARGS...]
# Writes OUT.log (the command's output, then its exit status, wall time and peak memory: VmHWM, MB) and
# OUT.rss (seconds since start and resident memory in MB, one sample a line).
set -uo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT COMMAND [ARGS...]" >&2
  exit 2
fi
out=$1
shift
rm -f "$out.rss"
start=$(date +%s.%N)
"$@" >"$out.log" 2>&1 &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
  rss=$(awk '/VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null)
  hwm=$(awk '/VmHWM/{print $2}' "/proc/$pid/status" 2>/dev/null)
  [ -n "$hwm" ] && peak=$hwm
  echo "$(echo "$(date +%s.%N) - $start" | bc) $((${rss:-0} / 1024))" >>"$out.rss"
  sleep 0.5
done
wait "$pid"
status=$?
echo "exit $status elapsed $(echo "$(date +%s.%N) - $start" | bc) peak_MB $((peak / 1024))" >>"$out.log"
exit "$status"
