#!/usr/bin/env bash
# --stats FILE: one JSON object whose counts agree with the records and the
# inputs (the same with -j 2); an unwritable FILE fails before any work
# with exit 4. --progress: a line on stderr when it is a terminal (under
# script(1)), nothing at all when it is not.
#
#   bash tests/cli/stats_progress.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "$0")/common.bash"
command -v jq >/dev/null || { echo "jq missing: skipped"; exit 77; }
printf '%s\n' '{"id":1,"text":"比亚迪宣布投资 45 亿元，产能提升 30%。"}' '{oops' \
  >"$tmp/d.jsonl"
printf '\xff\xfe\x00' >"$tmp/bad.bin"
inputs=("$src"/samples/*.txt "$tmp/d.jsonl" "$tmp/missing.txt")
for j in 1 2; do
  "$bin" -j $j --stats "$tmp/s$j.json" "${inputs[@]}" >"$tmp/r$j.out" 2>/dev/null
  [ $? = 3 ] || fail "-j $j: exit status, expected 3 (a missing input, a bad JSON line)"
  [ "$(wc -l <"$tmp/s$j.json")" = 1 ] || fail "-j $j: --stats is not one line"
  s=$tmp/s$j.json r=$tmp/r$j.out
  [ "$(jq .inputs "$s")" = ${#inputs[@]} ] || fail "-j $j: inputs $(jq .inputs "$s")"
  [ "$(jq .failed_inputs "$s")" = 2 ] || fail "-j $j: failed_inputs $(jq .failed_inputs "$s")"
  [ "$(jq .records "$s")" = "$(wc -l <"$r")" ] || fail "-j $j: records $(jq .records "$s") for $(wc -l <"$r") lines"
  want=$(jq -s -c 'map(.entities[].type) | group_by(.) | map({(.[0]): length}) | add' "$r")
  [ "$(jq -c .entities "$s")" = "$want" ] || fail "-j $j: entities $(jq -c .entities "$s"), records say $want"
  [ "$(jq .dropped_lines "$s")" = "$(jq -s 'map(.dropped_lines // 0) | add' "$r")" ] ||
    fail "-j $j: dropped_lines $(jq .dropped_lines "$s")"
  [ "$(jq .unplaced_lines "$s")" = "$(jq -s 'map(.unplaced_lines // 0) | add' "$r")" ] ||
    fail "-j $j: unplaced_lines $(jq .unplaced_lines "$s")"
  [ "$(jq .bad_json_lines "$s")" = 1 ] || fail "-j $j: bad_json_lines $(jq .bad_json_lines "$s")"
  size=$(cat "$src"/samples/*.txt "$tmp/d.jsonl" | wc -c)
  [ "$(jq .bytes "$s")" = "$size" ] || fail "-j $j: bytes $(jq .bytes "$s"), inputs hold $size"
  jq -e '.seconds >= 0 and .invalid_bytes == 0' "$s" >/dev/null || fail "-j $j: seconds/invalid_bytes: $(cat "$s")"
done
cmp -s <(jq -c 'del(.seconds)' "$tmp/s1.json") <(jq -c 'del(.seconds)' "$tmp/s2.json") ||
  fail "--stats differs between -j 1 and -j 2"
# Invalid bytes are counted.
printf '标题\xff\xfe行\n' >"$tmp/bad.txt"
"$bin" --encoding utf-8 --stats "$tmp/b.json" "$tmp/bad.txt" >/dev/null 2>&1
[ "$(jq .invalid_bytes "$tmp/b.json")" -ge 1 ] || fail "invalid_bytes: $(cat "$tmp/b.json")"
# An unwritable --stats file: exit 4, the reason, no records.
"$bin" --stats /proc/no-such-dir/s.json "$src"/samples/clean-web.txt >"$tmp/o" 2>"$tmp/e"
[ $? = 4 ] || fail "--stats unwritable: exit status"
grep -q '^bulletin-extract: /proc/no-such-dir/s.json: --stats: cannot write: No such file' "$tmp/e" ||
  fail "--stats unwritable: $(cat "$tmp/e")"
[ -s "$tmp/o" ] && fail "--stats unwritable: records written"

# --progress: nothing when stderr is no terminal ...
"$bin" --progress "$src"/samples/clean-web.txt >/dev/null 2>"$tmp/p.err"
[ -s "$tmp/p.err" ] && fail "--progress wrote to a stderr that is no terminal: $(cat "$tmp/p.err")"
# ... and bytes, records and rate when it is one.
if command -v script >/dev/null; then
  script -qec "'$bin' --progress -o '$tmp/p.out' '$src/samples/clean-web.txt'" /dev/null >"$tmp/tty" 2>&1
  n=$(wc -l <"$tmp/p.out")
  grep -aqE "bulletin-extract: [0-9.]+ MB read, $n records, [0-9.]+ MB/s" "$tmp/tty" ||
    fail "--progress on a terminal: $(od -c "$tmp/tty" | head -n 5)"
fi
[ "$failures" -eq 0 ] && echo "stats_progress: all passed"
exit $((failures > 0))
