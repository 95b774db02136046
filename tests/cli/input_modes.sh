#!/usr/bin/env bash
# --input-format lines and jsonl: every line one short document; one JSON
# object per line with its id and kept fields; bad JSON lines reported with
# file:line:col, skipped and counted while the others go on; the records of
# one document together and in order; the same with -j; and, in the default
# mode, an input of one expression line yields its entity.
#
#   bash tests/cli/input_modes.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "$0")/common.bash"
command -v jq >/dev/null || { echo "jq missing"; exit 77; }
# holds FILE JQ: some record of FILE makes JQ true (jq -e alone looks at the
# last record only).
holds() { jq -s -e "any(.[]; $2)" "$1" >/dev/null; }

# --- lines: no layout repair, a bare date is a document of its own.
printf '%s\n' '2019年11月' '' '   华为宣布投资约 20 亿元建设新工厂。  ' '6 月 1 日' \
  >"$tmp/lines.txt"
"$bin" --input-format lines --reference-date 2021-03-04 "$tmp/lines.txt" \
  >"$tmp/lines.out" 2>"$tmp/lines.err" || fail "lines: exit $?"
[ "$(wc -l <"$tmp/lines.out")" -eq 3 ] || fail "lines: $(wc -l <"$tmp/lines.out") records, expected 3 (the blank line gives none)"
got=$(jq -r '[.source.line, .index, .title, .text] | @tsv' "$tmp/lines.out")
want=$(printf '1\t1\t\t2019年11月\n3\t1\t\t华为宣布投资约 20 亿元建设新工厂。\n4\t1\t\t6 月 1 日')
[ "$got" = "$want" ] || fail "lines: records are $got"
holds "$tmp/lines.out" '.source.line == 1 and .entities[0].type == "date" and .entities[0].value == "2019-11"' || fail "lines: the bare date gave no 2019-11"
holds "$tmp/lines.out" 'any(.entities[]; .type == "money" and .value == 2000000000 and .line == 3 and .col == 10)' ||
  fail "lines: money not found at 3:10"
holds "$tmp/lines.out" '.source.line == 4 and .entities[0].value == "2021-06-01" and .entities[0].year_inferred' || fail "lines: 6 月 1 日 not resolved against --reference-date"
# Offsets select the entity's text from the record.
bad=$(jq -c '. as $r | .entities[] | select($r[.field][.start:.end] != .text)' "$tmp/lines.out")
[ -z "$bad" ] || fail "lines: offsets wrong: $bad"
# No document state crosses lines: an abbreviation defined on one line is
# not known on the next.
printf '%s\n' '青禾材料产业促进会（QHMA）发布新规。' 'QHMA 表示支持。' >"$tmp/abbr.txt"
"$bin" --input-format lines "$tmp/abbr.txt" | jq -r '[.entities[] | select(.type=="org") | .text] | length' \
  >"$tmp/abbr.out"
[ "$(sed -n 2p "$tmp/abbr.out")" = 0 ] || fail "lines: document state leaked from line 1 to line 2"

# --- default mode: an input holding one expression line yields its entity.
for expr in '2018年10月' '约 5000 万美元' '37.5%'; do
  n=$(printf '%s\n' "$expr" | "$bin" | jq '.entities | length')
  [ "$n" = 1 ] || fail "default mode, '$expr' alone: $n entities"
done

# --- jsonl.
{
  printf '%s\n' '{"id": "a-1", "lang": "zh", "tags": ["x", 2], "text": "长江存储宣布投资 15 亿美元。"}'
  printf '%s\n' '{"id": 2, "text": "第一篇标题\n\n第一篇正文介绍了中芯国际的计划，投资约 30 亿元。\n\n第二篇标题\n\n第二篇正文说明产能将增加 20%，并扩建工厂。"}'
  printf '%s\n' '{"id": 3, "text": "未闭合'
  printf '\n'
  printf '%s\n' '["not", "an", "object"]'
  printf '%s\n' '{"id": 5, "body": "没有 text 字段"}'
  printf '%s\n' '{"text": "没有编号的一条：同比下降 3.5%。", "lang": "en"}'
} >"$tmp/docs.jsonl"
"$bin" --input-format jsonl --keep-fields lang,tags "$tmp/docs.jsonl" \
  >"$tmp/j.out" 2>"$tmp/j.err"; rc=$?
[ "$rc" = 3 ] || fail "jsonl with bad lines: exit $rc, expected 3"
got=$(jq -c '[.source.jsonl_line, .id, .index, .meta]' "$tmp/j.out" | tr '\n' ' ')
want='[1,"a-1",1,{"lang":"zh","tags":["x",2]}] [2,2,1,null] [2,2,2,null] [7,null,1,{"lang":"en"}] '
[ "$got" = "$want" ] || fail "jsonl: records [jsonl_line,id,index,meta] are $got"
for re in "^$tmp/docs.jsonl:3:[0-9]+: error: not valid JSON: .*line skipped \[input.bad-json\]" \
          "^$tmp/docs.jsonl:5:1: error: not a JSON object; line skipped" \
          "^$tmp/docs.jsonl:6:1: error: no string field \"text\"" \
          "^bulletin-extract: $tmp/docs.jsonl: 3 of 6 JSON lines skipped"; do
  grep -qE -- "$re" "$tmp/j.err" || fail "jsonl: stderr lacks /$re/: $(cat "$tmp/j.err")"
done
grep -q ':4:' "$tmp/j.err" && fail "jsonl: the blank line 4 was reported"
# A layout message about a document names its JSON line, without a column
# (a column of the JSON line is not known), and says where in the text.
printf '%s\n' '{"text": "没有标题的一段正文，说明本月的产能情况。\n没有标题的第二行。"}' >"$tmp/untitled.jsonl"
"$bin" -v "$tmp/untitled.jsonl" >/dev/null 2>"$tmp/u.err" || fail "untitled jsonl: exit $?"
grep -qE "^$tmp/untitled.jsonl:1: warning: .* \(text line 1, col 1\) \[segment.unplaced\]$" "$tmp/u.err" ||
  fail "jsonl: layout message not at FILE:LINE: with its text position: $(cat "$tmp/u.err")"
# A document's lines and columns count in its text.
holds "$tmp/j.out" '.source.jsonl_line == 2 and .index == 2 and .title == "第二篇标题" and .source.line == 5
  and any(.entities[]; .type == "percent" and .line == 7 and .value == 20)' ||
  fail "jsonl: second article of document 2 misplaced"
bad=$(jq -c '. as $r | .entities[] | select($r[.field][.start:.end] != .text)' "$tmp/j.out")
[ -z "$bad" ] || fail "jsonl: offsets wrong: $bad"
# Other field names; .jsonl names are read as JSON Lines by default.
printf '%s\n' '{"key": "k9", "body": "浪潮信息的营收为 52 亿元。"}' >"$tmp/other.jsonl"
"$bin" --text-field body --id-field key "$tmp/other.jsonl" >"$tmp/o.out" || fail "--text-field: exit $?"
holds "$tmp/o.out" '.id == "k9" and any(.entities[]; .type == "money" and .value == 5200000000)' || fail "--text-field body --id-field key: $(cat "$tmp/o.out")"
"$bin" --input-format text "$tmp/other.jsonl" | jq -e '.id == null' >/dev/null ||
  fail "--input-format text on a .jsonl name is read as text"
# stdin, and a line longer than the reader's pieces (256 KiB) read whole.
python3 - "$tmp/long.jsonl" <<'PY' || fail "python3 failed"
import json, sys
body = "长篇正文记录产业的发展，本段没有数字。" * 9000
with open(sys.argv[1], "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "long", "text": "长文标题\n\n" + body + "最后投资 8 亿元。"}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": "after", "text": "短句：增长 4%。"}, ensure_ascii=False) + "\n")
PY
"$bin" --input-format jsonl - <"$tmp/long.jsonl" >"$tmp/l.out" 2>"$tmp/l.err" || fail "long jsonl line: exit $?"
[ "$(jq -r .id "$tmp/l.out" | sort -u | tr '\n' ' ')" = "after long " ] || fail "long jsonl line: ids $(jq -r .id "$tmp/l.out" | tr '\n' ' ')"
holds "$tmp/l.out" '.id == "long" and any(.entities[]; .type == "money" and .value == 800000000)' || fail "long jsonl line: its money is lost"
grep -q 'decode.long-line' "$tmp/l.err" && fail "long jsonl line: a decode.long-line warning"

# --- -j: several jsonl and lines inputs give what -j 1 gives.
cp "$tmp/docs.jsonl" "$tmp/docs2.jsonl"
set -- "$tmp/docs.jsonl" "$tmp/other.jsonl" "$tmp/long.jsonl" "$tmp/docs2.jsonl"
"$bin" -j 1 --keep-fields lang "$@" >"$tmp/s1.out" 2>"$tmp/s1.err"; r1=$?
"$bin" -j 2 --keep-fields lang "$@" >"$tmp/s2.out" 2>"$tmp/s2.err"; r2=$?
[ "$r1" = "$r2" ] && cmp -s "$tmp/s1.out" "$tmp/s2.out" && cmp -s "$tmp/s1.err" "$tmp/s2.err" ||
  fail "jsonl -j 2 differs from -j 1"
"$bin" -j 1 --input-format lines "$tmp/lines.txt" "$tmp/abbr.txt" >"$tmp/s1.out"
"$bin" -j 2 --input-format lines "$tmp/lines.txt" "$tmp/abbr.txt" >"$tmp/s2.out"
cmp -s "$tmp/s1.out" "$tmp/s2.out" || fail "lines -j 2 differs from -j 1"

"$bin" --input-format xml "$tmp/lines.txt" 2>/dev/null; [ $? = 2 ] || fail "--input-format xml accepted"
[ "$failures" -eq 0 ] && echo "input_modes: all passed"
exit $((failures > 0))
