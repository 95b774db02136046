#!/bin/sh
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each one,
# seeded from samples/ (and tests/regress/inputs/).
#   tests/fuzz/run.sh [BUILD_DIR]              the CI step: deterministic
#   tests/fuzz/run.sh --time SECS [BUILD_DIR]  a long run: SECS per target
# Deterministic mode (the default, what .ci/run runs): each target makes a
# fixed number of executions (FUZZ_RUNS_<target>, below) from a fixed
# -seed (FUZZ_SEED, 1), starting from the seed corpora alone (a fresh
# corpus directory each time), so a pass here is a pass in CI. About 3 min
# in all on 2 cores.
# Wall-time mode (--time): each target for SECS seconds; the corpus grows
# across runs in BUILD_DIR/fuzz-corpus/TARGET.
# FUZZ_TARGETS picks targets (default "pipeline rules numeral date").
# Exit status: 0 when no target found a crash, 1 otherwise. A crash prints
# its summary (the sanitizer or libFuzzer SUMMARY line, the invariant
# messages, the path of the crashing input in BUILD_DIR/fuzz-artifacts/).
set -eu
SECS=
if [ "${1:-}" = --time ]; then
  SECS=${2:?--time needs SECONDS}
  shift 2
fi
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$SRC/build-fuzz}
SEED=${FUZZ_SEED:-1}
# Executions per target in deterministic mode (the rule loader reloads
# every rule file per execution: about one a second).
: "${FUZZ_RUNS_pipeline:=400}" "${FUZZ_RUNS_date:=400}"
: "${FUZZ_RUNS_rules:=40}" "${FUZZ_RUNS_numeral:=200000}"
CXX=${FUZZ_CXX:-clang++-14}
CC=${FUZZ_CC:-clang-14}
LAUNCH=
command -v ccache >/dev/null 2>&1 && LAUNCH=-DCMAKE_CXX_COMPILER_LAUNCHER=ccache
cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_C_COMPILER="$CC" $LAUNCH \
  -DBULLETIN_FUZZ=ON -DBULLETIN_TESTS=OFF -DBULLETIN_PDF=OFF >/dev/null
TARGETS=${FUZZ_TARGETS:-pipeline rules numeral date}
for t in $TARGETS; do
  cmake --build "$BUILD" -j2 --target fuzz_$t >/dev/null
done
mkdir -p "$BUILD/fuzz-artifacts"
status=0
for t in $TARGETS; do
  case $t in
    pipeline|date) seeds="$SRC/samples $SRC/tests/regress/inputs" ;;
    rules) seeds="$SRC/tests/fuzz/seeds/rules" ;;
    numeral) seeds="$SRC/tests/fuzz/seeds/numeral" ;;
    *) echo "run.sh: unknown target $t" >&2; exit 2 ;;
  esac
  log="$BUILD/fuzz-$t.log"
  if [ -n "$SECS" ]; then
    corpus="$BUILD/fuzz-corpus/$t"
    mkdir -p "$corpus"
    budget="-max_total_time=$SECS"
    echo "fuzz_$t: ${SECS} s"
  else
    corpus=$(mktemp -d "${TMPDIR:-/tmp}/bulletin-fuzz-corpus.XXXXXX")
    runs=$(eval echo "\$FUZZ_RUNS_$t")
    # -reload=0: the corpus is not re-read from disk on a timer.
    budget="-runs=$runs -seed=$SEED -reload=0"
    echo "fuzz_$t: $runs executions, -seed=$SEED"
  fi
  # -rss_limit_mb: the pipeline's own memory ceiling is part of what is
  # checked; -timeout: a single input taking longer is a finding.
  if ! "$BUILD/tests/fuzz/fuzz_$t" $budget -timeout=60 \
      -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$BUILD/fuzz-artifacts/$t-" "$corpus" $seeds \
      2>"$log"; then
    status=1
    echo "fuzz_$t: FAILED"
    # The finding, for the CI log: what the sanitizer or libFuzzer says,
    # the invariant messages, where the input is.
    grep -E '^(==[0-9]+==ERROR|SUMMARY:|invariant:|ALARM:)|Test unit written to|^artifact_prefix' \
      "$log" | head -n 20 | sed 's/^/  /'
    grep -qE '^SUMMARY:|^invariant:|Test unit written to' "$log" ||
      tail -n 20 "$log" | sed 's/^/  /'
    echo "  full log: $log"
  fi
  grep -E '^stat::number_of_executed_units|cov:' "$log" | tail -n 2
  [ -n "$SECS" ] || rm -rf "$corpus"
done
exit $status
