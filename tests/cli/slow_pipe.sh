#!/usr/bin/env bash
# Records stream out of a slow pipe: while the writer pauses, the records of
# the articles already complete must be out (today's input is not held back
# until the end), and each record is one write() of the whole line (strace,
# when installed).
#
#   bash tests/cli/slow_pipe.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
. "$(dirname "$0")/common.bash"
sample=$src/samples/pdf-layout.txt
# More than the first chunk (64 KiB, read whole to guess the encoding) and
# the layout warm-up (400 lines), so that the pause comes after them.
for _ in 1 2 3 4 5 6 7; do cat "$sample"; done >"$tmp/part1.txt"
total_first=$("$bin" "$tmp/part1.txt" | wc -l)

# The writer sends part 1, then waits (up to 30 s) until all but the last
# few of its articles are out (the last ones wait for the lines after them,
# which decide where they end) before sending the rest and closing the
# pipe; it notes whether they came.
expect=$((total_first - 5))
(
  cat "$tmp/part1.txt"
  for _ in $(seq 1 300); do
    if [ "$(wc -l <"$tmp/out.jsonl")" -ge "$expect" ]; then
      echo yes >"$tmp/seen"
      break
    fi
    sleep 0.1
  done
  wc -l <"$tmp/out.jsonl" >"$tmp/during"
  cat "$sample"
) | "$bin" - >"$tmp/out.jsonl" 2>"$tmp/err"
status=$?
[ "$status" = 0 ] || fail "exit status $status: $(head -3 "$tmp/err")"
[ -f "$tmp/seen" ] ||
  fail "while the pipe paused, $(cat "$tmp/during") of $total_first records were out (want $expect)"
got=$(wc -l <"$tmp/out.jsonl")
[ "$got" -gt "$total_first" ] ||
  fail "expected more than $total_first records in all, got $got"
python3 -c '
import json, sys
for n, line in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    json.loads(line)
' "$tmp/out.jsonl" || fail "the output is not one JSON record per line"

# One write() per record, newline included.
if command -v strace >/dev/null 2>&1; then
  strace -f -e trace=write -o "$tmp/trace" "$bin" "$tmp/part1.txt" >"$tmp/one.jsonl" 2>/dev/null
  writes=$(grep -c '^[0-9]* *write(1,' "$tmp/trace")
  records=$(wc -l <"$tmp/one.jsonl")
  [ "$writes" = "$records" ] ||
    fail "$records records took $writes write() calls to stdout"
fi
exit $((failures > 0))
