#!/usr/bin/env bash
# Side-by-side: lmscore vs llama-perplexity (built by native/ from the same llama.cpp source) on the
# same model, data, settings and machine, alternating A B A B for N rounds. Checks that both print
# the same result before it reports speed: median wall-clock throughput of each, the median of the
# per-round ratios, and peak resident memory (GNU time's max RSS).
#
#   bench/side-by-side.sh -m MODEL -f FILE [-c CTX] [-t THREADS] [-b BATCH] [-ub UBATCH] [--chunks N] [--rounds N]
#   bench/side-by-side.sh -m MODEL --hellaswag FILE [--tasks N] [-c CTX] ...
#
# Both tools run at their default physical batch (512, llama.cpp's) unless -ub gives both another.
# Throughput counts the whole process (load, tokenize, score) for both tools, so lmscore pays its
# JVM start-up. Prints a Markdown table for bench/RESULTS.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/scripts/jdk.sh"
model= file= hellaswag= ctx=512 threads=$(nproc) batch=2048 ubatch= chunks=0 rounds=3 tasks=400 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    -m) model=$2; shift 2 ;;
    -f) file=$2; shift 2 ;;
    --hellaswag) hellaswag=$2; shift 2 ;;
    --tasks) tasks=$2; shift 2 ;;
    -c) ctx=$2; shift 2 ;;
    -t) threads=$2; shift 2 ;;
    -b) batch=$2; shift 2 ;;
    -ub) ubatch=$2; shift 2 ;;
    --chunks) chunks=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --exact) extra=(-fa off -ctk f32 -ctv f32); shift ;;
    *) echo "side-by-side: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$model" ] && { [ -n "$file" ] || [ -n "$hellaswag" ]; } || { sed -n 2,12p "$0" >&2; exit 2; }
install=$("$here/native/build.sh" "${LMSCORE_BACKEND:-cpu}")
jar="$here/cli/target/lmscore.jar"
[ -f "$jar" ] || "$here/scripts/mvn" -q -DskipTests package >&2
cds=$(mktemp -d)/lmscore.jsa  # class-data sharing as the launcher uses it; made by a first, unmeasured run of the same command
# lmscore's JVM options, as every launcher of it uses them
java=("$JAVA_HOME/bin/java" @"$here/cli/src/main/sh/jvm.options"
      -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile="$cds" -jar "$jar")
export LMSCORE_LLAMA_DIR="$install"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
same_ubatch=()
[ -n "$ubatch" ] && same_ubatch=(-ub "$ubatch")

if [ -n "$hellaswag" ]; then
  unit="tasks/s"
  a_cmd=("$install/bin/llama-perplexity" -m "$model" -f "$hellaswag" --hellaswag --hellaswag-tasks "$tasks" -c "$ctx" -b "$batch" "${same_ubatch[@]}" -t "$threads" "${extra[@]}")
  b_base=("${java[@]}" choice -m "$model" --task hellaswag-llamacpp -f "$hellaswag" -c "$ctx" -b "$batch" "${same_ubatch[@]}" -t "$threads" -q)
  b_cmd=("${b_base[@]}" --limit "$tasks")
  archive_cmd=("${b_base[@]}" --limit 2)
  a_result() { grep -E "^$tasks\s" "$1" | tail -1 | awk '{print $2}'; }
  b_result() { grep -oE 'acc_per_token[^0-9]*[0-9.]+' "$1" | grep -oE '[0-9.]+$' | head -1; }
  a_units() { echo "$tasks"; }
  b_units() { echo "$tasks"; }
else
  unit="tokens/s"
  a_cmd=("$install/bin/llama-perplexity" -m "$model" -f "$file" -c "$ctx" -b "$batch" "${same_ubatch[@]}" -t "$threads" "${extra[@]}")
  b_base=("${java[@]}" perplexity -m "$model" -f "$file" -c "$ctx" -b "$batch" "${same_ubatch[@]}" -t "$threads" -q)
  [ ${#extra[@]} -gt 0 ] && b_base+=(--exact)
  b_cmd=("${b_base[@]}")
  archive_cmd=("${b_base[@]}" --chunks 1)
  [ "$chunks" -gt 0 ] && { a_cmd+=(--chunks "$chunks"); b_cmd+=(--chunks "$chunks"); }
  a_result() { grep -oE 'Final estimate: PPL = [0-9.]+' "$1" | grep -oE '[0-9.]+$'; }
  b_result() { grep -oE 'PPL = [0-9.]+' "$1" | head -1 | grep -oE '[0-9.]+$'; }
  a_units() { grep -oE 'calculating perplexity over [0-9]+ chunks' "$1" | grep -oE '[0-9]+' | awk -v c="$ctx" '{print $1 * (c - c/2 - 1)}'; }
  b_units() { grep -oE '[0-9]+ scored tokens' "$1" | grep -oE '^[0-9]+'; }
fi

# The class-data-sharing archive holds the classes its first run loaded, as the launcher's does after
# a user's first run: make it with a short run of the measured command (archive_cmd above; a
# --version run would leave the scoring path's classes out and cost each measured run ~0.2 s).
"${archive_cmd[@]}" >/dev/null 2>&1 || true

run() { # run NAME ROUND CMD...: wall seconds and peak KB into files
  local name=$1 round=$2; shift 2
  /usr/bin/time -f "%e %M" -o "$work/$name.$round.time" "$@" >"$work/$name.$round.out" 2>&1 \
    || { echo "side-by-side: $name failed:" >&2; tail -5 "$work/$name.$round.out" >&2; exit 1; }
}
for r in $(seq 1 "$rounds"); do
  run llama "$r" "${a_cmd[@]}"
  run lmscore "$r" "${b_cmd[@]}"
  echo "round $r: llama-perplexity $(cut -d' ' -f1 "$work/llama.$r.time")s, lmscore $(cut -d' ' -f1 "$work/lmscore.$r.time")s" >&2
done

ra=$(a_result "$work/llama.1.out"); rb=$(b_result "$work/lmscore.1.out")
awk -v a="$ra" -v b="$rb" 'BEGIN { d = a - b; if (d < 0) d = -d; if (a == "" || b == "" || d > 1e-4 * a + 1e-9) exit 1 }' \
  || { echo "side-by-side: results differ: llama-perplexity '$ra', lmscore '$rb'; not reporting speed" >&2; exit 1; }
ua=$(a_units "$work/llama.1.out"); ub=$(b_units "$work/lmscore.1.out")
[ "$ua" = "$ub" ] || { echo "side-by-side: different amounts of work: $ua vs $ub" >&2; exit 1; }

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
rates() { for r in $(seq 1 "$rounds"); do awk -v u="$2" '{printf "%.3f\n", u / $1}' "$work/$1.$r.time"; done; }
ratios() { for r in $(seq 1 "$rounds"); do
  paste -d' ' "$work/llama.$r.time" "$work/lmscore.$r.time" | awk '{printf "%.4f\n", $1 / $3}'; done; }
rss() { for r in $(seq 1 "$rounds"); do cut -d' ' -f2 "$work/$1.$r.time"; done | sort -n | tail -1; }
ma=$(rates llama "$ua" | median); mb=$(rates lmscore "$ub" | median); mr=$(ratios | median)
echo
echo "| model | data | settings | result (both) | llama-perplexity $unit | lmscore $unit | ratio (median of $rounds) | peak RSS llama-perplexity | peak RSS lmscore |"
echo "|---|---|---|---|---|---|---|---|---|"
printf '| %s | %s | -c %s -b %s -t %s %s | %s | %.1f | %.1f | %.3f | %d MB | %d MB |\n' "$(basename "$model")" \
  "$(basename "${file:-$hellaswag}")" "$ctx" "$batch" "$threads" "${same_ubatch[*]:-} ${extra[*]:-}" "$ra" "$ma" "$mb" "$mr" \
  $(( $(rss llama) / 1024 )) $(( $(rss lmscore) / 1024 ))
