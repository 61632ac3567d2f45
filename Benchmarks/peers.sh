#!/usr/bin/env bash
# formrunner next to its peers, on demand (never in the test suite or CI):
#
#   bash Benchmarks/peers.sh validate    # formrunner validate / bare Yams parse / check-jsonschema, 2,000 forms
#   bash Benchmarks/peers.sh hours       # working-hours additions: FormrunnerCore / businesstimedelta
#   bash Benchmarks/peers.sh coldstart   # formrunner --help / a hello-world Swift binary
#   bash Benchmarks/peers.sh all         # the three, in this order (~10 minutes on 2 loaded cores)
#
# Release builds of the Benchmarks package (formrunner itself included, so both sides of each
# comparison get the same toolchain and flags). Generated files, the Python venv (check-jsonschema,
# businesstimedelta) and the scratch files go to Benchmarks/.data/ (gitignored). Needs python3 with
# venv; installs hyperfine and valgrind from Debian when missing (without hyperfine it times a loop
# of its own). Prints Markdown for Benchmarks/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
DATA=$REPO/Benchmarks/.data
BIN=$REPO/Benchmarks/.build/release
VENV=$DATA/venv
CATALOG=$DATA/forms-catalog          # the 2,000 generated files
SMALL=$DATA/forms-catalog-200        # 200 of the same kind, for callgrind (60x slower)
export PATH=/opt/swift/usr/bin:$PATH

say() { printf '%s\n' "$*" >&2; }

install_if_missing() {  # COMMAND PACKAGE
    command -v "$1" >/dev/null && return 0
    { apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y "$2" >/dev/null 2>&1; }; } \
        || say "peers.sh: could not install $2"
    command -v "$1" >/dev/null
}

build() {
    say "building release binaries…"
    swift build -c release --package-path Benchmarks >&2
    swift build -c release --package-path Benchmarks --product formrunner >&2
    # valgrind cannot read the debug info of Swift release binaries: instruction counts use stripped copies.
    mkdir -p "$DATA/stripped"
    for tool in formrunner yams-parse hours-bench hello; do
        strip --strip-debug -o "$DATA/stripped/$tool" "$BIN/$tool"
    done
}

venv() {
    if [ ! -x "$VENV/bin/check-jsonschema" ] || ! "$VENV/bin/python" -c 'import businesstimedelta, dateutil' 2>/dev/null; then
        say "installing check-jsonschema and businesstimedelta into $VENV…"
        python3 -m venv "$VENV"
        "$VENV/bin/pip" install -q check-jsonschema==0.39.0 businesstimedelta==1.0.1 python-dateutil >&2
    fi
}

machine() {
    echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores $(uname -m), $(swift --version 2>/dev/null | head -1 | sed 's/ (.*//'), \
Python $("$VENV/bin/python" -c 'import platform; print(platform.python_version())'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# compare TITLE MIN_RUNS MAX_RUNS COMMAND… : times each command (run through sh, with the release
# binaries and the venv first on PATH) and prints a Markdown table with the ratios of one run;
# hyperfine when there is one, a loop of its own otherwise.
compare() {
    local title=$1 min=$2 max=$3
    shift 3
    echo
    echo "#### $title ($(cut -d' ' -f1-3 /proc/loadavg) load before)"
    echo
    if install_if_missing hyperfine hyperfine; then
        PATH=$BIN:$VENV/bin:$PATH hyperfine --style basic --warmup 1 --min-runs "$min" --max-runs "$max" \
            --export-markdown "$DATA/hyperfine.md" "$@" >&2
        cat "$DATA/hyperfine.md"
    else
        say "no hyperfine: timing $min runs of each command in a loop"
        echo "| command | mean [ms] | min [ms] | max [ms] | relative |"
        echo "|:---|---:|---:|---:|---:|"
        local first="" command
        for command in "$@"; do
            local total=0 low="" high=0 run start took
            PATH=$BIN:$VENV/bin:$PATH sh -c "$command" >/dev/null 2>&1   # warm-up
            for run in $(seq "$min"); do
                start=$(date +%s%N); PATH=$BIN:$VENV/bin:$PATH sh -c "$command" >/dev/null 2>&1; took=$(( ($(date +%s%N) - start) / 1000 ))
                total=$((total + took)); [ -z "$low" ] || [ "$took" -lt "$low" ] && low=$took; [ "$took" -gt "$high" ] && high=$took
            done
            local mean=$((total / min))
            [ -n "$first" ] || first=$mean
            awk -v c="$command" -v m="$mean" -v l="$low" -v h="$high" -v f="$first" \
                'BEGIN { printf "| `%s` | %.1f | %.1f | %.1f | %.2f |\n", c, m/1000, l/1000, h/1000, m/f }'
        done
    fi
    echo
    echo "($(cut -d' ' -f1-3 /proc/loadavg) load after)"
}

# instructions COMMAND… : the instructions callgrind counts for one run (load-independent).
instructions() {
    install_if_missing valgrind valgrind || { echo "?"; return; }
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
grouped() { sed ':a;s/\B[0-9]\{3\}\>/,&/;ta' <<<"$1"; }

validate() {
    say "generating the forms…"
    python3 Benchmarks/peers/generate_forms.py "$CATALOG" --files 2000 >&2
    python3 Benchmarks/peers/generate_forms.py "$SMALL" --files 200 >&2
    "$BIN/formrunner" validate --catalog "$CATALOG" >&2    # must exit 0: the files are a valid catalog
    echo
    echo "### validate 2,000 generated forms ($(machine))"
    echo
    echo "$(find "$CATALOG" -name '*.yaml' | wc -l) files, $(du -sk "$CATALOG" | cut -f1) KB (\`python3 Benchmarks/peers/generate_forms.py\`, seed 7)."
    cd "$CATALOG"
    compare "wall clock, one hyperfine run" 3 10 \
        "formrunner validate --catalog ." \
        "yams-parse ." \
        "check-jsonschema --schemafile ../../../schema/formrunner.schema.json Forms/*/*.yaml"
    cd "$REPO"
    local formrunner yams
    formrunner=$(instructions "$DATA/stripped/formrunner" validate --catalog "$SMALL")
    yams=$(instructions "$DATA/stripped/yams-parse" "$SMALL")
    echo
    echo "callgrind, 200 generated files: \`formrunner validate\` $(grouped "$formrunner") instructions," \
         "bare Yams parse $(grouped "$yams"): $(ratio "$formrunner" "$yams")×."
}

hours() {
    local instants=$DATA/hours-instants.txt swift=$DATA/hours-swift.txt python=$DATA/hours-python.txt
    local calendar=$REPO/Workflows/brazil-support.yaml
    "$VENV/bin/python" Benchmarks/peers/hours.py instants "$instants" --count 5000 --seed 7
    echo
    echo "### working-hours additions ($(machine))"
    echo
    echo "5,000 instants (2016–2029, any hour, weekends and holidays included), 1 to 1,000 working hours each"
    echo "(\`hours.py instants\`, seed 7), calendar \`brazil-support\` from \`Workflows/brazil-support.yaml\`."
    echo
    local swift_line python_line
    swift_line=$("$BIN/hours-bench" "$instants" "$swift" --catalog "$REPO" --seconds 3)
    python_line=$("$VENV/bin/python" Benchmarks/peers/hours.py run "$calendar" "$instants" "$python")
    echo "- $swift_line"
    echo "- $python_line"
    local swift_rate python_rate
    swift_rate=$(sed 's/.*: \([0-9]*\) additions\/s/\1/' <<<"$swift_line")
    python_rate=$(sed 's/.*: \([0-9]*\) additions\/s/\1/' <<<"$python_line")
    echo "- ratio: FormrunnerCore makes $(ratio "$swift_rate" "$python_rate")× as many additions a second (load $(cut -d' ' -f1-3 /proc/loadavg))"
    local one two
    one=$(instructions "$DATA/stripped/hours-bench" "$instants" "$DATA/hours-callgrind.txt" --catalog "$REPO" --passes 1)
    two=$(instructions "$DATA/stripped/hours-bench" "$instants" "$DATA/hours-callgrind.txt" --catalog "$REPO" --passes 2)
    echo "- callgrind: $(grouped $(( (two - one) / 5000 ))) instructions an addition (one pass more over the 5,000 instants)"
    echo -n "- same results: "
    "$VENV/bin/python" Benchmarks/peers/hours.py compare "$instants" "$swift" "$python" "$calendar" || true
}

coldstart() {
    echo
    echo "### cold start ($(machine))"
    compare "wall clock, one hyperfine run" 30 300 \
        "formrunner --help" \
        "hello"
    local formrunner hello
    formrunner=$(instructions "$DATA/stripped/formrunner" --help)
    hello=$(instructions "$DATA/stripped/hello")
    echo
    echo "callgrind: \`formrunner --help\` $(grouped "$formrunner") instructions, hello world $(grouped "$hello"):" \
         "$(ratio "$formrunner" "$hello")×."
}

case "${1:-}" in
    validate | hours | coldstart)
        mkdir -p "$DATA"; venv; build; "$1" ;;
    all)
        mkdir -p "$DATA"; venv; build; SECONDS=0; validate; hours; coldstart
        echo; echo "(all three in $SECONDS s after the build)" ;;
    *)
        sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
