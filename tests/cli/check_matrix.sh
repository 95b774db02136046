#!/usr/bin/env bash
# `check` on the layout matrix (tests/matrix/text): every document there is
# a well-formed bulletin (IRIs in footnotes, footnote numbering that runs on
# through the document, endnotes, two columns), so check reports no error
# and exits 0 on them.
# Usage: bash check_matrix.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
dir=$2/tests/matrix/text
. "$(dirname "${BASH_SOURCE[0]}")/common.bash"

# The documents the segmenter reads right (floors.txt's first group); b5 and
# t5 (issue 15) join when check reports no error on them.
docs=("$dir"/b[1-4].t[1-4].*.txt)
((${#docs[@]} >= 48)) || fail "only ${#docs[@]} matrix documents"
rc=0
"$bin" check "${docs[@]}" >"$tmp/out" 2>"$tmp/err" || rc=$?
if [[ $rc != 0 ]] || grep -q ': error: ' "$tmp/out"; then
  fail "check on the matrix: exit $rc; errors:"
  { grep ': error: ' "$tmp/out" || cat "$tmp/err"; } | sed 's/^/    /' >&2
fi

if ((failures)); then
  echo "$failures check(s) failed" >&2
  exit 1
fi
echo "check on the matrix: ${#docs[@]} documents, no errors"
