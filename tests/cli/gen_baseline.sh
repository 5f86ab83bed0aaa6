# evidex-gen-baseline: the same seed gives the same bytes, a record is the same however the
# records are split into files, and what Evidex indexes from the files is what the manifest says
# was generated: every record, its design and its conditions.
. "$(dirname "$0")/../support/cli.sh"

GEN="$EVIDEX_BIN/evidex-gen-baseline"
[ -x "$GEN" ] || { echo "skipped: $GEN is not built" >&2; exit 77; }

run "$GEN" --records 200 --per-file 50 --seed 7 --out "$SCRATCH/a" --manifest "$SCRATCH/a.json"
expect_code 0 "generate 200 records"
expect_equal "$(ls "$SCRATCH/a" | tr '\n' ' ')" \
  "pubmed26n0001.xml.gz pubmed26n0002.xml.gz pubmed26n0003.xml.gz pubmed26n0004.xml.gz " "files of 50 records"
expect_equal "$(json_field "$SCRATCH/a.json" "d['records'], d['files']")" "200 4" "manifest counts"

# The same seed twice: byte-identical files.
"$GEN" --records 200 --per-file 50 --seed 7 --out "$SCRATCH/b" 2>/dev/null
for f in "$SCRATCH"/a/*.xml.gz; do
  cmp -s "$f" "$SCRATCH/b/$(basename "$f")" || fail "$(basename "$f") differs between two runs with seed 7"
done

# articles DIR: the articles of every file in DIR, in order, without the file heads and tails.
articles() { zcat "$1"/*.xml.gz | grep -v -e '^<?xml' -e '^<!DOCTYPE' -e 'PubmedArticleSet>$'; }

# Another split into files: the same records.
"$GEN" --records 200 --per-file 200 --seed 7 --out "$SCRATCH/one" 2>/dev/null
expect_equal "$(ls "$SCRATCH/one")" "pubmed26n0001.xml.gz" "one file of 200"
[ "$(articles "$SCRATCH/a" | md5sum)" = "$(articles "$SCRATCH/one" | md5sum)" ] ||
  fail "records differ between 4 files of 50 and 1 file of 200"
expect_equal "$(zcat "$SCRATCH/one/pubmed26n0001.xml.gz" | sed -n 3p)" "<PubmedArticleSet>" "the third line of a file"
expect_equal "$(zcat "$SCRATCH/one/pubmed26n0001.xml.gz" | grep -c '<PubmedArticle>')" "200" "articles in the file"

# Another seed: other records.
"$GEN" --records 200 --per-file 200 --seed 8 --out "$SCRATCH/other" 2>/dev/null
cmp -s "$SCRATCH/one/pubmed26n0001.xml.gz" "$SCRATCH/other/pubmed26n0001.xml.gz" && fail "seeds 7 and 8 gave the same file"

# Evidex reads every record.
run "$INDEX" file "$SCRATCH"/a/*.xml.gz
expect_code 0 "index the generated files"
expect_contains "$err" "200 read, 200 added, 0 replaced, 0 deleted, 0 failed" "ingest summary"
expect_equal "$(doc_count)" "200" "documents in the index"
run "$QUERY" show pmid:30000001
expect_code 0 "show the first generated PMID"

# The design of every study is the one the generator wrote it as; conditions likewise.
"$QUERY" search --max-level 5 --facets --limit 1 --format json >"$SCRATCH/all.json" 2>/dev/null
expect_equal "$(json_field "$SCRATCH/all.json" "d['total']")" "200" "studies found by listing all"
expect_equal "$(json_field "$SCRATCH/all.json" "sorted(d['facets']['design'].items())")" \
  "$(json_field "$SCRATCH/a.json" "sorted(d['designs'].items())")" "designs: index against manifest"
expect_equal "$(json_field "$SCRATCH/all.json" "sorted(d['facets']['condition'].items())")" \
  "$(json_field "$SCRATCH/a.json" "sorted(d['conditions'].items())")" "conditions: index against manifest"

# What a user types: a condition filter and a design filter.
"$QUERY" search --condition "restless legs" --format json --limit 1000 >"$SCRATCH/rls.json" 2>/dev/null
expect_equal "$(json_field "$SCRATCH/rls.json" "d['total']")" \
  "$(json_field "$SCRATCH/a.json" "d['conditions']['restless-legs-syndrome']")" "--condition 'restless legs'"
json_field "$SCRATCH/rls.json" "all('restless-legs-syndrome' in h['conditions'] for h in d['hits'])" |
  grep -qx True || fail "--condition rls returned a study without the condition"
"$QUERY" search --design rct --format json --limit 1000 >"$SCRATCH/rct.json" 2>/dev/null
expect_equal "$(json_field "$SCRATCH/rct.json" "d['total']")" \
  "$(json_field "$SCRATCH/a.json" "d['publication_types']['Randomized Controlled Trial']")" "--design rct"

finish
