#!/usr/bin/env bash
# The whole test suite: unit, integration (real HTTP server), CLI and database tests (SQLite and
# PostgreSQL). PostgreSQL must be reachable at $HELPATLAS_TEST_POSTGRES
# (default postgres://postgres@127.0.0.1:5432/postgres); .ci/run starts the local server if needed.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/ensure-postgres.sh
cargo test --workspace --locked
