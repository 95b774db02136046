#!/usr/bin/env bash
# `check` on the repository's own samples: a copy of each with one defect
# injected (sed) must fail with exit 1 and report the defect's rule at its
# line:col, while the untouched sample does not report it there.
# Usage: bash check_samples.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
samples=$2/samples
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# inject SAMPLE SED_SCRIPT RULE LINE COL [ENCODING]: the defect SED_SCRIPT
# makes is reported as RULE at LINE:COL. The edit is made on the UTF-8 text
# and the copy written back in ENCODING (default UTF-8).
inject() {
  local sample=$1 script=$2 rule=$3 line=$4 col=$5 enc=${6:-UTF-8}
  local copy=$tmp/$sample want
  iconv -f "$enc" -t UTF-8 "$samples/$sample" | sed "$script" |
    iconv -f UTF-8 -t "$enc" >"$copy"
  if cmp -s "$copy" "$samples/$sample"; then
    fail "$sample: the sed script '$script' changed nothing"
    return
  fi
  want="\"line\":$line,\"col\":$col,\"severity\":\"error\",\"rule\":\"$rule\""
  local rc=0
  "$bin" check --format json "$copy" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [[ $rc == 1 ]] || fail "$sample + defect: exit $rc, expected 1"
  if ! grep -qF "$want" "$tmp/out"; then
    fail "$sample + defect: expected $rule at $line:$col; got:"
    sed 's/^/    /' "$tmp/out" >&2
  fi
  rc=0
  "$bin" check --format json "$samples/$sample" >"$tmp/orig" 2>&1 || rc=$?
  if grep -qF "$want" "$tmp/orig"; then
    fail "$sample: $rule at $line:$col even without the defect"
  fi
  [[ $rc != 3 && $rc != 2 ]] || fail "$sample: exit $rc"
}

# A footnote mark with no footnote behind it.
inject clean-web.txt '8s/修订稿，/修订稿1，/' footnote.undefined 8 62
# June has 30 days.
inject traditional.txt '8s/6 月 29 日/6 月 31 日/' date.impossible 8 16
# February 30th in a GB18030 file.
inject gb18030.txt '28s/6 月 9 日/2 月 30 日/' date.impossible 28 9 GB18030
# A footnote URL whose host lost its dots.
inject pdf-layout.txt '135s/money\.udn\.com/money-udn-com/' url.malformed \
  135 3
# A reference-list URL with no host name, in a CRLF file with a BOM.
inject windows-crlf.txt '18s|https://www\.ksia\.or\.kr/|https://ksia/|' \
  url.malformed 18 5

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "check samples: all passed"
