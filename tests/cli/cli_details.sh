#!/usr/bin/env bash
# The command line's manners: mistyped commands, real reference dates,
# prefixed messages with reasons, the output's own exit status.
#
#   bash tests/cli/cli_details.sh BINARY SOURCE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.bash"
enter_source "$@" || exit 1
sample=$(ls samples/*.txt | head -n 1)
run() {
  "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}
expect() {  # expect STATUS REGEX WHAT: exit status and a stderr line
  [ "$status" -eq "$1" ] || fail "$3: exit status $status, expected $1"
  grep -qE -- "$2" "$tmp/err" || { fail "$3: stderr lacks /$2/"; sed 's/^/    /' "$tmp/err" >&2; }
}

# A mistyped subcommand is a usage error naming the command meant.
for typo in chek chekc shcema rulse; do
  run "$bin" "$typo" "$sample"
  expect 2 "^bulletin-extract: '$typo' is neither a command nor a file; did you mean '(check|schema|rules)'" "$typo"
done
# ... but a missing file that resembles no command stays an input error.
run "$bin" "$tmp/no-such-file.txt"
expect 3 "^bulletin-extract: .*no-such-file.txt: No such file" "missing file"
# A file that happens to be called like a typo is read, not refused.
cp "$sample" "$tmp/chek"
(cd "$tmp" && "$bin" chek >"$tmp/out" 2>"$tmp/err"); status=$?
[ "$status" -eq 0 ] && [ -s "$tmp/out" ] || fail "a file named chek: exit $status"

# --reference-date takes only days the calendar has.
for bad in 2023-02-30 2023-13-01 2023-04-31 2023-1-05 20230105 2100-02-29; do
  run "$bin" --reference-date "$bad" "$sample"
  expect 2 "^bulletin-extract: --reference-date: '$bad' is not a date" "--reference-date $bad"
  [ -s "$tmp/out" ] && fail "--reference-date $bad: records written"
done
for good in 2024-02-29 2000-02-29 2023-12-31; do
  run "$bin" --reference-date "$good" "$sample"
  [ "$status" -eq 0 ] || fail "--reference-date $good: exit status $status"
done

# Unknown options are usage errors with the program's name.
run "$bin" --no-such-option "$sample"
expect 2 "^bulletin-extract: .*--no-such-option" "unknown option"

# An output that cannot be written: its own exit status, with the reason.
run "$bin" -o /proc/no-such-dir/out.jsonl "$sample"
expect 4 "^bulletin-extract: /proc/no-such-dir/out.jsonl: cannot write: No such file or directory" "-o unwritable"
if [ -w /dev/full ]; then
  run "$bin" "$sample" -o /dev/full
  expect 4 "^bulletin-extract: write: No space left on device" "-o /dev/full"
fi
# A closed pipe is no error.
"$bin" "$sample" "$sample" "$sample" 2>"$tmp/err" | head -c 10 >/dev/null
[ "${PIPESTATUS[0]}" -eq 0 ] || fail "closed pipe: exit status ${PIPESTATUS[0]}"

# -v counts in English: "1 article", "3 articles"; the number is the records'.
printf 'A title of its own\n\nOne paragraph of body text, long enough to be a body paragraph and not a title line at all.\n' >"$tmp/one.txt"
for f in "$tmp/one.txt" $(ls samples/*.txt | head -n 2); do
  n=$("$bin" "$f" 2>/dev/null | wc -l)
  word=articles; [ "$n" -eq 1 ] && word=article
  "$bin" -v "$f" 2>&1 >/dev/null | grep -qE ", $n $word, " ||
    fail "-v on $f: no '$n $word' in: $("$bin" -v "$f" 2>&1 >/dev/null | tail -n 1)"
done

# `extract --help` lists extract's options, not only --help.
"$bin" extract --help >"$tmp/help" 2>&1
for o in --output --pretty --jobs --encoding --input-format --text-field --stats --rules --reference-date --locale; do
  grep -q -- "$o" "$tmp/help" || fail "extract --help does not list $o"
done
# ... and they work after the subcommand name as before it.
"$bin" extract --pretty "$sample" | head -n 1 | grep -qx '{' || fail "extract --pretty: not indented"

# check: an input it cannot read is in the report too, in every machine format.
run "$bin" check --format json "$tmp/no-such.txt" "$sample"
[ "$status" -eq 3 ] || fail "check --format json, missing input: exit $status, expected 3"
jq -s -e 'any(.[]; .rule == "input.unreadable" and .severity == "error" and (.file | endswith("no-such.txt")))' "$tmp/out" >/dev/null ||
  fail "check --format json: no input.unreadable line for the missing input"
run "$bin" check --format github "$tmp/no-such.txt"
grep -q '^::error file=.*no-such.txt,title=input.unreadable::' "$tmp/out" || fail "check --format github: no ::error for the missing input"
run "$bin" check --format sarif "$tmp/no-such.txt" "$sample"
jq -e '.runs[0].invocations[0] | .executionSuccessful == false and
       (.toolExecutionNotifications | length == 1) and
       (.toolExecutionNotifications[0].level == "error") and
       (.toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation.uri | endswith("no-such.txt"))' \
  "$tmp/out" >/dev/null || fail "check --format sarif: no toolExecutionNotification for the missing input"
run "$bin" check --format sarif "$sample"
jq -e '.runs[0].invocations[0].executionSuccessful == true and (.runs[0].invocations[0] | has("toolExecutionNotifications") | not)' \
  "$tmp/out" >/dev/null || fail "check --format sarif: a readable input is no failed execution"

# check on an input that gives no article warns (empty, blank), with a rule
# that --disable turns off.
: >"$tmp/empty.txt"
printf '\n  \n\n' >"$tmp/blank.txt"
for f in empty blank; do
  run "$bin" check "$tmp/$f.txt"
  [ "$status" -eq 0 ] || fail "check $f: exit $status, expected 0 (a warning)"
  grep -q "$f.txt: warning: no article: .*\[segment.no-article\]" "$tmp/out" || fail "check $f: no segment.no-article warning"
  run "$bin" check --strict "$tmp/$f.txt"
  [ "$status" -eq 1 ] || fail "check --strict $f: exit $status, expected 1"
  run "$bin" check --disable segment.no-article "$tmp/$f.txt"
  [ -s "$tmp/out" ] && fail "check --disable segment.no-article $f: still reported"
done

# rules test takes extract's date options: a date without a year gets the
# reference date's, a bad date is a usage error.
printf 'The meeting was held on 3\xe6\x9c\x885\xe6\x97\xa5 in the capital.\n' >"$tmp/md.txt"
run "$bin" rules test --reference-date 2021-06-01 "$tmp/md.txt"
grep -q "kept .* value=\"2021-03-05\"" "$tmp/out" || { fail "rules test --reference-date: no 2021-03-05"; cat "$tmp/out" >&2; }
run "$bin" rules test --reference-date 2021-02-30 "$tmp/md.txt"
expect 2 "^bulletin-extract: --reference-date: '2021-02-30' is not a date" "rules test --reference-date 2021-02-30"
printf 'The price is 100\xe5\x85\x83 a unit.\n' >"$tmp/yuan.txt"
run "$bin" rules test --locale zh-HK "$tmp/yuan.txt"
grep -q 'currency="HKD"' "$tmp/out" || fail "rules test --locale zh-HK: no HKD"

[ "$failures" -eq 0 ] && echo "cli_details: all passed"
exit $((failures > 0))
