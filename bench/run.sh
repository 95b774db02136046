#!/usr/bin/env bash
# Throughput benchmark: builds a corpus of at least SIZE MB from samples/*.txt
# (and ../shared/corpus/*.txt when present), runs bulletin-extract over it
# under /usr/bin/time -v and reports wall time, MB/s and peak RSS; then, in
# the same run (issue 12): MB/s and peak RSS on clean web text
# (samples/clean-web.txt repeated) and on unstructured text (the made-up
# paragraphs of tools/gen-clauses.awk), both SIZE MB (1 MB with --quick); start-up on empty input
# (the minimum of 10 runs); -j 1 vs -j 2 over the corpus cut into 4 files
# (the ratio of the minimum wall times of 3 runs each); and, when valgrind
# is installed, each stage's share of the instructions (callgrind, on the
# seed: every input once).
#
# usage: bench/run.sh [--quick] [--size MB] [--bin PATH] [--keep] [--no-stages]
#   --quick     a ~3 MB corpus instead of the default 10 MB
#   --size MB   any corpus size, in MB (1 MB = 2^20 bytes)
#   --bin PATH  the binary to measure (default: build/bulletin-extract)
#   --keep      keep the temporary directory (corpus, output, time logs)
#   --no-stages skip the callgrind stage shares
#
# The corpus and every output go to a temporary directory, never into the
# repository. The last line is the summary:
#   bench: SIZE MB in S s = X MB/s, peak RSS Y MB
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
size_mb=10
bin="$root/build/bulletin-extract"
keep=0
quick=0
stages=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) size_mb=3; quick=1 ;;
    --size) size_mb=${2:?--size needs a number of MB}; shift ;;
    --size=*) size_mb=${1#--size=} ;;
    --bin) bin=${2:?--bin needs a path}; shift ;;
    --bin=*) bin=${1#--bin=} ;;
    --keep) keep=1 ;;
    --no-stages) stages=0 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

# 4. clean web text and unstructured text, the size of the corpus (1 MB
# with --quick: unstructured text is the slowest)
other=$target
[ "$quick" = 1 ] && other=1048576
grow() {  # grow SEED FILE: SEED repeated until FILE has $other bytes
  cp "$1" "$2"
  while [ "$(stat -c %s "$2")" -lt "$other" ]; do cat "$1" >>"$2"; done
}
grow "$root/samples/clean-web.txt" "$tmp/web.txt"
LC_ALL=C awk -v sep="\n\n" -v target="$other" \
  -f "$root/tools/gen-clauses.awk" </dev/null >"$tmp/plain.txt"
for kind in web plain; do
  f="$tmp/$kind.txt"
  timed "$bin" -j 1 "$f" >/dev/null 2>/dev/null
  label="clean web text"
  [ "$kind" = plain ] && label="unstructured text"
  printf '%-29s %7s s  %8s MB/s  peak RSS %6s MB  (%s MB)\n' "$label:" \
    "$wall" "$(rate "$(stat -c %s "$f")" "$wall")" "$(rss_of "$tmp/time.log")" \
    "$(awk -v b="$(stat -c %s "$f")" 'BEGIN { printf "%.1f", b / 1048576 }')"
done
rm -f "$tmp/web.txt" "$tmp/plain.txt"

# min_wall RUNS CMD...: the smallest wall time of RUNS runs, in $wall
min_wall() {
  local n=$1 best=""
  shift
  for _ in $(seq "$n"); do
    timed "$@" >/dev/null 2>/dev/null
    best=$(awk -v a="$best" -v b="$wall" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  wall=$best
}

# 5. start-up: the whole process on an empty input
: >"$tmp/empty.txt"
min_wall 10 "$bin" "$tmp/empty.txt"
printf 'start-up (empty input):       %7s ms (minimum of 10 runs), peak RSS %s MB\n' \
  "$(awk -v s="$wall" 'BEGIN { printf "%.1f", s * 1000 }')" "$(rss_of "$tmp/time.log")"

# 6. -j 1 vs -j 2: the corpus cut into 4 files at line ends
split -n l/4 -d --additional-suffix=.txt "$corpus" "$tmp/part"
min_wall 3 "$bin" -j 1 "$tmp"/part*.txt
w1=$wall
min_wall 3 "$bin" -j 2 "$tmp"/part*.txt
w2=$wall
rss_j2=$(rss_of "$tmp/time.log")
printf '%-29s %7s s vs %s s: %s x  (peak RSS with -j 2: %s MB)\n' "-j 1 vs -j 2 (4 files):" \
  "$w1" "$w2" "$(awk -v a="$w1" -v b="$w2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }')" \
  "$rss_j2"
rm -f "$tmp"/part*.txt

# 7. each stage's share of the instructions (inclusive counts of the
# functions that start each stage; layout is what the input loop costs
# beyond the article handler; 'rest' is loading, compiling and the CLI)
if [ "$stages" = 1 ] && command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
  valgrind --tool=callgrind --callgrind-out-file="$tmp/callgrind.out" \
    "$bin" -j 1 "$seed" >/dev/null 2>"$tmp/callgrind.log" || true
  callgrind_annotate --inclusive=yes --threshold=100 "$tmp/callgrind.out" 2>/dev/null |
    python3 -c '
import re, sys
size = int(sys.argv[1])
inc = {}
total = 0
for line in sys.stdin:
    m = re.match(r"\s*([\d,]+) \(\s*[\d.]+%\)\s+(.*)", line)
    if not m:
        continue
    n, name = int(m.group(1).replace(",", "")), m.group(2)
    if "PROGRAM TOTALS" in name:
        total = n
        continue
    name = re.sub(r"^\S*?:", "", name, count=1)
    inc[name] = max(inc.get(name, 0), n)
def get(prefix):
    return sum(v for k, v in inc.items() if k.startswith(prefix))
run = get("bulletin::RunInput(")
article = get("std::_Function_handler<void (bulletin::Article&&), bulletin::RunInput(")
once = "std::once_flag::_Prepare_execution::_Prepare_execution<std::call_once<bulletin::"
rules_once = get(once + "Extractor::Impl::Candidates(") + get(once + "LazyRegex::get(")
orgs_once = get(once + "OrgMatcher::Tables(")
stages = [
    ("rules (RE2 set and rules)", max(get("bulletin::Extractor::Impl::Candidates(") - rules_once, 0)),
    ("organisations", max(get("bulletin::OrgMatcher::Find(std") - orgs_once, 0)),
    ("normalisation", get("bulletin::Extractor::Impl::Normalize(")),
    ("sentences (ICU)", get("bulletin::Extractor::Impl::Sentences(")),
    ("JSON output", get("bulletin::RecordJson(")),
]
extract = get("bulletin::Extractor::Process(")
stages.append(("extraction, other", max(extract - sum(v for _, v in stages[:4]) - rules_once - orgs_once, 0)))
stages.append(("layout and decoding", max(run - article, 0)))
stages.append(("compiling on first use", rules_once + orgs_once))
stages.append(("rest (load, CLI, other)", max(total - run, 0)))
if total == 0:
    print("stages: no callgrind figures (see the log)")
    sys.exit(0)
print("stages (callgrind on %.0f KB, %.0f M instructions per MB, %.0f M without compiling on first use):" % (size / 1024, total / (size / 1048576) / 1e6, (total - rules_once - orgs_once) / (size / 1048576) / 1e6))
for name, v in stages:
    print("  %-28s %5.1f%%  %8.1f M" % (name, 100 * v / total, v / 1e6))
' "$(stat -c %s "$seed")"
elif [ "$stages" = 1 ]; then
  echo "stages: valgrind is not installed (Debian package 'valgrind'): no instruction shares"
fi

echo "bench: $mb MB in $w_file s = $(rate "$bytes" "$w_file") MB/s, peak RSS $rss_file MB"
