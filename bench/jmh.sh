#!/usr/bin/env bash
# Runs lmscore's JMH benchmarks and writes JMH's JSON result; builds bench/target/benchmarks.jar
# first when it is missing or older than the sources.
#
#   bench/jmh.sh [-o OUT.json] [--no-table] [JMH options and benchmark regexps ...]
#
# Defaults, each dropped when you pass that option yourself: -f 1 -wi 3 -i 5 -w 1s -r 1s, and
# -rf json -rff bench/target/jmh-result.json. Everything else goes to JMH as it is:
#   bench/jmh.sh                                            # everything (~25 min on 2 cores)
#   bench/jmh.sh 'kernel\.' -p vocab=32000,151936            # the kernel benchmarks, two vocabularies
#   bench/jmh.sh DecodeScoreBench                            # decode + score on the shared models
#   bench/jmh.sh -l                                          # list the benchmarks; -h for JMH's help
#   bench/jmh.sh --as-shipped 'kernel\.KernelBench'          # forks with lmscore's own JIT options
# --as-shipped appends to every fork the -XX options lmscore runs with (cli/src/main/sh/jvm.options):
# the kernel is then compiled as in a lmscore run (its early C2 compile), not as JMH's defaults do.
# After a run it prints the results as Markdown tables (logits/s, GB/s, % of the sequential-read
# bandwidth, speed-up over the naive kernel; tokens/s end to end).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/jdk.sh"
jar="$here/bench/target/benchmarks.jar"
out="$here/bench/target/jmh-result.json"
table=1
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    -o) out=$2; shift 2 ;;
    --no-table) table=0; shift ;;
    --as-shipped) args+=(-jvmArgsAppend "$(grep -e '^-XX' "$here/cli/src/main/sh/jvm.options" | tr '\n' ' ')"); shift ;;
    -rff) out=$2; args+=("$1" "$2"); shift 2 ;;
    -rf) [ "$2" = json ] || table=0; args+=("$1" "$2"); shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
given() { local a; for a in ${args[@]+"${args[@]}"}; do [ "$a" = "$1" ] && return 0; done; return 1; }
defaults=()
for option in "-f 1" "-wi 3" "-i 5" "-w 1s" "-r 1s" "-rf json"; do
  read -r name value <<<"$option"
  given "$name" || defaults+=("$name" "$value")
done
given -rff || defaults+=(-rff "$out")

stale=$( [ -f "$jar" ] && find "$here/pom.xml" "$here"/{bindings,engine,bench}/pom.xml "$here"/{bindings,engine,bench}/src/main \
  -newer "$jar" -print -quit 2>/dev/null || echo missing)
if [ -n "$stale" ]; then
  echo "jmh.sh: building $jar" >&2
  "$here/scripts/mvn" -q -pl bench -am -DskipTests package >&2
fi
mkdir -p "$(dirname "$out")"
marker=$(mktemp); trap 'rm -f "$marker"' EXIT
# Forks inherit these JVM options (JMH passes the launcher's on); the benchmarks append the flags
# they need themselves with @Fork(jvmArgsAppend), so -f 0 is the only reason to give them here.
(cd "$here" && "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector \
  -Dlmscore.shared.dir="${LMSCORE_SHARED_DIR:-$here/../shared}" \
  -jar "$jar" "${defaults[@]}" ${args[@]+"${args[@]}"})
if [ "$table" = 1 ] && [ "$out" -nt "$marker" ]; then
  echo
  echo "JMH result: $out"
  "$JAVA_HOME/bin/java" -cp "$jar" dev.lmscore.bench.report.ResultsTable "$out"
fi
