#!/usr/bin/env bash
# The figure forms of tests/forms/*.tsv, one sentence per line, checked
# through `bulletin-extract rules test` (every candidate, kept or dropped,
# with its normalised fields).
#
#   bash tests/cli/forms.sh BINARY SOURCE_DIR
#
# A case line is SENTENCE<TAB>EXPECTATION[<TAB>EXPECTATION...]; an
# expectation is one of
#   TYPE 'TEXT' KEY=VALUE ...   an entity of TYPE with exactly this text was
#                               kept, with these normalised fields (VALUE as
#                               printed: 12.5, "USD", true)
#   !TYPE 'TEXT'                no entity of TYPE with this text was kept
#   !TYPE                       no entity of TYPE was kept in the sentence
# Blank lines and lines starting with # are comments.
set -u
bin=$1
src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
cd "$src" || exit 1
if ! command -v python3 >/dev/null 2>&1; then
  echo "forms: python3 not found; skipped"
  exit 0
fi
python3 - "$bin" tests/forms/*.tsv <<'PY'
import re, subprocess, sys, tempfile, os
bin_, files = sys.argv[1], sys.argv[2:]
failures = 0
for path in files:
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 2:
                print(f"FAIL: {path}:{n}: no expectation", file=sys.stderr)
                failures += 1
                continue
            cases.append((n, cols[0], cols[1:]))
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as t:
        t.write("".join(c[1] + "\n" for c in cases))
    out = subprocess.run([bin_, "rules", "test", t.name], capture_output=True, text=True)
    os.unlink(t.name)
    if out.returncode != 0:
        print(f"FAIL: {path}: rules test exited {out.returncode}: {out.stderr[:300]}", file=sys.stderr)
        failures += 1
        continue
    kept = {}  # input line -> [(type, text, fields)]
    pat = re.compile(r"^.*?:(\d+): (\w+)\.\S+ kept '(.*)'(?: (.*))?$")
    for l in out.stdout.splitlines():
        m = pat.match(l)
        if m:
            kept.setdefault(int(m.group(1)), []).append((m.group(2), m.group(3), " " + (m.group(4) or "") + " "))
    for i, (n, sentence, exps) in enumerate(cases, 1):
        got = kept.get(i, [])
        for x in exps:
            m = re.match(r"^(!?)(\w+)(?: '([^']*)')?((?: \S+=\S+)*)$", x.strip())
            if not m:
                print(f"FAIL: {path}:{n}: bad expectation {x!r}", file=sys.stderr)
                failures += 1
                continue
            neg, typ, text, fields = m.groups()
            hits = [g for g in got if g[0] == typ and (text is None or g[1] == text)]
            if neg:
                ok = not hits
            else:
                ok = any(all(f" {kv} " in g[2] for kv in fields.split()) for g in hits)
            if not ok:
                failures += 1
                print(f"FAIL: {path}:{n}: {sentence}\n    expected {x}\n    got " +
                      ("; ".join(f"{g[0]} '{g[1]}'{g[2].rstrip()}" for g in got) or "nothing"), file=sys.stderr)
print(f"forms: {failures} failure(s)")
sys.exit(1 if failures else 0)
PY
