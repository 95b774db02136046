#!/usr/bin/env bash
# Memory stays bounded on text with no bulletin structure: one line of
# several MB, and MB of plain paragraphs with no title, both dense with
# figures. Each run must stay under a fixed peak RSS (measured with
# /usr/bin/time -v when it is there), warn about the cuts it made, and keep
# every character of the input in its records (none dropped). Under
# sanitizers (BULLETIN_SANITIZED=1) the RSS limit is not checked.
#
#   bash tests/cli/bounded.sh BINARY SOURCE_DIR
set -u
bin=$1
. "$(dirname "$0")/common.bash"
max_rss_kb=$((120 * 1024))
mb=${BOUNDED_MB:-3}

# Made-up clauses with money, percentages, dates and process nodes.
gen() {  # gen SEPARATOR: clauses until $mb MB, SEPARATOR after every 6th
  awk -v sep="$1" -v target=$((mb * 1048576)) \
    -f "$(dirname "$0")/../../tools/gen-clauses.awk" </dev/null
}
LC_ALL=C gen "" >"$tmp/line.txt"
LC_ALL=C gen "\n" >"$tmp/paragraphs.txt"

for name in line paragraphs; do
  in=$tmp/$name.txt
  run_measured -v "$in"
  check_rss "$name" "$max_rss_kb"
  [ "$rc" = 0 ] || fail "$name: exit status $rc"
  # Every figure of the input is in some record's text: count the ，.
  want=$(grep -o '，' "$in" | wc -l)
  got=$(grep -o '，' "$tmp/out" | wc -l)
  [ "$want" = "$got" ] || fail "$name: $got of $want commas in the records"
  records=$(wc -l <"$tmp/out")
  [ "$records" -ge 2 ] || fail "$name: one record of $mb MB; want it cut"
  grep -q 'long-article\|long-line' "$tmp/err" ||
    fail "$name: no warning about the cut"
  echo "bounded: $name: $(wc -c <"$in") bytes, $records records, max RSS $rss kB"
done
[ "$failures" -eq 0 ]
