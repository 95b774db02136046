#!/usr/bin/env bash
# `bulletin-extract schema` is a valid draft 2020-12 JSON Schema, and every
# record the extractor writes for samples/*.txt and tests/check/*.txt (with
# and without --context), and every expected output in tests/golden/,
# validates against it. Exits 77 (skipped) when
# /usr/bin/python3 has no jsonschema module (Debian: python3-jsonschema).
# Usage: bash schema_validate.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
src=$2
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! "$py" -c 'import jsonschema' 2>/dev/null; then
  echo "schema_validate: $py has no jsonschema module (apt install" \
    "python3-jsonschema); skipped"
  exit 77
fi

"$bin" schema >"$tmp/schema.json"
inputs=("$src"/samples/*.txt "$src"/tests/check/*.txt)
"$bin" "${inputs[@]}" >"$tmp/records.jsonl"
"$bin" --context "${inputs[@]}" >>"$tmp/records.jsonl"
# ... and every expected output checked into the repository.
cat "$src"/tests/golden/*.jsonl >>"$tmp/records.jsonl"

"$py" - "$tmp/schema.json" "$tmp/records.jsonl" <<'EOF'
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
n = bad = 0
types = set()
for line in open(sys.argv[2], encoding="utf-8"):
    record = json.loads(line)
    n += 1
    types.update(e["type"] for e in record["entities"])
    for error in validator.iter_errors(record):
        bad += 1
        where = "/".join(str(p) for p in error.absolute_path)
        print(f"FAIL: {record['source']['path']} article {record['index']}"
              f" at /{where}: {error.message}", file=sys.stderr)
if n == 0:
    sys.exit("FAIL: no records to validate")

# The schema must reject what record.cc never writes.
def rejects(what, change):
    record = json.loads(open(sys.argv[2], encoding="utf-8").readline())
    change(record)
    if validator.is_valid(record):
        print(f"FAIL: schema accepts a record with {what}", file=sys.stderr)
        return 1
    return 0

def entity(record, type_):
    return next(e for e in record["entities"] if e["type"] == type_)

bad += rejects("an unknown field", lambda r: r.update(extra=1))
bad += rejects("no title", lambda r: r.pop("title"))
bad += rejects("an org with a currency",
               lambda r: entity(r, "org").update(currency="USD"))
bad += rejects("a date without precision",
               lambda r: entity(r, "date").pop("precision"))
bad += rejects("a text entity with a footnote number",
               lambda r: entity(r, "org").update(footnote=1))
if bad:
    sys.exit(f"{bad} schema problem(s)")
print(f"schema_validate: {n} records valid ({', '.join(sorted(types))})")
EOF
