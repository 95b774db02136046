#!/usr/bin/env bash
# examples/parallel.sh (GNU parallel --pipe, here in blocks small enough to
# give several workers work) writes the records of one serial run, record
# for record. Exits 77 (skipped) when GNU parallel or jq is absent.
#
#   bash tests/cli/example_parallel.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd)
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
. "$(dirname "$0")/common.bash"
command -v parallel >/dev/null && parallel --version 2>/dev/null | grep -q 'GNU parallel' ||
  { echo "GNU parallel missing: skipped"; exit 77; }
command -v jq >/dev/null || { echo "jq missing: skipped"; exit 77; }
. "$(dirname "$0")/scale_common.bash"
# Parallel's --pipe splits at line ends: 60k blocks cut the file in several.
BLOCK=60k BULLETIN_EXTRACT=$bin bash "$src/examples/parallel.sh" "$tmp/docs.jsonl" \
  --keep-fields n >"$tmp/par.out" 2>"$tmp/par.err" || fail "examples/parallel.sh: exit $?"
grep -q 'bulletin-extract' "$tmp/par.err" && fail "examples/parallel.sh: stderr: $(head -c 300 "$tmp/par.err")"
blocks=$(parallel --pipe --block 60k wc -l <"$tmp/docs.jsonl" | wc -l)
[ "$blocks" -ge 3 ] || fail "the input went into $blocks blocks, not several"
same_as_serial "$tmp/par.out" "examples/parallel.sh"
[ "$failures" -eq 0 ] && echo "example_parallel: all passed ($blocks blocks)"
exit $((failures > 0))
