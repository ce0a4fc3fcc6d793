#!/usr/bin/env bash
# Run a command (default: `make test`) against a throwaway PostgreSQL cluster.
#
#   scripts/test_pg.sh                        # the whole suite, store tests on SQLite and PostgreSQL
#   scripts/test_pg.sh .venv/bin/python -m pytest -q tests/store
#
# Installs Debian's `postgresql` with apt-get when its binaries are missing, starts a cluster in
# a temporary folder listening on 127.0.0.1 at a free port (and a socket in that folder), creates
# a database, exports CLAIMSCOPE_TEST_PG=postgresql+psycopg://... and stops the server at exit,
# whatever happens. initdb refuses to run as root, so as root the cluster belongs to `postgres`.
set -euo pipefail

PG_BIN="${PG_BIN:-}"
if [ -z "$PG_BIN" ]; then
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "test_pg: installing postgresql with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
fi

WORK="$(mktemp -d /tmp/claimscope-pg.XXXXXX)"
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  chown postgres "$WORK"
  RUN_AS=(su postgres -s /bin/sh -c)
else
  RUN_AS=(sh -c)
fi
as_pg() { "${RUN_AS[@]}" "$1"; }

PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

stop() {
  as_pg "'$PG_BIN/pg_ctl' -D '$WORK/data' -m immediate stop" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap stop EXIT INT TERM

as_pg "'$PG_BIN/initdb' -D '$WORK/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
# fsync off: a throwaway cluster for tests, its durability is not what they measure.
as_pg "'$PG_BIN/pg_ctl' -D '$WORK/data' -l '$WORK/server.log' -w \
  -o \"-k '$WORK' -h 127.0.0.1 -p $PORT -c fsync=off -c max_connections=200\" start" >/dev/null
as_pg "'$PG_BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres claimscope_test"

export CLAIMSCOPE_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$PORT/claimscope_test"
echo "test_pg: $CLAIMSCOPE_TEST_PG" >&2
if [ "$#" -eq 0 ]; then
  set -- make test
fi
"$@"
