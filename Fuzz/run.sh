#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer and AddressSanitizer, then runs each for MINUTES minutes
# (all at once). Crashes, hangs (over 2 s) and leaks are written to
# Fuzz/artifacts/<target>/; the growing corpus is kept in Fuzz/corpus/<target>/ (both gitignored).
# Exits 1 when any target found something.
#
#   Fuzz/run.sh 5              # five minutes each
#   Fuzz/run.sh 1 FuzzLoader   # one target only
#   FUZZ_TIMEOUT=10 nice -n 19 Fuzz/run.sh 30 FuzzMIME   # a loaded machine: a longer hang limit (seconds)
set -euo pipefail
minutes=${1:?usage: Fuzz/run.sh MINUTES [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzLoader FuzzConditions FuzzMIME FuzzTemplates)
fuzz=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$fuzz")
export PATH="/opt/swift/usr/bin:$PATH"
# Let libFuzzer report traps itself: the Swift backtracer trips AddressSanitizer.
export SWIFT_BACKTRACE=enable=no

swift build -c release --package-path "$fuzz" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    -Xcc -fsanitize=fuzzer-no-link,address
bin=$(swift build -c release --package-path "$fuzz" --show-bin-path)

# Seeds. The loader: every catalog file, every broken fixture, and the real catalog's shared lists
# with the technical form in one input (files separated by `#%%` lines, see FuzzLoader.swift).
seeds="$fuzz/corpus/.seeds"
rm -rf "$seeds" && mkdir -p "$seeds/FuzzLoader" "$seeds/FuzzConditions" "$seeds/FuzzMIME" "$seeds/FuzzTemplates"
i=0
while IFS= read -r -d '' file; do
    cp "$file" "$seeds/FuzzLoader/$i-$(basename "$file")"; i=$((i + 1))
done < <(find "$repo/Forms" "$repo/Workflows" "$repo/Tests/FormrunnerCoreTests/Fixtures/broken" -type f \
         ! -name expected.txt -print0)
{ for file in "$repo"/Forms/shared/*.yaml "$repo/Forms/technical/intake.yaml" "$repo"/Workflows/*.yaml; do
      cat "$file"; printf '\n#%%%%\n'; done; } > "$seeds/FuzzLoader/combined-catalog.yaml"
# The conditions: every `when:` of the catalog and fixtures, plus hand-written ones.
i=0
while IFS= read -r line; do
    printf '%s' "$line" > "$seeds/FuzzConditions/when-$i.txt"; i=$((i + 1))
done < <(grep -rhoE '^[[:space:]-]*when: .*' "$repo/Forms" "$repo/Tests/FormrunnerCoreTests/Fixtures" \
         | sed -E 's/^[[:space:]-]*when: //; s/^"(.*)"$/\1/; s/^'"'"'(.*)'"'"'$/\1/')
cp "$fuzz"/seeds/conditions/* "$seeds/FuzzConditions/"
# The MIME parser: hand-written messages of the usual shapes. The template check: every template
# of the catalog, plus hand-written ones.
cp "$fuzz"/seeds/mime/* "$seeds/FuzzMIME/"
cp "$repo"/Workflows/templates/*.mustache "$fuzz"/seeds/templates/* "$seeds/FuzzTemplates/"

status=0
pids=()
for target in "${targets[@]}"; do
    mkdir -p "$fuzz/corpus/$target" "$fuzz/artifacts/$target"
    "$bin/$target" "$fuzz/corpus/$target" "$seeds/$target" \
        -max_total_time=$((minutes * 60)) -timeout="${FUZZ_TIMEOUT:-2}" -rss_limit_mb=2048 \
        -artifact_prefix="$fuzz/artifacts/$target/" -print_final_stats=1 \
        > "$fuzz/artifacts/$target.log" 2>&1 &
    pids+=($!)
done
for index in "${!targets[@]}"; do
    if ! wait "${pids[$index]}"; then status=1; fi
    target=${targets[$index]}
    found=$(find "$fuzz/artifacts/$target" -type f | wc -l)
    corpus=$(find "$fuzz/corpus/$target" -type f | wc -l)
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$fuzz/artifacts/$target.log" | grep -oE '[0-9]+$' || echo '?')
    echo "$target: $minutes min, $runs executions, corpus $corpus inputs, $found finding(s) in Fuzz/artifacts/$target/"
    [ "$found" -eq 0 ] || status=1
done
exit $status
