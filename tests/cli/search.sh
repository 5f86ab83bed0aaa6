# search on the bundled corpus: filters, conditions by any name, phrases, ranges, sort orders,
# facets that count every match, byte-identical JSON, CSV a parser reads, and bad input.
. "$(dirname "$0")/../support/cli.sh"

run "$INDEX" --quiet corpus
expect_code 0 "index the corpus"

# pmids FILE: the pmid of each hit of a JSON result, one a line.
pmids() { json_field "$1" "'\n'.join(h['pmid'] or h['doi'] for h in d['hits'])"; }

search_json() {  # search_json NAME ARGS...: runs a search with --format json into $SCRATCH/NAME.json
  local name=$1
  shift
  "$QUERY" search "$@" --format json --limit 1000 >"$SCRATCH/$name.json" 2>"$SCRATCH/$name.err"
}

# The RLS studies by strength: the 2019 systematic review first, the 1998 pilot among them.
run "$QUERY" search --condition restless-legs-syndrome --sort level --facets
expect_code 0 "search rls by level"
first=$(printf '%s\n' "$out" | sed -n 2p)
expect_contains "$first" "systematic-review" "first hit of the rls search"
expect_contains "$first" "2019" "first hit of the rls search"
expect_contains "$out" "pmid:9703590" "the 1998 pilot in the rls search"
expect_contains "$out" "Facets" "facets shown"
expect_contains "$err" "studies match" "summary on stderr"

# Every level of a search sorted by level comes in order, strongest first.
search_json rls --condition restless-legs-syndrome --sort level
levels=$(json_field "$SCRATCH/rls.json" "' '.join(str(h['level']) for h in d['hits'])")
expect_equal "$levels" "$(printf '%s\n' $levels | sort -n | tr '\n' ' ' | sed 's/ $//')" "levels in order"
expect_equal "$(pmids "$SCRATCH/rls.json" | grep -c 9703590)" "1" "the pilot once"

# Any name of a condition finds the same studies.
search_json by_abbrev --condition rls
search_json by_name --condition "restless legs"
cmp -s "$SCRATCH/by_abbrev.json" "$SCRATCH/by_name.json" || fail "--condition rls and 'restless legs' differ"
[ "$(json_field "$SCRATCH/by_abbrev.json" "d['total']")" -ge 2 ] || fail "rls: fewer than 2 studies"
json_field "$SCRATCH/by_abbrev.json" "all('restless-legs-syndrome' in h['conditions'] for h in d['hits'])" |
  grep -qx True || fail "--condition rls returned a study without the condition"
search_json by_prefix condition:rls
cmp -s "$SCRATCH/by_abbrev.json" "$SCRATCH/by_prefix.json" || fail "condition:rls differs from --condition rls"

# A phrase finds only studies whose title or abstract holds the words in that order.
search_json phrase '"restless legs"'
[ "$(json_field "$SCRATCH/phrase.json" "d['total']")" -ge 1 ] || fail "no hit for the phrase"
json_field "$SCRATCH/phrase.json" \
  "all('restless leg' in (h['title'] + ' '.join(s['text'] for s in h['abstract'])).lower() for h in d['hits'])" |
  grep -qx True || fail "a phrase hit without the phrase"

# Exact fields take their value in any case; a quoted value may hold spaces.
search_json mesh 'mesh:"Restless Legs Syndrome"'
expect_equal "$(pmids "$SCRATCH/mesh.json")" "9703590" "mesh: with a quoted descriptor"
search_json author 'author:HORNYAK magnesium'
expect_equal "$(pmids "$SCRATCH/author.json")" "9703590" "author: in upper case"
search_json doi 'doi:10.1016/J.SMRV.2019.101218'
expect_equal "$(json_field "$SCRATCH/doi.json" "[h['doi'] for h in d['hits']]")" "['10.1016/j.smrv.2019.101218']" "doi: in upper case"

# Ranges: year: in the query and --year agree and stay inside the range.
search_json years_q 'year:2010..2015'
search_json years_o --year 2010..2015
cmp -s "$SCRATCH/years_q.json" "$SCRATCH/years_o.json" || fail "year:2010..2015 and --year 2010..2015 differ"
json_field "$SCRATCH/years_q.json" "d['total'] > 0 and all(2010 <= h['year'] <= 2015 for h in d['hits'])" |
  grep -qx True || fail "a study outside 2010..2015"
search_json big 'n:100..'
json_field "$SCRATCH/big.json" "d['total'] > 0 and all(h['n'] >= 100 for h in d['hits'])" |
  grep -qx True || fail "n:100.. returned a smaller study"

# --max-level 2 keeps levels 1 and 2 only.
search_json strong --max-level 2 --facets
json_field "$SCRATCH/strong.json" "d['total'] > 0 and all(h['level'] <= 2 for h in d['hits'])" |
  grep -qx True || fail "--max-level 2 returned a weaker study"

# Listing all: the design facet counts the hits of each design; one page of 1 counts the same.
search_json all --max-level 5 --facets
json_field "$SCRATCH/all.json" \
  "__import__('collections').Counter(h['design'] for h in d['hits']) == d['facets']['design'] and d['total'] == len(d['hits'])" |
  grep -qx True || fail "design facets differ from the hits"
"$QUERY" search --max-level 5 --facets --limit 1 --format json >"$SCRATCH/one.json" 2>/dev/null
expect_equal "$(json_field "$SCRATCH/one.json" "len(d['hits']), d['total'], d['facets']")" \
  "$(json_field "$SCRATCH/all.json" "1, d['total'], d['facets']")" "facets of a page of 1"
expect_equal "$(json_field "$SCRATCH/all.json" "sorted(d)")" "['facets', 'hits', 'total', 'total_exact']" "JSON keys"

# The same search gives the same bytes.
search_json again --max-level 5 --facets
cmp -s "$SCRATCH/all.json" "$SCRATCH/again.json" || fail "JSON differs between two runs"

# CSV parses, with a header and one record a hit.
"$QUERY" search magnesium --format csv --limit 1000 >"$SCRATCH/hits.csv" 2>/dev/null
search_json magnesium magnesium
expect_equal "$("$PYTHON" -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1], newline=''))); print(len(r), all(x['design'] for x in r), list(r[0])[:3])" "$SCRATCH/hits.csv")" \
  "$(json_field "$SCRATCH/magnesium.json" "d['total']") True ['pmid', 'doi', 'title']" "CSV records"

# Bad input: exit 2 with one line naming the problem; no index: exit 1 with the path.
run "$QUERY" search --condition no-such-disease
expect_code 2 "unknown condition"
expect_contains "$err" "no-such-disease" "unknown condition message"
run "$QUERY" search magnesium --design trial-ish
expect_code 2 "unknown design"
run "$QUERY" search --year 2020..2010
expect_code 2 "year range the wrong way round"
run "$QUERY" search --max-level 9
expect_code 2 "max-level out of range"
run "$QUERY" search
expect_code 2 "neither query nor filter"
run "$QUERY" search magnesium --sort date
expect_code 2 "unknown sort"
run "$QUERY" search 'year:abc..def'
expect_code 2 "malformed range"
expect_equal "$(printf '%s\n' "$err" | wc -l)" "1" "one line for a malformed query"
run "$QUERY" search foo:bar
expect_code 0 "an unknown prefix is text"
# Citation-manager formats: one record per hit, parsed back.
run "$QUERY" search magnesium --max-level 2 --format json --limit 100
printf '%s' "$out" >"$SCRATCH/cite.json"
hits=$(json_field "$SCRATCH/cite.json" "len(d['hits'])")
run "$QUERY" search magnesium --max-level 2 --format ris --limit 100
expect_code 0 "RIS"
cp "$SCRATCH/stdout" "$SCRATCH/cite.ris"  # as written: $out drops the last line end
expect_equal "$("$PYTHON" -c "
import sys
records, open_ = 0, False
for line in open(sys.argv[1], encoding='utf-8', newline='').read().split('\r\n'):
    if line.startswith('TY  - '):
        assert not open_; open_ = True
    elif line.startswith('ER  - '):
        assert open_; open_ = False; records += 1
    elif line:
        assert open_ and line[2:6] == '  - ', line
print(records)" "$SCRATCH/cite.ris")" "$hits" "RIS records"
run "$QUERY" search magnesium --max-level 2 --format bibtex --limit 100
expect_code 0 "BibTeX"
printf '%s' "$out" >"$SCRATCH/cite.bib"
expect_equal "$("$PYTHON" -c "
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
depth = 0
for c in text:
    depth += (c == '{') - (c == '}')
    assert depth >= 0
assert depth == 0
keys = re.findall(r'^@(?:article|book)\{([A-Za-z0-9]+),$', text, re.M)
assert len(keys) == len(set(keys))
print(len(keys))" "$SCRATCH/cite.bib")" "$hits" "BibTeX entries, braces balanced, keys unique"
expect_contains "$out" "pmid = {27402922}" "the blood-pressure meta-analysis's PMID in BibTeX"
run "$QUERY" search magnesium --max-level 2 --format csl-json --limit 100
expect_code 0 "CSL-JSON"
printf '%s' "$out" >"$SCRATCH/cite.csl.json"
expect_equal "$(json_field "$SCRATCH/cite.csl.json" "[i['id'] for i in d] == [('pmid:' + h['pmid']) if h['pmid'] else 'doi:' + h['doi'] for h in json.load(open('$SCRATCH/cite.json'))['hits']]")" \
  True "CSL-JSON items in the order of the hits"
expect_equal "$(json_field "$SCRATCH/cite.csl.json" "all(i['type'] and i['title'] and 'issued' in i for i in d)")" True \
  "CSL-JSON items carry type, title and date"
run "$QUERY" --db "$SCRATCH/nowhere" search magnesium
expect_code 1 "search without an index"
expect_contains "$err" "$SCRATCH/nowhere" "missing index names the path"
# An intervention named any way the vocabulary knows it finds the same studies.
search_json form_id 'intervention:magnesium:oxide'
search_json form_words 'intervention:"magnesium oxide"'
search_json form_cue 'intervention:mgo'
[ "$(json_field "$SCRATCH/form_id.json" "d['total']")" -ge 1 ] || fail "intervention:magnesium:oxide finds nothing"
cmp -s "$SCRATCH/form_id.json" "$SCRATCH/form_words.json" || fail "intervention: 'magnesium oxide' differs from magnesium:oxide"
cmp -s "$SCRATCH/form_id.json" "$SCRATCH/form_cue.json" || fail "intervention: mgo differs from magnesium:oxide"

finish
