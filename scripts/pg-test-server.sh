#!/usr/bin/env bash
# A throwaway PostgreSQL for the store's tests, from Debian's binaries (apt-get install postgresql).
#
#   scripts/pg-test-server.sh [start]   initialise a cluster in $PG_TEST_DIR (default: a new temp dir),
#                                       start it on a free loopback port with trust auth, create the
#                                       database gongkai_test, print its URL on stdout
#   scripts/pg-test-server.sh stop [DIR]  stop the cluster in DIR (default: $PG_TEST_DIR) and delete DIR
#
# Run as root, the server runs as the `postgres` user (initdb refuses root). Nothing is written
# outside the directory; the server listens on 127.0.0.1 only, with its socket in the directory.
# fsync is off: the tests kill clients, never this server, and the data is thrown away.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$bindir" || ! -x "$bindir/initdb" ]]; then
  echo "pg-test-server: no PostgreSQL binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
  exit 2
fi

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

command=${1:-start}
case "$command" in
  stop)
    dir=${2:-${PG_TEST_DIR:-}}
    if [[ -z "$dir" ]]; then
      echo "usage: pg-test-server.sh stop DIR (or set PG_TEST_DIR)" >&2
      exit 2
    fi
    if [[ -d "$dir/data" ]]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    exit 0
    ;;
  start) ;;
  *)
    echo "usage: pg-test-server.sh [start] | stop [DIR]" >&2
    exit 2
    ;;
esac

dir=${PG_TEST_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/gongkai-pg.XXXXXX")}
mkdir -p "$dir"
if [[ $(id -u) -eq 0 ]]; then chown postgres "$dir"; fi
port=${PG_TEST_PORT:-$(node -e "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")}
user=gongkai

as_owner "$bindir/initdb" -D "$dir/data" -U "$user" --auth=trust --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=300" start >/dev/null ||
  { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U "$user" gongkai_test

echo "postgres://$user@127.0.0.1:$port/gongkai_test"
