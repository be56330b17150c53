#!/usr/bin/env bash
# Soak and overload of a release build on a synthetic directory (loopback only); figures go to
# $SOAK_DIR/results/summary.txt and BENCHMARKS.md (RELIABILITY) quotes them.
#
#  1. maximum: wrk, 32 connections, 20 s, on the benchmark's URL mix (scripts/bench/queries.py, HTML and
#     JSON), as served (repeated pages kept for the minute);
#  2. soak: SOAK_MINUTES (default 10) at about 80 % of that maximum (each connection pauses between
#     requests); no error, resident memory sampled every 10 s and compared from minute 2 to the end;
#  3. overload: a flood of distinct, never-kept searches (unique radius and text on the biggest
#     countries) on 64 connections while a second client asks for kept pages and every country's crisis
#     information; p99 of the second, how many of the flood were refused (503), peak memory.
#
#   scripts/soak.sh [SERVICES]     default 100000; needs wrk and python3
#
# Environment: SOAK_DIR (default /tmp/helpatlas-soak-SERVICES), SOAK_PORT (default 28617), SOAK_MINUTES
# (0: maximum and overload only).
set -euo pipefail
N=${1:-100000}
PORT=${SOAK_PORT:-28617}
MINUTES=${SOAK_MINUTES:-10}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/target/release/helpatlas
W=${SOAK_DIR:-/tmp/helpatlas-soak-$N}
R=$W/results
mkdir -p "$R"
cd "$W"
SERVER=
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true; }
trap cleanup EXIT
log() { echo "== $*" | tee -a "$R/summary.txt"; }
: > "$R/summary.txt"
log "date $(date -u +%FT%TZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem/{print $2}') GB RAM; load average $(cut -d' ' -f1-3 /proc/loadavg); services $N"

(cd "$ROOT" && nice -n 19 cargo build --release --locked --quiet -p helpatlas)
if [ ! -f imported ]; then
  rm -rf data gen
  "$BIN" generate --services "$N" --seed 1 --out gen > gen.files
  while read -r f; do "$BIN" import "$f" --data-dir data > /dev/null; done < gen.files
  touch imported
fi

HELPATLAS_LOG=warn "$BIN" serve --data-dir data --bind "127.0.0.1:$PORT" > "$R/serve.log" 2>&1 &
SERVER=$!
until curl -sf -o /dev/null "http://127.0.0.1:$PORT/readyz"; do sleep 0.5; done
rss() { awk '/^VmRSS/{print int($2 / 1024)}' "/proc/$SERVER/status"; }
sleep 20
log "server ready; resident memory $(rss) MB"

# The benchmark's URL mix, HTML and JSON together.
python3 "$ROOT/scripts/bench/queries.py" "$ROOT/data/reference/cities.tsv" > mix.tsv
python3 - <<'PY'
import urllib.parse as u
paths = []
for line in open("mix.tsv"):
    cc, city, lat, lon, sub, kind, text = line.rstrip("\n").split("\t")
    params = [("city", city)] if city else []
    if text: params.append(("q", text))
    paths.append("/api/search?" + u.urlencode([("country", cc)] + ([("kind", kind)] if kind else []) + params))
    paths.append(f"/{cc.lower()}/{kind or 'search'}" + ("?" + u.urlencode(params) if params else ""))
open("mix.paths", "w").write("\n".join(paths) + "\n")
PY
# Every country's crisis information, and the mix's pages (kept after their first request).
python3 - "$ROOT/data/directory" <<'PY'
import os, sys
codes = sorted(f[:-5] for f in os.listdir(sys.argv[1]) if f.endswith(".toml") and len(f) == 7)
paths = [p for cc in codes for p in (f"/{cc}", f"/{cc}/helplines")]
paths += [l.strip() for l in open("mix.paths")]
open("steady.paths", "w").write("\n".join(paths) + "\n")
PY
while read -r p; do curl -s -o /dev/null "http://127.0.0.1:$PORT$p"; done < steady.paths

wrk_run() { # name connections seconds paths [delay-µs] [script]
  WRK_PATHS=$4 WRK_DELAY_US=${5:-0} wrk -t 2 -c "$2" -d "$3s" --latency -s "$ROOT/scripts/bench/${6:-wrk-soak.lua}" \
    "http://127.0.0.1:$PORT" > "$R/$1.txt"
}
figures() { # name
  local f=$R/$1.txt
  echo "p50 $(awk '/^ +50%/{print $2}' "$f"), p99 $(awk '/^ +99%/{print $2}' "$f"), $(awk '/^Requests\/sec/{print $2}' "$f") req/s, $(awk '/requests in/{print $1}' "$f") requests, errors: $(grep -E 'Socket errors|Non-2xx' "$f" | tr '\n' ' ' || true)"
}

wrk_run maximum 32 20 "$W/mix.paths"
MAX=$(awk '/^Requests\/sec/{print int($2)}' "$R/maximum.txt")
log "maximum on the mix, 32 connections: $(figures maximum)"

# 80 % of the maximum: each of 32 connections waits so that together they ask for 0.8 × MAX a second.
# At the maximum a request takes 32/MAX s (Little's law); a pause of a quarter of that per request
# brings the rate to 80 % (a little more, as requests are faster under less load: the rate reached is
# what wrk reports).
if [ "$MINUTES" -gt 0 ]; then
DELAY=$((8000000 / MAX))
( for i in $(seq 1 $((MINUTES * 6))); do sleep 10; echo "$((i * 10)) $(rss)"; done > "$R/soak-rss.txt" ) &
SAMPLER=$!
wrk_run soak 32 $((MINUTES * 60)) "$W/mix.paths" "$DELAY"
wait $SAMPLER
log "soak of $MINUTES minutes at a target of $((MAX * 8 / 10)) req/s (pause ${DELAY} µs a request): $(figures soak)"
python3 - "$R/soak-rss.txt" <<'PY' | tee -a "$R/summary.txt"
import sys
rows = [tuple(map(int, l.split())) for l in open(sys.argv[1]) if l.strip()]
after2 = [mb for s, mb in rows if s >= 120]
first, last, lo, hi = after2[0], after2[-1], min(after2), max(after2)
print(f"== resident memory from minute 2 to the end: {first} MB → {last} MB (min {lo}, max {hi}; "
      f"change {100 * (last - first) / first:+.1f} %, spread {100 * (hi - lo) / first:.1f} %)")
PY
fi

# Overload: searches nobody asked before (wrk-flood.lua makes each radius unique) on the countries with
# the most services, with and without text.
python3 - <<'PY'
countries = ["us", "cn", "in", "br", "de", "gb", "jp", "mx", "ng", "no", "se"]
kinds = ["in-person", "helplines", "online-therapy", "support-groups", "search"]
words = ["", "depression", "anxiety", "panic", "sleep", "grief", "alcohol", "stress", "lonely"]
with open("flood.paths", "w") as f:
    for cc in countries:
        for kind in kinds:
            for word in words:
                f.write(f"/{cc}/{kind}?q={word}\n")
PY
RSS_BEFORE=$(rss)
( peak=0; while kill -0 $SERVER 2>/dev/null; do m=$(rss); [ "$m" -gt "$peak" ] && peak=$m; echo "$peak" > "$R/flood-peak.txt"; sleep 1; done ) &
PEAKER=$!
wrk_run flood 64 60 "$W/flood.paths" 0 wrk-flood.lua &
FLOOD=$!
sleep 5
wrk_run steady-under-flood 4 50 "$W/steady.paths"
wait $FLOOD
kill $PEAKER 2>/dev/null || true
log "flood of distinct searches, 64 connections, 60 s: $(figures flood)"
log "kept pages and crisis information meanwhile, 4 connections, 50 s: $(figures steady-under-flood)"
log "resident memory before the flood $RSS_BEFORE MB, peak during it $(cat "$R/flood-peak.txt") MB, after $(rss) MB"
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^helpatlas_requests_shed_total' | sed 's/^/== /' | tee -a "$R/summary.txt"
log "done; raw outputs in $R"
