#!/usr/bin/env bash
# cmake --install and the .deb: the binary, man page, bash and zsh completion
# and docs land where they should, the installed binary works without the
# build tree, the man page and completion follow --help, and the .deb
# depends on the shared libraries the binary links.
#
#   bash tests/cli/install.sh BINARY SOURCE_DIR
# Exits 77 (skipped) when the build has no man page (help2man missing).
set -u
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
bin=$1
src=$2
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
build=$(dirname "$bin")
cd "$src" || exit 1
if [ ! -f "$build/bulletin-extract.1" ]; then
  echo "install: no man page in $build (help2man not installed); skipped"
  exit 77
fi
. "$here/common.bash"
sample=$(ls samples/*.txt | head -n 1)

prefix=$tmp/prefix
if ! cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
  fail "cmake --install failed"; cat "$tmp/install.log" >&2; exit 1
fi
for f in bin/bulletin-extract share/man/man1/bulletin-extract.1.gz \
         share/bash-completion/completions/bulletin-extract \
         share/zsh/vendor-completions/_bulletin-extract \
         share/doc/bulletin-extract/README.md share/doc/bulletin-extract/RULES.md \
         share/doc/bulletin-extract/LICENSE; do
  [ -f "$prefix/$f" ] || fail "not installed: $f"
done

# The installed binary, run from elsewhere, writes what the build's writes.
(cd "$tmp" && "$prefix/bin/bulletin-extract" "$src/$sample") >"$tmp/installed.jsonl" 2>/dev/null ||
  fail "installed binary failed on $sample"
(cd "$tmp" && "$bin" "$src/$sample") >"$tmp/built.jsonl" 2>/dev/null
cmp -s "$tmp/installed.jsonl" "$tmp/built.jsonl" || fail "installed binary's output differs"
[ -s "$tmp/installed.jsonl" ] || fail "installed binary wrote nothing"

# The man page is the --help text: every long option of every command is in it.
man_text=$(gzip -dc "$prefix/share/man/man1/bulletin-extract.1.gz" | sed 's/\\-/-/g')
for cmd in "" check "rules test" "rules list"; do
  # shellcheck disable=SC2086
  for opt in $("$bin" $cmd --help | grep -oE -- '--[a-z][a-z-]+' | sort -u); do
    case $man_text in *"$opt"*) ;; *) fail "man page lacks $cmd $opt" ;; esac
  done
done
case $man_text in *"bulletin-extract check"*) ;; *) fail "man page has no check section" ;; esac
gzip -dc "$prefix/share/man/man1/bulletin-extract.1.gz" | grep -q '^\.SH' || fail "man page has no sections"

# Bash completion, from the installed file, with the installed binary.
comp() {
  PATH="$prefix/bin:$PATH" bash -c '
    . "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _bulletin_extract
    printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/bulletin-extract" "$@"
}
[ "$(comp bulletin-extract ch)" = check ] || fail "completion: 'ch' does not give check"
[ "$(comp bulletin-extract check --format "" | tr '\n' ' ')" = "text json github sarif " ] ||
  fail "completion: check --format values: $(comp bulletin-extract check --format "" | tr '\n' ' ')"
comp bulletin-extract check --st | grep -qx -- --strict || fail "completion: check --st"
[ "$(comp bulletin-extract rules "" | tr '\n' ' ')" = "list test " ] || fail "completion: rules subcommands"
comp bulletin-extract --enc | grep -qx -- --encoding || fail "completion: --enc"

# The .deb (needs cpack's DEB generator tools: dpkg-deb, dpkg-shlibdeps).
if command -v dpkg-deb >/dev/null && command -v dpkg-shlibdeps >/dev/null; then
  if cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/deb" >"$tmp/cpack.log" 2>&1; then
    deb=$(ls "$tmp"/deb/*.deb 2>/dev/null | head -n 1)
    if [ -z "$deb" ]; then
      fail "cpack made no .deb"
    else
      deps=$(dpkg-deb -f "$deb" Depends)
      for lib in libre2 libicu libstdc++6; do
        case $deps in *"$lib"*) ;; *) fail ".deb Depends lacks $lib: $deps" ;; esac
      done
      dpkg-deb -c "$deb" >"$tmp/deb.list"
      grep -q './usr/bin/bulletin-extract$' "$tmp/deb.list" || fail ".deb lacks /usr/bin/bulletin-extract"
      grep -q 'man1/bulletin-extract.1.gz' "$tmp/deb.list" || fail ".deb lacks the man page"
      dpkg-deb -x "$deb" "$tmp/root"
      (cd "$tmp" && "$tmp/root/usr/bin/bulletin-extract" "$src/$sample") 2>/dev/null | cmp -s - "$tmp/built.jsonl" ||
        fail "the .deb's binary writes other output"
    fi
  else
    fail "cpack failed"; tail -20 "$tmp/cpack.log" >&2
  fi
else
  echo "install: dpkg-deb or dpkg-shlibdeps missing: .deb not tested"
fi

[ "$failures" -eq 0 ] && echo "install: all passed"
exit $((failures > 0))
