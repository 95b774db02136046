#!/usr/bin/env bash
# The PDF front end: every tests/pdf/NAME.pdf with a NAME.truth.json (made by
# tests/pdf/make-pdf.py from NAME.bul, or by tests/matrix/render.py --sources
# tests/pdf/sources --out DIR from sources/NAME.json through a matrix
# template, e.g. p1-water.pdf through t3) must give exactly its articles, titles,
# authors, sections and footnote URLs; records carry pages; stdin works; bad
# PDFs (truncated, encrypted, no text, not a PDF) exit 3 with a message naming
# the file while the other inputs are still processed; check names pages.
# Exits 77 (skipped) when the binary was built without poppler.
set -u
bin=$1
src=$2
. "$src/tests/cli/common.bash"
pdfdir=$src/tests/pdf
if "$bin" "$pdfdir/columns.pdf" 2>&1 >/dev/null | grep -q 'built without the PDF front end'; then
  echo "built without poppler: skipped"
  exit 77
fi

for pdf in "$pdfdir"/*.pdf; do
  truth=${pdf%.pdf}.truth.json
  [ -f "$truth" ] || continue
  name=$(basename "$pdf")
  "$bin" "$pdf" >"$tmp/out.jsonl" || fail "$name: exit status $?"
  python3 "$pdfdir/score-pdf.py" "$truth" "$tmp/out.jsonl" --perfect ||
    fail "$name: articles, authors, sections or URLs wrong"
  # Pages: every record has source.page <= end_page, every entity a page
  # within its record's pages.
  bad=$(jq -c '. as $r | select((.source.page | type) != "number"
          or .source.page > .source.end_page
          or any(.entities[]; .page < $r.source.page or .page > $r.source.end_page))
          | .title' "$tmp/out.jsonl")
  [ -z "$bad" ] || fail "$name: records with wrong pages: $bad"
  # stdin gives the same records (but for source.path).
  "$bin" <"$pdf" | jq -c 'del(.source.path)' >"$tmp/stdin.jsonl"
  jq -c 'del(.source.path)' "$tmp/out.jsonl" | cmp -s - "$tmp/stdin.jsonl" ||
    fail "$name: stdin gives other records than the file"
done
# The records (with their page fields) validate against the schema.
if /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  "$bin" schema >"$tmp/schema.json"
  "$bin" "$pdfdir"/columns.pdf "$pdfdir"/two-sections.pdf >"$tmp/all.jsonl"
  /usr/bin/python3 - "$tmp/schema.json" "$tmp/all.jsonl" <<'PY' || fail "PDF records do not validate against the schema"
import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
v = jsonschema.validators.validator_for(s)(s)
errs = [e.message for line in open(sys.argv[2]) for e in v.iter_errors(json.loads(line))]
print("\n".join(errs[:5]))
sys.exit(1 if errs else 0)
PY
fi
# A multi-page document has records on a later page.
[ "$("$bin" "$pdfdir/two-sections.pdf" | jq -s 'map(.source.end_page) | max')" -ge 2 ] ||
  fail "two-sections.pdf: no record on page 2"

# Bad inputs: exit 3, a message naming the file, the good input still read.
head -c 20000 "$pdfdir/two-sections.pdf" >"$tmp/truncated.pdf"
echo 'just text' >"$tmp/mislabelled.pdf"
# A valid PDF of one page with no text at all (as an image-only scan).
python3 - "$tmp/empty.pdf" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length 0 >>\nstream\n\nendstream"]
out, offs = bytearray(b"%PDF-1.4\n"), []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
x = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
open(sys.argv[1], "wb").write(out)
PY
for bad in truncated.pdf mislabelled.pdf empty.pdf encrypted.pdf; do
  f=$tmp/$bad
  [ "$bad" = encrypted.pdf ] && f=$pdfdir/encrypted.pdf
  rc=0
  "$bin" "$f" "$pdfdir/columns.pdf" >"$tmp/bad.jsonl" 2>"$tmp/err" || rc=$?
  [ "$rc" = 3 ] || fail "$bad: exit status $rc, want 3"
  grep -q "^bulletin-extract: $f: " "$tmp/err" || fail "$bad: no message naming the file: $(cat "$tmp/err")"
  [ "$(jq -r .source.path "$tmp/bad.jsonl" | grep -c columns.pdf)" -ge 4 ] ||
    fail "$bad: the next input was not processed"
done
grep -q encrypted "$tmp/err" || fail "encrypted.pdf: message does not say so"
"$bin" "$tmp/empty.pdf" 2>&1 | grep -q 'no text' || fail "empty.pdf: message does not say there is no text"
# --input-format pdf on a text file, and text on a PDF, do as told.
rc=0; "$bin" --input-format pdf "$src/samples/clean-web.txt" >/dev/null 2>&1 || rc=$?
[ "$rc" = 3 ] || fail "--input-format pdf on text: exit status $rc, want 3"

# check on a PDF: diagnostics carry the page, in text, json, github and SARIF.
"$bin" check --format json "$pdfdir/two-sections.pdf" >"$tmp/check.json" || true
[ -s "$tmp/check.json" ] || fail "check: no diagnostics on two-sections.pdf"
if [ -s "$tmp/check.json" ]; then
  jq -e -s 'all(.[]; (.page | type) == "number" and (.message | test("\\(page [0-9]+\\)$")))' \
    "$tmp/check.json" >/dev/null || fail "check --format json: diagnostics without page"
fi
"$bin" check "$pdfdir/two-sections.pdf" 2>/dev/null | grep -qE '^[^:]+:[0-9]+:[0-9]+: [a-z]+: .*\(page [0-9]+\) \[' ||
  fail "check text format: no 'file:line:col: severity: message (page N) [rule]' line"
# ... and in github and SARIF, in the same form (message ending in "(page N)";
# SARIF also properties.page), on every diagnostic.
"$bin" check --format github "$pdfdir/two-sections.pdf" >"$tmp/check.gh" 2>/dev/null || true
grep -q '^::' "$tmp/check.gh" || fail "check --format github: no diagnostics"
grep '^::' "$tmp/check.gh" | grep -vE '^::[a-z]+ file=[^,]+,line=[0-9]+,col=[0-9]+,title=[a-z.-]+::.*\(page [0-9]+\)$' &&
  fail "check --format github: diagnostics without page"
"$bin" check --format sarif "$pdfdir/two-sections.pdf" >"$tmp/check.sarif" 2>/dev/null || true
jq -e '.runs[0].results | length > 0 and all(.[]; .properties.page as $p
         | ($p | type) == "number" and (.message.text | endswith("(page \($p))")))' \
  "$tmp/check.sarif" >/dev/null || fail "check --format sarif: results without page"

exit $((failures > 0))
