# map on the bundled corpus: counts that agree with search, the same map for any name of a
# condition, Markdown with its table, a standalone HTML page with one bubble per group, JSON
# that is the same bytes twice, an empty map that is not an error, and bad input.
. "$(dirname "$0")/../support/cli.sh"

run "$INDEX" --quiet corpus
expect_code 0 "index the corpus"

map_json() {  # map_json NAME ARGS...: runs map --format json into $SCRATCH/NAME.json
  local name=$1
  shift
  "$QUERY" map "$@" --format json >"$SCRATCH/$name.json" 2>"$SCRATCH/$name.err"
}

# counts_by_group FILE: "level direction count" lines of a map, non-empty groups only, sorted.
counts_by_group() {
  json_field "$1" "'\n'.join(f\"{l['level']} {k} {c['count']}\" for l in d['levels'] for k, c in sorted(l['cells'].items()) if c['count'])"
}

# Each condition's map counts exactly the studies search finds on it, by level and direction.
for condition in rls magnesium-deficiency anxiety inflammation insomnia; do
  map_json "map-$condition" --condition "$condition"
  "$QUERY" search --condition "$condition" --format json --limit 1000 >"$SCRATCH/search-$condition.json" 2>/dev/null
  expected=$(json_field "$SCRATCH/search-$condition.json" \
    "'\n'.join(f'{l} {r} {n}' for (l, r), n in sorted(__import__('collections').Counter((h['level'], h['result_direction']) for h in d['hits'] if not h['is_notice']).items()))")
  expect_equal "$(counts_by_group "$SCRATCH/map-$condition.json")" "$expected" "map and search by level and direction ($condition)"
  expect_equal "$(json_field "$SCRATCH/map-$condition.json" "d['total'] + len(d['notices_left_out'])")" \
    "$(json_field "$SCRATCH/search-$condition.json" "d['total']")" "map and search totals ($condition)"
done
[ "$(json_field "$SCRATCH/map-rls.json" "d['total']")" -ge 2 ] || fail "rls: fewer than 2 studies in the map"

# The totals add up: rows, columns and the whole.
json_field "$SCRATCH/map-magnesium-deficiency.json" \
  "all(l['total'] == sum(c['count'] for c in l['cells'].values()) for l in d['levels']) and d['total'] == sum(l['total'] for l in d['levels']) == sum(d['by_direction'].values()) == len(d['studies'])" |
  grep -qx True || fail "magnesium-deficiency map totals do not add up"

# Every study listed in a cell has that cell's level and direction, and studies come strongest first.
json_field "$SCRATCH/map-magnesium-deficiency.json" \
  "all(s['level'] == l['level'] and s['result_direction'] == k for l in d['levels'] for k, c in l['cells'].items() for s in [next(x for x in d['studies'] if x['id'] == i) for i in c['studies']])" |
  grep -qx True || fail "a study in the wrong cell"
levels=$(json_field "$SCRATCH/map-magnesium-deficiency.json" "' '.join(str(s['level']) for s in d['studies'])")
expect_equal "$levels" "$(printf '%s\n' $levels | sort -n | tr '\n' ' ' | sed 's/ $//')" "studies strongest first"
expect_equal "$(json_field "$SCRATCH/map-rls.json" "sorted(d)")" \
  "['by_direction', 'condition', 'directions', 'intervention', 'levels', 'notices_left_out', 'query', 'studies', 'summary', 'total', 'years']" "JSON keys"
expect_equal "$(json_field "$SCRATCH/map-rls.json" "' '.join(d['directions'])")" "positive null negative mixed unclear" "column order"

# Any name of a condition gives the same map, in every format.
for format in md json html; do
  "$QUERY" map --condition rls --format "$format" >"$SCRATCH/abbrev.$format" 2>/dev/null
  "$QUERY" map --condition "restless legs" --format "$format" >"$SCRATCH/name.$format" 2>/dev/null
  "$QUERY" map --condition restless-legs-syndrome --format "$format" >"$SCRATCH/id.$format" 2>/dev/null
  cmp -s "$SCRATCH/abbrev.$format" "$SCRATCH/name.$format" || fail "map rls and 'restless legs' differ ($format)"
  cmp -s "$SCRATCH/abbrev.$format" "$SCRATCH/id.$format" || fail "map rls and restless-legs-syndrome differ ($format)"
done
map_json again --condition rls
cmp -s "$SCRATCH/map-rls.json" "$SCRATCH/again.json" || fail "JSON differs between two runs"

# Markdown: the title, the sentence, the table header, a row per level, the 1998 pilot listed.
run "$QUERY" map --condition rls
expect_code 0 "map rls"
expect_equal "$(printf '%s\n' "$out" | head -1)" "# Evidence map: Restless legs syndrome" "Markdown title"
expect_equal "$(printf '%s\n' "$out" | sed -n 3p)" "$(json_field "$SCRATCH/map-rls.json" "d['summary']")" "the sentence first"
expect_contains "$out" "| Level | Designs | positive | null | negative | mixed | unclear | Total |" "Markdown table header"
expect_equal "$(printf '%s\n' "$out" | grep -c '^| [1-5] |')" "5" "one table row per level"
# The two RLS studies (README: a 2019 systematic review that found no effect, the 1998 open
# pilot that found one) land in their cells.
expect_contains "$out" "| 1 | meta-analysis, systematic-review | 0 | 1 | 0 | 0 | 0 | **1** |" "rls level 1 row"
expect_contains "$out" "| pmid:9703590 | uncontrolled-trial | 10 | 1998 | positive |" "the 1998 pilot in the rls map"
expect_contains "$err" "studies on Restless legs syndrome" "the sentence on stderr"

# HTML: standalone, one SVG, one bubble per non-empty group, record text escaped.
run "$QUERY" map --condition magnesium-deficiency --format html --out "$SCRATCH/map.html"
expect_code 0 "map --format html --out"
expect_equal "$out" "" "nothing on stdout with --out"
html=$(cat "$SCRATCH/map.html")
expect_contains "$html" "<!DOCTYPE html>" "HTML page"
expect_equal "$(grep -o '<svg' "$SCRATCH/map.html" | wc -l)" "1" "one SVG drawing"
expect_equal "$(grep -o '<g class="cell ' "$SCRATCH/map.html" | wc -l)" \
  "$(counts_by_group "$SCRATCH/map-magnesium-deficiency.json" | wc -l)" "one bubble per non-empty group"
grep -Eq '(src|href)="(https?:)?//[^"]*\.(css|js|png|svg)' "$SCRATCH/map.html" && fail "the page loads an external resource"
# Parsed back, the page's text holds every title as the record has it; a title with <, > or &
# never appears raw in the markup.
expect_equal "$("$PYTHON" - "$SCRATCH/map.html" "$SCRATCH/map-magnesium-deficiency.json" <<'PY'
import json, sys
from html.parser import HTMLParser
page = open(sys.argv[1], encoding='utf-8').read()
studies = json.load(open(sys.argv[2]))['studies']
class Text(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
    def handle_data(self, data):
        self.parts.append(data)
parser = Text()
parser.feed(page)
text = ''.join(parser.parts)
print(all(s['title'] in text for s in studies) and
      not any(s['title'] in page for s in studies if any(c in s['title'] for c in '<>&')))
PY
)" "True" "titles in the page, escaped"

# A condition with no studies indexed: exit 0 and say so, in every format.
run "$QUERY" map --condition acne
expect_code 0 "map with no studies"
expect_contains "$out" "No studies indexed on Acne." "empty Markdown"
run "$QUERY" map --condition acne --format json
expect_code 0 "empty JSON"
printf '%s' "$out" >"$SCRATCH/empty.json"
expect_equal "$(json_field "$SCRATCH/empty.json" "d['total'], sum(d['by_direction'].values()), len(d['levels'])")" "0 0 5" "empty JSON counts"
run "$QUERY" map --condition acne --format html
expect_contains "$out" "No studies indexed on Acne." "empty HTML"

# An intervention narrows the map as intervention: narrows search.
map_json mg-rls --condition rls --intervention magnesium
"$QUERY" search --condition rls intervention:magnesium --format json --limit 1000 >"$SCRATCH/mg-search.json" 2>/dev/null
expect_equal "$(json_field "$SCRATCH/mg-rls.json" "sorted(s['id'] for s in d['studies'])")" \
  "$(json_field "$SCRATCH/mg-search.json" "sorted(('pmid:' + h['pmid']) if h['pmid'] else 'doi:' + h['doi'] for h in d['hits'])")" \
  "--intervention magnesium and intervention:magnesium"
expect_equal "$(json_field "$SCRATCH/mg-rls.json" "d['intervention']")" "magnesium" "intervention in the JSON"

# Bad input: exit 2 with one line naming the problem; no index: exit 1 with the path.
run "$QUERY" map --condition no-such-disease
expect_code 2 "unknown condition"
expect_contains "$err" "unknown condition 'no-such-disease'" "unknown condition message"
expect_equal "$(printf '%s\n' "$err" | wc -l)" "1" "one line for an unknown condition"
run "$QUERY" map --condition rls --intervention banana
expect_code 2 "unknown intervention"
expect_contains "$err" "unknown intervention 'banana'" "unknown intervention message"
run "$QUERY" map
expect_code 2 "map without --condition"
expect_contains "$err" "--condition" "missing --condition message"
run "$QUERY" map --condition rls --format pdf
expect_code 2 "unknown format"
run "$QUERY" map --condition rls --year 2020..2010
expect_code 2 "year range the wrong way round"
run "$QUERY" --db "$SCRATCH/nowhere" map --condition rls
expect_code 1 "map without an index"
expect_contains "$err" "$SCRATCH/nowhere" "missing index names the path"
finish
