#!/usr/bin/env bash
# Starts the machine's PostgreSQL cluster when nothing answers on 127.0.0.1:5432 (the database tests
# need it). Does nothing when a server is already there or HELPATLAS_TEST_POSTGRES points elsewhere.
set -euo pipefail
[ -n "${HELPATLAS_TEST_POSTGRES:-}" ] && exit 0
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  exit 0
fi
if command -v pg_ctlcluster >/dev/null 2>&1; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
  sleep 1
done
echo "PostgreSQL is not reachable at 127.0.0.1:5432; set HELPATLAS_TEST_POSTGRES to a server URL" >&2
exit 1
