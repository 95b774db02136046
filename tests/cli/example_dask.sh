#!/usr/bin/env bash
# examples/dask_extract.py (a Dask LocalCluster of two worker processes,
# each piping its partitions through the binary) writes the records of one
# serial run, record for record. Exits 77 (skipped) when /usr/bin/python3
# lacks dask.distributed (Debian: python3-distributed) or jq is absent.
#
#   bash tests/cli/example_dask.sh BINARY SOURCE_DIR
set -u
bin=$1
src=$(cd "$2" && pwd)
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
. "$(dirname "$0")/common.bash"
/usr/bin/python3 -c 'import dask.bag, dask.distributed' 2>/dev/null ||
  { echo "python3-distributed missing: skipped"; exit 77; }
command -v jq >/dev/null || { echo "jq missing: skipped"; exit 77; }
. "$(dirname "$0")/scale_common.bash"
# The workers' scratch space stays in $tmp.
(cd "$tmp" && DASK_TEMPORARY_DIRECTORY=$tmp timeout 300 /usr/bin/python3 \
   "$src/examples/dask_extract.py" --binary "$bin" --workers 2 --partitions 5 \
   "$tmp/docs.jsonl" -- --keep-fields n) >"$tmp/dask.out" 2>"$tmp/dask.err" ||
  { fail "examples/dask_extract.py: exit $?"; tail -n 20 "$tmp/dask.err" >&2; }
same_as_serial "$tmp/dask.out" "examples/dask_extract.py"
[ "$failures" -eq 0 ] && echo "example_dask: all passed"
exit $((failures > 0))
