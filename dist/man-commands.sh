#!/bin/sh
# Writes a help2man include section [COMMANDS] holding each subcommand's own
# --help, so the man page carries every option of every command, from the
# same text the program prints.  Usage: man-commands.sh BINARY OUT
bin=$1
out=$2
{
  echo '[COMMANDS]'
  for c in extract check schema "rules list" "rules test"; do
    echo ".SS bulletin-extract $c"
    echo '.nf'
    # shellcheck disable=SC2086
    "$bin" $c --help | sed -e 's/\\/\\e/g' -e 's/^/\\\&/'
    echo '.fi'
  done
} >"$out"
