# Bad usage exits 2 with a one-line message; --help exits 0 and lists the commands.
. "$(dirname "$0")/../support/cli.sh"

run "$INDEX" --help
expect_code 0 "evidex-index --help"
expect_contains "$out" "corpus" "help lists corpus"
expect_contains "$out" "--db" "help lists --db"

run "$INDEX"
expect_code 2 "evidex-index without a command"

run "$INDEX" frobnicate
expect_code 2 "unknown command"
expect_contains "$err" "unknown command 'frobnicate'" "unknown command message"

run "$INDEX" --no-such-option corpus
expect_code 2 "unknown global option"

run "$INDEX" file
expect_code 2 "file without a path"

run "$QUERY" --help
expect_code 0 "evidex-query --help"
for command in audit claims grade map search show; do
  printf '%s\n' "$out" | grep -q "^  $command " || fail "evidex-query --help does not list $command"
done

run "$QUERY" show banana
expect_code 2 "show with a bad id"
expect_contains "$err" "'banana' is not pmid:N, doi:X or title:HASH" "bad id message"

run "$QUERY" show pmid:1 --format yaml
expect_code 2 "show with a bad format"

run "$QUERY" --db "$SCRATCH/nowhere" show pmid:1
expect_code 1 "show without an index"
expect_contains "$err" "no index here" "missing index message"
finish
