#!/usr/bin/env bash
# Linear time on the two generated inputs of tests/regress (issue 14): each
# is run at N and 4*N (many figures in one sentence; English lines after a
# footnote) and the time ratio is reported; linear time gives about 4, the
# old quadratic behaviour 16. Exits 1 when a ratio is above 8. Timed, so
# not in ctest (tests/cli/regress.sh checks their output and memory).
#
# usage: bench/regress_time.sh [--bin PATH] [--n N]   (N default 32000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin="$root/build/bulletin-extract"
n=32000
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) bin=${2:?}; shift ;;
    --n) n=${2:?}; shift ;;
    *) echo "usage: $0 [--bin PATH] [--n N]" >&2; exit 2 ;;
  esac
  shift
done
. "$root/tests/regress/generated.bash"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-regress-time.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
seconds() {  # seconds FILE: user+system seconds of one run
  /usr/bin/time -f '%U %S' -o "$tmp/t" "$bin" "$1" >/dev/null 2>&1
  awk '{ print $1 + $2 }' "$tmp/t"
}
status=0
for kind in many_figures english_after_footnote; do
  "$kind" "$n" "$tmp/small.txt"
  "$kind" $((4 * n)) "$tmp/big.txt"
  a=$(seconds "$tmp/small.txt") b=$(seconds "$tmp/big.txt")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / (a > 0.01 ? a : 0.01) }')
  echo "$kind: $n -> $((4 * n)): $a s -> $b s, ratio $ratio (linear ~4)"
  awk -v r="$ratio" 'BEGIN { exit !(r <= 8) }' || status=1
done
exit $status
