#!/usr/bin/env bash
# PDF throughput and memory (issue 13). Makes, in a temporary directory, a
# PDF of at least PAGES pages (default 200) from this repository's own text:
# the bulletins tests/pdf/*.bul (one and two columns, page footnotes)
# repeated, rendered by tests/pdf/make-pdf.py through LibreOffice, and a
# PDF a tenth of its length from the same text. Runs bulletin-extract on
# each under /usr/bin/time -v and reports pages/s, MB/s (of PDF) and peak
# RSS; memory bounded by a few pages means the two peaks are about the same.
# The records of the large PDF are scored against its truth (every article
# found, with authors, sections and footnote URLs).
#
# usage: bench/pdf.sh [--pages N] [--bin PATH] [--pdf FILE] [--keep]
#   --pages N   the least number of pages of the large PDF (default 200)
#   --bin PATH  the binary to measure (default: build/bulletin-extract)
#   --pdf FILE  measure this PDF instead (no generation, no small PDF, no score)
#   --keep      keep the temporary directory (PDFs, truth, output, time logs)
#
# Needs soffice (Debian libreoffice-writer-nogui), fonts-noto-cjk, pdfinfo
# (poppler-utils) and /usr/bin/time (time). The last line is the summary:
#   bench-pdf: P pages (M MB) in S s = X pages/s, Y MB/s, peak RSS Z MB (R MB at P2 pages)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pages=200
bin="$root/build/bulletin-extract"
given=
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --pages) pages=${2:?--pages needs a number}; shift ;;
    --pages=*) pages=${1#--pages=} ;;
    --bin) bin=${2:?--bin needs a path}; shift ;;
    --bin=*) bin=${1#--bin=} ;;
    --pdf) given=${2:?--pdf needs a file}; shift ;;
    --pdf=*) given=${1#--pdf=} ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/pdf.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$pages" in
  ''|*[!0-9]*|0) echo "bench/pdf.sh: --pages wants a whole number >= 1" >&2; exit 2 ;;
esac
need() {  # need COMMAND PACKAGE
  command -v "$1" >/dev/null ||
    { echo "bench/pdf.sh: $1 is missing (Debian package $2)" >&2; exit 2; }
}
[ -x /usr/bin/time ] || { echo "bench/pdf.sh: /usr/bin/time is missing (Debian package time)" >&2; exit 2; }
need pdfinfo poppler-utils
if [ ! -x "$bin" ]; then
  echo "bench/pdf.sh: no binary at $bin; build first:" \
       "cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j2" >&2
  exit 2
fi
if "$bin" "$root/tests/pdf/columns.pdf" 2>&1 >/dev/null | grep -q 'built without the PDF front end'; then
  echo "bench/pdf.sh: $bin was built without the PDF front end (libpoppler-cpp-dev)" >&2
  exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-bench-pdf.XXXXXX")
if [ "$keep" = 1 ]; then
  trap 'echo "bench-pdf: kept $tmp"' EXIT
else
  trap 'rm -rf "$tmp"' EXIT
fi

n_pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

# make_pdf COPIES NAME: NAME.bul (the first bulletin's masthead line, then
# the articles of every tests/pdf/*.bul, COPIES times), NAME.pdf and
# NAME.truth.json.
make_pdf() {
  local copies=$1 name=$2 i f
  {
    grep -m1 '^! ' "$root"/tests/pdf/*.bul | head -1 | cut -d: -f2-
    for ((i = 0; i < copies; i++)); do
      for f in "$root"/tests/pdf/*.bul; do grep -v '^! ' "$f"; echo '|||'; done
    done
  } >"$tmp/$name.bul"
  python3 "$root/tests/pdf/make-pdf.py" "$tmp/$name.bul" "$tmp/$name.pdf" "$tmp/$name.truth.json"
}

if [ -n "$given" ]; then
  [ -f "$given" ] || { echo "bench/pdf.sh: no file $given" >&2; exit 2; }
  big=$given
else
  need soffice libreoffice-writer-nogui
  # The checked-in bulletins make about 3 pages a copy; one probe tells.
  make_pdf 4 probe
  per=$(n_pages "$tmp/probe.pdf")
  copies=$(( (pages * 4 + per - 1) / per ))
  make_pdf "$copies" big
  got=$(n_pages "$tmp/big.pdf")
  if [ "$got" -lt "$pages" ]; then  # short of the mark: scale up once more
    copies=$(( copies * pages / got + 2 ))
    make_pdf "$copies" big
  fi
  make_pdf $(( (copies + 9) / 10 )) small
  big=$tmp/big.pdf
fi

timed() {  # timed LOG CMD...: $wall = wall seconds of CMD
  local log=$1 t0 t1
  shift
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$log" "$@"
  t1=$(date +%s%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
}
rss_of() { awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$1"; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { if (s <= 0) s = 0.001; printf "%.1f", n / s }'; }
mb_of() { awk -v b="$(stat -c %s "$1")" 'BEGIN { printf "%.2f", b / 1048576 }'; }

# run PDF: times the extractor on PDF; sets $wall, $rss, $npages, $mb.
run() {
  local rc=0
  timed "$tmp/time.log" "$bin" "$1" >"$tmp/out.jsonl" 2>"$tmp/stderr.txt" || rc=$?
  if [ "$rc" != 0 ]; then
    echo "bench/pdf.sh: bulletin-extract exited $rc on $1" >&2
    head -20 "$tmp/stderr.txt" >&2
    exit 1
  fi
  rss=$(rss_of "$tmp/time.log")
  npages=$(n_pages "$1")
  mb=$(mb_of "$1")
  printf 'bulletin-extract %-10s %4s pages %6s MB  %7s s  %6s pages/s  %6s MB/s  peak RSS %6s MB  (%s records)\n' \
    "$(basename "$1")" "$npages" "$mb" "$wall" "$(per_s "$npages" "$wall")" \
    "$(per_s "$mb" "$wall")" "$rss" "$(wc -l <"$tmp/out.jsonl")"
}

echo "bench-pdf: binary $bin ($("$bin" --version 2>/dev/null || echo '?')), in $tmp"
small_note=
if [ -z "$given" ]; then
  run "$tmp/small.pdf"
  small_note=" ($rss MB at $npages pages)"
fi
run "$big"
if [ -z "$given" ]; then
  python3 "$root/tests/pdf/score-pdf.py" "$tmp/big.truth.json" "$tmp/out.jsonl" |
    sed 's/^/bench-pdf: /'
fi
echo "bench-pdf: $npages pages ($mb MB) in $wall s = $(per_s "$npages" "$wall") pages/s," \
  "$(per_s "$mb" "$wall") MB/s, peak RSS $rss MB$small_note"
