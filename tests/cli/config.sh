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

# A bad line is a usage error that names the file and line.
printf 'db = x\ndatabase = y\n' >"$config"
run "$QUERY" config
expect_code 2 "a bad config file"
expect_contains "$err" "$config:2: unknown key 'database'" "where and why"
finish
