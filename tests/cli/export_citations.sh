# Citation-manager formats out of show and of an audit's reference list, each read back by a
# parser that is not ours: Python's json for CSL-JSON, bibtool for BibTeX, bibutils' ris2xml for
# RIS. The round trip: a BibTeX file in, an audit of a page citing it, the references out as RIS.
. "$(dirname "$0")/../support/cli.sh"
data="$EVIDEX_SOURCE_DIR/tests/data/export"
for tool in bibtool ris2xml; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (scripts/bootstrap installs it)" >&2; exit 77; }
done

# bibtool_entries FILE: the entries bibtool reads from FILE; any complaint of bibtool fails.
bibtool_entries() {
  bibtool -q "$1" -o "$SCRATCH/bibtool.out" 2>"$SCRATCH/bibtool.err"
  [ -s "$SCRATCH/bibtool.err" ] && fail "bibtool complains about $1: $(cat "$SCRATCH/bibtool.err")"
  grep -ci '^@article\|^@book' "$SCRATCH/bibtool.out"
}
# ris_records FILE: the records ris2xml reads from FILE.
ris_records() { ris2xml "$1" 2>/dev/null | grep -c '<mods '; }

run "$INDEX" --quiet corpus
expect_code 0 "index the corpus"

# show, three formats.
run "$QUERY" show pmid:9703590 pmid:23853635 --format csl-json
expect_code 0 "show --format csl-json"
printf '%s\n' "$out" >"$SCRATCH/show.json"
expect_equal "$(json_field "$SCRATCH/show.json" "[i['PMID'] for i in d]")" "['9703590', '23853635']" "CSL-JSON items"
expect_equal "$(json_field "$SCRATCH/show.json" "d[0]['type']")" article-journal "CSL type"
run "$QUERY" show pmid:9703590 pmid:23853635 --format bibtex
expect_code 0 "show --format bibtex"
printf '%s\n' "$out" >"$SCRATCH/show.bib"
expect_equal "$(bibtool_entries "$SCRATCH/show.bib")" 2 "BibTeX entries bibtool reads"
run "$QUERY" show pmid:9703590 --format ris
expect_code 0 "show --format ris"
printf '%s\n' "$out" >"$SCRATCH/show.ris"
expect_equal "$(ris_records "$SCRATCH/show.ris")" 1 "RIS records ris2xml reads"
expect_contains "$out" "AN  - 9703590" "the PMID in RIS"
run "$QUERY" show pmid:9703590 pmid:1 --format bibtex
expect_code 3 "a missing id among found ones"
expect_contains "$out" "pmid9703590" "the found one is still written"
run "$QUERY" show pmid:9703590 --format endnote
expect_code 2 "an unknown format"

# The round trip, in an index of its own: BibTeX in, audit, references out.
export EVIDEX_DB="$SCRATCH/roundtrip"
run "$INDEX" file --as-written "$data/two_studies.bib"
expect_code 0 "index the BibTeX file as written"
expect_contains "$err" "2 added" "both entries"
expect_contains "$err" "2 BibTeX and CSL-JSON records indexed as written" "the summary says they were not looked up"
page="$data/page_citing_two_studies.txt"
run "$QUERY" --offline audit "$page" --format ris --out "$SCRATCH/audit.ris"
expect_code 0 "audit --format ris"
expect_equal "$(ris_records "$SCRATCH/audit.ris")" 2 "RIS records of the audit: one per cited study, the repeat and the unresolved left out"
expect_contains "$(cat "$SCRATCH/audit.ris")" "DO  - 10.1093/sleep/21.5.501" "reference 1"
expect_contains "$(cat "$SCRATCH/audit.ris")" "DO  - 10.1136/openhrt-2018-000775" "reference 2"
run "$QUERY" --offline audit "$page" --format bibtex
expect_code 0 "audit --format bibtex"
printf '%s\n' "$out" >"$SCRATCH/audit.bib"
expect_equal "$(bibtool_entries "$SCRATCH/audit.bib")" 2 "BibTeX entries of the audit"
run "$QUERY" --offline audit "$page" --format csl-json
expect_code 0 "audit --format csl-json"
printf '%s\n' "$out" >"$SCRATCH/audit.json"
expect_equal "$(json_field "$SCRATCH/audit.json" "[i['DOI'] for i in d]")" \
  "['10.1093/sleep/21.5.501', '10.1136/openhrt-2018-000775']" "CSL-JSON items of the audit, in page order"
# And what went out comes back in: the RIS file re-imported finds both studies already indexed.
run "$INDEX" --offline file "$SCRATCH/audit.ris"
expect_code 0 "the exported RIS file, imported again"
expect_contains "$err" "2 already indexed" "both studies found by their identifiers"
finish
