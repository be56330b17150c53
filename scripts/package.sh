#!/usr/bin/env bash
# Builds the Debian package and proves it on this machine: `cargo deb` (release build), the unit
# checked with `systemd-analyze verify`, `dpkg -i`, the installed binary started as the service's user
# with the installed settings and asked for a page, then `dpkg --purge` (the user, the data and the
# binary are gone afterwards). Needs root and cargo-deb (`cargo install cargo-deb`). The package is
# left in target/debian/.
#
#   scripts/package.sh     PACKAGE_PORT (default 28517): where the installed server listens;
#                          PACKAGE_PROFILE (default release): `dev` packages the debug build, to check
#                          the packaging quickly without a release build
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PACKAGE_PORT:-28517}
PROFILE=${PACKAGE_PROFILE:-release}

command -v cargo-deb >/dev/null || cargo install cargo-deb --version 3.8.0 --locked
nice -n 19 cargo build --profile "$PROFILE" --locked -p helpatlas
# The debug build's package is for checking only: fast compression (25 s instead of 2 min for its 43 MB).
FAST=(); [ "$PROFILE" = dev ] && FAST=(--fast)
cargo deb -p helpatlas --no-build --profile "$PROFILE" "${FAST[@]}" --output target/debian/helpatlas.deb

SERVER=
cleanup() {
  [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null || true
  dpkg --purge helpatlas >/dev/null 2>&1 || true
}
trap cleanup EXIT

dpkg -i target/debian/helpatlas.deb
UNIT=/lib/systemd/system/helpatlas.service
[ -f "$UNIT" ] || UNIT=/usr/lib/systemd/system/helpatlas.service
systemd-analyze verify "$UNIT"
for setting in 'User=helpatlas' 'ProtectSystem=strict' 'NoNewPrivileges=yes' 'PrivateTmp=yes' 'StateDirectory=helpatlas'; do
  grep -qx "$setting" "$UNIT" || { echo "the installed unit lacks $setting" >&2; exit 1; }
done
getent passwd helpatlas >/dev/null || { echo "no helpatlas user after installation" >&2; exit 1; }
[ "$(stat -c %U /var/lib/helpatlas)" = helpatlas ] || { echo "/var/lib/helpatlas is not the service's" >&2; exit 1; }

# As the unit runs it (systemd is not PID 1 in CI containers): its user, its settings file.
set -a; . /etc/helpatlas/helpatlas.env; set +a
# setpriv execs the server itself, so the SIGTERM below reaches it as systemd's would.
HELPATLAS_BIND=127.0.0.1:$PORT setpriv --reuid helpatlas --regid helpatlas --init-groups --no-new-privs \
  /usr/bin/helpatlas serve > target/debian/serve.log 2>&1 &
SERVER=$!
for _ in $(seq 1 120); do
  curl -sf --max-time 120 -o /dev/null "http://127.0.0.1:$PORT/readyz" && break
  kill -0 "$SERVER" 2>/dev/null || { cat target/debian/serve.log >&2; exit 1; }
  sleep 0.5
done
# Into a file, not a pipe: `grep -q` stops reading at the first match, and under pipefail curl's
# failed write would then fail the check.
status=$(curl -s -o target/debian/no.html -w '%{http_code}' "http://127.0.0.1:$PORT/no" || true)
grep -q 'class="tel big"' target/debian/no.html || {
  echo "the installed server does not serve /no (HTTP $status; the page is target/debian/no.html)" >&2; exit 1; }
[ -f /var/lib/helpatlas/helpatlas.db ] || { echo "no database in /var/lib/helpatlas" >&2; exit 1; }
kill -TERM "$SERVER"
wait "$SERVER" || { echo "the installed server did not exit cleanly on SIGTERM" >&2; exit 1; }
SERVER=

dpkg --purge helpatlas
if [ -e /usr/bin/helpatlas ] || [ -e /var/lib/helpatlas ] || getent passwd helpatlas >/dev/null; then
  echo "dpkg --purge left the binary, the data or the user behind" >&2; exit 1
fi
echo "package ok: $(ls -l target/debian/helpatlas.deb | awk '{print $5}') bytes, installed, served /no, purged"
