#!/usr/bin/env bash
# The no-CJK source check can fail: on tests/source/fixture.cc.in it must
# exit 1 and name exactly the lines marked FIND (file:line:col).
#   bash tests/source/no_cjk_fails.sh SOURCE_DIR
set -u
cd "$1" || exit 2
fixture=tests/source/fixture.cc.in
out=$(python3 tests/source/no_cjk.py "$fixture" 2>/dev/null)
rc=$?
if [ "$rc" -ne 1 ]; then
  echo "expected exit 1 on $fixture, got $rc"; exit 1
fi
got=$(printf '%s\n' "$out" | sed -E 's/^([^:]+):([0-9]+):[0-9]+: .*/\1:\2/' | tr '\n' ' ')
want=""
for n in $(grep -n "FIND$" "$fixture" | cut -d: -f1); do want+="$fixture:$n "; done
if [ "$got" != "$want" ]; then
  echo "findings differ"; echo " got: $got"; echo "want: $want"
  printf '%s\n' "$out"; exit 1
fi
# And the source tree itself is clean (the ctest source.no_cjk), while
# src/ plus the fixture is not.
python3 tests/source/no_cjk.py src "$fixture" >/dev/null 2>&1
[ $? -eq 1 ] || { echo "src + fixture: expected exit 1"; exit 1; }
echo "ok: $(printf '%s\n' "$out" | wc -l) findings on the fixture"
