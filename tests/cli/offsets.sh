#!/usr/bin/env bash
# Every entity's text must be the code point slice [start:end) of its field:
# the title, the text, or the text of the footnote it names. Checked over
# every sample and over any extra inputs listed (separated by white space) in
# $EXTRA_OFFSET_INPUTS, e.g. the gold document in .ci/run.
#
#   bash tests/cli/offsets.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$2
if ! command -v python3 >/dev/null 2>&1; then
  echo "offsets: python3 not found; skipped"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

inputs=("$src"/samples/*.txt "$src"/tests/regress/inputs/footnote-number-twice.txt)
for extra in ${EXTRA_OFFSET_INPUTS:-}; do inputs+=("$extra"); done

failures=0
for input in "${inputs[@]}"; do
  if [ ! -r "$input" ]; then
    echo "FAIL: $input: cannot read" >&2
    failures=$((failures + 1))
    continue
  fi
  out=$tmp/out.jsonl
  if ! "$bin" "$input" >"$out" 2>"$tmp/err"; then
    echo "FAIL: $input: exit status $?" >&2
    cat "$tmp/err" >&2
    failures=$((failures + 1))
    continue
  fi
  if ! python3 - "$input" "$out" <<'PY'; then
import json, sys

name, path = sys.argv[1], sys.argv[2]
bad = 0
entities = 0
records = 0
with open(path, encoding="utf-8") as f:
    for lineno, line in enumerate(f, 1):
        try:
            r = json.loads(line)
        except ValueError as e:
            print(f"FAIL: {name}: output line {lineno} is not JSON: {e}")
            bad += 1
            continue
        records += 1
        notes = [fn["text"] for fn in r.get("footnotes", [])]
        for e in r.get("entities", []):
            entities += 1
            field = e.get("field")
            if field == "title":
                texts = [r["title"]]
            elif field == "text":
                texts = [r["text"]]
            elif field == "footnote":
                # footnote_index names the note (two notes of an article
                # can share a number); its number must be `footnote`.
                i = e.get("footnote_index")
                fns = r.get("footnotes", [])
                texts = ([fns[i]["text"]] if isinstance(i, int)
                         and 0 <= i < len(fns)
                         and fns[i]["number"] == e.get("footnote") else [])
            else:
                texts = []
            start, end = e.get("start"), e.get("end")
            where = (f"{name}: record {r.get('index')} "
                     f"({r.get('title', '')[:20]!r}): {e.get('type')} "
                     f"{e.get('text')!r} in {field}"
                     + (f" {e.get('footnote')}" if field == "footnote" else "")
                     + f" [{start}:{end}]")
            if not texts:
                print(f"FAIL: {where}: no such field")
                bad += 1
                continue
            if not (isinstance(start, int) and isinstance(end, int)
                    and 0 <= start <= end):
                print(f"FAIL: {where}: bad offsets")
                bad += 1
                continue
            if not any(end <= len(t) and t[start:end] == e.get("text")
                       for t in texts):
                got = texts[0][start:end]
                print(f"FAIL: {where}: field slice is {got!r}")
                bad += 1
if records == 0:
    print(f"FAIL: {name}: no records")
    bad += 1
print(f"offsets: {name}: {records} records, {entities} entities, "
      f"{bad} problem(s)")
sys.exit(1 if bad else 0)
PY
    failures=$((failures + 1))
  fi
done
if [ "$failures" -ne 0 ]; then
  echo "offsets: $failures input(s) failed" >&2
  exit 1
fi
