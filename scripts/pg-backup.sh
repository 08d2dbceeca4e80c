#!/usr/bin/env bash
# Back up and restore the CMS's PostgreSQL database (docs/operations.md, "Backup and restore").
#   scripts/pg-backup.sh dump    DATABASE_URL FILE   custom-format dump of the whole database
#   scripts/pg-backup.sh restore FILE DATABASE_URL   into an empty database, all or nothing
set -euo pipefail

dump() {
  local url=$1 file=$2
  # Ownership and grants belong to the target server's roles, not to the source's.
  pg_dump --format=custom --no-owner --no-privileges --file="$file" --dbname="$url"
  # A dump that pg_restore cannot list is no backup: fail now rather than on the day it is needed.
  pg_restore --list "$file" >/dev/null
  echo "dumped $(du -h "$file" | cut -f1) to $file"
}

restore() {
  local file=$1 url=$2 tables
  tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$url" \
    --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  if [ "$tables" != "0" ]; then
    echo "refusing to restore into a database that already has $tables tables; create an empty one" >&2
    exit 1
  fi
  pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$url" "$file"
  echo "restored $file"
}

cmd=${1:-}
shift || true
case "$cmd" in
  dump) [ $# -eq 2 ] || { echo "usage: $0 dump DATABASE_URL FILE" >&2; exit 2; }; dump "$@" ;;
  restore) [ $# -eq 2 ] || { echo "usage: $0 restore FILE DATABASE_URL" >&2; exit 2; }; restore "$@" ;;
  *) echo "usage: $0 {dump DATABASE_URL FILE | restore FILE DATABASE_URL}" >&2; exit 2 ;;
esac
