#!/usr/bin/env bash
# The README's commands: `scripts/dev.sh run` and `scripts/dev.sh test`, plus the small steps behind them.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}

find_python() {
  # The default python3 may be too old (Django 6.1 needs 3.12+), so look for a newer one.
  local candidates=(python3.14 python3.13 python3.12 python3)
  local root
  root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
  for dir in "$root"/versions/3.1[2-9]*/bin; do [ -x "$dir/python3" ] && candidates+=("$dir/python3"); done
  for candidate in "${candidates[@]}"; do
    if "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then
      command -v "$candidate" || echo "$candidate"
      return
    fi
  done
  echo "No Python 3.12+ found; install one (python.org or your package manager) and retry." >&2
  exit 1
}

setup() {
  if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 12))'; then
    rm -rf "$VENV"
    "$(find_python)" -m venv "$VENV"
  fi
  "$VENV/bin/python" -m pip install --quiet --upgrade pip
  "$VENV/bin/python" -m pip install --quiet -c constraints.txt -e ".[dev,frontend]"
}

run() {
  setup
  export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-cms.settings.dev}
  local cms_port=${CMS_PORT:-8000} frontend_port=${FRONTEND_PORT:-3000}
  # Both processes must agree on each other's public origin: page links, previews, API calls.
  export CMS_URL=${CMS_URL:-http://127.0.0.1:$cms_port}
  export FRONTEND_URL=${FRONTEND_URL:-http://127.0.0.1:$frontend_port}
  # The admin's preview panel frames the frontend, whichever local name the editor typed.
  export FRONTEND_FRAME_ANCESTORS=${FRONTEND_FRAME_ANCESTORS:-"$CMS_URL http://localhost:$cms_port"}
  "$VENV/bin/python" manage.py migrate --noinput
  "$VENV/bin/python" manage.py seed_demo
  local login
  login=$("$VENV/bin/python" manage.py ensure_admin)
  # Both servers run in the background of this shell; leaving it (Ctrl-C too) stops both.
  "$VENV/bin/python" manage.py runserver "127.0.0.1:$cms_port" &
  SERVER_PIDS=($!)
  FRONTEND_PORT=$frontend_port "$VENV/bin/python" -m frontend &
  SERVER_PIDS+=($!)
  trap 'kill "${SERVER_PIDS[@]}" 2>/dev/null' EXIT
  trap 'exit 130' INT TERM
  wait_for "$CMS_URL/admin/login/"
  wait_for "$FRONTEND_URL/healthz"
  echo
  echo "Frontend:  $FRONTEND_URL/"
  echo "CMS admin: $CMS_URL/admin/"
  echo "$login"
  echo
  wait -n
}

wait_for() {
  # Python rather than curl: a fresh machine may only have Python.
  "$VENV/bin/python" - "$1" <<'PY'
import sys, time, urllib.request

deadline = time.monotonic() + 90
while True:
    try:
        urllib.request.urlopen(sys.argv[1], timeout=5)
        break
    except OSError:
        if time.monotonic() > deadline:
            sys.exit(f"{sys.argv[1]} did not answer within 90 seconds")
        time.sleep(0.5)
PY
}

typecheck() {
  # Packages and options are in pyproject.toml ([tool.mypy]); the cache is .mypy_cache. The Django
  # plugin types settings.X from cms/settings, a dependency mypy's cache does not record, so a
  # cache older than the settings is dropped rather than trusted (it would repeat stale results).
  local stamp=.mypy_cache/settings.stamp
  if [ ! -e "$stamp" ] || [ -n "$(find cms/settings -name '*.py' -newer "$stamp")" ]; then
    rm -rf .mypy_cache
  fi
  "$VENV/bin/mypy"
  touch "$stamp"
}

test() {
  setup
  "$VENV/bin/ruff" check .
  "$VENV/bin/ruff" format --check .
  typecheck
  "$VENV/bin/python" -m pytest "$@"
}

cmd=${1:-}
shift || true
case "$cmd" in
  setup) setup ;;
  run) run ;;
  test) test "$@" ;;
  *) echo "usage: scripts/dev.sh {run|test|setup}" >&2; exit 2 ;;
esac
