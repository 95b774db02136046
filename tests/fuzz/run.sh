#!/bin/sh
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for a
# bounded time, seeded from samples/ (and tests/regress/inputs/).
#   tests/fuzz/run.sh [SECONDS_PER_TARGET [BUILD_DIR]]
# Default 30 s per target. A long local run: tests/fuzz/run.sh 1200
# Exit status: 0 when no target found a crash, 1 otherwise (the crashing
# input is left in BUILD_DIR/fuzz-artifacts/).
set -eu
SECS=${1:-30}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${2:-$SRC/build-fuzz}
CXX=${FUZZ_CXX:-clang++-14}
CC=${FUZZ_CC:-clang-14}
LAUNCH=
command -v ccache >/dev/null 2>&1 && LAUNCH=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_C_COMPILER="$CC" $LAUNCH \
  -DBULLETIN_FUZZ=ON -DBULLETIN_TESTS=OFF -DBULLETIN_PDF=OFF >/dev/null
TARGETS="pipeline rules numeral date"
for t in $TARGETS; do
  cmake --build "$BUILD" -j2 --target fuzz_$t >/dev/null
done
mkdir -p "$BUILD/fuzz-artifacts"
status=0
for t in $TARGETS; do
  corpus="$BUILD/fuzz-corpus/$t"
  mkdir -p "$corpus"
  case $t in
    pipeline|date) seeds="$SRC/samples $SRC/tests/regress/inputs" ;;
    rules) seeds="$SRC/tests/fuzz/seeds/rules" ;;
    numeral) seeds="$SRC/tests/fuzz/seeds/numeral" ;;
  esac
  echo "fuzz_$t: ${SECS}s"
  # -rss_limit_mb: the pipeline's own memory ceiling is part of what is
  # checked; -timeout: a single input taking longer is a finding.
  if ! "$BUILD/tests/fuzz/fuzz_$t" -max_total_time="$SECS" -timeout=60 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$BUILD/fuzz-artifacts/$t-" "$corpus" $seeds \
      2>"$BUILD/fuzz-$t.log"; then
    echo "fuzz_$t: FAILED (see $BUILD/fuzz-$t.log)"; status=1
  fi
  grep -E '^stat::number_of_executed_units|cov:' "$BUILD/fuzz-$t.log" | tail -n 2
done
exit $status
