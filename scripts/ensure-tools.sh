#!/usr/bin/env bash
# Installs what the browser and validation tests need on a fresh machine, from the package registries
# only: Debian's chromium (and Java for the Nu HTML checker), the npm packages of tests/e2e, and the
# pinned PyPI tools in a virtual environment at target/test-venv. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "please install: ${missing[*]} (Debian packages)" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)

venv=target/test-venv
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r scripts/requirements-test.txt
