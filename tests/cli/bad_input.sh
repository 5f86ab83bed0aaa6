# A malformed record is reported with where and why, the rest of the file is indexed, the exit
# code says "partly done", and nothing already in the index is lost.
. "$(dirname "$0")/../support/cli.sh"

article() {  # article PMID TITLE
  cat <<XML
<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">$1</PMID>
<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>2001</Year></PubDate></JournalIssue>
<Title>Test journal</Title></Journal><ArticleTitle>$2</ArticleTitle></Article></MedlineCitation></PubmedArticle>
XML
}

{ echo '<?xml version="1.0"?><PubmedArticleSet>'; article 1001 "First good study"; echo '</PubmedArticleSet>'; } \
  >"$SCRATCH/first.xml"
run "$INDEX" file "$SCRATCH/first.xml"
expect_code 0 "index a good file"
expect_equal "$(doc_count)" 1 "documents after the good file"

{ echo '<?xml version="1.0"?><PubmedArticleSet>'
  article 1002 "Second good study"
  article 1003 ""
  article 1004 "Fourth good study"
  echo '</PubmedArticleSet>'; } >"$SCRATCH/mixed.xml"
run "$INDEX" file "$SCRATCH/mixed.xml"
expect_code 3 "a file with one bad article"
expect_contains "$err" "mixed.xml: article 2 (PMID 1003): no ArticleTitle" "the bad article named with where and why"
expect_contains "$err" "3 read, 2 added, 0 replaced, 0 deleted, 1 failed" "closing summary"
expect_equal "$(doc_count)" 3 "documents after the mixed file"

# A file cut in the middle: the complete articles before the cut are indexed.
{ echo '<?xml version="1.0"?><PubmedArticleSet>'; article 1005 "Fifth"; article 1006 "Sixth" | head -c 120; } \
  >"$SCRATCH/truncated.xml"
gzip -c "$SCRATCH/truncated.xml" | head -c 40 >"$SCRATCH/cut.xml.gz"
run "$INDEX" file "$SCRATCH/truncated.xml"
expect_code 3 "a truncated file"
expect_contains "$err" "truncated.xml" "the truncated file is named"
run "$QUERY" show pmid:1005
expect_code 0 "the complete article before the cut is indexed"

# Inputs that are not records at all, and a missing file: every one reported, nothing lost.
printf 'not a record\n' >"$SCRATCH/junk.txt"
: >"$SCRATCH/empty.xml"
run "$INDEX" file "$SCRATCH/junk.txt" "$SCRATCH/empty.xml" "$SCRATCH/cut.xml.gz" "$SCRATCH/missing.xml"
expect_code 1 "nothing usable"
expect_contains "$err" "junk.txt: not a format evidex-index reads" "junk file"
expect_contains "$err" "missing.xml: no such file" "missing file"
expect_contains "$err" "cut.xml.gz" "cut gzip"
expect_equal "$(doc_count)" 4 "documents after the failed run"
xapian-check "$EVIDEX_DB" >/dev/null 2>&1 || fail "xapian-check does not pass"
for pmid in 1001 1002 1004 1005; do
  run "$QUERY" show "pmid:$pmid"
  expect_code 0 "pmid:$pmid still indexed"
done
finish
