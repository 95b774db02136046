#!/usr/bin/env bash
# What extraction does not print is counted: without -v a warning stays off
# stderr but --stats counts it under not_shown (by rule id); with -v it is
# printed, not_shown is empty and the input's summary line counts it; with
# -j 2 the counts add up over the inputs.
# Usage: bash diagnostic_counts.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# One line of text before the first title: segment.unplaced (a warning).
printf '%s\n\n%s\n\n%s\n\n%s\n\n%s\n' '一段放在最前面、不属于任何标题的说明文字。' \
  '一、产业动态' '某省出台新型储能扶持办法' '某省近日出台办法，支持储能电站建设。' \
  '（编译：王五）' >"$tmp/a.txt"
cp "$tmp/a.txt" "$tmp/b.txt"
count() {  # STATS_FILE RULE: the not_shown count of RULE (0 when absent)
  python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["not_shown"].get(sys.argv[2], 0))' "$@"
}

"$bin" --stats "$tmp/s.json" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
[[ ! -s "$tmp/err" ]] || fail "a warning printed without -v: $(cat "$tmp/err")"
[[ $(count "$tmp/s.json" segment.unplaced) == 1 ]] ||
  fail "not_shown without -v: $(cat "$tmp/s.json")"

"$bin" -v --stats "$tmp/s.json" "$tmp/a.txt" >/dev/null 2>"$tmp/err"
grep -q 'warning: .*\[segment.unplaced\]' "$tmp/err" || fail "-v: no warning printed"
grep -q ', 1 diagnostic$' "$tmp/err" || fail "-v: summary without its count: $(cat "$tmp/err")"
[[ $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["not_shown"]))' "$tmp/s.json") == 0 ]] ||
  fail "not_shown with -v: $(cat "$tmp/s.json")"

"$bin" -j 2 --stats "$tmp/s.json" "$tmp/a.txt" "$tmp/b.txt" >/dev/null 2>"$tmp/err"
[[ $(count "$tmp/s.json" segment.unplaced) == 2 ]] ||
  fail "not_shown with -j 2: $(cat "$tmp/s.json")"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "diagnostic_counts: all passed"
