#!/usr/bin/env bash
# The findings of issue 14, one check each, on the minimal reproducers in
# tests/regress/inputs (tests/regress/README.md says which is which) and on
# two inputs made here (too big to keep in the tree). The invariants test
# ([invariants]) runs every file of tests/regress/inputs too.
#
# Memory limits are not checked under sanitizers
# (BULLETIN_SANITIZED=1, set by CMake for such builds): they are far slower
# and hold shadow memory.
#
#   bash tests/cli/regress.sh BINARY SOURCE_DIR
set -u
bin=$1
in=$2/tests/regress/inputs
. "$(dirname "$0")/common.bash"
. "$2/tests/regress/generated.bash"
sanitized=${BULLETIN_SANITIZED:-0}

# field FILE JQ: the JQ expression over the first record of FILE.
field() { "$bin" "$1" 2>/dev/null | head -n 1 | jq -r "$2"; }
# expect NAME WANT WHAT COMMAND...: COMMAND's output lines, each followed by
# a space, are WANT; records FILE FILTER: FILTER over each record of FILE;
# diags FILE FILTER: over each diagnostic of check --format json on FILE.
expect() {
  local name=$1 want=$2 what=$3 got
  shift 3
  got=$("$@" 2>/dev/null | tr '\n' ' ')
  [ "$got" = "$want" ] || fail "$name: want $what: $got"
}
records() { "$bin" "$1" 2>/dev/null | jq -r -c "$2"; }
diags() { "$bin" check --format json "$1" 2>/dev/null | jq -r -c "$2"; }

# English text after a footnote goes on the body; the note keeps its text.
f=$in/footnote-then-english.txt
[ "$(field "$f" '.footnotes | length')" = 1 ] || fail "footnote-then-english: want 1 footnote"
field "$f" '.footnotes[0].text' | grep -q 'conference' &&
  fail "footnote-then-english: English text swallowed by the footnote"
field "$f" '.text' | grep -q 'later this year' ||
  fail "footnote-then-english: English text missing from the body"

# The first line of a footnote is not width-folded.
f=$in/footnote-full-width.txt
field "$f" '.footnotes[0].text' | grep -q '第１２页；ＤＲＡＭ' ||
  fail "footnote-full-width: full-width forms folded: $(field "$f" '.footnotes[0].text')"

# A second byline line adds to the first.
f=$in/byline-two-lines.txt
[ "$(field "$f" '.byline | split("\n") | length')" = 2 ] ||
  fail "byline-two-lines: byline is '$(field "$f" .byline)'"
[ "$(field "$f" '.authors | join(",")')" = 赵六 ] || fail "byline-two-lines: authors"

# Two notes numbered 1 in one article (numbering restarts on each page):
# each footnote entity names its own note by footnote_index.
f=$in/footnote-number-twice.txt
[ "$(field "$f" '[.footnotes[].number] | join(",")')" = 1,1 ] ||
  fail "footnote-number-twice: want notes 1,1: $(field "$f" '[.footnotes[].number]')"
[ "$(field "$f" '. as $r | [.entities[] | select(.field == "footnote")
    | select($r.footnotes[.footnote_index].text[.start:.end] == .text)
    | .footnote_index] | join(",")')" = 0,1 ] ||
  fail "footnote-number-twice: footnote entities do not name notes 0 and 1"

# An indented paragraph at a page top is text, not a title (issue 15): the
# article's first paragraph shows that its paragraphs open indented.
for f in "$in/indented-page-top.txt" "$in/footnote-number-twice.txt"; do
  n=$("$bin" "$f" 2>/dev/null | wc -l)
  [ "$n" = 1 ] || fail "$(basename "$f"): $n records, want 1 (an indented paragraph became a title)"
done

# A first note printed on its heading's line (注：[1] …, 註：［1］…) is a
# footnote, not a body line; the notes after it follow on.
f=$in/note-on-heading-line.txt
got=$("$bin" "$f" 2>/dev/null | jq -c '[[.footnotes[].number], (.text | test("注|註"))]' | tr '\n' ' ')
[ "$got" = '[[1,2],false] [[1],false] ' ] ||
  fail "note-on-heading-line: want notes [1,2] and [1], none left in text: $got"
[ "$(field "$f" '.footnotes[0].text')" = 数据来源于基金管理人公告。 ] ||
  fail "note-on-heading-line: first note text: $(field "$f" '.footnotes[0].text')"

# A mark wrapped to a line of its own with the full stop after it ([1]。)
# ends the sentence above; it is not a note, and the notes after it stay
# with their own article (issue 15).
f=$in/mark-wrapped-alone.txt
got=$("$bin" "$f" 2>/dev/null | jq -c '[.footnotes[].text]' | tr '\n' ' ')
[ "$got" = '["https://www.example-port.org.cn/stat/2024/container-h1"] ["https://www.example-water.gov.cn/notice/2024/vessel-renewal"] ' ] ||
  fail "mark-wrapped-alone: want one note per article: $got"

# A note whose number skips one (1, 3; or an article's first note 2) is a
# note all the same when its mark waits for it and no mark of the number
# skipped does; check then reports footnote.numbering at it, not
# footnote.undefined at the mark (issue 15).
f=$in/footnote-number-skips.txt
expect footnote-number-skips '[[1,3],false] [[2],false] ' \
  'notes [1,3] and [2], no URL left in text' \
  records "$f" '[[.footnotes[].number], (.text | test("example"))]'
expect footnote-number-skips 'footnote.numbering:9 footnote.numbering:17 ' \
  'footnote.numbering at lines 9 and 17' \
  diags "$f" 'select(.rule | startswith("footnote.")) | "\(.rule):\(.line)"'

# A layout text's title with its deck padded out to the right margin, after
# an article with no byline and its notes: the padding does not count
# towards the title's length, and the padded line before an indented one
# ends its paragraph, so the title opens the next article (it was read as
# the previous article's body, and check reported neither the missing
# byline nor anything else) (issue 15).
f=$in/title-deck-padded.txt
expect title-deck-padded \
  '某市轨道交通四号线开通运营/ 某港口自动化码头二期投产 年吞吐能力提升三成/林川 ' \
  'two articles, the second by 林川' \
  records "$f" '[(.title | gsub(" +"; " ")), (.authors | join(","))] | join("/")'
expect title-deck-padded 'article.no-byline:3 ' \
  'only article.no-byline at line 3' diags "$f" '"\(.rule):\(.line)"'

# Two columns (pdftotext -layout) where the left one runs on below the
# right one's end: the left column's last article comes before the right
# column, whose top continues it (issue 15).
f=$in/columns-left-runs-on.txt
got=$("$bin" "$f" 2>/dev/null | jq -r '[.title, (.authors | join(","))] | join("/")' | tr '\n' ' ')
[ "$got" = '西部储能电站并网发电/冯涛 山区试点无人机送药/秦岚 公交换装氢能车辆/韩雪 ' ] ||
  fail "columns-left-runs-on: titles/authors in reading order: $got"

# A byline right after a note that ends with a URL ends the note, even one
# naming authors in Latin letters (it was glued into the note); a name in
# Latin letters keeps its space. The text is short: it shows its wrap width
# in two full lines, and its wrapped lines are joined (issue 15).
f=$in/byline-after-url-note.txt
got=$("$bin" "$f" 2>/dev/null | jq -c '[.title, (.authors | join(",")), [.footnotes[].text], (.text | split("\n") | length)]' | tr '\n' ' ')
[ "$got" = '["两地天文台联合观测一颗新彗星","Maria Chen,魏东",["https://www.example-observatory.org/news/2024/new-comet"],2] ["海底观测网新增三个节点","Tom Berg",[],2] ' ] ||
  fail "byline-after-url-note: want 2 articles, byline out of the note, 2 paragraphs each: $got"

# `check` takes a URL whose top-level domain is punycode (.xn--fiqs8s, the
# A-label of a Chinese TLD) for well formed: the TLD pattern matched its
# first two letters and left --fiqs8s, so url.malformed was an error.
f=$in/url-punycode-tld.txt
rc=0
out=$("$bin" check "$f" 2>&1) || rc=$?
[ "$rc" = 0 ] && ! grep -q url.malformed <<<"$out" ||
  fail "url-punycode-tld: check exit $rc: $out"

# Two columns of a plain extraction (pdftotext without -layout), their
# blocks interleaved by height: two titles in a row, texts in turn, bylines
# and the note a block away from their article. Each column is read whole,
# the left first (issue 15).
f=$in/columns-interleaved.txt
got=$("$bin" "$f" 2>/dev/null | jq -r '[.title, (.authors | join(",")), ([.footnotes[].urls[]] | join(","))] | join("/")' | tr '\n' ' ')
[ "$got" = '甲市启动智慧水务改造工程/张三/https://water.example.cn/notice/2024/smart-pipes 丙县建成首座垃圾焚烧发电厂/王五/ 乙省发布充电设施建设规划/李四/ 丁市地铁三号线开通试运营/赵六/ ' ] ||
  fail "columns-interleaved: titles/authors/URLs a column at a time: $got"

# The same columns on a page that opens with a block (no masthead or header
# line above it): the re-threader's blank line before a title cut from its
# text read the line before the page's first (found by fuzz_pipeline under
# ASan: heap-buffer-overflow in rethread.cc). Every article is still found
# (issue 14).
f=$in/columns-page-opens-with-block.txt
expect columns-page-opens-with-block \
  '乙省发布充电设施建设规划/李四 丙县建成首座垃圾焚烧发电厂/王五 甲市启动智慧水务改造工程/张三 丁市地铁三号线开通试运营/赵六 ' \
  'four articles with their authors' \
  records "$f" '[.title, (.authors | join(","))] | join("/")'

# An article that opens with its byline starts at the byline's line.
f=$in/byline-first.txt
[ "$(field "$f" '.source.line')" = 1 ] ||
  fail "byline-first: source.line is $(field "$f" '.source.line'), want 1"

# A references heading and furniture before the first article are counted.
[ "$(field "$in/sources-heading.txt" .dropped_lines)" = 1 ] ||
  fail "sources-heading: the heading is not counted in dropped_lines"
[ "$(field "$in/furniture-before-first.txt" .dropped_lines)" = 2 ] ||
  fail "furniture-before-first: the two furniture lines are not in dropped_lines"

# A file of bare numbers: no record, but a warning without -v.
rc=0
"$bin" "$in/bare-numbers.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
[ "$rc" = 0 ] || fail "bare-numbers: exit status $rc"
[ -s "$tmp/out" ] && fail "bare-numbers: records written"
grep -q 'bare-numbers.txt: warning: no article: all 8 lines .*\[segment.no-article\]' "$tmp/err" ||
  fail "bare-numbers: no warning: $(cat "$tmp/err")"

# Mostly-ASCII GB18030 without a BOM is read as GB18030.
"$bin" -v "$in/gb18030-ascii-heavy.txt" >"$tmp/out" 2>"$tmp/err"
grep -q ': gb18030, ' "$tmp/err" || fail "gb18030-ascii-heavy: $(tail -n 1 "$tmp/err")"
grep -q '以上为示例数据' "$tmp/out" || fail "gb18030-ascii-heavy: text is mojibake"

# UTF-16 without a BOM whose first 30 bytes hold no ASCII is UTF-16 (ICU
# rated a single-byte guess higher: GB18030 mojibake, exit 0, no warning).
for f in utf-16le-no-bom utf-16be-no-bom; do
  "$bin" -v "$in/$f.txt" >"$tmp/out" 2>"$tmp/err"
  grep -q ": ${f%-no-bom}, " "$tmp/err" || fail "$f: $(tail -n 1 "$tmp/err")"
  [ "$(jq -r .title "$tmp/out")" = 星河市集成电路产业扶持新政出台 ] || fail "$f: title is mojibake"
done

# Invalid bytes in GB18030 and UTF-16 are reported at their line and column.
for f in gb18030-invalid-byte utf-16le-invalid-unit; do
  "$bin" "$in/$f.txt" >/dev/null 2>"$tmp/err"
  grep -q "^.*$f.txt:4:5: warning: invalid .* byte .* replaced by U+FFFD \[decode.invalid-bytes\]" "$tmp/err" ||
    fail "$f: no line and column: $(cat "$tmp/err")"
done

# A short UTF-8 file with one or two bad bytes is UTF-8 (a ratio of good to
# bad characters sent it to ICU's detector: GB18030 or KOI8-R mojibake, exit
# 0); its bad bytes are U+FFFD, reported where they stand. Short GB18030 and
# Big5 files are still detected.
for f in utf-8-short-bad-end:新厂动工:2:9:FF utf-8-short-two-bad:存储芯片报价:1:1:FE \
  utf-8-short-two-bad:存储芯片报价:2:9:80 utf-8-short-cut-char:材料企业:2:3:E4 \
  gb18030-short:芯片设计大赛开幕 big5-short:晶片設計大賽開幕; do
  IFS=: read -r name title line col byte <<<"$f"
  rc=0
  "$bin" -v "$in/$name.txt" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ "$rc" = 0 ] || fail "$name: exit status $rc"
  enc=${name%-short*}
  grep -q ": $enc, " "$tmp/err" || fail "$name: $(tail -n 1 "$tmp/err")"
  jq -r .title "$tmp/out" | grep -qF "$title" || fail "$name: title is mojibake: $(jq -r .title "$tmp/out")"
  if [ -n "$line" ]; then
    grep -q "$name.txt:$line:$col: warning: invalid utf-8 byte .x$byte replaced by U+FFFD \[decode.invalid-bytes\]" "$tmp/err" ||
      fail "$name: no warning at $line:$col: $(cat "$tmp/err")"
    jq -r '.title + .text' "$tmp/out" | grep -q $'\xef\xbf\xbd' || fail "$name: no U+FFFD"
  else
    ! grep -q 'invalid' "$tmp/err" || fail "$name: invalid bytes: $(cat "$tmp/err")"
  fi
done

# Columns are 1-based and count code points: a bad byte opening a line is
# column 1, one after three Han characters column 4 (UTF-8 input).
{
  printf '本期要闻\n\377正文第一段。\n'
  for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf '第%s段正文，介绍存储芯片的扩产进度。\n' "$i"; done
  printf '甲乙丙\376丁。\n'
} >"$tmp/utf8-bad.txt"
"$bin" "$tmp/utf8-bad.txt" >/dev/null 2>"$tmp/err"
for at in 2:1 15:4; do
  grep -q "utf8-bad.txt:$at: warning: invalid utf-8 byte" "$tmp/err" ||
    fail "utf-8 invalid byte not at $at: $(cat "$tmp/err")"
done

# PDF input: a note whose number is printed against its text (3Figures ...)
# after notes printed apart from theirs is a note of its own, not the end of
# the note before (skipped when the binary has no PDF front end).
f=$in/note-glued-after-spaced.pdf
if ! "$bin" "$f" 2>&1 >/dev/null | grep -q 'built without the PDF front end'; then
  [ "$(field "$f" '[.footnotes[].number] | join(",")')" = 1,2,3 ] ||
    fail "note-glued-after-spaced: notes $(field "$f" '[.footnotes[].number]')"
  [ "$(field "$f" '.footnotes[2].text')" = "Figures are provisional." ] ||
    fail "note-glued-after-spaced: note 3 is '$(field "$f" '.footnotes[2].text')'"
fi

# run NAME FILE MAX_MB: FILE through the binary; checks its exit status
# and, unsanitized, its peak RSS (/usr/bin/time). Nothing is timed here
# (ctest runs on loaded machines): bench/regress_time.sh checks that the
# two inputs below take linear time.
run() {
  local name=$1 file=$2 max_mb=$3 rc=0
  if [ "$sanitized" = 0 ] && /usr/bin/time -f '%M' true >/dev/null 2>&1; then
    /usr/bin/time -f '%M' -o "$tmp/time" "$bin" "$file" >"$tmp/out" 2>/dev/null || rc=$?
    kb=$(tail -n 1 "$tmp/time")
    echo "regress: $name: $(wc -c <"$file") bytes, max RSS $((kb / 1024)) MB"
    [ "$kb" -lt $((max_mb * 1024)) ] || fail "$name: max RSS $kb kB, want < $max_mb MB"
  else
    "$bin" "$file" >"$tmp/out" 2>/dev/null || rc=$?
  fi
  [ "$rc" = 0 ] || fail "$name: exit status $rc"
}

# --locale of a region without money of its own (Antarctica; ZZ, the
# unknown region) is refused: ICU gives them XXX (no currency) and XAG
# (silver), which became the currency of every bare 元 amount.
for l in zh-AQ zz-ZZ; do
  rc=0
  echo '样品价格为100元。' | "$bin" --locale "$l" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [ "$rc" = 2 ] || fail "locale $l: exit status $rc, want 2: $(head -c 300 "$tmp/out")"
  grep -q "names no region with a currency" "$tmp/err" ||
    fail "locale $l: no message: $(cat "$tmp/err")"
done

# Many figures in one sentence: memory linear in their number (it was
# quadratic: 328 KB of input aborted with bad_alloc).
many_figures 30000 "$tmp/figures.txt"
run many-figures "$tmp/figures.txt" 200
n=$(jq -s '[.[].entities[] | select(.type == "percent")] | length' "$tmp/out")
[ "$n" = 30000 ] || fail "many-figures: $n of 30000 percentages"

# 32,000 English lines after a footnote: the text goes on the body (the time
# it took, 72 s, was quadratic: bench/regress_time.sh).
english_after_footnote 32000 "$tmp/english.txt"
run english-after-footnote "$tmp/english.txt" 200
[ "$(jq -s '[.[].footnotes[].text | length] | add // 0' "$tmp/out")" -lt 20 ] ||
  fail "english-after-footnote: the footnote swallowed the English text"

[ "$failures" -eq 0 ]
