#!/usr/bin/env bash
# -j N: several inputs run at once give the same records, messages and
# exit status, byte for byte and in the same order, as -j 1 — over the
# samples and the golden test inputs, given twice (document state such as
# learned abbreviations must not leak from one input to the next), with a
# missing file among them.
#
#   bash tests/cli/jobs.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "$0")/common.bash"
files=("$src"/samples/*.txt "$src"/tests/regress/inputs/* "$tmp/missing.txt"
       "$src"/samples/*.txt)
"$bin" -v -j 1 "${files[@]}" >"$tmp/j1.out" 2>"$tmp/j1.err"; rc1=$?
for j in 2 3; do
  "$bin" -v -j "$j" "${files[@]}" >"$tmp/j.out" 2>"$tmp/j.err"; rc=$?
  [ "$rc" = "$rc1" ] || fail "-j $j: exit $rc, -j 1: $rc1"
  cmp -s "$tmp/j1.out" "$tmp/j.out" || fail "-j $j: records differ from -j 1"
  cmp -s "$tmp/j1.err" "$tmp/j.err" || fail "-j $j: stderr differs from -j 1"
done
[ "$rc1" = 3 ] || fail "a missing input: exit $rc1, expected 3"
[ -s "$tmp/j1.out" ] || fail "no records"
"$bin" -j 0 "$src/samples/clean-web.txt" >/dev/null 2>&1 && fail "-j 0 accepted"
exit $((failures > 0))
