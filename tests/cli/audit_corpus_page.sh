# evidex-query audit on the bundled sales page (corpus/pages/): markers in brackets and in
# superscript, DOI and PubMed links, a title-only entry, an internal report and a duplicate.
# Needs nothing beside the project.
. "$(dirname "$0")/../support/cli.sh"
page="$EVIDEX_SOURCE_DIR/corpus/pages/nightcalm-sales-page.html"

run "$INDEX" corpus --quiet
expect_code 0 "index the corpus"
run "$QUERY" --offline audit "$page" --format json
expect_code 0 "audit the bundled sales page"
printf '%s' "$out" >"$SCRATCH/page.json"
claim() { json_field "$SCRATCH/page.json" "[c for c in d['claims'] if c['text'].startswith('$1')][0]$2"; }
ref() { json_field "$SCRATCH/page.json" "[r for r in d['references'] if r['label'] == '$1'][0]$2"; }

expect_equal "$(json_field "$SCRATCH/page.json" "d['summary']['references']")" 10 "references"
expect_equal "$(ref 1 "['pmid']")" 23853635 "a title-only entry, found by title"
expect_equal "$(ref 3 "['pmid']")" 9703590 "an entry with a PubMed link"
expect_equal "$(ref 2 "['pmid']")" 27402922 "an entry with a DOI link"
expect_contains "$(ref 5 "['flags']")" unpublished "the seller's internal report"
expect_equal "$(ref 10 "['duplicate_of']")" 9 "the same trial cited twice"

# A meta-analysis of randomized trials behind a definite claim: supported.
expect_equal "$(claim "Magnesium is clinically proven to lower blood pressure" "['verdict']")" supported "blood pressure"
expect_equal "$(claim "Magnesium is clinically proven to lower blood pressure" "['link']")" marker "a superscript marker"
# An open pilot of 10 patients behind a definite claim: overstated.
expect_equal "$(claim "Magnesium relieves restless legs" "['verdict']")" overstated "restless legs"
# A rat study and an internal report behind a superlative: unsupported.
expect_equal "$(claim "Our glycinate blend" "['verdict']")" unsupported "the bioavailability superlative"
expect_contains "$(claim "Our glycinate blend" "['flags']")" animal "the bioavailability superlative"
# A hypothesis-journal case series behind a cure: not supported.
expect_contains "$(claim "Magnesium reverses major depression" "['flags']")" hypothesis-paper "the depression claim"
expect_equal "$(claim "Magnesium reverses major depression" "['verdict']")" unsupported "the depression claim"
# The page says 30%; the trial reports 24%.
expect_contains "$(claim "When it was paired with vitamin B6" "['flags']")" number-mismatch "30% vs 24%"
# A heading that is a claim takes the markers of the paragraph under it.
expect_equal "$(claim "Fall asleep faster" "['link']")" marker "the heading claim"
expect_equal "$(claim "Fall asleep faster" "['citations'][0]['study']")" pmid:23853635 "the heading claim's study"
# A claim with no citation on a page that cites by marker: unsupported, link none.
expect_equal "$(claim "NightCalm boosts your immune system" "['link']")" none "the uncited immunity claim"
expect_equal "$(claim "NightCalm boosts your immune system" "['verdict']")" unsupported "the uncited immunity claim"

# Markdown and HTML carry the same claims; output is the same across runs.
run "$QUERY" --offline audit "$page"
expect_code 0 "Markdown"
expect_contains "$out" "## Summary" "the Markdown summary"
expect_equal "$(printf '%s\n' "$out" | grep -c '^### c')" "$(json_field "$SCRATCH/page.json" "len(d['claims'])")" \
  "one Markdown section per claim"
run "$QUERY" --offline audit "$page" --format html --out "$SCRATCH/a.html"
expect_code 0 "HTML"
run "$QUERY" --offline audit "$page" --format html --out "$SCRATCH/b.html"
cmp -s "$SCRATCH/a.html" "$SCRATCH/b.html" || fail "two HTML reports of the same page differ"
grep -q '<script>window.cartCount' "$SCRATCH/a.html" && fail "the page's own script leaked into the report"

# Links in the body text are citations of the sentence they stand in.
cat >"$SCRATCH/links.html" <<'PAGE'
<html><body><h1>Sleep and blood pressure</h1>
<p>Magnesium improves sleep in older adults (<a href="https://pubmed.ncbi.nlm.nih.gov/23853635/">a trial</a>).
It also lowers blood pressure, says <a href="https://doi.org/10.1161/HYPERTENSIONAHA.116.07664">a meta-analysis</a>.</p>
<p>Magnesium strengthens your bones.</p>
</body></html>
PAGE
run "$QUERY" --offline audit "$SCRATCH/links.html" --format json
expect_code 0 "audit a page citing by links"
printf '%s' "$out" >"$SCRATCH/links.json"
expect_equal "$(json_field "$SCRATCH/links.json" "[r['pmid'] for r in d['references']]")" "['23853635', '27402922']" \
  "body links as references"
expect_equal "$(json_field "$SCRATCH/links.json" "[[x['study'] for x in c['citations']] for c in d['claims']]")" \
  "[['pmid:23853635'], ['pmid:27402922'], []]" "each link cites its own sentence"
expect_equal "$(json_field "$SCRATCH/links.json" "[c['verdict'] for c in d['claims']]")" \
  "['overstated', 'supported', 'unsupported']" "verdicts of the linked claims"

finish
