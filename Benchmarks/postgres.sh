#!/usr/bin/env bash
# The tickets benchmark on PostgreSQL, on demand (never in the test suite or CI):
#
#   bash Benchmarks/postgres.sh                       # the full run: 100k creates, 1M-ticket queries, 100k tick
#   bash Benchmarks/postgres.sh --tickets 2000 --scale 20000 --due 2000 --lookups 1000   # a quick one
#   bash Benchmarks/postgres.sh import --lines 100000    # tickets import next to raw inserts in one transaction
#   bash Benchmarks/postgres.sh queue                    # the agents' queue at 1M tickets (formrunner-bench queue)
#   bash Benchmarks/postgres.sh report                   # `formrunner report` at 1M tickets (Benchmarks/report.sh)
#
# Starts a PostgreSQL server of its own on 127.0.0.1 (port $FORMRUNNER_BENCH_PG_PORT, default 55432)
# over a cluster kept in Benchmarks/.data/postgres (made by initdb on the first run, so the 1M-ticket
# database built once is reused), runs `formrunner-bench tickets --store postgres://…` with the
# arguments given, and stops the server when done. Under root the server runs as the `postgres` user.
# The server keeps PostgreSQL's defaults (fsync and synchronous_commit on: every commit is flushed)
# except shared_buffers=2GB and max_wal_size=8GB; $FORMRUNNER_BENCH_PG_OPTIONS adds more
# (e.g. "-c synchronous_commit=off"). Needs Debian's postgresql package (or $FORMRUNNER_PG_BIN).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
CLUSTER=$REPO/Benchmarks/.data/postgres
PORT=${FORMRUNNER_BENCH_PG_PORT:-55432}
export PATH=/opt/swift/usr/bin:$PATH

say() { printf 'postgres.sh: %s\n' "$*" >&2; }

find_binaries() {
    local candidate
    for candidate in ${FORMRUNNER_PG_BIN:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -rn) \
                     "$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"; do
        if [ -x "$candidate/initdb" ] && [ -x "$candidate/postgres" ] && [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/pg_isready" ]; then
            echo "$candidate"
            return 0
        fi
    done
    say "no PostgreSQL binaries (initdb, postgres, pg_ctl, pg_isready) in \$FORMRUNNER_PG_BIN, /usr/lib/postgresql/*/bin or PATH; apt-get install postgresql"
    return 1
}

BIN=$(find_binaries)
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { say "running as root needs a 'postgres' user to run the server as (Debian's postgresql package creates it)"; exit 1; }
    RUN_AS=(runuser -u postgres --)
fi

if [ ! -f "$CLUSTER/data/PG_VERSION" ]; then
    say "creating the cluster in $CLUSTER…"
    mkdir -p "$CLUSTER"
    [ ${#RUN_AS[@]} -eq 0 ] || chown postgres "$CLUSTER"
    "${RUN_AS[@]}" "$BIN/initdb" -D "$CLUSTER/data" -U formrunner -A trust -E UTF8 --locale=C >/dev/null
fi

say "starting PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT…"
# shellcheck disable=SC2086  # the extra options are words on purpose
"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$CLUSTER/data" -l "$CLUSTER/server.log" -w -t 120 start \
    -o "-p $PORT -k $CLUSTER -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c max_wal_size=8GB ${FORMRUNNER_BENCH_PG_OPTIONS:-}" >/dev/null
trap '"${RUN_AS[@]}" "$BIN/pg_ctl" -D "$CLUSTER/data" -m fast stop >/dev/null' EXIT

SERVER=postgres://formrunner@127.0.0.1:$PORT
# `postgres.sh report` runs report.sh with the release formrunner of the Benchmarks package.
if [ "${1:-}" = report ]; then
    swift build -c release --package-path Benchmarks --product formrunner >&2
    REPORT_POSTGRES=$SERVER FORMRUNNER=${FORMRUNNER:-$REPO/Benchmarks/.build/release/formrunner} bash "$REPO/Benchmarks/report.sh"
    exit
fi
swift build -c release --package-path Benchmarks --product formrunner-bench >&2
# `postgres.sh import --lines N` and `postgres.sh queue` run those benchmarks; anything else is passed to `tickets`.
BENCH=tickets
if [ "${1:-}" = import ] || [ "${1:-}" = queue ]; then BENCH=$1; shift; fi
"$REPO/Benchmarks/.build/release/formrunner-bench" "$BENCH" \
    --store "$SERVER/postgres?sslmode=disable" "$@"
