#!/usr/bin/env bash
# Builds llama.cpp (once; cached outside the clone) and runs every test of the project.
# The tests compare lmscore with llama-perplexity from the same build, on ../shared/data.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
"$here/native/build.sh" "${LMSCORE_BACKEND:-cpu}" >/dev/null
# the single binary (cli/target/lmscore) always embeds the CPU build
[ "${LMSCORE_BACKEND:-cpu}" = cpu ] || "$here/native/build.sh" cpu >/dev/null
exec "$here/scripts/mvn" -Dstyle.color=never verify "$@"
