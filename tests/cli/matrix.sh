#!/usr/bin/env bash
# The layout matrix (tests/matrix/README.md): the checked-in extracted texts of
# bulletins rendered through several templates, scored against their truth;
# every extractor must reach the floors in tests/matrix/floors.txt, one group
# of floors per set of documents (a line "[GLOB ...]" opens a group: the
# DOC.TPL globs it holds for). Further arguments go to every score.py run
# (.ci/run: --pdf-dir DIR --only pdf, the PDF front end on the PDFs).
# Usage: bash matrix.sh BINARY SOURCE_DIR [SCORE_ARGS ...]
set -euo pipefail
set -f
bin=$1
matrix=$2/tests/matrix
shift 2
status=0
docs=()
floors=()
run_group() {
  if ((${#floors[@]})); then
    echo "== documents ${docs[*]:-(all)}"
    python3 "$matrix/score.py" --bin "$bin" "$@" ${docs[@]+--docs "${docs[@]}"} \
      "${floors[@]}" || status=1
  fi
}
while read -r line; do
  case $line in
    '#'* | '') ;;
    '['*']')
      run_group "$@"
      line=${line#[}
      read -r -a docs <<<"${line%]}"
      floors=()
      ;;
    *)
      read -r -a words <<<"$line"
      floors+=("${words[@]}")
      ;;
  esac
done <"$matrix/floors.txt"
run_group "$@"
exit $status
