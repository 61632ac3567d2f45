#!/usr/bin/env bash
# Watch or replay `formrunner run technical-support` in a terminal, under tmux.
#
#   scripts/tmux-demo.sh            you drive the run in the top pane; the bottom pane shows the
#                                   codes e-mailed to the Maildir (sign-in and one-time codes)
#   scripts/tmux-demo.sh --replay   the run drives itself (as the end-to-end tests do) while you
#                                   watch; without a terminal, the final screen is printed
#   --delay SECONDS                 the pause between answers when replaying (default 0.6)
#
# Everything lives in a temporary folder (store, Maildir, a user ana@example.com), removed at
# the end. Needs tmux and a built binary (`swift build`; the script builds it when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"

replay=0
delay=0.6
while [ $# -gt 0 ]; do
    case "$1" in
        --replay) replay=1 ;;
        --delay) delay="$2"; shift ;;
        -h|--help) sed -n '2,11p' "$0" | cut -c3-; exit 0 ;;
        *) echo "tmux-demo: unknown option $1 (see --help)" >&2; exit 64 ;;
    esac
    shift
done
unset TMUX  # a session of its own, even when started inside tmux
command -v tmux >/dev/null || { echo "tmux-demo: tmux is needed (apt-get install tmux)" >&2; exit 1; }

bin="$(swift build --show-bin-path)/formrunner"
[ -x "$bin" ] || swift build --product formrunner
demo="$(mktemp -d "${TMPDIR:-/tmp}/formrunner-demo.XXXXXX")"
socket="formrunner-demo-$$"
cleanup() {
    local path
    path="$(tmux -L "$socket" display-message -p '#{socket_path}' 2>/dev/null || true)"
    tmux -L "$socket" kill-server 2>/dev/null || true
    [ -n "$path" ] && rm -f "$path"
    rm -rf "$demo"
}
trap cleanup EXIT

export FORMRUNNER_STORE="$demo/tickets.sqlite" FORMRUNNER_NOTIFIER="maildir:$demo/mail"
"$bin" users add ana@example.com --name "Ana Souza" --account lojaana --account lojabeta --country BR --permission support >/dev/null
printf 'GET /checkout 500\n' > "$demo/checkout.log"

# The run, its exit status kept; the pane stays open afterwards.
cat > "$demo/run.sh" <<RUN
cd "$PWD"
"$bin" run technical-support
echo "[formrunner exited with status \$?]"
RUN
# The codes, newest last, as they arrive in the Maildir.
cat > "$demo/codes.sh" <<'CODES'
while true; do
    clear
    echo "Codes e-mailed to the Maildir (newest last):"
    for file in $(ls -tr "$1"/mail/new 2>/dev/null); do grep -E '^    [0-9]{6}' "$1/mail/new/$file" | tr -d ' \r'; done
    sleep 1
done
CODES

printf 'set -g remain-on-exit on\nset -g base-index 0\nset -g pane-base-index 0\n' > "$demo/tmux.conf"
tmux -L "$socket" -f "$demo/tmux.conf" new-session -d -s demo -x 120 -y 45 "sh '$demo/run.sh'"
tmux -L "$socket" split-window -t demo:0 -v -l 6 "sh '$demo/codes.sh' '$demo'"
tmux -L "$socket" select-pane -t demo:0.0

if [ "$replay" = 0 ]; then
    tmux -L "$socket" attach -t demo
    exit 0
fi

screen() { tmux -L "$socket" capture-pane -p -J -S - -t demo:0.0; }
wait_for() {  # wait_for TEXT: until the run's pane shows TEXT (20 s at most)
    for _ in $(seq 200); do screen | grep -qF -- "$1" && { sleep "$delay"; return 0; }; sleep 0.1; done
    echo "tmux-demo: '$1' never appeared" >&2; screen >&2; exit 1
}
keys() { tmux -L "$socket" send-keys -t demo:0.0 "$@"; }
text() { keys -l "$1"; }
latest_code() { grep -hE '^    [0-9]{6}' "$demo/mail/new/$(ls -t "$demo/mail/new" | head -1)" | tr -d ' \r'; }

drive() {
    wait_for "? How do you want to sign in?"; keys Enter
    wait_for "? E-mail"; text "ana@example.com"; keys Enter
    wait_for "? Code sent to"; text "$(latest_code)"; keys Enter
    wait_for "? Language"; keys Enter
    wait_for "? Scenario"; keys Down; keys Enter
    wait_for "? Explain the objective"; text "Buyers cannot finish the checkout."; keys C-d
    wait_for "? Detail the problem"; text "Error 500 at the payment step."; keys C-d
    wait_for "? List the resources already used"; text "Cleared the cache."; keys C-d
    wait_for "? What next?"; keys Enter
    wait_for "? Enter the OTP"; text "$(latest_code)"; keys Enter
    wait_for "? Title"; text "Checkout fails with error 500"; keys Enter
    wait_for "? Description"; keys C-d
    wait_for "? Experience level"; text "advanced"; keys Enter
    wait_for "? Agency"; keys Enter
    wait_for "? Users affected"; text "Buyers"; keys Enter
    wait_for "? Problem impact"; text "critical"; keys Enter
    wait_for "? Environment"; keys Enter
    wait_for "? Problem type"; keys Enter
    wait_for "? Evidence"; text "$demo/checkout.log"; keys Enter
    wait_for "❯ Create ticket"; keys Enter
    wait_for "formrunner exited with status"
}

if [ -t 1 ]; then
    (drive >/dev/null 2>&1 || true) &
    echo "Replaying; the session is read-only. Detach with Ctrl-B d when it is over." >&2
    sleep 0.5
    tmux -L "$socket" attach -r -t demo
else
    delay=0
    drive
    screen | grep -v '^Pane is dead' | awk 'NF { last = NR } { line[NR] = $0 } END { for (i = 1; i <= last; i++) print line[i] }'
fi
