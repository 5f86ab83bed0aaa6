# cmake --install into a scratch prefix: binaries, schemas and corpus, man pages, completions;
# the installed tools find their data under the prefix; the bash, zsh and fish completions complete.
. "$(dirname "$0")/../support/cli.sh"
build_dir=$(dirname "$EVIDEX_BIN")
prefix="$SCRATCH/prefix"

run cmake --install "$build_dir" --prefix "$prefix"
expect_code 0 "cmake --install"
for f in bin/evidex-index bin/evidex-query share/evidex/schemas/designs.tsv share/evidex/schemas/audit.schema.json \
         share/evidex/corpus/README.md share/man/man1/evidex-index.1 share/man/man1/evidex-query.1 \
         share/man/man5/evidex-schema.5 share/man/man7/evidex-shards.7 \
         share/bash-completion/completions/evidex-index share/bash-completion/completions/evidex-query \
         share/zsh/site-functions/_evidex-index share/fish/vendor_completions.d/evidex-query.fish; do
  [ -e "$prefix/$f" ] || fail "not installed: $f"
done

# The installed tools read the installed data: a corpus cut down to its Crossref records proves it.
rm -rf "$prefix/share/evidex/corpus/pubmed"
mkdir "$prefix/share/evidex/corpus/pubmed"
crossref=$(ls "$EVIDEX_SOURCE_DIR"/corpus/crossref/*.json | wc -l)
run "$prefix/bin/evidex-index" corpus
expect_code 0 "the installed evidex-index"
expect_contains "$err" "$crossref read" "read the installed corpus, not the source tree's"
run "$prefix/bin/evidex-query" search magnesium --limit 1 --format json
expect_code 0 "the installed evidex-query finds its schemas"

run man -l "$prefix/share/man/man5/evidex-schema.5"
expect_code 0 "man -l evidex-schema.5"
expect_contains "$out" "evidex-schema - the Evidex index and the citation audit" "the page's NAME"

# bash: the generated function completes commands and a command's options.
complete_bash() {  # complete_bash TOOL WORD...: prints the completions of the last word
  bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _${1//-/_}; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/$1" "$@"
}
expect_equal "$(complete_bash evidex-index re | tr '\n' ' ')" "refs retractions " "evidex-index re<TAB>"
expect_equal "$(complete_bash evidex-query --db x sh | tr '\n' ' ')" "show " "a command after a global option's value"
expect_equal "$(complete_bash evidex-query show --fo | tr '\n' ' ')" "--format " "show --fo<TAB>"
expect_contains "$(complete_bash evidex-index retractions --c | tr '\n' ' ')" "--commit-every" "retractions' own option"

# zsh: an interactive zsh on a pseudo-terminal, with the installed functions on its fpath, is
# asked to complete (TAB) and its screen is read back.
complete_zsh() {  # complete_zsh LINE PATTERN: what zsh shows after LINE<TAB><TAB>, once PATTERN shows
  cat >"$SCRATCH/complete.zsh" <<ZSH
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=($prefix/share/zsh/site-functions \\\$fpath); autoload -U compinit; compinit -u -D"
zpty -w -n z \$'$1\t\t'
zpty -r z screen '*$2*' && print -r -- \$screen
zpty -d z
ZSH
  timeout 20 zsh -f "$SCRATCH/complete.zsh" | tr -d '\r'
}
if command -v zsh >/dev/null; then
  zsh -n "$prefix/share/zsh/site-functions/_evidex-query" || fail "zsh -n"
  expect_contains "$(complete_zsh 'evidex-index re' retractions)" "refs" "zsh: evidex-index re<TAB>"
  expect_contains "$(complete_zsh 'evidex-query show --fo' format)" "--format" "zsh: show --fo<TAB>"
else
  echo "install: zsh not installed, its completion not tried" >&2
fi

# fish: its own `complete -C` completes a command line with the installed file sourced.
if command -v fish >/dev/null; then
  fish_dir="$prefix/share/fish/vendor_completions.d"
  fish -n "$fish_dir/evidex-query.fish" || fail "fish -n"
  expect_equal "$(fish -c "source $fish_dir/evidex-index.fish; complete -C 'evidex-index re'" | cut -f1 | tr '\n' ' ')" \
    "refs retractions " "fish: evidex-index re<TAB>"
  expect_contains "$(fish -c "source $fish_dir/evidex-query.fish; complete -C 'evidex-query show --fo'")" "--format" \
    "fish: show --fo<TAB>"
else
  echo "install: fish not installed, its completion not tried" >&2
fi
finish
