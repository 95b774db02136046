#!/usr/bin/env bash
# Every example of README.md runs and works, read from README.md at test
# time so that the two cannot drift apart:
# - each command of each ```sh block runs with exit status 0 (1 too for
#   `check`, which exits 1 on findings) and prints something, unless it
#   writes to a file or says it prints nothing (recipe 9);
# - a ``` block right after an ```sh block is the output of its last
#   command, and a ``` block of `$ COMMAND` lines followed by output is
#   that command's output: both must match exactly.
# Blocks that install, build or benchmark (apt-get, cmake, cpack, bench/)
# are left to .ci/run and tests/cli/install.sh.
#
# The commands run in a scratch directory holding the files they name
# (issue.txt and issues/*.txt from samples/, a GB18030 old-issue.txt, a
# JSON Lines export, a gzipped dump, headlines), with `bulletin-extract`
# and `build/bulletin-extract` both the binary under test.
#
#   bash tests/cli/readme_examples.sh BINARY SOURCE_DIR
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$1
src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
src=$(cd "$src" && pwd)
. "$here/common.bash"
command -v jq >/dev/null || { echo "readme_examples: jq not installed: skipped"; exit 77; }

work=$tmp/work
mkdir -p "$work/build" "$work/issues" "$tmp/bin"
ln -s "$bin" "$work/build/bulletin-extract"
ln -s "$bin" "$tmp/bin/bulletin-extract"
printf '#!/bin/sh\nexec cat "$@"\n' >"$tmp/bin/less"
chmod +x "$tmp/bin/less"
samples=("$src"/samples/*.txt)
cp "${samples[0]}" "$work/issue.txt"
cp "${samples[@]:0:3}" "$work/issues/"
cp "${samples[1]}" "$work/2023-01.txt"
cp "${samples[2]}" "$work/2023-02.txt"
python3 - "$work" <<'PY'
import gzip, json, sys
w = sys.argv[1]
text = open(f"{w}/issue.txt", encoding="utf-8").read()
open(f"{w}/old-issue.txt", "wb").write(text.encode("gb18030"))
lines = [l for l in text.splitlines() if len(l.strip()) > 12][:6]
open(f"{w}/headlines.txt", "w", encoding="utf-8").write("\n".join(lines) + "\n")
with open(f"{w}/export.jsonl", "w", encoding="utf-8") as f:
    for i, l in enumerate(lines):
        f.write(json.dumps({"id": i + 1, "text": l, "lang": "zh", "url": f"https://example.org/{i}"},
                           ensure_ascii=False) + "\n")
with gzip.open(f"{w}/dump.json.gz", "wt", encoding="utf-8") as f:
    for i, l in enumerate(lines):
        f.write(json.dumps({"doc_id": f"d{i}", "body": l}, ensure_ascii=False) + "\n")
PY

# The examples, as NUL-separated records: KIND, then the command, then the
# expected output (KIND run: none; exact: the lines to match).
python3 - "$src/README.md" >"$tmp/examples" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read().split("\n")
blocks = []  # (lang, first line number, lines, blank-only lines before next)
i = 0
while i < len(text):
    m = re.match(r"^```(\w*)\s*$", text[i])
    if not m:
        i += 1
        continue
    j = i + 1
    while j < len(text) and not text[j].startswith("```"):
        j += 1
    blocks.append((m.group(1), i + 1, text[i + 1:j], j))
    i = j + 1
skip = re.compile(r"apt-get|\bcmake\b|\bcpack\b|bench/")
def commands(lines):
    """Logical commands: a line goes on while a single quote is open or
    the next line starts with a pipe."""
    out, cur, nl = [], [], None
    for n, l in enumerate(lines):
        if not cur and (not l.strip() or l.lstrip().startswith("#")):
            if l.lstrip().startswith("#"):
                nl = (nl or "") + l
            continue
        cur.append(l)
        body = "\n".join(cur)
        nxt = lines[n + 1] if n + 1 < len(lines) else ""
        if body.count("'") % 2 == 0 and not nxt.lstrip().startswith("|"):
            out.append((body, nl))
            cur, nl = [], None
    return out
def emit(*fields):
    sys.stdout.write("\0".join(fields) + "\0")
for k, (lang, line, lines, end) in enumerate(blocks):
    if lang == "sh":
        body = "\n".join(lines)
        if skip.search(body):
            continue
        cmds = commands(lines)
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        follows = (nxt and nxt[0] == "" and
                   all(not t.strip() for t in text[end + 1:nxt[1] - 1]))
        for n, (c, comment) in enumerate(cmds):
            kind = "run"
            if comment and "prints nothing" in comment:
                kind = "empty"
            expect = ""
            if follows and n == len(cmds) - 1:
                kind, expect = "exact", "\n".join(nxt[2])
            emit(kind, f"README.md:{line}", c, expect)
    elif lang == "" and lines and lines[0].startswith("$ "):
        emit("exact", f"README.md:{line}", lines[0][2:], "\n".join(lines[1:]))
PY

n=0
while IFS= read -r -d '' kind && IFS= read -r -d '' where &&
      IFS= read -r -d '' cmd && IFS= read -r -d '' expect; do
  n=$((n + 1))
  (cd "$work" && PATH="$tmp/bin:$PATH" bash -o pipefail -c "$cmd") >"$tmp/out" 2>"$tmp/err"
  status=$?
  short=$(printf '%s' "$cmd" | head -n 1 | cut -c1-90)
  ok_status=0
  [[ $cmd == *" check "* && $status -eq 1 ]] && ok_status=1
  if [ "$status" -ne 0 ] && [ "$ok_status" -ne 1 ]; then
    fail "$where: '$short': exit status $status"
    sed 's/^/    /' "$tmp/err" | head -n 5 >&2
    continue
  fi
  case $kind in
    exact)
      if [ "$(cat "$tmp/out")" != "$expect" ]; then
        fail "$where: '$short': output differs from README.md"
        diff <(printf '%s\n' "$expect") "$tmp/out" | head -n 10 >&2
      fi ;;
    empty)
      [ -s "$tmp/out" ] && fail "$where: '$short': printed $(wc -l <"$tmp/out") lines, says it prints nothing" ;;
    run)
      # A command whose output goes to a file must have made it; a check,
      # a validation or a mkdir may print nothing; any other must print.
      target=
      if [[ $cmd =~ \>\ *([A-Za-z0-9._/-]+)[[:space:]]*$ ]]; then
        target=${BASH_REMATCH[1]}
      elif [[ $cmd =~ \ -o\ +([A-Za-z0-9._/-]+) ]]; then
        target=${BASH_REMATCH[1]}
      fi
      if [ -n "$target" ]; then
        [ -s "$work/$target" ] || fail "$where: '$short': $target not written"
      elif [[ $cmd == mkdir* ]]; then
        :
      elif [[ $cmd == *" check "* || $cmd == *jsonschema.validate* ]]; then
        :
      elif [ ! -s "$tmp/out" ]; then
        fail "$where: '$short': printed nothing"
      fi ;;
  esac
done <"$tmp/examples"
[ "$n" -ge 20 ] || fail "only $n examples found in README.md"
[ "$failures" -eq 0 ] && echo "readme_examples: $n examples, all passed"
exit $((failures > 0))
