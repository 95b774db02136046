#!/usr/bin/env bash
# End-to-end tests of the real binary: inputs and outputs, exit statuses,
# error messages, --rules directories and the subcommands.
#
#   bash tests/cli/cli.sh BINARY SOURCE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if ! command -v python3 >/dev/null 2>&1; then
  echo "cli: python3 not found; skipped"
  exit 0
fi
. "$here/common.bash"
enter_source "$@" || exit 1
# Runs the command with stdout in $tmp/out, stderr in $tmp/err, the exit
# status in $status.
run() {
  "$@" >"$tmp/out" 2>"$tmp/err"
  status=$?
}
expect_status() {
  if [ "$status" -ne "$1" ]; then
    fail "$2: exit status $status, expected $1"
    sed 's/^/    stderr: /' "$tmp/err" | head -5 >&2
  fi
}
# Python helper: `py 'code' args...` with the JSON Lines reader `records`.
py() {
  local code=$1
  shift
  python3 -c "
import json, sys
def records(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]
$code" "$@"
}

s1=samples/clean-web.txt
s2=samples/traditional.txt

# --- A sample --------------------------------------------------------------
run "$bin" "$s1"
expect_status 0 "a sample"
cp "$tmp/out" "$tmp/s1.jsonl"
if ! py '
rs = records(sys.argv[1])
assert rs, "no records"
for i, r in enumerate(rs, 1):
    assert r["schema_version"] == 1, r["schema_version"]
    assert r["index"] == i, (r["index"], i)
    assert r["source"]["path"] == sys.argv[2], r["source"]["path"]
' "$tmp/s1.jsonl" "$s1"; then
  fail "a sample: records are not JSON Lines of schema 1 in order"
fi
n1=$(wc -l <"$tmp/s1.jsonl")
run "$bin" "$s2"
expect_status 0 "a second sample"
cp "$tmp/out" "$tmp/s2.jsonl"
n2=$(wc -l <"$tmp/s2.jsonl")

# --- stdin -----------------------------------------------------------------
same_records_as_s1() {  # $1: output file, $2: what
  if ! py '
a, b = records(sys.argv[1]), records(sys.argv[2])
assert all(r["source"]["path"] == "-" for r in a), "path is not -"
for r in a + b:
    r["source"]["path"] = None
assert a == b, "records differ"
' "$1" "$tmp/s1.jsonl"; then
    fail "$2: not the records of the file with path -"
  fi
}
"$bin" <"$s1" >"$tmp/stdin.jsonl" 2>"$tmp/err"
status=$?
expect_status 0 "stdin without a file argument"
same_records_as_s1 "$tmp/stdin.jsonl" "stdin without a file argument"
"$bin" - <"$s1" >"$tmp/dash.jsonl" 2>"$tmp/err"
status=$?
expect_status 0 "stdin as -"
same_records_as_s1 "$tmp/dash.jsonl" "stdin as -"
run "$bin" </dev/null
expect_status 0 "empty stdin"
[ -s "$tmp/out" ] && fail "empty stdin: wrote output"

# --- Several files, in order ------------------------------------------------
run "$bin" "$s1" "$s2"
expect_status 0 "two files"
cat "$tmp/s1.jsonl" "$tmp/s2.jsonl" >"$tmp/both.jsonl"
cmp -s "$tmp/out" "$tmp/both.jsonl" ||
  fail "two files: output is not the first file's records then the second's"

# --- Help, version, usage errors --------------------------------------------
run "$bin" --help
expect_status 0 "--help"
grep -qi 'example' "$tmp/out" || fail "--help: no examples"
grep -q 'jq' "$tmp/out" || fail "--help: does not mention jq"
run "$bin" --version
expect_status 0 "--version"
grep -Eq 'bulletin-extract.*[0-9]+\.[0-9]+\.[0-9]+' "$tmp/out" ||
  fail "--version: no version number in '$(head -1 "$tmp/out")'"
run "$bin" --no-such-flag "$s1"
expect_status 2 "an unknown flag"
[ -s "$tmp/err" ] || fail "an unknown flag: nothing on stderr"
[ -s "$tmp/out" ] && fail "an unknown flag: wrote records"
run "$bin" --encoding latin9 "$s1"
expect_status 2 "an unknown encoding"
run "$bin" --reference-date 2021/07/01 "$s1"
expect_status 2 "a malformed --reference-date"

# --- Unreadable inputs -------------------------------------------------------
missing=$tmp/no-such-file.txt
run "$bin" "$s1" "$missing" "$s2"
expect_status 3 "a missing file"
grep -q "^bulletin-extract: $missing: " "$tmp/err" ||
  fail "a missing file: no '$missing: message' on stderr"
cmp -s "$tmp/out" "$tmp/both.jsonl" ||
  fail "a missing file: the other files were not all processed"
mkdir "$tmp/a-directory"
run "$bin" "$tmp/a-directory" "$s1"
expect_status 3 "a directory as input"
grep -q "^bulletin-extract: $tmp/a-directory: " "$tmp/err" ||
  fail "a directory as input: no 'path: message' on stderr"
cmp -s "$tmp/out" "$tmp/s1.jsonl" ||
  fail "a directory as input: the other file was not processed"
# An unreadable file. Root reads anything: as root the binary runs as user
# nobody (setpriv, util-linux), skipped when that cannot run it.
as_user=()
if [ "$(id -u)" -eq 0 ]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  chmod 755 "$tmp"
  "${as_user[@]}" "$bin" --version >/dev/null 2>&1 || as_user=(skip)
fi
if [ "${as_user[0]-}" = skip ]; then
  echo "cli: root, and setpriv cannot run the binary as nobody: unreadable file not tested"
else
  cp "$s1" "$tmp/unreadable.txt"
  chmod 000 "$tmp/unreadable.txt"
  run "${as_user[@]}" "$bin" "$tmp/unreadable.txt" "$s2"
  expect_status 3 "an unreadable file"
  grep -q "^bulletin-extract: $tmp/unreadable.txt: " "$tmp/err" ||
    fail "an unreadable file: no 'path: message' on stderr"
  cmp -s "$tmp/out" "$tmp/s2.jsonl" ||
    fail "an unreadable file: the other file was not processed"
fi

# --- A file name that is not UTF-8 -------------------------------------------
# Its records are written with U+FFFD for the bad bytes in source.path; the
# run names the file and exits 3.
bad_name=$tmp/$'bad-\xff\xfe-name.txt'
cp "$s1" "$bad_name"
run "$bin" "$bad_name" "$s2"
expect_status 3 "a file name that is not UTF-8"
grep -qF "$bad_name: file name is not valid UTF-8" "$tmp/err" ||
  fail "a file name that is not UTF-8: no 'path: message' on stderr"
py '
rs = records(sys.argv[1])
n1 = len(records(sys.argv[2]))
assert len(rs) == n1 + len(records(sys.argv[3])), "records missing"
assert all(r["source"]["path"].endswith("bad-\ufffd\ufffd-name.txt")
           for r in rs[:n1]), rs[0]["source"]["path"]
' "$tmp/out" "$tmp/s1.jsonl" "$tmp/s2.jsonl" ||
  fail "a file name that is not UTF-8: records missing or path not replaced"
run "$bin" check "$bad_name"
[ "$status" -eq 3 ] || fail "check on a file name that is not UTF-8: exit status $status, expected 3"

# --- A closed pipe -----------------------------------------------------------
: >"$tmp/big.txt"
while [ "$(wc -c <"$tmp/big.txt")" -le 2200000 ]; do
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat samples/pdf-layout.txt >>"$tmp/big.txt"; done
done
"$bin" "$tmp/big.txt" 2>"$tmp/pipe.err" | head -1 >"$tmp/first.jsonl"
pipe_status=${PIPESTATUS[0]}
if [ "$pipe_status" -ne 0 ] && [ "$pipe_status" -ne 141 ]; then
  fail "| head -1: exit status $pipe_status"
fi
if [ -s "$tmp/pipe.err" ]; then
  fail "| head -1: wrote to stderr: $(head -3 "$tmp/pipe.err")"
fi
py 'assert len(records(sys.argv[1])) == 1' "$tmp/first.jsonl" ||
  fail "| head -1: the first line is not one JSON record"

# --- Output options ----------------------------------------------------------
run "$bin" -o "$tmp/o.jsonl" "$s1"
expect_status 0 "-o FILE"
[ -s "$tmp/out" ] && fail "-o FILE: also wrote to stdout"
cmp -s "$tmp/o.jsonl" "$tmp/s1.jsonl" || fail "-o FILE: not the same records"
run "$bin" --pretty "$s1"
expect_status 0 "--pretty"
if ! py '
text = open(sys.argv[1], encoding="utf-8").read()
dec, pos, values = json.JSONDecoder(), 0, []
while True:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    if pos == len(text):
        break
    v, pos = dec.raw_decode(text, pos)
    values.append(v)
assert values == records(sys.argv[2]), "not the same records"
assert text.count("\n") > 2 * len(values), "not indented"
' "$tmp/out" "$tmp/s1.jsonl"; then
  fail "--pretty: not the same records, indented"
fi

# --- Encodings ---------------------------------------------------------------
run "$bin" --encoding gb18030 samples/gb18030.txt
expect_status 0 "--encoding gb18030"
cp "$tmp/out" "$tmp/gb-explicit.jsonl"
run "$bin" samples/gb18030.txt
expect_status 0 "gb18030 detected"
cmp -s "$tmp/out" "$tmp/gb-explicit.jsonl" ||
  fail "gb18030: auto-detection differs from --encoding gb18030"
grep -q $'\xef\xbf\xbd' "$tmp/gb-explicit.jsonl" &&
  fail "gb18030: output has U+FFFD"
grep -q '€' "$tmp/gb-explicit.jsonl" || fail "gb18030: € is missing"
py '
rs = records(sys.argv[1])
assert len(rs) >= 5, len(rs)
' "$tmp/gb-explicit.jsonl" || fail "gb18030: too few records"

# --- Rule directories --------------------------------------------------------
mkdir "$tmp/bad-rules"
printf '# a broken rule\nmoney.bad 10 (unclosed\n' >"$tmp/bad-rules/bad.rules"
run "$bin" --rules "$tmp/bad-rules" "$s1"
expect_status 2 "a broken rule"
grep -q "bad.rules:2:14: bad pattern: " "$tmp/err" ||
  fail "a broken rule: no 'file:line:col: bad pattern' on stderr"
grep -qF "missing )" "$tmp/err" || fail "a broken rule: RE2's error is not shown"
[ -s "$tmp/out" ] && fail "a broken rule: records were written"

# A malformed table row in --rules: named with file:line:col, exit 2, no
# records.
mkdir "$tmp/bad-table"
printf '# extra\n星河币\tXHB\tafter\n星河元\n' >"$tmp/bad-table/currencies.tsv"
run "$bin" --rules "$tmp/bad-table" "$s1"
expect_status 2 "a malformed table row"
grep -qxF "bulletin-extract: $tmp/bad-table/currencies.tsv:3:4: expected TAB-separated columns" "$tmp/err" ||
  fail "a malformed table row: no 'file:line:col: expected ...' on stderr"
[ -s "$tmp/out" ] && fail "a malformed table row: records were written"
run "$bin" check --rules "$tmp/bad-table" "$s1"
expect_status 2 "check with a malformed table row"
# A row with every column but a value its table cannot hold: the column named.
mkdir "$tmp/bad-scale"
printf 'lakh\tfive\n' >"$tmp/bad-scale/scales.tsv"
run "$bin" --rules "$tmp/bad-scale" "$s1"
expect_status 2 "a scales.tsv row with no power"
grep -qxF "bulletin-extract: $tmp/bad-scale/scales.tsv:1:6: expected a power of ten, 1 to 30" "$tmp/err" ||
  fail "a scales.tsv row with no power: no 'file:line:col: expected ...' on stderr"
# A scale word added in --rules reaches the money rules ({ESCALE}) and the
# normaliser alike, in any letter case.
mkdir "$tmp/lakh-rules"
printf 'lakh\t5\n' >"$tmp/lakh-rules/scales.tsv"
printf '星河公司扩建新厂\n\n星河公司将投入 3 Lakh 美元扩建新厂。\n' >"$tmp/lakh.txt"
run "$bin" --rules "$tmp/lakh-rules" "$tmp/lakh.txt"
expect_status 0 "a scale word added in --rules"
grep -qF '"value":300000,' "$tmp/out" ||
  fail "a scale word added in --rules: no money of value 300000"
run "$bin" "$tmp/lakh.txt"
grep -qF '"value":300000,' "$tmp/out" &&
  fail "the built-in rules know lakh already: the --rules test proves nothing"

cat >"$tmp/percent.txt" <<'TXT'
星河市集成电路产值稳步增长

今年一季度，星河市集成电路产值同比增长 9.5%，其中设计业增长 30%。

（执笔：于某）
TXT
count_entities() {  # $1: jsonl, $2: type
  py '
print(sum(1 for r in records(sys.argv[1]) for e in r["entities"]
          if e["type"] == sys.argv[2]))' "$1" "$2"
}
run "$bin" "$tmp/percent.txt"
expect_status 0 "percent input"
[ "$(count_entities "$tmp/out" percent)" -ge 2 ] ||
  fail "percent input: the built-in rules find no percentages"
mkdir "$tmp/pct-rules"
printf 'percent.sign 30 NEVER_MATCHES_THIS\n' >"$tmp/pct-rules/figures.rules"
run "$bin" --rules "$tmp/pct-rules" "$tmp/percent.txt"
expect_status 0 "--rules overriding percent.sign"
[ "$(count_entities "$tmp/out" percent)" -eq 0 ] ||
  fail "--rules overriding percent.sign: percentages are still found"

cat >"$tmp/coin.txt" <<'TXT'
星河科技披露数字资产持仓

星河科技在年报中披露，公司目前持有 5 万比特币。

（执笔：于某）
TXT
mkdir "$tmp/cur-rules"
printf '比特币\tXBT\tafter\n' >"$tmp/cur-rules/currencies.tsv"
run "$bin" --rules "$tmp/cur-rules" "$tmp/coin.txt"
expect_status 0 "--rules adding a currency"
py '
ms = [e for r in records(sys.argv[1]) for e in r["entities"]
      if e["type"] == "money"]
assert any(e["currency"] == "XBT" and e["value"] == 50000
           and e["text"] == "5 万比特币" for e in ms), ms
' "$tmp/out" || fail "--rules adding a currency: no 5 万比特币 in XBT"
run "$bin" "$tmp/coin.txt"
py '
assert not any(e.get("currency") == "XBT" for r in records(sys.argv[1])
               for e in r["entities"])' "$tmp/out" ||
  fail "the built-in rules know XBT already: the --rules test proves nothing"

# punctuation.tsv in --rules replaces a list of the built-in one: with 。 no
# sentence end, a first line ending in it may be a title; a row of no known
# kind is named with file:line:col.
printf '星河公司年内再建新厂。\n\n星河公司今年将扩建两条产线，预计明年投产。\n\n（执笔：于某）\n' >"$tmp/stop.txt"
mkdir "$tmp/punct-rules" "$tmp/bad-punct"
printf 'terminal\t！？!?\n' >"$tmp/punct-rules/punctuation.tsv"
run "$bin" "$tmp/stop.txt"
py '
assert [r["title"] for r in records(sys.argv[1])] == [""], sys.argv[1]' "$tmp/out" ||
  fail "a line ending in 。 is a title with the built-in punctuation: the --rules test proves nothing"
run "$bin" --rules "$tmp/punct-rules" "$tmp/stop.txt"
expect_status 0 "--rules replacing the terminal marks"
py '
assert [r["title"] for r in records(sys.argv[1])] == ["星河公司年内再建新厂。"]' "$tmp/out" ||
  fail "--rules replacing the terminal marks: the line ending in 。 is no title"
printf '# marks\nterminl\t！\n' >"$tmp/bad-punct/punctuation.tsv"
run "$bin" --rules "$tmp/bad-punct" "$tmp/stop.txt"
expect_status 2 "a punctuation.tsv row of no known kind"
grep -q "^bulletin-extract: $tmp/bad-punct/punctuation.tsv:2:1: expected KIND<TAB>CHARACTERS with a known kind" "$tmp/err" ||
  fail "a punctuation.tsv row of no known kind: no file:line:col message"

# --- Subcommands -------------------------------------------------------------
run "$bin" rules list
expect_status 0 "rules list"
grep -q '^money\.amount[[:space:]].*builtin:figures\.rules' "$tmp/out" ||
  fail "rules list: no money.amount with its origin"
grep -q '^date\.' "$tmp/out" || fail "rules list: no date rules"
run "$bin" rules list --rules "$tmp/pct-rules"
expect_status 0 "rules list --rules"
grep -q "^percent\.sign[[:space:]].*$tmp/pct-rules/figures\.rules" "$tmp/out" ||
  fail "rules list --rules: percent.sign does not come from the directory"

printf '投资约 30 亿元人民币。\n' >"$tmp/snippet.txt"
run "$bin" rules test "$tmp/snippet.txt"
expect_status 0 "rules test"
grep -qF "money.amount kept '约 30 亿元人民币'" "$tmp/out" ||
  fail "rules test: the kept money match is not shown"
grep -qF 'CNY' "$tmp/out" || fail "rules test: the normalised currency is not shown"

# rules test runs the rules one sentence at a time, as extraction does: a
# rule whose pattern spans the two sentences of a line matches the whole
# line but never an article, so rules test must not show it.
mkdir -p "$tmp/span-rules"
printf 'percent.span 99 (?P<num>[0-9]+)%%。[^。]*(?P<full>满)\n' \
  >"$tmp/span-rules/span.rules"
printf '良率达到 40%%。明年目标是满产。\n' >"$tmp/two.txt"
run "$bin" rules test --rules "$tmp/span-rules" "$tmp/two.txt"
expect_status 0 "rules test, two sentences"
grep -q 'percent\.span' "$tmp/out" &&
  fail "rules test shows a match across a sentence end: $(grep span "$tmp/out")"
grep -qF "percent.sign kept '40%'" "$tmp/out" ||
  fail "rules test, two sentences: no percent.sign on the first"
# What rules test keeps is what extraction finds on the same line.
sed -n "s/^[^ ]*: \([a-z_.]*\) kept '\(.*\)'.*/\1 \2/p" "$tmp/out" | sort >"$tmp/kept"
run "$bin" --rules "$tmp/span-rules" "$tmp/two.txt"
py '
for r in records(sys.argv[1]):
    for e in r["entities"]:
        print(e["rule"], e["text"])' "$tmp/out" | sort >"$tmp/found"
cmp -s "$tmp/kept" "$tmp/found" ||
  fail "rules test keeps other matches than extraction finds: $(diff "$tmp/kept" "$tmp/found" | tr '\n' ' ')"
# The same rule within one sentence is shown: the test above can fail.
printf '良率达到 40%%，目标是满产。\n' >"$tmp/one.txt"
run "$bin" rules test --rules "$tmp/span-rules" "$tmp/one.txt"
sed -i 's/%。/%，/' "$tmp/span-rules/span.rules"
run "$bin" rules test --rules "$tmp/span-rules" "$tmp/one.txt"
grep -q 'percent\.span' "$tmp/out" ||
  fail "rules test: a rule within one sentence is not shown"

# Bytes that are not in the encoding the user named: records are still
# written (bad bytes as U+FFFD) but the run fails with 3, and the warnings
# are capped with a summary line instead of one per byte.
run "$bin" --encoding utf-8 samples/gb18030.txt
expect_status 3 "--encoding utf-8 on GB18030 bytes"
[ -s "$tmp/out" ] || fail "--encoding utf-8 on GB18030 bytes: no records written"
grep -q "not valid utf-8" "$tmp/err" || fail "--encoding utf-8: no summary on stderr"
[ "$(grep -c 'decode.invalid-bytes' "$tmp/err")" -le 11 ] ||
  fail "--encoding utf-8: invalid-byte warnings are not capped"

# rules list --files: every file, built-in and --rules, with its origin.
mkdir -p "$tmp/morerules"
printf '印尼盾\tIDR\tafter\n' >"$tmp/morerules/currencies.tsv"
run "$bin" rules list --files --rules "$tmp/morerules"
expect_status 0 "rules list --files"
grep -q $'^currencies.tsv\tbuiltin:currencies.tsv' "$tmp/out" ||
  fail "rules list --files: the built-in currencies.tsv is not listed"
grep -q $'^currencies.tsv\t'"$tmp/morerules/currencies.tsv" "$tmp/out" ||
  fail "rules list --files: the --rules currencies.tsv is not listed"

# `extract` is the default subcommand: naming it changes nothing.
run "$bin" samples/clean-web.txt
cp "$tmp/out" "$tmp/default.jsonl"
run "$bin" extract samples/clean-web.txt
expect_status 0 "extract FILE"
cmp -s "$tmp/out" "$tmp/default.jsonl" ||
  fail "extract FILE: differs from the default command"

# An input that is one expression and nothing else yields its entity (such a
# line is not page furniture when it is all there is).
printf '2031年7月\n' >"$tmp/lone.txt"
run "$bin" "$tmp/lone.txt"
expect_status 0 "one-line input"
py '
ents = [e for r in records(sys.argv[1]) for e in r["entities"]]
assert [(e["type"], e["value"]) for e in ents] == [("date", "2031-07")], ents
' "$tmp/out" || fail "one-line input: the date is not extracted"

run "$bin" schema
expect_status 0 "schema"
py '
s = json.load(open(sys.argv[1], encoding="utf-8"))
assert "2020-12" in s["$schema"]
assert "schema_version" in s["properties"]
' "$tmp/out" || fail "schema: not a JSON Schema"

if [ "$failures" -ne 0 ]; then
  echo "cli: $failures failure(s)" >&2
  exit 1
fi
echo "cli: all checks passed"
