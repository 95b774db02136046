#!/usr/bin/env bash
# Throughput benchmark: builds a corpus of at least SIZE MB from samples/*.txt
# (and ../shared/corpus/*.txt when present), runs bulletin-extract over it
# under /usr/bin/time -v and reports wall time, MB/s and peak RSS.
#
# usage: bench/run.sh [--quick] [--size MB] [--bin PATH] [--keep]
#   --quick     a ~3 MB corpus instead of the default 10 MB
#   --size MB   any corpus size, in MB (1 MB = 2^20 bytes)
#   --bin PATH  the binary to measure (default: build/bulletin-extract)
#   --keep      keep the temporary directory (corpus, output, time logs)
#
# The corpus and every output go to a temporary directory, never into the
# repository. The last line is the summary:
#   bench: SIZE MB in S s = X MB/s, peak RSS Y MB
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size_mb=10
bin="$root/build/bulletin-extract"
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) size_mb=3 ;;
    --size) size_mb=${2:?--size needs a number of MB}; shift ;;
    --size=*) size_mb=${1#--size=} ;;
    --bin) bin=${2:?--bin needs a path}; shift ;;
    --bin=*) bin=${1#--bin=} ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$size_mb" in
  ''|*[!0-9]*|0) echo "bench/run.sh: --size wants a whole number of MB >= 1" >&2; exit 2 ;;
esac

if [ ! -x /usr/bin/time ]; then
  echo "bench/run.sh: /usr/bin/time is missing (Debian package 'time':" \
       "sudo apt-get install time)" >&2
  exit 2
fi
if [ ! -x "$bin" ]; then
  echo "bench/run.sh: no binary at $bin; build first:" \
       "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2" >&2
  exit 2
fi
command -v iconv >/dev/null || { echo "bench/run.sh: iconv is missing" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-bench.XXXXXX")
if [ "$keep" = 1 ]; then
  trap 'echo "bench: kept $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi

# --- the corpus: every input once as UTF-8 (gb18030.txt decoded, BOMs
# dropped so none lands mid-file), then doubled until it is big enough.
inputs=("$root"/samples/*.txt)
shared_corpus="$root/../shared/corpus"
if [ -d "$shared_corpus" ]; then
  for f in "$shared_corpus"/*.txt; do [ -f "$f" ] && inputs+=("$f"); done
fi
seed="$tmp/seed.txt"
: >"$seed"
for f in "${inputs[@]}"; do
  case "$(basename "$f")" in
    gb18030*) iconv -f GB18030 -t UTF-8 "$f" >>"$seed" ;;
    *) sed '1s/^\xEF\xBB\xBF//' "$f" >>"$seed" ;;
  esac
  printf '\n' >>"$seed"
done
target=$((size_mb * 1048576))
corpus="$tmp/corpus.txt"
cp "$seed" "$corpus"
while [ "$(stat -c %s "$corpus")" -lt "$target" ]; do
  cat "$seed" >>"$corpus"
done
bytes=$(stat -c %s "$corpus")

# timed CMD...: runs CMD under /usr/bin/time -v (log in $tmp/time.log) and
# sets $wall to its wall seconds. The clock is read around it with
# nanosecond resolution, since time -v rounds to 1/100 s.
timed() {
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$tmp/time.log" "$@"
  t1=$(date +%s%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}
rss_of() {
  awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"
}
rate() {  # bytes seconds → MB/s
  awk -v b="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.001; printf "%.2f", b / 1048576 / s }'
}
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')

echo "bench: corpus $mb MB ($bytes bytes) from ${#inputs[@]} files, in $tmp"
echo "bench: binary $bin ($("$bin" --version 2>/dev/null || echo '?'))"

# 1. baseline: reading the corpus at all
timed cat "$corpus" >/dev/null
printf 'cat > /dev/null:              %7s s  %8s MB/s  peak RSS %6s MB\n' \
  "$wall" "$(rate "$bytes" "$wall")" "$(rss_of "$tmp/time.log")"

# 2. the extractor writing its JSON Lines to a file
rc=0
timed "$bin" "$corpus" >"$tmp/out.jsonl" 2>"$tmp/stderr.txt" || rc=$?
if [ "$rc" != 0 ]; then
  echo "bench: bulletin-extract exited $rc" >&2
  head -20 "$tmp/stderr.txt" >&2
  exit 1
fi
w_file=$wall
rss_file=$(rss_of "$tmp/time.log")
records=$(wc -l <"$tmp/out.jsonl")
out_mb=$(awk -v b="$(stat -c %s "$tmp/out.jsonl")" 'BEGIN { printf "%.1f", b / 1048576 }')
printf 'bulletin-extract > file:      %7s s  %8s MB/s  peak RSS %6s MB  (%s records, %s MB of JSON)\n' \
  "$w_file" "$(rate "$bytes" "$w_file")" "$rss_file" "$records" "$out_mb"

# 3. the same without the cost of writing the output
timed "$bin" "$corpus" >/dev/null 2>/dev/null
w_null=$wall
rss_null=$(rss_of "$tmp/time.log")
printf 'bulletin-extract > /dev/null: %7s s  %8s MB/s  peak RSS %6s MB\n' \
  "$w_null" "$(rate "$bytes" "$w_null")" "$rss_null"

echo "bench: $mb MB in $w_file s = $(rate "$bytes" "$w_file") MB/s, peak RSS $rss_file MB"
