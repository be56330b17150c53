#!/usr/bin/env bash
# Benchmarks of search at scale, on loopback only: index build and restart time, serving RSS, latency p50/p99 of the
# JSON search endpoint and the HTML results pages (single client, then 32 connections), beside nginx
# serving saved copies of the same pages and PostgreSQL (tsvector/GIN + earthdistance) answering the
# same queries on the same data. Results go to $BENCH_DIR/results; see BENCHMARKS.md.
#
#   scripts/bench.sh [SERVICES]          default 100000; needs wrk, nginx, psql/pgbench, python3
#
# Environment: BENCH_DIR (default /tmp/helpatlas-bench-SERVICES), BENCH_SECONDS (default 20),
# BENCH_PORT (default 28417; nginx uses the next one), BENCH_POSTGRES (default
# postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
N=${1:-100000}
SECS=${BENCH_SECONDS:-20}
PORT=${BENCH_PORT:-28417}
NGINX_PORT=$((PORT + 1))
PG=${BENCH_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}
PGDB=helpatlas_bench_$N
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${CARGO_TARGET_DIR:-$ROOT/target}/release/helpatlas
W=${BENCH_DIR:-/tmp/helpatlas-bench-$N}
mkdir -p "$W/results"
cd "$W"
R=$W/results
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

log() { echo "== $*" | tee -a "$R/summary.txt"; }
: > "$R/summary.txt"
log "date $(date -u +%FT%TZ); $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(free -g | awk '/Mem/{print $2}') GB RAM; services $N"

(cd "$ROOT" && cargo build --release --quiet)

if [ ! -f imported ]; then
  rm -rf data gen
  /usr/bin/time -f "%e s" -o "$R/generate.time" "$BIN" generate --services "$N" --seed 1 --out gen > gen.files
  start=$(date +%s.%N)
  while read -r f; do "$BIN" import "$f" --data-dir data; done < gen.files
  echo "$(echo "$(date +%s.%N) - $start" | bc) s" > "$R/import.time"
  touch imported
fi
log "generate $(cat "$R/generate.time"), import $(cat "$R/import.time")"

# --- the server: start-up, index build, memory. MODE "computed" (--no-cache: every page and answer
# computed afresh) or "cached" (repeated pages kept for the minute, as served by default).
start_server() { # mode
  local flags=() start
  [ "$1" = computed ] && flags=(--no-cache)
  start=$(date +%s.%N)
  HELPATLAS_LOG=info,tantivy=warn "$BIN" serve --data-dir data --bind "127.0.0.1:$PORT" "${flags[@]}" > "$R/serve-$1.log" 2>&1 &
  PIDS+=($!)
  SERVER=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz"; do sleep 0.5; done
  log "$1 server ready after $(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s; $(index_log "$1" 'search index (built|read)')"
  log "$1 memory after start: $(memory)"
  # Memory freed after the build (the loaded records) goes back to the system over the next seconds.
  sleep 30
  log "$1 memory 30 s after start: $(memory); $(index_log "$1" 'search index saved')"
}
index_log() { grep -E "$2" "$R/serve-$1.log" | sed 's/.*INFO[^ ]* //' | sed 's/\x1b\[[0-9;]*m//g'; }
memory() { awk '/^(VmHWM|VmRSS|RssAnon|RssFile)/{printf "%s %d MB ", $1, $2 / 1024}' "/proc/$SERVER/status"; }
stop_server() { kill "$SERVER"; wait "$SERVER" 2>/dev/null || true; }

# --- the query mix, as JSON API and HTML paths
python3 "$ROOT/scripts/bench/queries.py" "$ROOT/data/reference/cities.tsv" > mix.tsv
python3 - <<'PY'
import urllib.parse as u
json_paths, html_paths = [], []
for line in open("mix.tsv"):
    cc, city, lat, lon, sub, kind, text = line.rstrip("\n").split("\t")
    params = [("city", city)] if city else []
    if text: params.append(("q", text))
    api = [("country", cc)] + ([("kind", kind)] if kind else []) + params
    json_paths.append("/api/search?" + u.urlencode(api))
    html_paths.append(f"/{cc.lower()}/{kind or 'search'}" + ("?" + u.urlencode(params) if params else ""))
open("json.paths", "w").write("\n".join(json_paths) + "\n")
open("html.paths", "w").write("\n".join(html_paths) + "\n")
PY
run_wrk() { # name connections paths base
  WRK_PATHS=$3 wrk -t "$([ "$2" = 1 ] && echo 1 || echo 2)" -c "$2" -d "${SECS}s" --latency -s "$ROOT/scripts/bench/wrk-paths.lua" "$4" > "$R/$1.txt"
  local p50 p99 rps
  p50=$(awk '/^ +50%/{print $2}' "$R/$1.txt"); p99=$(awk '/^ +99%/{print $2}' "$R/$1.txt"); rps=$(awk '/^Requests\/sec/{print $2}' "$R/$1.txt")
  log "$1: p50 $p50, p99 $p99, $rps req/s"
}
# The first start builds the index from the store and saves it (data/search-index.bin); the second
# (cached) is a restart with unchanged data, which reads the saved index.
rm -f data/search-index.bin
for mode in computed cached; do
  start_server "$mode"
  for kind in json html; do
    while read -r p; do curl -s -o /dev/null -w "%{http_code} %{time_total} $p\n" "http://127.0.0.1:$PORT$p"; done < $kind.paths > "$R/$kind-first-$mode.txt"
    grep -v '^200' "$R/$kind-first-$mode.txt" && { echo "a $kind query failed"; exit 1; }
  done
  run_wrk "$mode-json-c1" 1 "$W/json.paths" "http://127.0.0.1:$PORT"
  run_wrk "$mode-json-c32" 32 "$W/json.paths" "http://127.0.0.1:$PORT"
  run_wrk "$mode-html-c1" 1 "$W/html.paths" "http://127.0.0.1:$PORT"
  run_wrk "$mode-html-c32" 32 "$W/html.paths" "http://127.0.0.1:$PORT"
  log "$mode memory after the load: $(memory)"
  [ "$mode" = cached ] || stop_server
done

# --- nginx serving saved copies of the same HTML pages
rm -rf static && mkdir -p static nginx
n=0; : > static.paths
while read -r p; do n=$((n + 1)); curl -s -o "static/$n.html" "http://127.0.0.1:$PORT$p"; echo "/$n.html" >> static.paths; done < html.paths
stop_server
cat > nginx/nginx.conf <<NGINX
worker_processes 2;
pid $W/nginx/nginx.pid;
error_log $W/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  include /etc/nginx/mime.types;
  server { listen 127.0.0.1:$NGINX_PORT; root $W/static; }
}
NGINX
nginx -c "$W/nginx/nginx.conf" -g 'daemon off;' &
PIDS+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT/1.html"; do sleep 0.2; done
run_wrk nginx-c1 1 "$W/static.paths" "http://127.0.0.1:$NGINX_PORT"
run_wrk nginx-c32 32 "$W/static.paths" "http://127.0.0.1:$NGINX_PORT"
kill "${PIDS[-1]}"

# --- PostgreSQL: tsvector + GIN, earthdistance, same data and queries
if [ "$(psql "$PG" -tAc "SELECT 1 FROM pg_database WHERE datname = '$PGDB'")" != 1 ]; then
  python3 "$ROOT/scripts/bench/pg.py" load $(cat gen.files)
  psql -q "$PG" -c "CREATE DATABASE $PGDB"
  PGURL=${PG%/*}/$PGDB
  start=$(date +%s.%N)
  psql -q -v ON_ERROR_STOP=1 "$PGURL" <<SQL
CREATE EXTENSION cube; CREATE EXTENSION earthdistance;
CREATE TABLE services (id uuid PRIMARY KEY, kind text, name text, world bool, country text, subdivision text,
  area_lat float8, area_lon float8, area_km float8, loc_lat float8, loc_lon float8, verified_on date,
  config regconfig, body text, tsv tsvector);
\copy services (id, kind, name, world, country, subdivision, area_lat, area_lon, area_km, loc_lat, loc_lon, verified_on, config, body) FROM 'services.tsv'
UPDATE services SET tsv = to_tsvector(config, body) || to_tsvector('simple', body);
CREATE INDEX ON services USING gin (tsv);
CREATE INDEX ON services (country);
CREATE INDEX ON services (subdivision text_pattern_ops);
CREATE INDEX ON services (world) WHERE world;
CREATE INDEX ON services USING gist (ll_to_earth(area_lat, area_lon));
CREATE INDEX ON services USING gist (ll_to_earth(loc_lat, loc_lon));
VACUUM ANALYZE services;
SQL
  echo "$(echo "$(date +%s.%N) - $start" | bc | cut -c1-6) s" > "$R/pg-load.time"
fi
log "PostgreSQL load and indexing: $(cat "$R/pg-load.time")"
PGURL=${PG%/*}/$PGDB
rm -rf pgq && python3 "$ROOT/scripts/bench/pg.py" queries mix.tsv pgq
for f in pgq/*.sql; do psql -q "$PGURL" -f "$f" > /dev/null; done
run_pgbench() { # name clients
  rm -rf "pglog-$1" && mkdir "pglog-$1"
  (cd "pglog-$1" && pgbench -n -c "$2" -j "$([ "$2" = 1 ] && echo 1 || echo 2)" -T "$SECS" -l $(for f in "$W"/pgq/*.sql; do echo -f "$f"; done) "$PGURL" > "$R/$1.txt" 2>&1)
  log "$1: $(cat pglog-$1/pgbench_log.* | python3 -c '
import sys
t = sorted(int(l.split()[2]) for l in sys.stdin)
q = lambda p: t[min(len(t) - 1, int(p * len(t)))] / 1000
print(f"p50 {q(0.5):.2f}ms, p99 {q(0.99):.2f}ms,", end=" ")'
  ) $(awk '/^tps/{print $3}' "$R/$1.txt") req/s"
}
run_pgbench postgres-c1 1
run_pgbench postgres-c32 32
log "done; raw outputs in $R"
