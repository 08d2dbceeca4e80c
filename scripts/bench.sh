#!/usr/bin/env bash
# The benchmark of docs/benchmarks.md: plain Wagtail API v2 against ours, on the same data, in one run.
# `scripts/bench.sh --scale --sizes 2000,20000,100000 --db both` runs the network-scale one
# (bench/scale.py): bulk data sets, every endpoint, growth, publish and re-render.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
[ -x "$VENV/bin/gunicorn" ] || scripts/dev.sh setup
if [ "${1:-}" = "--scale" ]; then
    shift
    exec "$VENV/bin/python" -m bench.scale "$@"
fi
exec "$VENV/bin/python" -m bench.run "$@"
