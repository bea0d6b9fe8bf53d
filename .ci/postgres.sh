#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print the lines to eval:
#
#   eval "$(bash .ci/postgres.sh)"
#   trap ceasewatch_stop_postgres EXIT     # or: trap 'eval "$CEASEWATCH_TEST_POSTGRES_STOP"' EXIT
#
# stdout carries only those lines (two exports and the stop function); diagnostics go to stderr.
# The server trusts local connections, listens on 127.0.0.1 at a free port, keeps its
# data in a temporary folder and skips fsync: it is for tests, never for data.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

find_bin_dir() {
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

bin_dir=$(find_bin_dir || true)
if [[ -z "$bin_dir" ]]; then
    log "no initdb/pg_ctl found: installing Debian's postgresql"
    apt-get update >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
    bin_dir=$(find_bin_dir)
fi

# initdb refuses to run as root: as root, the server runs as the postgres user.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
    runuser=$(command -v runuser || echo /usr/sbin/runuser)
    if [[ -x "$runuser" ]]; then
        as_owner=("$runuser" -u postgres --)
    else
        as_owner=(setpriv --reuid=postgres --regid=postgres --init-groups --)
    fi
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
dir=$(mktemp -d "${TMPDIR:-/tmp}/ceasewatch-pg.XXXXXX")
chmod 755 "$dir"
if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
fi
stop="${as_owner[*]:+${as_owner[*]} }$bin_dir/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir"

fail() {
    log "$1"
    [[ -f "$2" ]] && cat "$2" >&2
    eval "$stop" || true
    exit 1
}

log "initdb in $dir/data ($bin_dir)"
"${as_owner[@]}" "$bin_dir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 \
    || fail "initdb failed" "$dir/initdb.log"

options="-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
log "starting on 127.0.0.1:$port"
"${as_owner[@]}" "$bin_dir/pg_ctl" -D "$dir/data" -o "$options" -l "$dir/server.log" -w start >&2 \
    || fail "the server did not start" "$dir/server.log"
"$bin_dir/createdb" -h 127.0.0.1 -p "$port" -U postgres ceasewatch_test >&2 \
    || fail "createdb failed" "$dir/server.log"

echo "export CEASEWATCH_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:$port/ceasewatch_test"
echo "export CEASEWATCH_TEST_POSTGRES_STOP=$(printf '%q' "$stop")"
echo 'ceasewatch_stop_postgres() { eval "$CEASEWATCH_TEST_POSTGRES_STOP"; }'
