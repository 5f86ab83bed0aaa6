# evidex-index corpus indexes every bundled study once; a second run replaces, never duplicates;
# evidex-query show prints the stored record with the contract's JSON keys.
. "$(dirname "$0")/../support/cli.sh"
corpus="$EVIDEX_SOURCE_DIR/corpus"

# Distinct studies, counted from the files: every PubMed record, plus every Crossref work
# whose DOI no PubMed record carries.
pubmed_files=$(ls "$corpus"/pubmed/*.xml | wc -l)
crossref_files=$(ls "$corpus"/crossref/*.json | wc -l)
pubmed_dois=$(grep -ho '<ELocationID EIdType="doi"[^>]*>[^<]*' "$corpus"/pubmed/*.xml | sed 's/.*>//' | tr 'A-Z' 'a-z' | sort -u)
crossref_only=0
for f in "$corpus"/crossref/*.json; do
  doi=$(json_field "$f" "d['message']['DOI'].lower()")
  grep -qxF "$doi" <<<"$pubmed_dois" || crossref_only=$((crossref_only + 1))
done
studies=$((pubmed_files + crossref_only))

run "$INDEX" corpus
expect_code 0 "evidex-index corpus"
expect_contains "$err" "$((pubmed_files + crossref_files)) read" "closing summary"
expect_contains "$err" "0 failed" "closing summary"
expect_equal "$(doc_count)" "$studies" "documents after the first run"

run "$INDEX" corpus
expect_code 0 "second evidex-index corpus"
expect_contains "$err" "0 added" "second run adds nothing"
expect_equal "$(doc_count)" "$studies" "documents after the second run"
check_out=$(xapian-check "$EVIDEX_DB" 2>&1) || fail "xapian-check does not pass"
# A new index is made of 64 KiB blocks, which long posting lists are read in.
expect_equal "$(grep -c 'blocksize=64K' <<<"$check_out")" "$(grep -c 'blocksize=' <<<"$check_out")" \
  "every table of a new index has 64 KiB blocks"

# The open pilot study in Sleep (PMID 9703590), as JSON.
"$QUERY" show pmid:9703590 --format json >"$SCRATCH/hornyak.json" || fail "show pmid:9703590"
for key in pmid doi pmcid title abstract authors journal year publication_types mesh design blinding level n \
           population intervention conditions result_direction flags retracted reasons; do
  json_field "$SCRATCH/hornyak.json" "'$key' in d" | grep -qx True || fail "show JSON lacks key '$key'"
done
expect_equal "$(json_field "$SCRATCH/hornyak.json" "d['year']")" 1998 "Hornyak year"
expect_equal "$(json_field "$SCRATCH/hornyak.json" "d['authors'][0]['name']")" "Hornyak M" "Hornyak first author"
expect_equal "$(json_field "$SCRATCH/hornyak.json" "d['source']")" curated "corpus records are curated"
expect_contains "$(json_field "$SCRATCH/hornyak.json" "d['title']")" "open pilot study" "Hornyak title"

# A study in both forms is one record carrying both ids and PubMed's title.
"$QUERY" show doi:10.3390/NU9050429 --format json >"$SCRATCH/boyle.json" || fail "show doi:10.3390/nu9050429"
expect_equal "$(json_field "$SCRATCH/boyle.json" "d['pmid']")" 28445426 "Boyle 2017 found by DOI has its PMID"
expect_equal "$(json_field "$SCRATCH/boyle.json" "d['design']")" systematic-review "Boyle 2017 design"
expect_equal "$(json_field "$SCRATCH/boyle.json" "d['level']")" 1 "Boyle 2017 level"

# A study known only by DOI.
run "$QUERY" show doi:10.1136/openhrt-2018-000775
expect_code 0 "show a DOI-only study"
expect_contains "$out" "DiNicolantonio" "DOI-only study's author"

# Not in the index: a clear error, exit 1.
run "$QUERY" show pmid:1
expect_code 1 "show an absent PMID"
expect_contains "$err" "pmid:1: not in the index" "absent PMID message"
finish
