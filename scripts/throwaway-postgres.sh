#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a loopback port, for tests. Runs the server as a non-root user (the
# 'postgres' account when invoked as root). Nothing is kept: 'stop' deletes the cluster.
#
#   scripts/throwaway-postgres.sh start DIR   # prints the SPRING_DATASOURCE_* exports to eval
#   scripts/throwaway-postgres.sh stop DIR
#
# Example:  eval "$(scripts/throwaway-postgres.sh start /tmp/scorecard-pg)"; ./mvnw verify; scripts/throwaway-postgres.sh stop /tmp/scorecard-pg
set -euo pipefail

cmd=${1:?usage: $0 start|stop DIR}
dir=${2:?usage: $0 start|stop DIR}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
    echo "PostgreSQL server binaries not found under /usr/lib/postgresql; install the 'postgresql' package." >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case "$cmd" in
start)
    if [ -f "$dir/port" ] && as_owner "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        port=$(cat "$dir/port")
    else
        rm -rf "$dir"
        mkdir -p "$dir"
        if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
        port=54329
        while ! port_free "$port"; do port=$((port + 1)); done
        as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
            -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
        # fsync off: a throwaway test cluster; never use these settings for real data.
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o \
            "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
            start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
        as_owner "$pgbin/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q \
            -c "CREATE ROLE scorecard LOGIN PASSWORD 'scorecard'" \
            -c "CREATE DATABASE scorecard OWNER scorecard" >/dev/null
        echo "$port" | as_owner tee "$dir/port" >/dev/null
    fi
    echo "export SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$port/scorecard"
    echo "export SPRING_DATASOURCE_USERNAME=scorecard"
    echo "export SPRING_DATASOURCE_PASSWORD=scorecard"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_owner "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
