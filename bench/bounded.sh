#!/usr/bin/env bash
# Bounded memory and linear time on large inputs (issue 12). Generates, in a
# temporary directory that is deleted afterwards, three kinds of input and
# runs bulletin-extract on each under nice and /usr/bin/time -v:
#   bulletin    samples/*.txt (and ../shared/corpus/*.txt) repeated
#   paragraphs  made-up clauses dense with figures, a blank line after every
#               sixth: paragraphs with no bulletin structure at all
#   line        the same clauses with no line end: one single line
# For each kind it reports peak RSS at the large size and the time ratio of
# 10x the input (SMALL MB vs 10*SMALL MB): linear time means <= 11.
#
# usage: bench/bounded.sh [--bin PATH] [--big MB] [--line MB] [--small MB]
#                         [--kinds "bulletin paragraphs line"]
#   --big MB    size of the bulletin and paragraphs inputs (default 1024)
#   --line MB   size of the single-line input (default 100)
#   --small MB  the linearity pair is SMALL and 10*SMALL MB (default 10)
# Needs several GB free in ${TMPDIR:-/tmp} and takes minutes: not for ctest.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/bulletin-extract"
big=1024 line_mb=100 small=10
kinds="bulletin paragraphs line"
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=${2:?}; shift ;;
    --big) big=${2:?}; shift ;;
    --line) line_mb=${2:?}; shift ;;
    --small) small=${2:?}; shift ;;
    --kinds) kinds=${2:?}; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/bounded.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[ -x /usr/bin/time ] || { echo "bench/bounded.sh: /usr/bin/time is missing" >&2; exit 2; }
[ -x "$bin" ] || { echo "bench/bounded.sh: no binary at $bin" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-bounded.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

seed="$tmp/seed.txt"
: >"$seed"
for f in "$root"/samples/*.txt "$root"/../shared/corpus/*.txt; do
  [ -f "$f" ] || continue
  case "$(basename "$f")" in
    gb18030*) iconv -f GB18030 -t UTF-8 "$f" >>"$seed" ;;
    *) sed '1s/^\xEF\xBB\xBF//' "$f" >>"$seed" ;;
  esac
  printf '\n' >>"$seed"
done

# clauses MB SEPARATOR: made-up clauses dense with figures until MB MB,
# SEPARATOR after every sixth (tools/gen-clauses.awk).
clauses() {
  LC_ALL=C awk -v sep="$2" -v target=$(($1 * 1048576)) \
    -f "$root/tools/gen-clauses.awk" </dev/null
}
make_input() {  # make_input KIND MB FILE
  case "$1" in
    bulletin)
      : >"$3"
      while [ "$(stat -c %s "$3")" -lt $(($2 * 1048576)) ]; do cat "$seed" >>"$3"; done ;;
    paragraphs) clauses "$2" "\n\n" >"$3" ;;
    line) clauses "$2" "" >"$3" ;;
  esac
}
run() {  # run FILE: sets $secs (user+sys) and $rss_mb
  nice -n 19 /usr/bin/time -v -o "$tmp/time.log" "$bin" -j 1 "$1" >/dev/null 2>"$tmp/err.txt" || {
    echo "bench/bounded.sh: bulletin-extract failed on $1" >&2; head -5 "$tmp/err.txt" >&2; exit 1; }
  secs=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$tmp/time.log")
  rss_mb=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$tmp/time.log")
}

echo "bounded: binary $bin ($("$bin" --version 2>/dev/null || echo '?'))"
for kind in $kinds; do
  size=$big
  [ "$kind" = line ] && size=$line_mb
  make_input "$kind" "$size" "$tmp/in.txt"
  run "$tmp/in.txt"
  warn=$(grep -c 'warning' "$tmp/err.txt" || true)
  printf 'bounded: %-10s %5d MB  cpu %8s s  peak RSS %7s MB  (%s warnings)\n' \
    "$kind" "$size" "$secs" "$rss_mb" "$warn"
  rm -f "$tmp/in.txt"
  make_input "$kind" "$small" "$tmp/small.txt"
  run "$tmp/small.txt"; t1=$secs
  make_input "$kind" $((small * 10)) "$tmp/large.txt"
  run "$tmp/large.txt"; t10=$secs
  rm -f "$tmp/small.txt" "$tmp/large.txt"
  ratio=$(awk -v a="$t1" -v b="$t10" 'BEGIN { if (a <= 0) a = 0.01; printf "%.2f", b / a }')
  printf 'bounded: %-10s %5d MB vs %d MB: cpu %s s vs %s s, ratio %s (linear: <= 11)\n' \
    "$kind" "$small" $((small * 10)) "$t1" "$t10" "$ratio"
done
