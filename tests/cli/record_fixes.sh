#!/usr/bin/env bash
# Record fixes of issue 16: a source line with a URL is a footnote, not the
# byline; relative words (近日, 日前) take --reference-date when nothing else
# anchors them; year_inferred is true exactly when a year was inferred;
# a footnote entity names its note by position (footnote_index); every
# entity type writes its keys in one order.
#
#   bash tests/cli/record_fixes.sh BINARY SOURCE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.bash"
enter_source "$@" || exit 1

# --- 来源：https://… is footnote 0, never the byline -------------------------
cat >"$tmp/source.txt" <<'TXT'
产业观察

某地发布算力基础设施建设方案

日前，某地发展改革部门印发算力基础设施建设方案，提出新建数据中心机架 2 万个。

方案明确，新建项目的电能利用效率不高于 1.25。

来源：https://www.example.org/news/2024/compute-plan.html
TXT
"$bin" "$tmp/source.txt" >"$tmp/source.out" || fail "source: exit status $?"
jq -e 'has("byline") | not' "$tmp/source.out" >/dev/null ||
  fail "source: the 来源 line with a URL became the byline: $(jq -c .byline "$tmp/source.out")"
jq -e '.footnotes == [{"number": 0, "text": "来源：https://www.example.org/news/2024/compute-plan.html",
                       "urls": ["https://www.example.org/news/2024/compute-plan.html"]}]' \
  "$tmp/source.out" >/dev/null || fail "source: not footnote 0: $(jq -c .footnotes "$tmp/source.out")"
jq -e '[.entities[] | select(.type == "url")] | length == 1 and .[0].field == "footnote" and .[0].footnote == 0' \
  "$tmp/source.out" >/dev/null || fail "source: the URL is not an entity of footnote 0"
grep -q 来源 <(jq -r .text "$tmp/source.out") && fail "source: the 来源 line is in the text"
# check takes the source note as naming the source: no article.no-byline.
"$bin" check "$tmp/source.txt" >"$tmp/check.out" 2>&1
grep -q article.no-byline "$tmp/check.out" && fail "source: check reports article.no-byline"
# A source line without a URL stays the byline.
sed 's|^来源：https://.*|（来源：某地日报）|' "$tmp/source.txt" >"$tmp/source2.txt"
jq -e '.byline == "（来源：某地日报）" and .authors == [] and .footnotes == []' \
  <("$bin" "$tmp/source2.txt") >/dev/null || fail "source without URL: not the byline"

# --- relative words and --reference-date ---------------------------------------
# Nothing in the article anchors 日前: it takes the reference date, and its
# year is inferred; without a reference date it has no value and no year.
recent() { "$bin" "$@" "$tmp/source.txt" | jq -c '[.entities[] | select(.relative == "日前") | {value, year_inferred}]'; }
[ "$(recent --reference-date 2024-03-08)" = '[{"value":"2024-03-08","year_inferred":true}]' ] ||
  fail "日前 with --reference-date: $(recent --reference-date 2024-03-08)"
[ "$(recent)" = '[{"value":null,"year_inferred":false}]' ] ||
  fail "日前 without a reference date: $(recent)"
# A date of the article's own (its dateline) anchors them before the
# reference date does.
cat >"$tmp/dated.txt" <<'TXT'
某研究机构发布新型存储芯片路线图

2023 年 9 月 12 日，某研究机构发布新型存储芯片路线图。近日，其合作企业宣布扩产；上月，试产线完成验收。
TXT
"$bin" --reference-date 2025-01-20 "$tmp/dated.txt" |
  jq -c '[.entities[] | select(.relative) | {relative, value, year_inferred}]' >"$tmp/dated.out"
grep -qF '{"relative":"近日","value":"2023-09-12","year_inferred":true}' "$tmp/dated.out" ||
  fail "近日 after a dateline: $(cat "$tmp/dated.out")"
grep -qF '{"relative":"上月","value":"2023-08","year_inferred":true}' "$tmp/dated.out" ||
  fail "上月 after a dateline: $(cat "$tmp/dated.out")"

# --- year_inferred: true exactly when a year was supplied ----------------------
printf '%s\n' '会议定于 5 月 20 日举行，下月再议，2022 年 3 月已有先例。' >"$tmp/years.txt"
dates() { "$bin" --input-format lines "$@" "$tmp/years.txt" | jq -c '[.entities[] | select(.type == "date") | {text, value, year_inferred}]'; }
out=$(dates)
echo "$out" | jq -e 'all(.[]; .year_inferred == ((.value != null) and (.value | test("^[0-9]{4}")) and (.text | test("年") | not)))' >/dev/null ||
  fail "year_inferred without a reference date: $out"
out=$(dates --reference-date 2021-11-30)
echo "$out" | jq -e 'map({(.text): .year_inferred}) | add == {"5 月 20 日": true, "下月": true, "2022 年 3 月": false}' >/dev/null ||
  fail "year_inferred with a reference date: $out"
echo "$out" | jq -e 'map({(.text): .value}) | add == {"5 月 20 日": "2021-05-20", "下月": "2021-12", "2022 年 3 月": "2022-03"}' >/dev/null ||
  fail "values with a reference date: $out"

# --- a footnote entity names its note by position too ---------------------------
# Two notes of one article printing the same number: footnote_index tells
# which one an entity is in.
cat >"$tmp/twice.txt" <<'TXT'
某机构发布两份芯片产业报告

某机构发布第一份报告1，指出产业投资增长。

1 https://www.example.org/report-a.html

某机构随后发布第二份报告1，提出新的扶持建议。

1 https://www.example.org/report-b.html
TXT
"$bin" "$tmp/twice.txt" >"$tmp/twice.out" || fail "twice: exit status $?"
jq -e '[.footnotes[].number] == [1, 1]' "$tmp/twice.out" >/dev/null ||
  fail "twice: expected two notes numbered 1: $(jq -c .footnotes "$tmp/twice.out")"
jq -e '. as $r | [.entities[] | select(.field == "footnote")] as $e
  | ($e | map(.footnote_index)) == [0, 1]
    and all($e[]; $r.footnotes[.footnote_index].number == .footnote
                  and ($r.footnotes[.footnote_index].text[.start:.end]) == .text)' \
  "$tmp/twice.out" >/dev/null ||
  fail "twice: footnote_index does not name each URL's note: $(jq -c '[.entities[] | select(.field == "footnote") | {text, footnote, footnote_index}]' "$tmp/twice.out")"
jq -e 'all(.entities[]; (.field == "footnote") == has("footnote_index"))' "$tmp/twice.out" >/dev/null ||
  fail "twice: footnote_index on an entity outside a footnote"

# --- one key order per entity type ---------------------------------------------
# Over the samples and the inputs above: no two keys of one type ever come
# in both orders, and each type's keys follow the schema's order.
"$bin" samples/*.txt "$tmp"/*.txt 2>/dev/null >"$tmp/all.jsonl"
"$bin" --reference-date 2024-03-08 "$tmp/source.txt" "$tmp/dated.txt" >>"$tmp/all.jsonl"
"$bin" schema >"$tmp/schema.json"
python3 - "$tmp/all.jsonl" "$tmp/schema.json" <<'PY' || fail "entity key order"
import json, sys
schema = json.load(open(sys.argv[2]))
order = {}
for rule in schema["$defs"]["entity"]["allOf"]:
    t = rule.get("if", {}).get("properties", {}).get("type", {}).get("const")
    if t:
        order[t] = list(rule["then"]["properties"])
common = list(schema["$defs"]["entity"]["properties"])
bad = 0
seen = {}
for line in open(sys.argv[1]):
    for e in json.loads(line)["entities"]:
        keys = list(e)
        own = [k for k in keys if k not in common]
        want = [k for k in order[e["type"]] if k in own]
        if own != want:
            bad += 1
            print(f"{e['type']} {e['text']}: keys {own}, schema order {want}", file=sys.stderr)
        seen.setdefault(e["type"], set()).add(tuple(keys))
    if bad > 5:
        break
for t, forms in seen.items():
    pos = {}
    for f in forms:
        for i, a in enumerate(f):
            for b in f[i + 1:]:
                pos.setdefault((a, b), True)
                if (b, a) in pos:
                    bad += 1
                    print(f"{t}: {a} before {b} and after it", file=sys.stderr)
sys.exit(1 if bad else 0)
PY

[ "$failures" -eq 0 ] && echo "record_fixes: all passed"
exit $((failures > 0))
