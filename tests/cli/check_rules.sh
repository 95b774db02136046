#!/usr/bin/env bash
# Every `check` rule, end to end: each tests/check/RULE.bad.txt reports the
# rule at the line:col tests/check/expect.tsv gives, with its severity and
# the matching exit status (--strict and --disable change it as documented);
# each RULE.good.txt near miss and clean.txt report nothing and exit 0.
# Usage: bash check_rules.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
dir=$2/tests/check
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# run OUT [ARGS...]: runs `check ARGS` with stdout to OUT; sets $rc.
run() {
  local out=$1
  shift
  rc=0
  "$bin" check "$@" >"$out" 2>"$tmp/stderr" || rc=$?
}

# expect_diag OUT FILE RULE LINE COL SEVERITY: OUT (--format json) has it.
expect_diag() {
  local want="\"line\":$4,\"col\":$5,\"severity\":\"$6\",\"rule\":\"$3\""
  if ! grep -qF "$want" "$1"; then
    fail "$2: expected $3 ($6) at $4:$5; got:"
    sed 's/^/    /' "$1" >&2
  fi
}

covered=" "
while IFS=$'\t' read -r file rule pos severity; do
  [[ -z $file || $file == \#* ]] && continue
  covered+="$rule "
  line=${pos%%:*}
  col=${pos##*:}
  run "$tmp/out" --format json "$dir/$file"
  expect_diag "$tmp/out" "$file" "$rule" "$line" "$col" "$severity"
  want=0
  [[ $severity == error ]] && want=1
  [[ $rc == "$want" ]] || fail "$file: exit $rc, expected $want"
  run "$tmp/strict" --strict --format json "$dir/$file"
  [[ $rc == 1 ]] || fail "$file --strict: exit $rc, expected 1"
  run "$tmp/off" --format json --disable "$rule" "$dir/$file"
  if grep -qF "\"rule\":\"$rule\"" "$tmp/off"; then
    fail "$file --disable $rule: still reported"
  fi
done <"$dir/expect.tsv"

# decode.invalid-bytes: a BOM makes `auto` decode as UTF-8, so a stray byte
# is reported (a warning); with --encoding utf-8 it is an error.
{
  printf '\xef\xbb\xbf'
  sed '8s/计划拨付/计划\xff拨付/' "$dir/clean.txt"
} >"$tmp/invalid.txt"
covered+="decode.invalid-bytes "
run "$tmp/out" --format json "$tmp/invalid.txt"
expect_diag "$tmp/out" invalid.txt decode.invalid-bytes 8 37 warning
[[ $rc == 0 ]] || fail "invalid.txt: exit $rc, expected 0"
if grep -qF decode.replacement-char "$tmp/out"; then
  fail "invalid.txt: the decoder's own U+FFFD reported as replacement-char"
fi
run "$tmp/out" --format json --encoding utf-8 "$tmp/invalid.txt"
expect_diag "$tmp/out" "invalid.txt --encoding utf-8" decode.invalid-bytes \
  8 37 error
[[ $rc == 1 ]] || fail "invalid.txt --encoding utf-8: exit $rc, expected 1"

# The near misses: nothing at all.
for good in "$dir"/*.good.txt "$dir/clean.txt"; do
  run "$tmp/out" --strict "$good"
  if [[ $rc != 0 || -s $tmp/out ]]; then
    fail "$(basename "$good"): exit $rc, expected 0 and no output; got:"
    sed 's/^/    /' "$tmp/out" >&2
  fi
done
run "$tmp/out" --encoding utf-8 --strict "$dir/clean.txt"
[[ $rc == 0 && ! -s $tmp/out ]] || fail "clean.txt --encoding utf-8: exit $rc"

# Every rule `check --help` lists has a test above.
"$bin" check --help >"$tmp/help"
rules=$(grep -oE '^  [a-z]+\.[a-z-]+ +(error|warning)' "$tmp/help" |
  awk '{print $1}')
[[ -n $rules ]] || fail "check --help lists no rules"
for r in $rules; do
  [[ $covered == *" $r "* ]] || fail "rule $r has no test input"
done

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "check rules: all passed"
