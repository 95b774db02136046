#!/usr/bin/env bash
# The layout matrix (tests/matrix/README.md): the checked-in extracted texts of
# bulletins rendered through several templates, scored against their truth;
# every extractor must reach the floors in tests/matrix/floors.txt.
# Usage: bash matrix.sh BINARY SOURCE_DIR
set -euo pipefail
bin=$1
matrix=$2/tests/matrix
mapfile -t floors < <(grep -v '^#' "$matrix/floors.txt" | tr ' ' '\n' | grep .)
python3 "$matrix/score.py" --bin "$bin" "${floors[@]}"
