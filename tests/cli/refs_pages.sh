# evidex-index refs: the seed pages offline against the bundled corpus, and resolution through
# the live path (bibliographic search) against the local test server.
. "$(dirname "$0")/../support/cli.sh"
need_shared
seeds="$SHARED/seeds"

run "$INDEX" corpus --quiet
expect_code 0 "index the corpus"

# The sales page: 38 numbered references.
run "$INDEX" --offline refs "$seeds/000_11ac764d89010b1a.txt" --format json
expect_code 0 "refs on the sales page"
printf '%s' "$out" >"$SCRATCH/000.json"
ref() { json_field "$SCRATCH/000.json" "[r for r in d['references'] if r['label'] == '$1'][0]$2"; }
expect_equal "$(json_field "$SCRATCH/000.json" "len(d['references'])")" 38 "references on the sales page"
# Every reference is resolved or carries a flag that says why not.
expect_equal "$(json_field "$SCRATCH/000.json" "sum(1 for r in d['references'] if not r['resolved'] and not r['flags'])")" 0 \
  "references neither resolved nor flagged"
expect_equal "$(ref 1 "['pmid']")" 25540137 "reference 1 (de Baaij 2015, by its DOI)"
expect_equal "$(ref 17 "['pmid']")" 23853635 "reference 17 (Abbasi 2012, no identifier on the page: found by title)"
expect_equal "$(ref 30 "['duplicate_of']")" 3 "reference 30 repeats 3"
expect_equal "$(ref 32 "['duplicate_of']")" 3 "reference 32 repeats 3"
expect_equal "$(ref 33 "['duplicate_of']")" 4 "reference 33 repeats 4"
expect_equal "$(ref 3 "['duplicate_of']")" None "the first citation is not a duplicate"
expect_contains "$(ref 31 "['flags']")" unpublished "reference 31, an internal report"
expect_equal "$(ref 31 "['resolved']")" False "reference 31 is not forced onto a paper"
expect_contains "$(ref 38 "['flags']")" unresolvable-citation "reference 38, a fact sheet"
expect_equal "$(ref 38 "['resolved']")" False "reference 38 is not forced onto a paper"
expect_equal "$(ref 26 "['design']")" animal "reference 26 (a rat study)"

# The short RLS page: its title-only citation and its allusion both reach the pilot study in Sleep.
run "$INDEX" --offline refs "$seeds/002_d57e46c96e91923f.txt" --format json
expect_code 0 "refs on the RLS page"
printf '%s' "$out" >"$SCRATCH/002.json"
expect_equal "$(json_field "$SCRATCH/002.json" "d['references'][0]['pmid']")" 9703590 "the title-only citation"
expect_equal "$(json_field "$SCRATCH/002.json" "[c['key'] for a in d['allusions'] for c in a['candidates'] if c['accepted'] and 'Sleep' in a['text']][0]")" \
  pmid:9703590 "the allusion to a study in Sleep"
expect_contains "$(json_field "$SCRATCH/002.json" "d['references'][1]['flags']")" unresolvable-citation "the NINDS fact sheet"

# Live: an empty index, a page whose entries carry no identifiers.
export EVIDEX_DB="$SCRATCH/live-index"
start_services
cat >"$SCRATCH/live.txt" <<'PAGE'
Magnesium and sleep

Magnesium helped elderly people sleep in one trial.

References

1. Abbasi B, Kimiagar M, Sadeghniiat K. The effect of magnesium supplementation on primary insomnia in elderly: a double-blind placebo-controlled clinical trial. J Res Med Sci. 2012.
2. DiNicolantonio JJ, Liu J, O'Keefe JH. Magnesium for the prevention and treatment of cardiovascular disease. Open Heart. 2018.
3. Turnip Q, Marrow Z. Seasonal colour of root vegetables in northern gardens. Veg Rev. 1999.
PAGE
run "$INDEX" "${NET[@]}" refs "$SCRATCH/live.txt" --format json
expect_code 0 "refs through the live path"
printf '%s' "$out" >"$SCRATCH/live.json"
live() { json_field "$SCRATCH/live.json" "d['references'][$1]$2"; }
expect_equal "$(live 0 "['pmid']")" 23853635 "a title-only entry found by PubMed search"
expect_equal "$(live 0 "['method']")" search:pubmed "how entry 1 was found"
expect_equal "$(live 1 "['doi']")" 10.1136/openhrt-2018-000775 "an entry found by Crossref bibliographic search"
expect_equal "$(live 1 "['method']")" search:crossref "how entry 2 was found"
expect_equal "$(live 2 "['resolved']")" False "an entry with no close candidate stays unresolved"
expect_contains "$(live 2 "['flags']")" unresolvable-citation "the unresolved entry is flagged"
# What was found is indexed.
run "$QUERY" show pmid:23853635
expect_code 0 "the study found by search is indexed"

# Live allusions: an index that does not hold the study, a sentence naming journal and year.
export EVIDEX_DB="$SCRATCH/allusion-index"
cat >"$SCRATCH/allusion.txt" <<'PAGE'
Magnesium and restless legs

A study published in Sleep in 1998 found that magnesium helped 10 patients with restless legs sleep better.

A 2005 study published in 'Vegetable Review' found that magnesium helps turnips grow.
PAGE
run "$INDEX" "${NET[@]}" refs "$SCRATCH/allusion.txt" --format json
expect_code 0 "refs with allusions through the live path"
printf '%s' "$out" >"$SCRATCH/allusion.json"
expect_equal "$(json_field "$SCRATCH/allusion.json" "[c['key'] for a in d['allusions'] for c in a['candidates'] if c['accepted'] and 'Sleep' in a['text']]")" \
  "['pmid:9703590']" "the allusion to a study in Sleep, found in PubMed"
expect_equal "$(json_field "$SCRATCH/allusion.json" "[c['key'] for a in d['allusions'] for c in a['candidates'] if c['accepted'] and 'Vegetable' in a['text']]")" \
  "[]" "an allusion no record matches stays unresolved"
run "$QUERY" show pmid:9703590
expect_code 0 "the study found for the allusion is indexed"
finish
