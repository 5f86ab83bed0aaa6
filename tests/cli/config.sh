# The configuration file (XDG location), the environment and flags, in that order of strength;
# evidex-query config prints the effective settings, the e-mail and the API key masked.
. "$(dirname "$0")/../support/cli.sh"
mkdir -p "$XDG_CONFIG_HOME/evidex"
config="$XDG_CONFIG_HOME/evidex/config"
cat >"$config" <<CONFIG
# Evidex settings
db = $SCRATCH/from-file
email = secret-person@example.org
api-key = sEcReTkEy0123
pubmed-url = http://127.0.0.1:9/file-eutils
CONFIG
unset EVIDEX_DB EVIDEX_EMAIL NCBI_API_KEY EVIDEX_PUBMED_URL EVIDEX_CACHE

run "$QUERY" config
expect_code 0 "evidex-query config"
expect_contains "$out" "# config file: $config" "the file read"
expect_contains "$out" "db = $SCRATCH/from-file  # config file" "db from the file"
expect_contains "$out" "pubmed-url = http://127.0.0.1:9/file-eutils  # config file" "a base URL from the file"
expect_contains "$out" "crossref-url = https://api.crossref.org  # default" "a default"
expect_contains "$out" "email = ******** (set, masked)  # config file" "the e-mail masked"
expect_contains "$out" "api-key = ******** (set, masked)  # config file" "the API key masked"
case "$out$err" in *sEcReT*|*secret-person*) fail "a secret was printed: $out" ;; esac

# The tools use it: the corpus goes into the file's index.
run "$INDEX" --quiet corpus
expect_code 0 "index into the file's db"
[ -d "$SCRATCH/from-file" ] || fail "the index is not where the config file says"

# The environment beats the file; a flag beats both.
run env EVIDEX_DB="$SCRATCH/from-env" NCBI_API_KEY=envkey "$QUERY" config
expect_contains "$out" "db = $SCRATCH/from-env  # environment EVIDEX_DB" "the environment over the file"
expect_contains "$out" "api-key = ******** (set, masked)  # environment NCBI_API_KEY" "the API key from the environment"
run env EVIDEX_DB="$SCRATCH/from-env" "$QUERY" --db "$SCRATCH/from-flag" config
expect_contains "$out" "db = $SCRATCH/from-flag  # flag" "a flag over the environment"
run "$QUERY" config --pubmed-url http://127.0.0.1:9/flag-eutils
expect_contains "$out" "pubmed-url = http://127.0.0.1:9/flag-eutils  # flag" "a flag after the subcommand"

# Without XDG_CONFIG_HOME the file is ~/.config/evidex/config.
mkdir -p "$SCRATCH/home/.config/evidex"
printf 'email = home@example.org\n' >"$SCRATCH/home/.config/evidex/config"
run env -u XDG_CONFIG_HOME HOME="$SCRATCH/home" "$QUERY" config
expect_contains "$out" "# config file: $SCRATCH/home/.config/evidex/config" "the file under HOME"
expect_contains "$out" "email = ******** (set, masked)  # config file" "read from there"

# offline = true in the file: EVIDEX_OFFLINE and then --offline or --online, before or after the
# subcommand, decide over it.
printf 'offline = true\n' >"$config"
run "$QUERY" config
expect_contains "$out" "offline = true  # config file" "offline from the file"
run "$QUERY" --online config
expect_contains "$out" "offline = false  # flag" "--online over the file"
run "$QUERY" --offline config --online
expect_contains "$out" "offline = false  # flag" "--online after the subcommand over --offline before it"
run env EVIDEX_OFFLINE=false "$QUERY" config
expect_contains "$out" "offline = false  # environment EVIDEX_OFFLINE" "the environment over the file"
run env EVIDEX_OFFLINE=0 "$QUERY" --offline config
expect_contains "$out" "offline = true  # flag" "--offline over the environment"
run env EVIDEX_OFFLINE=1 "$QUERY" --online config
expect_contains "$out" "offline = false  # flag" "--online over the environment"
run "$QUERY" --offline --online config
expect_code 2 "--offline with --online"
expect_contains "$err" "--offline and --online contradict each other" "why"
run env EVIDEX_OFFLINE=sometimes "$QUERY" config
expect_code 2 "a bad EVIDEX_OFFLINE"
expect_contains "$err" "EVIDEX_OFFLINE is true or false (or 1 or 0), not 'sometimes'" "why"

# And the tools obey: offline by the file, a PMID the cache lacks is not fetched; --online fetches it.
start_services
export EVIDEX_DB="$SCRATCH/online"
run "$INDEX" "${NET[@]}" pubmed 9703590
expect_code 1 "offline by the config file: nothing fetched"
expect_contains "$err" "not in the cache" "no request made"
expect_equal "$(requests_to efetch)" 0 "requests while offline by the file"
run "$INDEX" "${NET[@]}" --online pubmed 9703590
expect_code 0 "--online over the config file"
expect_contains "$err" "1 added" "the record fetched"
expect_equal "$(requests_to efetch)" 1 "requests with --online"

# A broken file: a usage error of one line naming the file and line, for every command but help,
# which always works.
printf 'db = x\ndatabase = y\n' >"$config"
run "$QUERY" config
expect_code 2 "a bad config file"
expect_equal "$err" "evidex-query: error: $config:2: unknown key 'database' (known: db, cache, offline, pubmed-url, crossref-url, doi-url, email, api-key)" \
  "one line: where and why"
expect_equal "$out" "" "nothing printed as settings"
run "$INDEX" file "$SCRATCH/nothing.bib"
expect_code 2 "any other command with a bad config file"
expect_contains "$err" "$config:2: unknown key 'database'" "the same message"
for tool in "$INDEX" "$QUERY"; do
  for help in --help -h; do
    run "$tool" $help
    expect_code 0 "$(basename "$tool") $help with a bad config file"
    expect_contains "$out" "usage: $(basename "$tool")" "$(basename "$tool") $help prints the usage"
  done
done
run "$INDEX" file --help
expect_code 0 "file --help with a bad config file"
expect_contains "$out" "--as-written" "the options of file"
run "$QUERY" config --help
expect_code 0 "config --help with a bad config file"
expect_contains "$out" "Examples:" "the help of config"
# Bytes that are no key at all are quoted short and printable.
printf 'k\001ey%s = 1\n' "$(printf 'x%.0s' $(seq 100))" >"$config"
run "$QUERY" config
expect_code 2 "a key of control bytes"
expect_contains "$err" "$config:1: unknown key 'k?eyxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'" "the key shortened, control bytes shown as ?"
rm "$config"
mkdir "$config"
run "$QUERY" config
expect_code 2 "a directory where the file belongs"
expect_contains "$err" "$config: a directory, not the configuration file" "why"
finish
