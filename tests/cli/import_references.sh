# evidex-index file: lists of PMIDs and DOIs, MEDLINE (.nbib), RIS, BibTeX and CSL-JSON files,
# told apart by their content, their identifiers fetched through the ingest path and title-only
# entries searched for, against the local test server. Bad entries are named with FILE:LINE; the
# rest is indexed.
. "$(dirname "$0")/../support/cli.sh"
data="$EVIDEX_SOURCE_DIR/tests/data/import"
start_services

# A list of identifiers under a name that says nothing: the content decides.
cp "$data/ids_with_a_bad_token.txt" "$SCRATCH/mine"
run "$INDEX" "${NET[@]}" file "$SCRATCH/mine"
expect_code 3 "a list with one bad token is partly done"
expect_contains "$err" "$SCRATCH/mine:5: 'not-an-identifier' is neither a PMID nor a DOI" "the bad token, by line"
expect_contains "$err" "3 added" "one PMID (given twice) and two DOIs"
expect_equal "$(doc_count)" 3 "documents after the list"
for id in pmid:9703590 doi:10.1136/openhrt-2018-000775 doi:10.1111/head.12789; do
  run "$QUERY" show "$id"
  expect_code 0 "show $id after the list"
done

# PubMed's citation-manager export: one record already indexed, one new.
run "$INDEX" "${NET[@]}" file "$data/pubmed_citation_manager.nbib"
expect_code 0 "the .nbib file"
expect_contains "$err" "1 added" "the new MEDLINE record"
expect_contains "$err" "1 already indexed" "the record the list brought in"
run "$QUERY" show pmid:25540137 --format json
expect_code 0 "show the MEDLINE record"
printf '%s' "$out" >"$SCRATCH/show.json"
expect_equal "$(json_field "$SCRATCH/show.json" "d['doi']")" 10.1152/physrev.00012.2014 "the record as PubMed has it"

# A Zotero RIS export: a DOI, a title-only record found by PubMed search, a record with nothing.
run "$INDEX" "${NET[@]}" file "$data/zotero_export.ris"
expect_code 3 "the RIS file with one empty record"
expect_contains "$err" "zotero_export.ris:31: record has no PMID, no DOI and no title" "the empty record, by line"
expect_contains "$err" "2 added" "the DOI and the title search"
run "$QUERY" show doi:10.3390/nu11081927
expect_code 0 "the RIS record with a DOI"
run "$QUERY" show pmid:23853635
expect_code 0 "the RIS record found by its title"
expect_equal "$(doc_count)" 6 "documents after the three files"

# Offline, an identifier the cache has never seen is not found, named; nothing is lost.
printf '9703590\n11794633\n' >"$SCRATCH/offline.txt"
run "$INDEX" "${NET[@]}" --offline file "$SCRATCH/offline.txt"
expect_code 3 "an unseen PMID offline"
expect_contains "$err" "1 already indexed" "the PMID the index holds"
expect_contains "$err" "11794633" "the PMID it could not fetch"

# BibTeX is looked up by default: its DOIs through Crossref; the DOI Crossref and doi.org do not
# know falls back to the title, which a PubMed search finds, and a note says so.
export EVIDEX_DB="$SCRATCH/bibtex"
bib="$EVIDEX_SOURCE_DIR/tests/data/export/two_studies.bib"
run "$INDEX" "${NET[@]}" file "$bib"
expect_code 0 "BibTeX looked up"
expect_contains "$err" "2 added" "both records"
expect_contains "$err" "note: $bib: record 1: neither Crossref nor doi.org knows DOI 10.1093/sleep/21.5.501; found by its title through a PubMed search (pmid:9703590)" \
  "the record whose DOI is unknown, found by its title"
case "$err" in *"as written"*) fail "records looked up are said to be indexed as written: $err" ;; esac
run "$QUERY" show doi:10.1136/openhrt-2018-000775 --format json
printf '%s' "$out" >"$SCRATCH/resolved.json"
expect_equal "$(json_field "$SCRATCH/resolved.json" "d['source']")" crossref "the record as Crossref has it"
run "$QUERY" show pmid:9703590 --format json
printf '%s' "$out" >"$SCRATCH/by_title.json"
expect_equal "$(json_field "$SCRATCH/by_title.json" "d['source']")" pubmed "the record found by title, as PubMed has it"
run "$QUERY" show doi:10.1093/sleep/21.5.501
expect_code 1 "the unknown DOI is not indexed as written"

# RIS entries whose PMIDs PubMed does not know: the DOI, then the title are tried, and the note
# names the way that found each; an entry that no way finds is named with every answer.
run "$INDEX" "${NET[@]}" file "$data/unknown_pmids.ris"
expect_code 3 "RIS with unknown PMIDs, one found by nothing"
expect_contains "$err" "note: $data/unknown_pmids.ris:1: PubMed has no record with PMID 99999998; found by its DOI (doi:10.3390/nu9050429)" \
  "the entry found by its DOI"
expect_contains "$err" "note: $data/unknown_pmids.ris:10: PubMed has no record with PMID 99999999; found by its title" \
  "the entry found by its title"
expect_contains "$err" "not found: $data/unknown_pmids.ris:19: PubMed has no record with PMID 99999997; neither Crossref nor doi.org knows DOI 10.5555/nowhere.1; \"A study" \
  "the entry no way finds"
run "$QUERY" show doi:10.3390/nu9050429
expect_code 0 "the study found by DOI"
run "$QUERY" search "magnesium depression randomized" --format json
printf '%s' "$out" >"$SCRATCH/depression.json"
expect_equal "$(json_field "$SCRATCH/depression.json" "[h['doi'] for h in d['hits']]")" "['10.1371/journal.pone.0180067']" \
  "the study found by title"

# --as-written, and offline: the records as the file has them, and the summary says why.
export EVIDEX_DB="$SCRATCH/as-written"
run "$INDEX" "${NET[@]}" file --as-written "$bib"
expect_code 0 "BibTeX --as-written"
expect_contains "$err" "2 added" "both records"
expect_contains "$err" "2 BibTeX and CSL-JSON records indexed as written, not looked up (--as-written)" "the summary"
run "$QUERY" show doi:10.1136/openhrt-2018-000775 --format json
printf '%s' "$out" >"$SCRATCH/bib.json"
expect_equal "$(json_field "$SCRATCH/bib.json" "d['source']")" doi "a BibTeX record as written"
export EVIDEX_DB="$SCRATCH/offline-bib"
requests_before=$(wc -l <"$SCRATCH/requests.log")
run "$INDEX" "${NET[@]}" --offline file "$bib" "$data/csl_items.json"
expect_code 0 "BibTeX and CSL-JSON offline"
expect_contains "$err" "4 BibTeX and CSL-JSON records indexed as written, not looked up (offline)" "the summary, offline"
expect_equal "$(wc -l <"$SCRATCH/requests.log")" "$requests_before" "requests offline"
expect_equal "$(doc_count)" 4 "documents after the offline run"

# CSL-JSON is looked up too: an item by its DOI, an item with only a title by a search.
export EVIDEX_DB="$SCRATCH/csl"
run "$INDEX" "${NET[@]}" file "$data/csl_items.json"
expect_code 0 "CSL-JSON looked up"
expect_contains "$err" "2 added" "both items"
run "$QUERY" show doi:10.1111/head.12789 --format json
printf '%s' "$out" >"$SCRATCH/csl.json"
expect_equal "$(json_field "$SCRATCH/csl.json" "d['source']")" crossref "the item with a DOI, as Crossref has it"
run "$QUERY" show doi:10.2337/dc10-0994
expect_code 0 "the item with only a title, found by the search"

# A CSL-JSON item with a PMID is looked up by it, not by its title, which is too short to find;
# as written, it keeps its PMID and PMCID.
export EVIDEX_DB="$SCRATCH/csl-pmid"
run "$INDEX" "${NET[@]}" file "$data/csl_item_with_pmid.json"
expect_code 0 "a CSL-JSON item looked up by its PMID"
expect_contains "$err" "1 added" "the item"
run "$QUERY" show pmid:26016859 --format json
printf '%s' "$out" >"$SCRATCH/csl_pmid.json"
expect_equal "$(json_field "$SCRATCH/csl_pmid.json" "d['source'], d['title'][:43]")" \
  "pubmed Magnesium supplementation affects metabolic" "the record as PubMed has it"
export EVIDEX_DB="$SCRATCH/csl-pmid-as-written"
run "$INDEX" file --as-written "$data/csl_item_with_pmid.json"
expect_code 0 "the CSL-JSON item as written"
expect_contains "$err" "1 BibTeX or CSL-JSON record indexed as written, not looked up (--as-written)" "the summary of one record"
run "$QUERY" show pmid:26016859 --format json
printf '%s' "$out" >"$SCRATCH/csl_pmid_written.json"
expect_equal "$(json_field "$SCRATCH/csl_pmid_written.json" "d['source'], d['pmcid'], d['title']")" \
  "doi PMC4512345 Magnesium in gestational diabetes" "the item as written, with its PubMed ids"

# Records with neither PMID nor DOI, as written: each work is a study of its own, keyed by the
# FNV-1a hash of its normalised title, first author and year; the same work twice is one study.
# The keys below were worked out from that rule by hand.
export EVIDEX_DB="$SCRATCH/no-ids"
smith=title:52c900be2ddafe7d  # "oral magnesium and sleep quality in older adults", smith, 2019
jones=title:8dbb122fddd74e7e  # "magnesium citrate for nocturnal leg cramps a randomised trial", jones, 2020
run "$INDEX" file --as-written "$data/bibtex_without_ids.bib"
expect_code 3 "records without ids, one without a title either"
expect_contains "$err" "2 added, 1 replaced" "two works, one of them twice"
expect_contains "$err" "error: $data/bibtex_without_ids.bib: entry 4 (untitled): no title" "the record with nothing to know it by"
expect_contains "$err" "3 BibTeX and CSL-JSON records indexed as written" "the summary"
expect_equal "$(doc_count)" 2 "studies after the records without ids"
run "$QUERY" show "$smith" --format json
expect_code 0 "show the first work by its key"
printf '%s' "$out" >"$SCRATCH/smith.json"
expect_equal "$(json_field "$SCRATCH/smith.json" "d['title'], d['journal'], d['volume']")" \
  "Oral Magnesium and Sleep Quality in Older Adults. Journal of Sleep Trials 12" \
  "the work's two records merged, the later one's fields first"
run "$QUERY" show "$jones" --format json
expect_code 0 "show the second work by its key"
printf '%s' "$out" >"$SCRATCH/jones.json"
expect_equal "$(json_field "$SCRATCH/jones.json" "d['title']")" \
  "Magnesium citrate for nocturnal leg cramps: a randomised trial" "the second work"
run "$QUERY" search magnesium
expect_contains "$out" "$smith " "the first work in the search, under its key"
expect_contains "$out" "$jones " "the second work in the search, under its key"
# The same work met again with a DOI: folded into one study, filed under the DOI.
cat >"$SCRATCH/smith_with_doi.bib" <<'BIB'
@article{smith2019doi,
  title = {Oral magnesium and sleep quality in older adults},
  author = {Smith, Jane},
  year = {2019},
  doi = {10.1000/sleep.2019.1}
}
BIB
run "$INDEX" file --as-written "$SCRATCH/smith_with_doi.bib"
expect_code 0 "the first work with its DOI"
expect_contains "$err" "0 added, 1 replaced" "the record folded into the study"
expect_equal "$(doc_count)" 2 "studies after the DOI came"
run "$QUERY" show doi:10.1000/sleep.2019.1 --format json
printf '%s' "$out" >"$SCRATCH/smith_doi.json"
expect_equal "$(json_field "$SCRATCH/smith_doi.json" "d['journal'], d['volume']")" "Journal of Sleep Trials 12" \
  "the study keeps what the records without the DOI said"
run "$QUERY" show "$smith"
expect_code 1 "the key without ids is gone once the DOI is known"

# --shards has no resolver: the records as written, and the summary says so.
run "$INDEX" --db "$SCRATCH/sharded-bib" file --shards 2 "$bib" "$data/csl_items.json"
expect_code 0 "BibTeX and CSL-JSON with --shards"
expect_contains "$err" "4 BibTeX and CSL-JSON records indexed as written, not looked up (--shards)" "the summary with --shards"

# With --shards the file has no resolver: one failed item that says why.
run "$INDEX" --db "$SCRATCH/sharded" file --shards 2 "$data/pubmed_citation_manager.nbib" "$data/zotero_export.ris"
expect_code 1 "reference files with --shards"
expect_contains "$err" "without --shards" "why"
finish
