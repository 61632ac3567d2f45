#!/usr/bin/env bash
# Times `formrunner validate` on the repository's catalog against `formrunner --help` (process
# start-up alone), with release builds. Needs hyperfine (Debian: apt-get install hyperfine).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product formrunner >/dev/null
hyperfine --warmup 3 -N --export-markdown /dev/stdout \
    '.build/release/formrunner validate' \
    '.build/release/formrunner --help'
