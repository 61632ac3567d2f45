#!/usr/bin/env bash
# `formrunner report` for a month at 1M tickets on SQLite, on demand (never in the test suite or CI):
#
#   bash Benchmarks/report.sh            # builds Benchmarks/.data/report-1000000-v10.sqlite once, then times
#   REPORT_TICKETS=100000 bash Benchmarks/report.sh
#   REPORT_POSTGRES=postgres://USER@HOST:PORT bash Benchmarks/report.sh   # the same on PostgreSQL
#   bash Benchmarks/postgres.sh report                                      # …on the script's own server
#
# The database is made by `formrunner` itself (its migrations, v10 report figures included), then filled
# by the sqlite3 shell with a year (2026) of synthetic tickets in the report's columns: numbers in
# creation order, 3 teams, 4 priorities, 10% open, 5% awaiting the requester, 5% solved, 80% closed
# (solved a day after creation, closed four days later), 10% of them reopened once, a survey answer on
# a fifth of them, first responses from 0 to 14 working hours. Only the `ticket` table is written: the
# report reads nothing else. With $REPORT_POSTGRES (a server's URL without a database; the user needs
# CREATEDB) the same tickets go into the database formrunner_bench_report_<N>_v10 there (created by psql,
# migrated by `formrunner`, filled by the same SQL in PostgreSQL's words, then VACUUM ANALYZE) and every
# command runs with --store on it. The binary is $FORMRUNNER (default: .build/release/formrunner if built,
# else .build/debug/formrunner; the queries run inside SQLite either way).
#
# It prints the wall time of `report` for June 2026 (all teams, then one team, each format) as the
# median of $REPORT_RUNS runs (default 7), next to two baselines: `formrunner --version` (start-up
# alone) and `tickets list --limit 1` on the same database (start-up, catalog, store opened).
set -euo pipefail
cd "$(dirname "$0")/.."
TICKETS=${REPORT_TICKETS:-1000000}
RUNS=${REPORT_RUNS:-7}
DB=Benchmarks/.data/report-$TICKETS-v10.sqlite
STORE=sqlite:$DB
if [ -n "${REPORT_POSTGRES:-}" ]; then
    PGDB=formrunner_bench_report_${TICKETS}_v10
    STORE="$REPORT_POSTGRES/$PGDB?sslmode=disable"
fi
if [ -z "${FORMRUNNER:-}" ]; then
    FORMRUNNER=.build/debug/formrunner
    [ -x .build/release/formrunner ] && FORMRUNNER=.build/release/formrunner
fi
export FORMRUNNER_NOW=2026-12-01T12:00:00Z FORMRUNNER_NOTIFIER=none FORMRUNNER_USER=
mkdir -p Benchmarks/.data

# The synthetic year in SQL that both databases read: `t` gives each ticket of a row source `s`
# (i, h, created; made in each database's words below) its team, priority, status and first response;
# SYNTHETIC_COLUMNS and SYNTHETIC_VALUES are the ticket columns written and their values.
read -r -d '' SYNTHETIC_TICKETS <<'SQL' || true
t AS (SELECT i, h, created,
             CASE h % 3 WHEN 0 THEN 'technical' WHEN 1 THEN 'financial' ELSE 'commercial' END AS team,
             CASE (h / 3) % 4 WHEN 0 THEN 'urgent' WHEN 1 THEN 'high' WHEN 2 THEN 'normal' ELSE 'low' END AS priority,
             CASE (h / 12) % 20 WHEN 0 THEN 'open' WHEN 1 THEN 'open' WHEN 2 THEN 'awaiting_reply' WHEN 3 THEN 'solved'
                  ELSE 'closed' END AS status,
             (h / 240) % 50400 AS seconds,
             CASE (h / 3) % 4 WHEN 0 THEN 3600 WHEN 1 THEN 14400 WHEN 2 THEN 28800 ELSE 43200 END AS target
      FROM s)
SQL
read -r -d '' SYNTHETIC_COLUMNS <<'SQL' || true
number, form_id, form_version, lifecycle_id, status, title, requester_email, answers, created_at,
    updated_at, last_interaction_at, status_entered_at, version, requester_key, team, priority,
    first_response_state, first_response_due, first_response_seconds, solved_at, closed_at, reopens,
    survey_rating, survey_at
SQL
read -r -d '' SYNTHETIC_VALUES <<'SQL' || true
i, 'technical.intake', 1, 'ticket-lifecycle', status, 'Synthetic ticket ' || i,
       'requester' || (i % 5000) || '@example.com', '{}', created, created, created, created, 1,
       'requester' || (i % 5000) || '@example.com', team, priority,
       CASE WHEN status = 'open' AND (h / 7) % 2 = 0 THEN 'owed' WHEN seconds < target THEN 'met' ELSE 'breached' END,
       created + 86400000,
       CASE WHEN status = 'open' AND (h / 7) % 2 = 0 THEN NULL ELSE seconds END,
       CASE WHEN status IN ('solved', 'closed') THEN created + 86400000 END,
       CASE WHEN status = 'closed' THEN created + 5 * 86400000 END,
       CASE WHEN status IN ('solved', 'closed') AND (h / 11) % 10 = 0 THEN 1 ELSE 0 END,
       CASE WHEN status IN ('solved', 'closed') AND (h / 13) % 5 = 0 THEN CAST(1 + (h / 17) % 5 AS TEXT) END,
       CASE WHEN status IN ('solved', 'closed') AND (h / 13) % 5 = 0 THEN created + 90000000 END
SQL

if [ -n "${REPORT_POSTGRES:-}" ]; then
    if [ "$(psql "$REPORT_POSTGRES/postgres" -tAc "SELECT count(*) FROM pg_database WHERE datname = '$PGDB'")" != 1 ]; then
        echo "report.sh: building $PGDB ($TICKETS tickets) on $REPORT_POSTGRES" >&2
        psql "$REPORT_POSTGRES/postgres" -qc "CREATE DATABASE $PGDB"
        "$FORMRUNNER" tickets list --limit 1 --store "$STORE" > /dev/null
        start=$(date +%s)
        psql "$REPORT_POSTGRES/$PGDB" -q -v ON_ERROR_STOP=1 <<SQL
BEGIN;
WITH s AS (SELECT i, (i * 2654435761) % 4294967296 AS h,
                  1767225600000 + i * (31536000000 / $TICKETS) AS created FROM generate_series(1::bigint, $TICKETS) AS i),
$SYNTHETIC_TICKETS
INSERT INTO ticket ($SYNTHETIC_COLUMNS, search_words)
SELECT $SYNTHETIC_VALUES, ''::tsvector
FROM t;
UPDATE ticket_counter SET last_number = $TICKETS;
COMMIT;
VACUUM ANALYZE;
CHECKPOINT;
SQL
        echo "report.sh: built in $(( $(date +%s) - start )) s, $(psql "$REPORT_POSTGRES/$PGDB" -tAc "SELECT pg_size_pretty(pg_database_size(current_database()))")" >&2
    fi
elif [ ! -f "$DB" ]; then
    echo "report.sh: building $DB ($TICKETS tickets)" >&2
    "$FORMRUNNER" tickets list --limit 1 --store "$STORE" > /dev/null
    start=$(date +%s)
    sqlite3 "$DB" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $TICKETS),
s AS (SELECT i, (i * 2654435761) % 4294967296 AS h,
             1767225600000 + i * (31536000000 / $TICKETS) AS created FROM n),
$SYNTHETIC_TICKETS
INSERT INTO ticket ($SYNTHETIC_COLUMNS)
SELECT $SYNTHETIC_VALUES
FROM t;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
    echo "report.sh: built in $(( $(date +%s) - start )) s, $(du -h "$DB" | cut -f1)" >&2
fi

# The median wall time, in milliseconds, of RUNS runs of the command.
median_ms() {
    local times=()
    for _ in $(seq "$RUNS"); do
        local begin end
        begin=$(date +%s%N)
        "$@" > /dev/null 2>&1
        end=$(date +%s%N)
        times+=($(( (end - begin) / 1000000 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

MONTH=(--from 2026-06-01 --to 2026-07-01)
echo "| command ($TICKETS tickets, ${REPORT_POSTGRES:+PostgreSQL, }$(basename "$FORMRUNNER") at $FORMRUNNER) | median of $RUNS, ms |"
echo "|---|---|"
echo "| \`formrunner --version\` | $(median_ms "$FORMRUNNER" --version) |"
echo "| \`tickets list --limit 1\` | $(median_ms "$FORMRUNNER" tickets list --limit 1 --store "$STORE") |"
for format in table json csv; do
    echo "| \`report ${MONTH[*]} --format $format\` | $(median_ms "$FORMRUNNER" report "${MONTH[@]}" --format $format --store "$STORE") |"
done
echo "| \`report ${MONTH[*]} --team financial\` | $(median_ms "$FORMRUNNER" report "${MONTH[@]}" --team financial --store "$STORE") |"
echo "| \`report\` (no dates: the current month, December 2026) | $(median_ms "$FORMRUNNER" report --store "$STORE") |"
