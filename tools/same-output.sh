#!/usr/bin/env bash
# Compares the output of two builds of bulletin-extract byte for byte: for a
# refactoring that must not change any output.
#
#   bash tools/same-output.sh OLD_BINARY NEW_BINARY
#
# Inputs: samples/*.txt, every ../shared/corpus/*.txt and, when ../shared is
# there, the input sentences of ../shared/suites (written to one temporary
# file, one sentence per paragraph; nothing of them is kept). Commands:
# extract (plain, and --pretty --context), check --format json, rules test.
# Exits 1 and names each difference; 0 when everything is the same.
set -u
old=$1
new=$2
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
inputs=(samples/*.txt)
for f in ../shared/corpus/*.txt; do [ -f "$f" ] && inputs+=("$f"); done
if [ -d ../shared/suites ]; then
  python3 -c '
import json, pathlib, sys
out = open(sys.argv[1], "w", encoding="utf-8")
for p in sorted(pathlib.Path("../shared/suites").rglob("*.jsonl")):
    for line in open(p, encoding="utf-8"):
        if line.strip():
            out.write(json.loads(line)["input"].replace("\n", " ") + "\n\n")
' "$tmp/suites.txt" && inputs+=("$tmp/suites.txt")
fi
differ=0
compare() {  # NAME CMD-ARGS...: runs both binaries with CMD-ARGS
  local name=$1
  shift
  "$old" "$@" >"$tmp/old" 2>"$tmp/old.err"
  local rc_old=$?
  "$new" "$@" >"$tmp/new" 2>"$tmp/new.err"
  local rc_new=$?
  if ! cmp -s "$tmp/old" "$tmp/new" || [ "$rc_old" != "$rc_new" ]; then
    echo "DIFFERENT: $name (exit $rc_old vs $rc_new)"
    diff "$tmp/old" "$tmp/new" | head -6
    differ=1
  fi
}
for f in "${inputs[@]}"; do
  compare "extract $f" "$f"
  compare "extract --pretty --context $f" --pretty --context "$f"
  compare "check --format json $f" check --format json "$f"
  compare "rules test $f" rules test "$f"
done
[ "$differ" = 0 ] && echo "same output on ${#inputs[@]} inputs"
exit "$differ"
