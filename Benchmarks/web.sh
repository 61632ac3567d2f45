#!/usr/bin/env bash
# `formrunner serve` under load, next to a bare Hummingbird route, on demand (never in the test
# suite or CI):
#
#   bash Benchmarks/web.sh            # ~15 minutes after the builds: 30 s runs, then a 10-minute soak
#   WEB_DURATION=10s WEB_SOAK=60 bash Benchmarks/web.sh     # a quick look
#
# Builds formrunner (root package) and hello-web (Benchmarks package) in release mode, copies the
# catalog (Forms/, Workflows/, formrunner.yaml) into a temporary folder with a SQLite store of its
# own, adds a user, starts `formrunner serve` on 127.0.0.1 (a free port), signs in with an e-mailed
# code read from the Maildir, walks commercial-support to its form page (New Trade Policy) and saves
# that page; hello-web then serves the same bytes at GET /. wrk (Debian's, installed when missing)
# measures, each run with --latency and count.lua checking every answer's status:
#   bare       hello-web GET /                                   (before and after the portal runs)
#   form page  GET /flows/commercial-support?step=subject, signed in (200)
#   home       GET / with no cookie (each request starts a session, 200)
#   submit     POST of valid answers to the form step (303 to the review page)
#   soak       WEB_SOAK seconds of form page GETs and submissions alternately, the server's VmRSS
#              sampled every WEB_SAMPLE seconds from /proc/PID/status
# Each row also gives the server's CPU time a request (user + system, from /proc/PID/stat across the
# run, ÷ requests): unlike requests/s, a busy machine changes it little, so passes compare.
# Everything listens on and talks to 127.0.0.1 only; the script stops what it started and deletes
# the temporary folder (WEB_KEEP=1 keeps it). Prints Markdown for Benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DURATION=${WEB_DURATION:-30s}
SOAK=${WEB_SOAK:-600}
SAMPLE=${WEB_SAMPLE:-10}
CONNECTIONS=${WEB_CONNECTIONS:-50}
THREADS=${WEB_THREADS:-2}
LUA=$REPO/Benchmarks/web/count.lua
FLOW=commercial-support
EMAIL=bench@example.com
export PATH=/opt/swift/usr/bin:$PATH

say() { printf '%s\n' "$*" >&2; }
fail() { say "web.sh: $*"; exit 1; }

if ! command -v wrk >/dev/null; then
    { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }; } \
        || fail "wrk is missing and could not be installed (apt-get install -y wrk)"
fi

if [ "${WEB_SKIP_BUILD:-0}" != 1 ]; then
    say "building release binaries…"
    swift build -c release --product formrunner >&2
    swift build -c release --package-path Benchmarks --product hello-web >&2
fi
FORMRUNNER=${WEB_FORMRUNNER:-$REPO/.build/release/formrunner}
HELLO=${WEB_HELLO:-$REPO/Benchmarks/.build/release/hello-web}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/formrunner-web.XXXXXX")
SERVER_PID="" BARE_PID=""
cleanup() {
    local pid
    for pid in $SERVER_PID $BARE_PID; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in $SERVER_PID $BARE_PID; do
        wait "$pid" 2>/dev/null || true
    done
    if [ "${WEB_KEEP:-0}" = 1 ]; then say "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

CATALOG=$WORK/catalog
MAIL=$WORK/mail
mkdir -p "$CATALOG" "$MAIL"
cp -R Forms Workflows formrunner.yaml "$CATALOG/"
STORE="sqlite:$WORK/tickets.sqlite"
run_formrunner() { "$FORMRUNNER" "$@" --catalog "$CATALOG" --store "$STORE" --notifier "maildir:$MAIL"; }
run_formrunner users add "$EMAIL" --name "Bench User" --account benchstore >&2

# Waits for "serving on http://HOST:PORT/" in LOG and prints PORT.
port_of() {
    local log=$1 i
    for i in $(seq 200); do
        if grep -q 'serving on http://' "$log" 2>/dev/null; then
            sed -n 's|.*serving on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$log" | head -1
            return 0
        fi
        sleep 0.1
    done
    return 1
}

"$FORMRUNNER" serve --listen 127.0.0.1:0 --catalog "$CATALOG" --store "$STORE" --notifier "maildir:$MAIL" \
    >"$WORK/serve.out" 2>"$WORK/serve.log" &
SERVER_PID=$!
PORT=$(port_of "$WORK/serve.out") || fail "serve did not start: $(cat "$WORK/serve.log")"
# A release build links the Swift runtime statically; with FORMRUNNER_EXECUTOR=event-loops, serve
# says so (before it prints its address) when its pages could not be put on NIO's event loops.
if grep -q "default executor" "$WORK/serve.log"; then fail "$(grep "default executor" "$WORK/serve.log")"; fi
BASE=http://127.0.0.1:$PORT
say "serve: pid $SERVER_PID on $BASE"

# --- sign in once, with curl: the session cookie lands in the jar -------------------------------
JAR=$WORK/cookies
csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
get() { curl -sS --noproxy '*' -b "$JAR" -c "$JAR" "$BASE$1"; }
post() {  # PATH FIELDS… : prints the status and the Location
    local path=$1; shift
    local args=() field
    for field in "$@"; do args+=(--data-urlencode "$field"); done
    curl -sS --noproxy '*' -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code} %{redirect_url}\n' "${args[@]}" "$BASE$path"
}
expect_303() { read -r status location; [ "$status" = 303 ] || fail "$1: $status $location"; }

CSRF=$(get "/signin/email?next=/flows/$FLOW" | csrf_of)
[ -n "$CSRF" ] || fail "no _csrf on /signin/email"
post /signin/email "_csrf=$CSRF" "email=$EMAIL" "next=/flows/$FLOW" | expect_303 "POST /signin/email"
# The code is e-mailed after the answer (known and unknown addresses answer alike): wait for it.
for _ in $(seq 100); do
    CODE_FILE=$(ls -t "$MAIL"/new/* 2>/dev/null | head -1 || true)
    [ -n "$CODE_FILE" ] && break
    sleep 0.1
done
[ -n "$CODE_FILE" ] || fail "no e-mail in $MAIL/new"
CODE=$(grep -o '\b[0-9]\{6\}\b' "$CODE_FILE" | head -1)
[ -n "$CODE" ] || fail "no 6-digit code in $CODE_FILE"
post /signin/code "_csrf=$CSRF" "code=$CODE" "_action=verify" "next=/flows/$FLOW" | expect_303 "POST /signin/code"
SESSION=$(awk '$6 == "formrunner_session" { print $7 }' "$JAR" | tail -1)
CSRF=$(get "/flows/$FLOW" | csrf_of)     # signing in gives the session a new token
[ -n "$CSRF" ] || fail "no _csrf on /flows/$FLOW after signing in"
post "/flows/$FLOW" "_csrf=$CSRF" _step=identify "name=Bench User" account=benchstore | expect_303 "POST identify"
post "/flows/$FLOW" "_csrf=$CSRF" _step=subject _action=choose subject=new_trade_policy | expect_303 "POST subject"
FORM_PATH="/flows/$FLOW?step=subject"
get "$FORM_PATH" | grep -q 'name="policy_name"' || fail "$FORM_PATH is not the New Trade Policy form"

# A valid answer to the form step: every required field, no file.
SUBMISSION=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlencode([
    ("_csrf", sys.argv[1]), ("_step", "subject"), ("_action", "continue"),
    ("policy_name", "Bench wholesale"), ("sales_channel", "b2b"), ("currency", "usd"),
    ("price_table", "Wholesale 2027"),
    ("details", "Two warehouses, free shipping above 500 USD, payment by bank slip within 28 days.")]))' "$CSRF")
post "/flows/$FLOW" "_csrf=$CSRF" _step=subject _action=continue "policy_name=Bench wholesale" sales_channel=b2b \
    currency=usd "price_table=Wholesale 2027" \
    "details=Two warehouses, free shipping above 500 USD, payment by bank slip within 28 days." \
    | { read -r status location; [ "$status" = 303 ] && [ "$location" = "$BASE/flows/$FLOW" ] \
        || fail "the submission is not accepted: $status $location"; }
get "/flows/$FLOW" | grep -q 'Bench wholesale' || fail "the review page does not show the answers"
get "$FORM_PATH" >"$WORK/form.html"      # the page wrk will get: the form with the answers in it
grep -q 'value="Bench wholesale"' "$WORK/form.html" || fail "$FORM_PATH does not show the answers"

"$HELLO" 127.0.0.1:0 "$WORK/form.html" >"$WORK/bare.out" 2>"$WORK/bare.log" &
BARE_PID=$!
BARE_PORT=$(port_of "$WORK/bare.out") || fail "hello-web did not start: $(cat "$WORK/bare.log")"
BARE=http://127.0.0.1:$BARE_PORT
say "hello-web: pid $BARE_PID on $BARE"

# The CPU time (user + system, in clock ticks) a process has used: the server's work a request,
# which a busy machine changes far less than requests/s.
cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat"; }
rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status"; }   # KiB

# --- wrk ------------------------------------------------------------------------------------------
# bench NAME DURATION URL [wrk options…] [-- script args…]: runs wrk, keeps its output in WORK/NAME.txt.
bench() {
    local name=$1 duration=$2 url=$3; shift 3
    local options=()
    while [ $# -gt 0 ] && [ "$1" != -- ]; do options+=("$1"); shift; done
    say "wrk $name ($duration, load $(cut -d' ' -f1 /proc/loadavg))…"
    local pid=$SERVER_PID; [ "$url" = "$BARE/" ] && pid=$BARE_PID
    local before; before=$(cpu_ticks "$pid")
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --latency -s "$LUA" "${options[@]}" "$url" "$@" >"$WORK/$name.txt" 2>&1 \
        || fail "wrk $name failed: $(cat "$WORK/$name.txt")"
    echo "cpu-ticks $(( $(cpu_ticks "$pid") - before ))" >>"$WORK/$name.txt"
}
# The browser's cookies as they stand after the last write: the session and the state tag (the
# portal's per-process caches answer a GET that presents the tag of the browser's latest change).
STATE=$(awk '$6 == "formrunner_state" { print $7 }' "$JAR" | tail -1)
[ -n "$STATE" ] || fail "no formrunner_state cookie after the submission"
COOKIE="Cookie: formrunner_session=$SESSION; formrunner_state=$STATE"
RSS_BEFORE=$(rss)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
bench warmup-bare 5s "$BARE/"
bench warmup-form 5s "$BASE$FORM_PATH" -H "$COOKIE"
bench bare1 "$DURATION" "$BARE/"
bench form "$DURATION" "$BASE$FORM_PATH" -H "$COOKIE"
bench home "$DURATION" "$BASE/"
WEB_LOCATION="/flows/$FLOW" bench submit "$DURATION" "$BASE/flows/$FLOW" -H "$COOKIE" -- post "$SUBMISSION"
bench bare2 "$DURATION" "$BARE/"
RSS_AFTER_RUNS=$(rss)

RSS_LOG=$WORK/rss.tsv
if [ "$SOAK" -gt 0 ]; then
    say "soak: ${SOAK} s of form page GETs and submissions, RSS every ${SAMPLE} s…"
    WEB_LOCATION="/flows/$FLOW" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SOAK}s" --latency -s "$LUA" -H "$COOKIE" \
        "$BASE/flows/$FLOW" -- mix "$SUBMISSION" "$FORM_PATH" >"$WORK/soak.txt" 2>&1 &
    WRK_PID=$!
    start=$(date +%s)
    while kill -0 "$WRK_PID" 2>/dev/null; do
        printf '%s\t%s\n' "$(( $(date +%s) - start ))" "$(rss)" >>"$RSS_LOG"
        sleep "$SAMPLE"
    done
    wait "$WRK_PID" || fail "wrk soak failed: $(cat "$WORK/soak.txt")"
    printf '%s\t%s\n' "$(( $(date +%s) - start ))" "$(rss)" >>"$RSS_LOG"
fi

# --- the report -----------------------------------------------------------------------------------
rate() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$WORK/$1.txt"; }
pct() { awk -v p="$2%" '$1 == p { print $2 }' "$WORK/$1.txt"; }
statuses() { awk '/^status / { printf "%s%s×%s", sep, $2, $3; sep = ", " }' "$WORK/$1.txt"; }
errors() { awk '/Socket errors|Non-2xx/ { sub(/^ +/, ""); printf "%s%s", sep, $0; sep = "; " }' "$WORK/$1.txt"; }
elsewhere() { awk '/^location-elsewhere/ { print $2 }' "$WORK/$1.txt"; }
TICK_US=$(( 1000000 / $(getconf CLK_TCK) ))
cpu_per_request() {  # NAME: the server's CPU time a request, in µs
    awk -v us="$TICK_US" '/requests in/ { n = $1 } /^cpu-ticks / { t = $2 } END { if (n > 0) printf "%.0f", t * us / n }' "$WORK/$1.txt"
}
row() {  # NAME LABEL
    local e; e=$(errors "$1")
    echo "| $2 | $(rate "$1") | $(pct "$1" 50) | $(pct "$1" 90) | $(pct "$1" 99) | $(cpu_per_request "$1") | $(statuses "$1")${e:+; $e} |"
}
BARE_RATE=$(( ($(rate bare1) + $(rate bare2)) / 2 ))
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

echo
echo "#### web.sh, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores $(uname -m), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), load average $LOAD_BEFORE before"
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency; form page $(wc -c <"$WORK/form.html") bytes (hello-web serves the same bytes)"
echo
echo "| run | requests/s | p50 | p90 | p99 | server CPU µs a request | answers |"
echo "|---|---:|---:|---:|---:|---:|---|"
row bare1 "bare route \`GET /\` (hello-web), first"
row form "form page \`GET $FORM_PATH\`, signed in"
row home "home \`GET /\`, no cookie"
row submit "submission \`POST /flows/$FLOW\` (303 to the review)"
row bare2 "bare route \`GET /\` (hello-web), again"
echo
echo "- form page ÷ bare (mean of the two bare runs, $BARE_RATE/s): **$(ratio "$(rate form)" "$BARE_RATE")**"
echo "- home ÷ bare: $(ratio "$(rate home)" "$BARE_RATE")"
echo "- server CPU a request, bare ÷ form page (the ratio of requests/s if only the server's own work counted): $(ratio "$(cpu_per_request bare1)" "$(cpu_per_request form)")"
echo "- submissions redirected elsewhere than /flows/$FLOW: $(elsewhere submit)"
echo "- server RSS: $((RSS_BEFORE / 1024)) MiB after signing in, $((RSS_AFTER_RUNS / 1024)) MiB after the runs"
if [ "$SOAK" -gt 0 ]; then
    echo
    echo "Soak, ${SOAK} s, form page GETs and submissions alternately:"
    echo
    echo "| requests/s | p50 | p99 | answers | RSS first sample | RSS min … max | RSS last sample |"
    echo "|---:|---:|---:|---|---:|---:|---:|"
    e=$(errors soak)
    awk -v rate="$(rate soak)" -v p50="$(pct soak 50)" -v p99="$(pct soak 99)" -v answers="$(statuses soak)${e:+; $e}" '
        NR == 1 { first = $2; low = $2; high = $2 }
        { last = $2; if ($2 < low) low = $2; if ($2 > high) high = $2 }
        END { printf "| %s | %s | %s | %s | %.1f MiB | %.1f … %.1f MiB | %.1f MiB |\n", rate, p50, p99, answers,
              first / 1024, low / 1024, high / 1024, last / 1024 }' "$RSS_LOG"
    echo
    echo "RSS samples (seconds, MiB): $(awk '{ printf "%s%s %.1f", sep, $1, $2 / 1024; sep = "; " }' "$RSS_LOG")"
fi
