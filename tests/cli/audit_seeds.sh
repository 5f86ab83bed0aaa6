# evidex-query audit and grade: the three seed pages offline against the bundled corpus, checked
# the way a careful reviewer would read the reports.
. "$(dirname "$0")/../support/cli.sh"
need_shared
seeds="$SHARED/seeds"

run "$INDEX" corpus --quiet
expect_code 0 "index the corpus"

# claim FILE PYTHON-CONDITION FIELD: FIELD of the first claim whose fields satisfy the condition.
claim() { json_field "$1" "[c for c in d['claims'] if $2][0]$3"; }

# The short RLS page: its headline rests on one open pilot study of 10 patients.
run "$QUERY" --offline audit "$seeds/002_d57e46c96e91923f.txt" --format json
expect_code 0 "audit the RLS page"
printf '%s' "$out" >"$SCRATCH/002.json"
headline="c['text'].startswith('Magnesium CAN help restless leg')"
expect_equal "$(claim "$SCRATCH/002.json" "$headline" "['verdict']")" overstated "the headline claim"
expect_equal "$(claim "$SCRATCH/002.json" "$headline" "['condition']")" restless-legs-syndrome "the headline's condition"
for flag in small-n no-control open-label; do
  expect_contains "$(claim "$SCRATCH/002.json" "$headline" "['flags']")" "$flag" "the headline's flags"
done
expect_contains "$(claim "$SCRATCH/002.json" "$headline" "['rationale']")" "pilot" "the rationale names the pilot"
expect_contains "$(claim "$SCRATCH/002.json" "$headline" "['rationale']")" "Hornyak" "the rationale names the study"
expect_equal "$(claim "$SCRATCH/002.json" "$headline" "['citations'][0]['study']")" pmid:9703590 "the study behind the headline"
# Every claim carries a verdict and a rationale, and every cited study is named in it.
expect_equal "$(json_field "$SCRATCH/002.json" "sum(1 for c in d['claims'] if not c['rationale'] or not c['verdict'])")" 0 \
  "claims without a rationale"
# A claim the page backs with nothing is never called supported.
expect_equal "$(json_field "$SCRATCH/002.json" "sum(1 for c in d['claims'] if c['link'] == 'none' and c['verdict'] == 'supported')")" 0 \
  "unbacked claims called supported"

# The sales page: 38 references and no markers, so links are inferred.
run "$QUERY" --offline audit "$seeds/000_11ac764d89010b1a.txt" --format json
expect_code 0 "audit the sales page"
printf '%s' "$out" >"$SCRATCH/000.json"
expect_equal "$(json_field "$SCRATCH/000.json" "d['summary']['references']")" 38 "references on the sales page"
expect_equal "$(json_field "$SCRATCH/000.json" "d['summary']['duplicates']")" 3 "duplicate citations"
expect_equal "$(json_field "$SCRATCH/000.json" "d['summary']['by_link']['marker']")" 0 "marker links on a page without markers"
expect_equal "$(json_field "$SCRATCH/000.json" "d['summary']['by_link']['inferred'] > 10")" True "inferred links"
# The bioavailability table rests on the seller's own test-tube experiment: never supported.
for number in "16% total absorption" "1600%"; do
  expect_equal "$(claim "$SCRATCH/000.json" "'$number' in c['text']" "['verdict'] != 'supported'")" True \
    "the bioavailability claim '$number'"
done
# ... and it is the page's own test, run in red blood cells: said so, with the sentence.
for number in "16% total absorption" "1600%"; do
  expect_contains "$(claim "$SCRATCH/000.json" "'$number' in c['text']" "['flags']")" self-conducted-test "the seller's test behind '$number'"
  expect_contains "$(claim "$SCRATCH/000.json" "'$number' in c['text']" "['flags']")" in-vitro "the test-tube method behind '$number'"
  expect_contains "$(claim "$SCRATCH/000.json" "'$number' in c['text']" "['rationale']")" "Burch University" "the rationale quotes the page"
done
# Numbers the page attributes to studies that report others.
expect_contains "$(claim "$SCRATCH/000.json" "'32,198' in c['text']" "['flags']")" number-mismatch "32,198 people vs 32,918"
expect_contains "$(claim "$SCRATCH/000.json" "'40% more helpful' in c['text']" "['rationale']")" "24%" \
  "40% vs the trial's 24%"
# The page calls a cohort of 73,684 women a clinical trial: the rationale says what it is.
expect_contains "$(claim "$SCRATCH/000.json" "'73,684' in c['text']" "['rationale']")" \
  "the page calls it a clinical trial; Orchard 2014 is a cohort" "the design the page claims"
# The trial in 46 elderly insomniacs: small, so a definite claim on it is overstated.
expect_equal "$(claim "$SCRATCH/000.json" "'46 elderly' in c['text']" "['verdict']")" overstated "the 46-subject trial claim"
expect_contains "$(claim "$SCRATCH/000.json" "'46 elderly' in c['text']" "['flags']")" small-n "the 46-subject trial claim"
# Inferred links keep their score and what the claim and the study share.
expect_equal "$(json_field "$SCRATCH/000.json" "all(x['link_score'] is not None and x['link_reason'] for c in d['claims'] if c['link'] == 'inferred' for x in c['citations'] if x['label'] != 'page')")" \
  True "inferred links carry a score and a reason"
expect_equal "$(json_field "$SCRATCH/000.json" "sum(1 for c in d['claims'] if not c['rationale'])")" 0 "claims without a rationale"
# The same input gives the same bytes.
run "$QUERY" --offline audit "$seeds/000_11ac764d89010b1a.txt" --format json
cmp -s <(printf '%s' "$out") "$SCRATCH/000.json" || fail "a second audit of the sales page differs from the first"

# The blog page: its allusion to a 2016 paper in 'Headache' is a narrative review, not a trial.
run "$QUERY" --offline audit "$seeds/001_202e87e664587784.txt" --format md
expect_code 0 "audit the blog page"
expect_contains "$out" "## Summary" "the Markdown report"
expect_contains "$out" "narrative-review" "the Headache paper's design"

# grade: one claim against a cited trial, and against what the index holds.
run "$QUERY" --offline grade "Magnesium improves sleep in older adults" --cite pmid:23853635 --format json
expect_code 0 "grade with --cite"
printf '%s' "$out" >"$SCRATCH/grade.json"
expect_equal "$(json_field "$SCRATCH/grade.json" "d['verdict']")" overstated "one small trial behind a definite claim"
expect_equal "$(json_field "$SCRATCH/grade.json" "d['citations'][0]['support']")" supports "the trial supports it"
expect_contains "$(json_field "$SCRATCH/grade.json" "d['notes']")" "350 mg/day" "the upper-limit note"
run "$QUERY" --offline grade "Magnesium may help restless legs" --format json
expect_code 0 "grade from the index"
printf '%s' "$out" >"$SCRATCH/grade2.json"
expect_equal "$(json_field "$SCRATCH/grade2.json" "d['link']")" inferred "evidence found in the index"
expect_contains "$(json_field "$SCRATCH/grade2.json" "[c['study'] for c in d['citations']]")" pmid:9703590 "the pilot study found in the index"
run "$QUERY" --offline grade "Magnesium cures everything" --cite pmid:1 --format json
expect_code 0 "grade citing a study that is not there"
printf '%s' "$out" >"$SCRATCH/grade3.json"
expect_equal "$(json_field "$SCRATCH/grade3.json" "d['verdict']")" unverifiable "a claim whose citation cannot be resolved"

# Bad input: an empty page, a page with no claims, a missing file.
: >"$SCRATCH/empty.txt"
run "$QUERY" --offline audit "$SCRATCH/empty.txt" --format json
expect_code 0 "audit an empty page"
printf '%s' "$out" >"$SCRATCH/empty.json"
expect_equal "$(json_field "$SCRATCH/empty.json" "d['summary']['claims']")" 0 "claims on an empty page"
expect_contains "$err" "no health claim" "the empty page is reported"
printf 'Opening hours\n\nThe shop opens at nine and closes at five.\n' >"$SCRATCH/plain.txt"
run "$QUERY" --offline audit "$SCRATCH/plain.txt"
expect_code 0 "audit a page without claims"
expect_contains "$out" "No health claim was found" "the report says so"
run "$QUERY" --offline audit "$SCRATCH/missing.txt"
expect_code 1 "audit a missing file"
run "$QUERY" --offline audit "$seeds/002_d57e46c96e91923f.txt" --format pdf
expect_code 2 "an unknown format"

# --save: claims become documents, and the cited study knows the claims citing it.
run "$QUERY" --offline audit "$seeds/002_d57e46c96e91923f.txt" --save --out "$SCRATCH/002.md"
expect_code 0 "audit with --save"
[ -s "$SCRATCH/002.md" ] || fail "--out wrote nothing"
claims=$(xapian-delve -t XTYPEclaim "$EVIDEX_DB" 2>/dev/null | grep -c "^" || true)
[ "$claims" -ge 1 ] || fail "no claim document after --save"
docid=$(xapian-delve -t Qpmid:9703590 "$EVIDEX_DB" 2>/dev/null | sed -n 's/.*): *//p')
tagged=$(xapian-delve -r "$docid" "$EVIDEX_DB" 2>/dev/null | grep -o "XCLAIMpage-[0-9a-f]*:c[0-9]*" | wc -l)
[ "$tagged" -ge 1 ] || fail "the pilot study is not tagged with the claims citing it"
# The saved claims are found by condition and verdict, and by the study they cite.
run "$QUERY" claims --condition rls --verdict overstated --format json
expect_code 0 "claims about RLS called overstated"
printf '%s' "$out" >"$SCRATCH/claims.json"
expect_contains "$(json_field "$SCRATCH/claims.json" "[c['text'] for c in d['claims']]")" "Magnesium CAN help restless leg" \
  "the headline among the saved RLS claims"
run "$QUERY" claims --cites pmid:9703590 --format json
expect_code 0 "claims citing the pilot study"
printf '%s' "$out" >"$SCRATCH/cites.json"
expect_equal "$(json_field "$SCRATCH/cites.json" "all(c['page']['source'].endswith('002_d57e46c96e91923f.txt') for c in d['claims']) and len(d['claims']) > 0")" \
  True "the page citing the pilot study"
# ... and search finds the studies a saved claim cites (claim:ID).
headline_id=$(json_field "$SCRATCH/cites.json" "[c['page']['id'] + ':' + c['id'] for c in d['claims'] if c['text'].startswith('Magnesium CAN help')][0]")
run "$QUERY" search "claim:$headline_id" --format json
expect_code 0 "search by a saved claim"
printf '%s' "$out" >"$SCRATCH/by-claim.json"
expect_equal "$(json_field "$SCRATCH/by-claim.json" "[h['pmid'] for h in d['hits']]")" "['9703590']" "the study the headline cites"
run "$QUERY" claims --verdict wonderful
expect_code 2 "an unknown verdict"
# Saving again replaces what the first save stored.
before=$(doc_count)
run "$QUERY" --offline audit "$seeds/002_d57e46c96e91923f.txt" --save --out "$SCRATCH/002.md"
expect_equal "$(doc_count)" "$before" "documents after saving the same page twice"

finish
