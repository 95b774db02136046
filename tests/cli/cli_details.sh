#!/usr/bin/env bash
# The command line's manners: mistyped commands, real reference dates,
# prefixed messages with reasons, the output's own exit status.
#
#   bash tests/cli/cli_details.sh BINARY SOURCE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$1
src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$src" || exit 1
. "$here/common.bash"
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

[ "$failures" -eq 0 ] && echo "cli_details: all passed"
exit $((failures > 0))
