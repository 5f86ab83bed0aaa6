# The hand-labelled evaluation set is well formed, and evidex-eval-classifier scores the
# classifier with it: both runs, each with its accuracy table and design confusion matrix.
# The figures themselves are reported, not asserted: they are targets, not thresholds.
. "$(dirname "$0")/../support/cli.sh"
need_shared

LABELS="$EVIDEX_SOURCE_DIR/tests/data/eval/labels.tsv"
EVAL="$EVIDEX_BIN/evidex-eval-classifier"
DESIGNS="$EVIDEX_SOURCE_DIR/schemas/designs.tsv"

[ -f "$LABELS" ] || { echo "FAIL: $LABELS is missing" >&2; exit 1; }

# Every row: a known source root, a pmid:N or lower-case doi:X, a design id from schemas/designs.tsv,
# a blinding and a direction from DESIGN.md, an empty or positive n; no record labelled twice.
problems=$(awk -F'\t' '
  FNR == NR { if ($0 !~ /^#/ && $1 != "id" && $1 != "") design[$1] = 1; next }
  /^#/ || /^[[:space:]]*$/ { next }
  !header { header = 1
            if ($0 != "source\tid\tdesign\tblinding\tn\tdirection\tnote") print FNR ": header is not source id design blinding n direction note"
            next }
  { rows++
    where = FNR ": "
    if (NF != 7) print where NF " fields, expected 7"
    if ($1 !~ /^(shared|source):[^ ]+$/) print where "bad source " $1
    if ($2 !~ /^pmid:[1-9][0-9]*$/ && $2 !~ /^doi:10\.[^ A-Z]+\/[^ A-Z]+$/) print where "bad id " $2
    if (!($3 in design)) print where "unknown design " $3
    if ($4 !~ /^(double|single|open|unknown)$/) print where "unknown blinding " $4
    if ($5 != "" && $5 !~ /^[1-9][0-9]*$/) print where "n is not a positive count: " $5
    if ($6 !~ /^(positive|null|negative|mixed|unclear)$/) print where "unknown direction " $6
    if (($1 SUBSEP $2) in seen) print where $2 " labelled twice"
    seen[$1, $2] = 1 }
  END { print "rows " rows + 0 }' "$DESIGNS" "$LABELS")
rows=$(printf '%s\n' "$problems" | sed -n 's/^rows //p')
printf '%s\n' "$problems" | grep -v '^rows ' | sed "s|^|FAIL: labels.tsv:|" >&2
[ "$(printf '%s\n' "$problems" | grep -vc '^rows ')" -eq 0 ] || failures=$((failures + 1))
[ "${rows:-0}" -ge 150 ] || fail "labels.tsv has ${rows:-0} labelled rows, expected at least 150"

# The labels come from every source the issue names.
for source in shared:fixtures/pubmed/efetch_ shared:fixtures/pubmed/baseline_ source:corpus/pubmed/ \
              source:corpus/crossref/ shared:fixtures/crossref/work_; do
  grep -q "^$source" "$LABELS" || fail "no label from $source"
done

[ -x "$EVAL" ] || { echo "FAIL: $EVAL is not built" >&2; exit 1; }
run "$EVAL" --labels "$LABELS" --json "$SCRATCH/eval.json"
expect_code 0 "evidex-eval-classifier"
if [ "$code" -eq 0 ]; then
  expect_contains "$out" "== with publication types and MeSH ==" "the full run"
  expect_contains "$out" "== title and abstract only" "the text-only run"
  for field in "records    $rows" "design  " "blinding" "n exact" "direction"; do
    [ "$(printf '%s\n' "$out" | grep -c -- "^  $field")" -eq 2 ] || fail "'$field' is not printed once per run"
  done
  [ "$(printf '%s\n' "$out" | grep -c 'design confusion (rows: label, columns: predicted')" -eq 2 ] ||
    fail "a design confusion matrix is not printed for each run"
  expect_contains "$out" "design misses" "the list of design misses"
  expect_equal "$(json_field "$SCRATCH/eval.json" "[r['name'] for r in d['runs']]")" "['full', 'text-only']" "JSON runs"
  expect_equal "$(json_field "$SCRATCH/eval.json" "d['runs'][1]['records']")" "$rows" "JSON record count"
fi

# A label whose record is not in its source is an error that names it, never a silent drop.
{ grep '^#' "$LABELS"; printf 'source\tid\tdesign\tblinding\tn\tdirection\tnote\n'
  printf 'source:corpus/pubmed/9703590.xml\tpmid:1\tother\tunknown\t\tunclear\t\n'; } >"$SCRATCH/missing.tsv"
run "$EVAL" --labels "$SCRATCH/missing.tsv"
expect_code 1 "a label whose record is missing"
expect_contains "$err" "pmid:1 not found in source:corpus/pubmed/9703590.xml" "missing record message"
finish
