#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and the benchmark (Debian's packages, no system cluster):
#   scripts/pg-test-server.sh start   initdb a fresh data directory, start on 127.0.0.1 at a free port, print the URL
#   scripts/pg-test-server.sh url     print the URL of the running server
#   scripts/pg-test-server.sh stop    stop the server and delete its data directory
# Its state lives in $CROSSCHECK_PG_DIR, or else in a fresh `mktemp -d` folder whose path `start`
# records in ~/.crosscheck-pg-test-dir (a file only this user writes) for `url` and `stop`, and
# prints on stderr. TCP logins (127.0.0.1 only) need the password of the `postgres` user, a random
# one made at start and kept in the state folder (mode 600); only the private socket folder is `trust`.
# initdb and postgres refuse to run as root; as root they run as the `postgres` user.
set -euo pipefail

pointer=${HOME:-/root}/.crosscheck-pg-test-dir

if [ -n "${CROSSCHECK_PG_DIR:-}" ]; then
  state=$CROSSCHECK_PG_DIR
elif [ "${1:-}" = start ] && ! { [ -f "$pointer" ] && [ -f "$(cat "$pointer")/port" ]; }; then
  state=$(mktemp -d "${TMPDIR:-/tmp}/crosscheck-pg-test.XXXXXXXX")
  echo "$state" >"$pointer"
elif [ -f "$pointer" ]; then
  state=$(cat "$pointer")
else
  state=""
fi

find_bin() {
  if command -v pg_ctl >/dev/null 2>&1; then dirname "$(command -v pg_ctl)"; return; fi
  local latest
  latest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$latest" ]; then echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; fi
  echo "$latest"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(seq 55432 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port in 55432-55532" >&2; exit 1
}

url() {
  [ -n "$state" ] && [ -f "$state/port" ] || { echo "no test server is running (scripts/pg-test-server.sh start)" >&2; exit 1; }
  echo "postgres://postgres:$(cat "$state/password")@127.0.0.1:$(cat "$state/port")/postgres"
}

case "${1:-}" in
  start)
    bin=$(find_bin)
    data=$state/data
    sockets=$state/sockets
    if [ -f "$state/port" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then url; exit 0; fi
    rm -rf "$data" "$sockets" "$state/port" "$state/password"
    mkdir -p "$data" "$sockets"
    chmod 700 "$state" "$data" "$sockets" # the socket folder is `trust`: only the server's user may reach it
    # Hex, so the URL needs no escaping.
    (umask 077; od -An -N16 -tx1 /dev/urandom | tr -d ' \n' >"$state/password")
    if [ "$(id -u)" = 0 ]; then
      chown -R postgres:postgres "$state"
      chmod o+x "$(dirname "$state")" # the server's user must reach its folder (mktemp makes it private)
    fi
    as_owner "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 --pwfile="$state/password" \
      --encoding=UTF8 --locale=C.UTF-8 >"$state/initdb.log" 2>&1 \
      || { cat "$state/initdb.log" >&2; exit 1; }
    port=$(free_port)
    # Small and fast: the data is thrown away, so durability settings are off.
    as_owner "$bin/pg_ctl" -D "$data" -l "$state/server.log" -w -t 60 \
      -o "-p $port -k $sockets -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null || { cat "$state/server.log" >&2; exit 1; }
    echo "$port" >"$state/port"
    [ -n "${CROSSCHECK_PG_DIR:-}" ] || echo "test server state in $state (recorded in $pointer)" >&2
    url
    ;;
  url)
    url
    ;;
  stop)
    [ -n "$state" ] || exit 0
    if [ -d "$state/data" ]; then
      bin=$(find_bin)
      as_owner "$bin/pg_ctl" -D "$state/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$state"
    if [ -z "${CROSSCHECK_PG_DIR:-}" ]; then rm -f "$pointer"; fi
    ;;
  *)
    echo "usage: $0 start|url|stop" >&2
    exit 2
    ;;
esac
