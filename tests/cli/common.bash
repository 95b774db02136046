# Shared by the CLI test scripts (sourced, not run: ctest runs tests/cli/*.sh):
# a temporary directory $tmp removed on exit, and fail MESSAGE, which reports
# a failure on stderr and counts it in $failures.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}
