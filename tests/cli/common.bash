# Shared by the CLI test scripts (sourced, not run: ctest runs tests/cli/*.sh):
# a temporary directory $tmp removed on exit; fail MESSAGE, which reports
# a failure on stderr and counts it in $failures; enter_source BINARY
# SOURCE_DIR, which sets $bin (made absolute) and $src and enters $src.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

enter_source() {
  bin=$1
  src=$2
  case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
  cd "$src"
}
