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

# run_measured ARGS...: runs "$bin" ARGS... with stdout in $tmp/out and
# stderr in $tmp/err; sets $rc to its exit status, $secs to its wall-clock
# seconds and $rss to its peak RSS in kB (/usr/bin/time -v), "unmeasured"
# under sanitizers (BULLETIN_SANITIZED=1) or without /usr/bin/time.
run_measured() {
  local start=$SECONDS
  rc=0
  if [ "${BULLETIN_SANITIZED:-0}" = 0 ] && [ -x /usr/bin/time ] &&
     /usr/bin/time -v true >/dev/null 2>&1; then
    /usr/bin/time -v -o "$tmp/time" "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$tmp/time")
    [ -n "$rss" ] || rss=missing
  else
    rss=unmeasured
    "$bin" "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  fi
  secs=$((SECONDS - start))
}

# check_rss NAME MAX_KB: fails unless $rss (from run_measured) is below
# MAX_KB kB or unmeasured.
check_rss() {
  [ "$rss" = unmeasured ] && return
  case $rss in
    *[!0-9]* | '') fail "$1: no max RSS in /usr/bin/time's report" ;;
    *) [ "$rss" -lt "$2" ] || fail "$1: max RSS $rss kB, want < $2 kB" ;;
  esac
}
