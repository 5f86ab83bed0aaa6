# evidex-index retractions: the Retraction Watch CSV matched to the index by DOI, then PMID, then
# title; the studies marked retracted; an audit flags a citation of a retracted study.
. "$(dirname "$0")/../support/cli.sh"
csv="$EVIDEX_SOURCE_DIR/tests/data/retractions/retraction_watch_sample.csv"

run "$INDEX" --quiet corpus
expect_code 0 "index the corpus"
run "$QUERY" show pmid:9703590 --format json
printf '%s' "$out" >"$SCRATCH/before.json"
expect_equal "$(json_field "$SCRATCH/before.json" "d['retracted']")" False "not retracted before the file"

run "$INDEX" retractions "$csv"
expect_code 3 "the sample with one row that names no paper"
expect_contains "$err" "retraction_watch_sample.csv:8: row has no DOI, no PubMed ID and no title" "the bad row, by line"
expect_contains "$err" "5 notices read: 4 matched a study (2 by DOI, 1 by PMID, 1 by title)" "how the rows matched"
expect_contains "$err" "3 studies newly marked retracted, 1 about papers not in the index" "what changed"

retracted() {
  run "$QUERY" show "$1" --format json
  printf '%s' "$out" >"$SCRATCH/show.json"
  json_field "$SCRATCH/show.json" "(d['retracted'], 'retracted' in d['flags'])"
}
expect_equal "$(retracted doi:10.3390/nu11081927)" "(True, True)" "matched by DOI"
expect_equal "$(retracted pmid:9703590)" "(True, True)" "matched by PMID"
expect_equal "$(retracted pmid:23853635)" "(True, True)" "matched by normalised title"
expect_equal "$(retracted doi:10.1111/head.12789)" "(False, False)" "a correction does not retract"
expect_contains "$(json_field "$SCRATCH/show.json" "[n['kind'] + ': ' + n['note'] for n in d['notices']]")" \
  "RetractionWatch: Correction, 5/5/2017 0:00" "the correction is kept as a notice"
run "$QUERY" show pmid:9703590
expect_contains "$out" RETRACTED "the text form says so"

# Loading the file again changes nothing more.
run "$INDEX" --quiet retractions "$csv"
expect_contains "$err" "0 studies newly marked retracted" "a second load"
run "$QUERY" show pmid:9703590 --format json
printf '%s' "$out" >"$SCRATCH/again.json"
expect_equal "$(json_field "$SCRATCH/again.json" "len([n for n in d['notices'] if n['kind'] == 'RetractionWatch'])")" 1 \
  "the notice is kept once, not once a load"

# An audit flags the retracted citation.
cat >"$SCRATCH/page.txt" <<'PAGE'
Magnesium for restless legs

Magnesium CAN help restless legs syndrome [1].

References

1. Hornyak M, Voderholzer U, Hohagen F, Berger M, Riemann D. Magnesium therapy for periodic leg movements-related insomnia and restless legs syndrome: an open pilot study. Sleep. 1998;21(5):501-5. PMID: 9703590
PAGE
run "$QUERY" --offline audit "$SCRATCH/page.txt" --format json
expect_code 0 "audit of a page citing a retracted study"
printf '%s' "$out" >"$SCRATCH/audit.json"
expect_contains "$(json_field "$SCRATCH/audit.json" "d['references'][0]['flags']")" retracted "the reference is flagged"
expect_contains "$(json_field "$SCRATCH/audit.json" "d['claims'][0]['flags']")" retracted "the claim citing it is flagged"

# Not the Retraction Watch file: a clear error, nothing changed.
printf 'name,age\nx,1\n' >"$SCRATCH/other.csv"
run "$INDEX" retractions "$SCRATCH/other.csv"
expect_code 1 "another CSV"
expect_contains "$err" "not the Retraction Watch CSV" "why"
run "$INDEX" retractions "$SCRATCH/missing.csv"
expect_code 1 "a missing file"
finish
