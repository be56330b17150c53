#!/usr/bin/env bash
# The whole test suite: unit, integration (real HTTP server), CLI and database tests (SQLite and
# PostgreSQL), HTML validation, and browser tests in Chromium (journeys, axe-core, Lighthouse).
# PostgreSQL must be reachable at $HELPATLAS_TEST_POSTGRES (default
# postgres://postgres@127.0.0.1:5432/postgres); the local server is started if needed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-postgres.sh
scripts/ensure-tools.sh
cargo test --workspace --locked
scripts/check-html.sh target/test-venv/bin
scripts/check-hsds.sh target/test-venv/bin
(cd tests/e2e && npm test)
