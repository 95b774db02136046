#!/usr/bin/env bash
# Streaming stress test: a large input (samples/pdf-layout.txt repeated)
# must run in bounded memory (max RSS < 200 MB, measured with
# /usr/bin/time -v when it is there, not under sanitizers:
# BULLETIN_SANITIZED=1) and yield every article of every copy.
#
#   bash tests/cli/streaming.sh BINARY SOURCE_DIR
#   STREAMING_BYTES=30000000 bash tests/cli/streaming.sh ...   # the full 30 MB
#
# The default size keeps the test under 20 s at the extractor's present
# speed (about 1-2 MB/s); the full 30 MB is a run by hand, as above (the
# 100 MB single line of .ci/run's huge_line.sh step covers the large input).
set -u
bin=$1
src=$2
sample=$src/samples/pdf-layout.txt
target_bytes=${STREAMING_BYTES:-12000000}
max_rss_kb=$((200 * 1024))
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Articles per copy: the first copy gives `first` records; each further copy
# should give as many (`per_copy`, measured on two copies). They differ only
# when the start of a copy (its masthead) reads differently after another
# issue than at the start of the input: reported, but the count must still
# be exact.
first=$("$bin" "$sample" | wc -l)
cat "$sample" "$sample" >"$tmp/two.txt"
per_copy=$(($("$bin" "$tmp/two.txt" | wc -l) - first))
rm -f "$tmp/two.txt"
if [ "$first" -lt 1 ] || [ "$per_copy" -lt 1 ]; then
  echo "FAIL: $sample gives no records" >&2
  exit 1
fi
if [ "$per_copy" -ne "$first" ]; then
  echo "streaming: note: one copy gives $first records, each further copy" \
    "$per_copy"
fi
size=$(wc -c <"$sample")
repeats=$(((target_bytes + size - 1) / size))
# Doubling concatenation: log2(repeats) cat calls instead of `repeats`.
big=$tmp/big.txt
cp "$sample" "$tmp/chunk"
n=1
: >"$big"
left=$repeats
while [ "$left" -gt 0 ]; do
  if [ $((left & 1)) -eq 1 ]; then cat "$tmp/chunk" >>"$big"; fi
  left=$((left >> 1))
  if [ "$left" -gt 0 ]; then
    cat "$tmp/chunk" "$tmp/chunk" >"$tmp/chunk2"
    mv "$tmp/chunk2" "$tmp/chunk"
    n=$((n * 2))
  fi
done
rm -f "$tmp/chunk"

failures=0
start=$(date +%s)
if [ "${BULLETIN_SANITIZED:-0}" = 0 ] && [ -x /usr/bin/time ] &&
   /usr/bin/time -v true >/dev/null 2>&1; then
  /usr/bin/time -v -o "$tmp/time" "$bin" "$big" >"$tmp/out" 2>"$tmp/err"
  status=$?
  rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/time")
  if [ -z "$rss" ]; then
    echo "FAIL: no maximum resident set size in /usr/bin/time's report" >&2
    failures=$((failures + 1))
  elif [ "$rss" -ge "$max_rss_kb" ]; then
    echo "FAIL: max RSS ${rss} kB >= ${max_rss_kb} kB" >&2
    failures=$((failures + 1))
  fi
else
  echo "streaming: sanitizers, or no /usr/bin/time -v: memory not measured"
  rss=unmeasured
  "$bin" "$big" >"$tmp/out" 2>"$tmp/err"
  status=$?
fi
elapsed=$(($(date +%s) - start))

if [ "$status" -ne 0 ]; then
  echo "FAIL: exit status $status" >&2
  head -5 "$tmp/err" >&2
  failures=$((failures + 1))
fi
records=$(wc -l <"$tmp/out")
expected=$((first + (repeats - 1) * per_copy))
if [ "$records" -ne "$expected" ]; then
  echo "FAIL: $records records, expected $first + ($repeats - 1) x $per_copy" \
    "= $expected" >&2
  failures=$((failures + 1))
fi
echo "streaming: $(wc -c <"$big") bytes, $repeats copies, $records records," \
  "max RSS ${rss} kB, ${elapsed} s"
[ "$failures" -eq 0 ]
