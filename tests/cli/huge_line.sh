#!/usr/bin/env bash
# A single line of HUGE_LINE_MB MB (default 100: the README's bad-input
# row; ctest runs it smaller, .ci/run at 100 MB) of made-up clauses dense
# with figures (tools/gen-clauses.awk), no line end but the last. The run
# must exit 0, stay under a fixed peak RSS whatever the size (/usr/bin/time
# -v; not checked under sanitizers, BULLETIN_SANITIZED=1), say that it read
# the line in pieces (decode.long-line), cut it into records of at most
# 256 KiB, and keep every character: the records' texts, one after the
# other, are the input.
#
#   bash tests/cli/huge_line.sh BINARY SOURCE_DIR
#   HUGE_LINE_MB=100 bash tests/cli/huge_line.sh BINARY SOURCE_DIR
set -u
bin=$1
. "$(dirname "$0")/common.bash"
mb=${HUGE_LINE_MB:-100}
max_rss_kb=$((64 * 1024))
piece=262144
in=$tmp/line.txt
LC_ALL=C awk -v sep="" -v target=$((mb * 1048576)) \
  -f "$(dirname "$0")/../../tools/gen-clauses.awk" </dev/null >"$in"
bytes=$(wc -c <"$in")
[ "$(wc -l <"$in")" = 1 ] || fail "the input is not one line"

run_measured -v "$in"
[ "$rc" = 0 ] || { fail "exit status $rc"; head -5 "$tmp/err" >&2; }
check_rss "$mb MB line" "$max_rss_kb"
grep -q '^[^:]*line.txt:1:1: warning: .*\[decode.long-line\]$' "$tmp/err" ||
  fail "no decode.long-line warning at 1:1"
records=$(wc -l <"$tmp/out")
[ "$records" -ge $((bytes / piece)) ] ||
  fail "$records records for $bytes bytes; want one at least every $piece bytes"
# Every character kept, in order: the records' texts joined are the input
# (line ends aside); and no record's text is longer than a piece.
python3 - "$tmp/out" "$piece" >"$tmp/joined" <<'EOF' || fail "a record's text is longer than $piece bytes"
import json, sys
out, longest = sys.stdout.buffer, 0
for line in open(sys.argv[1], encoding="utf-8"):
    text = json.loads(line)["text"].encode("utf-8")
    longest = max(longest, len(text))
    out.write(text.replace(b"\n", b""))
sys.exit(longest > int(sys.argv[2]))
EOF
tr -d '\n' <"$in" | cmp -s - "$tmp/joined" ||
  fail "the records' texts joined are not the input ($(wc -c <"$tmp/joined") of $bytes bytes)"
echo "huge_line: $bytes bytes on one line, $records records, ${secs} s, max RSS $rss kB"
[ "$failures" -eq 0 ]
