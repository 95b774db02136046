# bash completion for bulletin-extract.
# The options are read from the program's own --help (the same text the man
# page is made from), so this file never lists them a second time.

_bulletin_extract_help() {
  # $1...: the subcommand path ("", "check", "rules test" ...)
  local cmd=${COMP_WORDS[0]}
  # shellcheck disable=SC2086
  "$cmd" $* --help 2>/dev/null
}

_bulletin_extract() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local prev=${COMP_WORDS[COMP_CWORD-1]}
  local path=() w i
  # The subcommand path typed so far: words before the cursor that name a
  # subcommand listed by the --help of the path before them.
  for ((i = 1; i < COMP_CWORD; i++)); do
    w=${COMP_WORDS[i]}
    [[ $w == -* ]] && continue
    if _bulletin_extract_help "${path[@]}" | sed -n '/^Subcommands:/,/^$/p' |
        awk '{print $1}' | grep -qx -- "$w"; then
      path+=("$w")
    fi
  done
  local help
  help=$(_bulletin_extract_help "${path[@]}")
  # Values listed in the help as TEXT:{a,b,c} complete after their option.
  if [[ $prev == --* ]]; then
    local line choices
    line=$(printf '%s\n' "$help" | grep -E -- "(^|[ ,])$prev " | head -n 1)
    if [[ $line == *:\{*\}* ]]; then
      choices=${line#*:\{}
      choices=${choices%%\}*}
      mapfile -t COMPREPLY < <(compgen -W "${choices//,/ }" -- "$cur")
      return
    fi
    # An option that takes a value has a type word after its names.
    case $(printf '%s\n' "$line" | awk '{print $2}') in
      *:DIR) mapfile -t COMPREPLY < <(compgen -d -- "$cur"); return ;;
      TEXT*|INT*|*:FILE) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    esac
  fi
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(printf '%s\n' "$help" |
      grep -oE -- '(^|[ ,])--?[A-Za-z][A-Za-z-]*' | tr -d ' ,' | sort -u)" -- "$cur")
    return
  fi
  local subs
  subs=$(printf '%s\n' "$help" | sed -n '/^Subcommands:/,/^$/p' | awk 'NR > 1 && NF {print $1}')
  # Files only where the command takes positional arguments.
  mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur"
    [[ $help == *Positionals:* ]] && compgen -f -- "$cur")
}
complete -o filenames -F _bulletin_extract bulletin-extract
