#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md: plain Wagtail API v2 against ours, on the same data, in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
[ -x "$VENV/bin/gunicorn" ] || scripts/dev.sh setup
exec "$VENV/bin/python" -m bench.run "$@"
