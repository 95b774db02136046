#!/usr/bin/env bash
# Regenerates the CLDR blocks of rules/units.tsv and rules/currencies.tsv
# from the installed ICU (libicu-dev): builds tools/gen_cldr.cc and puts its
# output between the "# BEGIN CLDR" and "# END CLDR" lines (the block is
# added after the leading comment when the file has none).
#
#   bash tools/regen_cldr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
g++ -std=c++17 -O1 tools/gen_cldr.cc -o "$tmp/gen_cldr" $(pkg-config --cflags --libs icu-i18n icu-uc)
for pair in units:rules/units.tsv currencies:rules/currencies.tsv; do
  mode=${pair%%:*} file=${pair#*:}
  "$tmp/gen_cldr" "$mode" > "$tmp/block"
  python3 - "$file" "$tmp/block" <<'PY'
import sys
path, block = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
lines = open(path, encoding="utf-8").read().splitlines(keepends=True)
b = next((i for i, l in enumerate(lines) if l.startswith("# BEGIN CLDR")), None)
if b is None:
    b = e = next(i for i, l in enumerate(lines) if not l.startswith("#"))
else:
    e = next(i for i in range(b, len(lines)) if lines[i].startswith("# END CLDR")) + 1
open(path, "w", encoding="utf-8").write("".join(lines[:b]) + block + "".join(lines[e:]))
PY
  echo "$file: $(grep -vc '^#' "$tmp/block") generated rows"
done
