#!/usr/bin/env bash
# The bad-input catalogue (README "Bad input"), the cases no other script
# covers: each input and what the tool promises for it (exit status, the
# message, what is written). The rest of the catalogue: cli.sh (directory,
# unreadable file, empty stdin, closed pipe, broken rules), cli_details.sh
# (missing file, -o on /dev/full), regress.sh (ASCII-heavy GB18030, invalid
# bytes with line and column), huge_line.sh (a 100 MB single line; ctest
# 4 MB), bounded.sh (a line of several MB),
# unit_tests [bad-input] (a character split at every chunk offset).
#
#   bash tests/cli/bad_input.sh BINARY SOURCE_DIR
set -u
bin=$1
. "$(dirname "$0")/common.bash"

# run ARGS...: status in $rc, stdout in $tmp/out, stderr in $tmp/err.
run() {
  rc=0
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}
# want STATUS WHAT [REGEX]: the exit status, and a stderr line matching REGEX.
want() {
  [ "$rc" = "$1" ] || fail "$2: exit status $rc, want $1 ($(head -c 300 "$tmp/err"))"
  if [ $# -ge 3 ] && ! grep -qE -- "$3" "$tmp/err"; then
    fail "$2: stderr lacks /$3/: $(head -c 300 "$tmp/err")"
  fi
}

# A small made-up bulletin, and the title its record must have.
title=南湖区发布数字经济扶持办法
printf '%s\n' "$title" \
  '办法提出，到明年全区数字经济核心产业增加值力争达到三百亿元，增长百分之十二。' \
  '对新落户的研发机构，区财政给予最高五百万元补助。' \
  '（作者：钱八）' >"$tmp/utf8.txt"

# --- Encodings: UTF-16 and GB18030, with and without a byte-order mark -----
# Each is detected and gives the records of the UTF-8 file.
run "$tmp/utf8.txt"
want 0 "utf-8"
jq -c 'del(.source.path)' "$tmp/out" >"$tmp/want.jsonl"
for enc in UTF-16LE UTF-16BE GB18030; do
  iconv -f UTF-8 -t $enc "$tmp/utf8.txt" >"$tmp/$enc.txt" || fail "iconv $enc"
  case $enc in
    UTF-16LE) bom='\xff\xfe' ;;
    UTF-16BE) bom='\xfe\xff' ;;
    GB18030) bom='\x84\x31\x95\x33' ;;
  esac
  { printf "$bom"; cat "$tmp/$enc.txt"; } >"$tmp/$enc-bom.txt"
  name=$(echo "$enc" | tr A-Z a-z)
  for f in "$enc" "$enc-bom"; do
    run -v "$tmp/$f.txt"
    want 0 "$f" ": $name, 1 article"
    jq -c 'del(.source.path)' "$tmp/out" | cmp -s - "$tmp/want.jsonl" ||
      fail "$f: records differ from the UTF-8 file's"
  done
done

# --- Invalid UTF-8 ------------------------------------------------------------
# With --encoding auto: U+FFFD in place, a warning at line:col, exit 0; with
# --encoding utf-8 named: the records too, but exit 3.
{ head -n 2 "$tmp/utf8.txt"; printf '对新落户的\xff研发机构给予补助。\n（作者：钱八）\n'; } >"$tmp/bad-utf8.txt"
run "$tmp/bad-utf8.txt"
want 0 "invalid utf-8" "bad-utf8.txt:3:6: warning: invalid utf-8 byte .xFF replaced by U\+FFFD \[decode.invalid-bytes\]"
jq -r .text "$tmp/out" | grep -q $'对新落户的\xef\xbf\xbd研发机构' || fail "invalid utf-8: no U+FFFD in place"
run --encoding utf-8 "$tmp/bad-utf8.txt"
want 3 "invalid utf-8, --encoding utf-8" "not valid utf-8: 1 invalid byte sequence"
[ -s "$tmp/out" ] || fail "invalid utf-8, --encoding utf-8: no records"
# Twelve bad bytes among many good lines (still UTF-8): the first ten each
# at its line and column, then one count of the rest; all twelve U+FFFD.
{
  head -n 1 "$tmp/utf8.txt"
  for i in $(seq 12); do
    for _ in $(seq 20); do sed -n 3p "$tmp/utf8.txt"; done
    printf '第%d条\xff规定补助。\n' "$i"
  done
  tail -n 1 "$tmp/utf8.txt"
} >"$tmp/bad-utf8-12.txt"
run "$tmp/bad-utf8-12.txt"
want 0 "twelve invalid bytes" "bad-utf8-12.txt:[0-9]+: warning: 2 more invalid utf-8 byte sequences replaced by U\+FFFD \(12 in all\) \[decode.invalid-bytes\]$"
[ "$(grep -c 'bad-utf8-12.txt:[0-9]*:[0-9]*: warning: invalid utf-8 byte' "$tmp/err")" = 10 ] ||
  fail "twelve invalid bytes: want ten located warnings: $(head -c 600 "$tmp/err")"
grep -q 'bad-utf8-12.txt:22:4: warning: invalid utf-8 byte .xFF' "$tmp/err" ||
  fail "twelve invalid bytes: the first not at 22:4"
[ "$(jq -r .text "$tmp/out" | grep -o $'\xef\xbf\xbd' | wc -l)" = 12 ] ||
  fail "twelve invalid bytes: not twelve U+FFFD in the text"

# --- NUL bytes: kept in the text (JSON \u0000), nothing else changes ----------
{ head -n 2 "$tmp/utf8.txt"; printf '对新落户的\0研发机构给予补助。\n（作者：钱八）\n'; } >"$tmp/nul.txt"
run "$tmp/nul.txt"
want 0 "NUL bytes"
grep -qF '对新落户的\u0000研发机构' "$tmp/out" || fail "NUL bytes: not kept in the text"

# --- Empty and whitespace-only input: no record, exit 0 ----------------------
: >"$tmp/empty.txt"
printf ' \n\t\n\r\n\xe3\x80\x80\n' >"$tmp/blank.txt"  # U+3000 too
for f in empty blank; do
  run "$tmp/$f.txt"
  want 0 "$f input"
  [ -s "$tmp/out" ] && fail "$f input: records written"
done
run - <"$tmp/blank.txt"
want 0 "whitespace-only stdin"
[ -s "$tmp/out" ] && fail "whitespace-only stdin: records written"

# --- A binary file: not text, exit 3, the other inputs still read -----------
head -c 4096 "$bin" >"$tmp/binary.bin"
run "$tmp/binary.bin" "$tmp/utf8.txt"
want 3 "binary" "binary.bin: not a text file"
[ "$(wc -l <"$tmp/out")" = 1 ] || fail "binary: the other input was not read"
# --encoding reads it anyway: as text, into a record (exit 3: its invalid
# bytes under a named encoding), no "not a text file".
run --encoding gb18030 "$tmp/binary.bin"
want 3 "binary, --encoding gb18030" "binary.bin: not valid gb18030: "
grep -q 'not a text file' "$tmp/err" && fail "binary, --encoding gb18030: still not a text file"
[ "$(wc -l <"$tmp/out")" -ge 1 ] || fail "binary, --encoding gb18030: no record"

# --- A FIFO and process substitution: read once, in full ---------------------
mkfifo "$tmp/fifo"
cat "$tmp/utf8.txt" >"$tmp/fifo" &
rc=0
timeout 20 "$bin" "$tmp/fifo" >"$tmp/out" 2>"$tmp/err" || rc=$?
wait
want 0 "a FIFO"
[ "$(jq -r .title "$tmp/out")" = "$title" ] || fail "a FIFO: no record"
rc=0
timeout 20 "$bin" <(iconv -f UTF-8 -t GB18030 "$tmp/utf8.txt") >"$tmp/out" 2>"$tmp/err" || rc=$?
want 0 "<(...)"
[ "$(jq -r .title "$tmp/out")" = "$title" ] || fail "<(...): no record"

# --- A read error after a successful open: exit 3 with the reason ------------
if [ -r /proc/self/mem ]; then
  run /proc/self/mem "$tmp/utf8.txt"
  want 3 "a read error" "^bulletin-extract: /proc/self/mem: "
fi

# --- Broken rule and table files: file:line:col, exit 2, nothing read --------
# (A bad pattern, a malformed row, a bad value: cli.sh.)
rules() {  # rules NAME BYTES: a --rules directory holding one file
  rm -rf "$tmp/rules"
  mkdir "$tmp/rules"
  printf "$2" >"$tmp/rules/$1"
  run --rules "$tmp/rules" "$tmp/utf8.txt"
}
rules currencies.tsv '星河币\tXHB\tafter\n\xff星河元\tXHY\tafter\n'
want 2 "invalid UTF-8 in a table" "rules/currencies.tsv:2:1: invalid UTF-8 byte .xFF"
rules sections.txt '产业动态\n政策\xe6\x94\n'
want 2 "a truncated character in a word list" "rules/sections.txt:2:3: invalid UTF-8 byte .xE6"
rules extra.rules 'money.extra 10 \xc0\xaf元\n'
want 2 "an overlong form in a rule" "rules/extra.rules:1:16: invalid UTF-8 byte .xC0"
rules currency.tsv '星河币\tXHB\tafter\n'
want 2 "a table name no built-in file has" "rules/currency.tsv: not a rule file"
rules extra.rules 'money.extra ten 元\n'
want 2 "a priority that is no number" "rules/extra.rules:1:13: priority must be a whole number"
rules extra.rules 'planet.extra 10 元\n'
want 2 "an unknown entity type" "rules/extra.rules:1:1: unknown entity type 'planet'"
rules extra.rules 'money.extra 10 {NO_SUCH}元\n'
want 2 "an unknown macro" "rules/extra.rules:1:16: unknown macro \{NO_SUCH\}"
rules extra.rules 'money.extra\n'
want 2 "a rule with no pattern" "rules/extra.rules:1:1: expected 'TYPE.NAME PRIORITY PATTERN'"
# A file's errors are all reported in one run, each at its line.
rules extra.rules 'money.bad 10 (unclosed\nmoney.extra ten 元\nplanet.extra 10 元\n'
want 2 "three broken rules in a file" "rules/extra.rules:1:14: bad pattern: "
grep -q "rules/extra.rules:2:13: priority must be a whole number" "$tmp/err" &&
  grep -q "rules/extra.rules:3:1: unknown entity type 'planet'" "$tmp/err" ||
  fail "three broken rules in a file: not every error reported: $(cat "$tmp/err")"
rules layout.tsv 'no_such_kind\tx\n'
want 2 "an unknown layout kind" "rules/layout.tsv:1:1: expected KIND<TAB>PATTERN"
rules layout.tsv 'column_width\twide\n'
want 2 "a column width that is no number" "rules/layout.tsv:1:14: expected column_width<TAB>WIDTH"
rules numerals.tsv '兆\tscale\t12\n垓\tmultiplier\t20\n'
want 2 "an unknown numeral kind" "rules/numerals.tsv:2:3: unknown kind 'multiplier'"
rules numerals.tsv '垓\tscale\t99\n'
want 2 "a numeral value out of range" "rules/numerals.tsv:1:9: bad value '99' for scale"
# One rule that compiles alone but takes the rule set over its memory budget.
huge=$(printf '[a-z]{1000}%.0s' $(seq 120))
rules extra.rules "money.huge 10 ${huge}元\n"
want 2 "a rule set over its memory budget" "^bulletin-extract: rules: the rule set \(the built-in rules and .*/extra.rules\) is too large to compile: .*memory budget \(16 MiB\)"
# The built-in rules leave a user's rules room: they compile within three
# quarters of the budget (12 MiB), with no warning.
BULLETIN_EXTRACT_TEST_SET_MAX_MEM=$((12 << 20)) "$bin" "$tmp/utf8.txt" >/dev/null 2>"$tmp/err" ||
  fail "the built-in rules under a 12 MiB budget: exit $?"
! grep -q "memory budget" "$tmp/err" ||
  fail "the built-in rules do not compile within 12 MiB: $(cat "$tmp/err")"

# --- The rule set out of memory, forced by the test hooks -------------------
# RE2's many-match DFA resets its cache instead of failing, so rules alone
# cannot make the set fail while matching; BULLETIN_EXTRACT_TEST_SET_MAX_MEM
# (a budget too small to compile) and BULLETIN_EXTRACT_TEST_SET_OOM (every
# match fails as out of memory) make it. Each failure is reported, naming
# the rule set; the records are those of a normal run (every rule run on its
# own), never a silent fall-back.
run "$tmp/utf8.txt"
cp "$tmp/out" "$tmp/normal.jsonl"
rules extra.rules 'money.extra 10 星河币\n'
BULLETIN_EXTRACT_TEST_SET_MAX_MEM=4096 run --rules "$tmp/rules" "$tmp/utf8.txt"
want 2 "--rules, a set budget too small to compile" "^bulletin-extract: rules: the rule set \(the built-in rules and .*/extra.rules\) is too large to compile: .*memory budget \(4096 bytes\)"
[ -s "$tmp/out" ] && fail "--rules, set budget too small: records written"
BULLETIN_EXTRACT_TEST_SET_MAX_MEM=4096 run "$tmp/utf8.txt"
want 0 "built-in rules, a set budget too small to compile" "^$tmp/utf8.txt:[0-9]+:[0-9]+: warning: the rule set \(the built-in rules\) does not compile within its memory budget \(4096 bytes\): every rule is run on its own .*\[extract.set-out-of-memory\]$"
[ "$(grep -c 'set-out-of-memory' "$tmp/err")" = 1 ] || fail "set budget: want one warning: $(cat "$tmp/err")"
cmp -s "$tmp/out" "$tmp/normal.jsonl" || fail "set budget: records differ from a normal run"
BULLETIN_EXTRACT_TEST_SET_OOM=1 run "$tmp/utf8.txt"
want 0 "the set out of memory while matching" "^$tmp/utf8.txt:[0-9]+:1: warning: the rule set \(the built-in rules\) ran out of memory on this sentence: every rule was run on its own instead .*\[extract.set-out-of-memory\]$"
# One warning per sentence the set failed on (the title and two more).
[ "$(grep -c 'ran out of memory on this sentence' "$tmp/err")" -ge 3 ] || fail "set out of memory: too few warnings: $(cat "$tmp/err")"
cmp -s "$tmp/out" "$tmp/normal.jsonl" || fail "set out of memory: records differ from a normal run"
for hook in BULLETIN_EXTRACT_TEST_SET_MAX_MEM BULLETIN_EXTRACT_TEST_SET_OOM; do
  env "$hook=lots" "$bin" "$tmp/utf8.txt" >"$tmp/out" 2>"$tmp/err" && rc=0 || rc=$?
  want 2 "$hook=lots" "^bulletin-extract: $hook: expected a whole number, not 'lots'"
done
for r in "$tmp/no-such-dir" "$tmp/utf8.txt"; do
  run --rules "$r" "$tmp/utf8.txt"
  want 2 "--rules $r" "^bulletin-extract: --rules: "
done
[ -s "$tmp/out" ] && fail "broken rules: records written"

[ "$failures" -eq 0 ]
