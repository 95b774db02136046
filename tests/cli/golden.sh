#!/usr/bin/env bash
# Golden tests: the output for each samples/NAME.txt must equal
# tests/golden/NAME.jsonl byte for byte.
#
#   bash tests/cli/golden.sh BINARY SOURCE_DIR
#   UPDATE_GOLDEN=1 bash tests/cli/golden.sh BINARY SOURCE_DIR   # rewrite them
#
# The binary runs from SOURCE_DIR with the relative path samples/NAME.txt, so
# source.path in the records does not depend on where the tree is checked out.
set -u
bin=$1
src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$src" || exit 1

failures=0
checked=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for input in samples/*.txt; do
  name=$(basename "$input" .txt)
  golden=tests/golden/$name.jsonl
  actual=$tmp/$name.jsonl
  "$bin" "$input" >"$actual" 2>"$tmp/$name.err"
  status=$?
  if [ "$status" -ne 0 ]; then
    echo "FAIL: $input: exit status $status" >&2
    cat "$tmp/$name.err" >&2
    failures=$((failures + 1))
    continue
  fi
  if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
    if ! cmp -s "$actual" "$golden"; then
      cp "$actual" "$golden"
      echo "updated $golden"
    fi
    checked=$((checked + 1))
    continue
  fi
  if [ ! -f "$golden" ]; then
    echo "FAIL: $golden is missing (run with UPDATE_GOLDEN=1 to create it)" >&2
    failures=$((failures + 1))
    continue
  fi
  if ! cmp -s "$actual" "$golden"; then
    echo "FAIL: $input: output differs from $golden" >&2
    # One record per line is hard to read in a diff: show the records that
    # differ, pretty-printed, when python3 is there.
    if command -v python3 >/dev/null 2>&1; then
      python3 - "$golden" "$actual" <<'PY' >&2
import difflib, json, sys
def records(path):
    with open(path, encoding="utf-8") as f:
        return [json.dumps(json.loads(l), ensure_ascii=False, indent=1)
                for l in f if l.strip()]
want, got = records(sys.argv[1]), records(sys.argv[2])
if len(want) != len(got):
    print(f"  {len(want)} records expected, {len(got)} produced")
lines = list(difflib.unified_diff("\n".join(want).splitlines(),
                                  "\n".join(got).splitlines(),
                                  "expected", "actual", lineterm="", n=2))
print("\n".join(lines[:80]))
if len(lines) > 80:
    print(f"  ... {len(lines) - 80} more diff lines")
PY
    else
      diff "$golden" "$actual" | head -20 >&2
    fi
    failures=$((failures + 1))
    continue
  fi
  checked=$((checked + 1))
done

# A golden file whose sample is gone is stale.
for golden in tests/golden/*.jsonl; do
  [ -e "$golden" ] || continue
  name=$(basename "$golden" .jsonl)
  if [ ! -f "samples/$name.txt" ]; then
    echo "FAIL: $golden has no samples/$name.txt" >&2
    failures=$((failures + 1))
  fi
done

if [ "$checked" -eq 0 ] && [ "$failures" -eq 0 ]; then
  echo "FAIL: no samples found in $src/samples" >&2
  exit 1
fi
if [ "$failures" -ne 0 ]; then
  echo "$failures golden failure(s); if the change is intended, refresh with:" >&2
  echo "  UPDATE_GOLDEN=1 bash tests/cli/golden.sh BINARY ." >&2
  exit 1
fi
echo "golden: $checked sample(s) match"
