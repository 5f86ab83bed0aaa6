# Parallel ingest gives the index a single thread gives: worker threads (file --threads) and
# several writers merged into one index (file --shards), on the bundled PubMed records.
. "$(dirname "$0")/../support/cli.sh"

files=("$EVIDEX_SOURCE_DIR"/corpus/pubmed/*.xml)

# facets DB: a search over everything with its facets, the hits sorted so ties cannot differ.
facets() {
  "$QUERY" --quiet --db "$1" search magnesium --facets --sort level --limit 1000 --format json |
    "$PYTHON" -c 'import json, sys; d = json.load(sys.stdin); print(d["total"], json.dumps(d["facets"], sort_keys=True), sorted(h["pmid"] for h in d["hits"]))'
}

run "$INDEX" --quiet --db "$SCRATCH/one" file --threads 0 "${files[@]}"
expect_code 0 "ingest on one thread"
run "$INDEX" --quiet --db "$SCRATCH/workers" file --threads 3 "${files[@]}"
expect_code 0 "ingest with 3 worker threads"
run "$INDEX" --db "$SCRATCH/sharded" file --shards 3 "${files[@]}"
expect_code 0 "ingest with 3 shards"
expect_contains "$err" "${#files[@]} read, ${#files[@]} added" "summary of the sharded ingest"
[ -e "$SCRATCH/sharded.shards" ] && fail "the shards were not removed after the merge"
check_out=$(xapian-check "$SCRATCH/sharded" 2>&1) || fail "xapian-check does not pass on the merged index"
expect_equal "$(grep -c 'blocksize=64K' <<<"$check_out")" "$(grep -c 'blocksize=' <<<"$check_out")" \
  "every table of the merged index has 64 KiB blocks"

reference=$(facets "$SCRATCH/one")
[ -n "$reference" ] || fail "no search result on the one-thread index"
expect_equal "$(facets "$SCRATCH/workers")" "$reference" "worker threads: search and facets"
expect_equal "$(facets "$SCRATCH/sharded")" "$reference" "3 shards merged: search and facets"
expect_equal "$(EVIDEX_DB="$SCRATCH/sharded" doc_count)" "$(EVIDEX_DB="$SCRATCH/one" doc_count)" "documents in the merged index"
run "$QUERY" --db "$SCRATCH/sharded" show pmid:9703590
expect_code 0 "show from the merged index"

# Every stored record is the same, byte for byte.
for pmid in 9703590 23853635; do
  a=$("$QUERY" --quiet --db "$SCRATCH/one" show "pmid:$pmid" --format json)
  b=$("$QUERY" --quiet --db "$SCRATCH/sharded" show "pmid:$pmid" --format json)
  c=$("$QUERY" --quiet --db "$SCRATCH/workers" show "pmid:$pmid" --format json)
  [ "$a" = "$b" ] && [ "$a" = "$c" ] || fail "pmid:$pmid is stored differently by a parallel ingest"
done

# The same records in two files of two shards: one copy each, and the run says so.
cp "${files[0]}" "$SCRATCH/copy.xml"
run "$INDEX" --db "$SCRATCH/dup" file --shards 2 "${files[0]}" "$SCRATCH/copy.xml"
expect_code 0 "overlapping files in two shards"
expect_contains "$err" "in files of more than one shard; one copy of each is kept" "duplicates reported"
expect_equal "$(EVIDEX_DB="$SCRATCH/dup" doc_count)" "1" "one copy of the study"

# --shards builds a new index only.
run "$INDEX" --db "$SCRATCH/one" file --shards 2 "${files[@]}"
expect_code 2 "--shards into an index that exists"
expect_contains "$err" "--shards builds a new index" "the reason"
expect_equal "$(EVIDEX_DB="$SCRATCH/one" doc_count)" "$(EVIDEX_DB="$SCRATCH/sharded" doc_count)" "the existing index untouched"
run "$INDEX" --db "$SCRATCH/new" file --shards 0 "${files[@]}"
expect_code 2 "--shards 0"

finish
