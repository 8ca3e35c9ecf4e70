#!/usr/bin/env bash
# Regression check: compares a JMH JSON result with the committed baseline and exits 1 when a
# benchmark got worse by more than the tolerance (default 10%) and by more than the scores' error.
#
#   bench/regress.sh [--tolerance 0.15] [--baseline FILE] [CURRENT.json]
#
# Without CURRENT.json it first runs the benchmarks the baseline was made with (the JMH arguments
# in bench/baseline/jmh-baseline.args) into bench/target/jmh-current.json. Exit status: 0 pass,
# 1 regression, 2 bad usage or unreadable file. See bench/README.md for CI use.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/jdk.sh"
baseline="$here/bench/baseline/jmh-baseline.json"
check=()
current=
while [ $# -gt 0 ]; do
  case "$1" in
    --baseline) baseline=$2; shift 2 ;;
    --tolerance) check+=(--tolerance "$2"); shift 2 ;;
    -h|--help) sed -n 2,9p "$0"; exit 0 ;;
    -*) echo "regress.sh: unknown option $1" >&2; exit 2 ;;
    *) [ -z "$current" ] || { echo "regress.sh: one result file at most" >&2; exit 2; }; current=$1; shift ;;
  esac
done
if [ -z "$current" ]; then
  current="$here/bench/target/jmh-current.json"
  read -r -a jmh_args < "${baseline%.json}.args"
  "$here/bench/jmh.sh" -o "$current" --no-table "${jmh_args[@]}"
fi
[ -f "$here/bench/target/benchmarks.jar" ] || "$here/scripts/mvn" -q -pl bench -am -DskipTests package >&2
exec "$JAVA_HOME/bin/java" -cp "$here/bench/target/benchmarks.jar" dev.lmscore.bench.regress.RegressionCheck \
  --baseline "$baseline" ${check[@]+"${check[@]}"} "$current"
