# bash completion for eegtrack. It asks the installed eegtrack for its subcommands and options
# (`eegtrack --help`, `eegtrack SUBCOMMAND --help`), so it follows the program it completes.
_eegtrack() {
  local cur=${COMP_WORDS[COMP_CWORD]} sub="" word
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    [[ $word != -* ]] && { sub=$word; break; }
  done
  if [[ -z $sub ]]; then
    local subs
    subs=$(eegtrack --help 2>/dev/null | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}')
    COMPREPLY=($(compgen -W "$subs --help --version" -- "$cur"))
  elif [[ $cur == -* ]]; then
    local opts
    opts=$(eegtrack "$sub" --help 2>/dev/null | grep -oE -- '--[a-z0-9][a-z0-9-]*' | sort -u)
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _eegtrack eegtrack
