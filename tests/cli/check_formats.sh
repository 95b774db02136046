#!/usr/bin/env bash
# `check` output formats (text, json, github, sarif), exit statuses (0, 1,
# 2 usage, 3 unreadable input), rule selection (--disable, --enable,
# --config) and --years, on the tests/check inputs.
# Usage: bash check_formats.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
dir=$2/tests/check
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"
bad=$dir/url-malformed.bad.txt  # two url.malformed errors: 10:8 and 14:3
warn=$dir/article-no-byline.bad.txt  # one warning at 6:1

# run ARGS...: `check ARGS` into $tmp/out and $tmp/err; sets $rc.
run() {
  rc=0
  "$bin" check "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
}

expect_rc() {
  [[ $rc == "$1" ]] || {
    fail "$2: exit $rc, expected $1"
    sed 's/^/    /' "$tmp/err" >&2
  }
}

expect_line() {  # expect_line FIXED-STRING WHAT: a line of $tmp/out is it
  grep -qxF -- "$1" "$tmp/out" || {
    fail "$2: no line '$1' in:"
    sed 's/^/    /' "$tmp/out" >&2
  }
}

# --- text
run "$bad"
expect_rc 1 "text"
expect_line "$bad:10:8: error: malformed URL (no host with a dot): http://commerce/chips-guidance [url.malformed]" "text"
grep -q '^2 errors, 0 warnings$' "$tmp/err" || fail "text: no summary on stderr"
run "$warn"
expect_rc 0 "a warning alone"
run --strict "$warn"
expect_rc 1 "--strict with a warning"

# --- json: one object per line with exactly these fields.
run --format json "$bad" "$warn"
expect_rc 1 "json"
python3 - "$tmp/out" "$bad" "$warn" <<'EOF' || fail "json: see above"
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
keys = ["file", "line", "col", "severity", "rule", "message"]
assert all(list(r) == keys for r in rows), rows
got = [(r["file"], r["line"], r["col"], r["severity"], r["rule"]) for r in rows]
want = [(sys.argv[2], 10, 8, "error", "url.malformed"),
        (sys.argv[2], 14, 3, "error", "url.malformed"),
        (sys.argv[3], 6, 1, "warning", "article.no-byline")]
assert got == want, got
EOF

# --- github workflow commands
run --format github "$bad" "$warn"
expect_rc 1 "github"
expect_line "::error file=$bad,line=10,col=8,title=url.malformed::malformed URL (no host with a dot): http://commerce/chips-guidance" "github"
expect_line "::warning file=$warn,line=6,col=1,title=article.no-byline::article has no byline: 美国商务部发布芯片补贴申请指南" "github"
[[ $(wc -l <"$tmp/out") == 3 ]] || fail "github: expected 3 lines"
# Property values escape ':' and ',' (a file name with a comma).
cp "$warn" "$tmp/a,b.txt"
run --format github "$tmp/a,b.txt"
grep -qF "::warning file=$tmp/a%2Cb.txt,line=6,col=1,title=article.no-byline::" \
  "$tmp/out" || fail "github: comma in a file name not escaped"

# --- sarif
run --format sarif "$bad" "$warn" "$dir/clean.txt"
expect_rc 1 "sarif"
python3 - "$tmp/out" "$bad" "$warn" <<'EOF' || fail "sarif: see above"
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
assert log["version"] == "2.1.0", log["version"]
assert "sarif" in log["$schema"], log["$schema"]
run = log["runs"][0]
driver = run["tool"]["driver"]
assert driver["name"] == "bulletin-extract" and driver["version"], driver
ids = [r["id"] for r in driver["rules"]]
assert "url.malformed" in ids and "date.out-of-range" in ids, ids
assert all(r["shortDescription"]["text"] for r in driver["rules"])
results = run["results"]
assert len(results) == 3, results
for r in results:
    assert r["ruleId"] and r["level"] in ("error", "warning"), r
    assert r["message"]["text"], r
    assert ids[r["ruleIndex"]] == r["ruleId"], r
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"], loc
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
first = results[0]
assert first["ruleId"] == "url.malformed" and first["level"] == "error"
assert first["locations"][0]["physicalLocation"]["region"] == {
    "startLine": 10, "startColumn": 8}, first
assert first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] \
    == sys.argv[2], first
last = results[2]
assert (last["ruleId"], last["level"]) == ("article.no-byline", "warning")
EOF
run --format sarif "$dir/clean.txt"
expect_rc 0 "sarif, no findings"
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["runs"][0]["results"] == []' \
  "$tmp/out" || fail "sarif: clean input should give an empty results list"

# --- usage errors: exit 2 with a message
run --disable no.such-rule "$bad"
expect_rc 2 "--disable unknown"
grep -q "no.such-rule" "$tmp/err" || fail "--disable unknown: no message"
run --enable nope "$bad"
expect_rc 2 "--enable unknown"
for years in 2100..1900 abc 1900.. ..2100; do
  run --years "$years" "$bad"
  expect_rc 2 "--years $years"
done
run --format xml "$bad"
expect_rc 2 "--format xml"
printf '# comment\ndisable url.malformed\nenable no.such-rule\n' >"$tmp/cfg"
run --config "$tmp/cfg" "$bad"
expect_rc 2 "config with an unknown rule"
grep -qF "$tmp/cfg:3:8: unknown rule 'no.such-rule'" "$tmp/err" ||
  fail "config: message should name file:line:col and the rule"
printf 'silence url.malformed\n' >"$tmp/cfg"
run --config "$tmp/cfg" "$bad"
expect_rc 2 "config with an unknown directive"
run --config "$tmp/no-such-config" "$bad"
expect_rc 2 "missing config file"
run
expect_rc 2 "no input file"

# --- rule selection
printf '# release checks\n\ndisable url.malformed   # known\ndisable article.no-byline\n' \
  >"$tmp/cfg"
run --config "$tmp/cfg" "$bad" "$warn"
expect_rc 0 "config disables"
[[ ! -s $tmp/out ]] || fail "config disables: still reported: $(cat "$tmp/out")"
run --config "$tmp/cfg" --enable url.malformed "$bad"
expect_rc 1 "--enable after config"
run --disable url.malformed --format json "$bad"
expect_rc 0 "--disable"
run --disable url.malformed --disable article.no-byline --strict "$bad" "$warn"
expect_rc 0 "--disable twice"

# --- unreadable input: reported, the others still checked, exit 3
run "$tmp/missing.txt" "$bad"
expect_rc 3 "unreadable input"
grep -q "missing.txt" "$tmp/err" || fail "unreadable input: not named"
grep -q "url.malformed" "$tmp/out" || fail "unreadable input: others skipped"

# --- stdin, --years
run - <"$bad"
expect_rc 1 "stdin"
expect_line "-:10:8: error: malformed URL (no host with a dot): http://commerce/chips-guidance [url.malformed]" "stdin"
run --years 2000..2100 "$dir/date-out-of-range.good.txt"
expect_rc 0 "--years"
grep -q ":8:8: warning: year 1950 outside 2000..2100: 1950 年 \[date.out-of-range\]" \
  "$tmp/out" || fail "--years 2000..2100: 1950 not reported"

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "check formats: all passed"
