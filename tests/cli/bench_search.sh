# evidex-bench-search and its peer on a small generated index: every query of the mix runs, the
# mix file holds what the peer needs, and the peer finds the same totals as Evidex (the same
# queries on the same index). Figures are printed, never checked: timing is not a test.
. "$(dirname "$0")/../support/cli.sh"

GEN="$EVIDEX_BIN/evidex-gen-baseline"
BENCH="$EVIDEX_BIN/evidex-bench-search"
{ [ -x "$GEN" ] && [ -x "$BENCH" ]; } || { echo "skipped: the bench tools are not built" >&2; exit 77; }

"$GEN" --records 200 --seed 3 --out "$SCRATCH/files" 2>/dev/null
run "$INDEX" --quiet file "$SCRATCH"/files/*.xml.gz
expect_code 0 "index 200 generated records"

run "$BENCH" --db "$EVIDEX_DB" --per-category 5 --json "$SCRATCH/evidex.json"
expect_code 0 "bench on the small index"
expect_contains "$out" "text+condition" "the table"
expect_equal "$(json_field "$SCRATCH/evidex.json" "[d['categories'][c]['count'] for c in ('text', 'text+condition', 'design+years', 'facets', 'all')]")" \
  "[5, 5, 5, 5, 20]" "queries of each category"
expect_equal "$(json_field "$SCRATCH/evidex.json" "d['studies']")" "200" "studies"

run "$BENCH" --per-category 5 --write-mix "$SCRATCH/mix.jsonl"
expect_code 0 "write the mix"
expect_equal "$(wc -l <"$SCRATCH/mix.jsonl")" "20" "lines of the mix"
"$PYTHON" - "$SCRATCH/mix.jsonl" <<'PY' || fail "the mix file does not hold what the peer reads"
import json, sys
for line in open(sys.argv[1]):
    q = json.loads(line)
    assert q["filters"][0] == "XTYPEstudy", q
    assert q["category"] in ("text", "text+condition", "design+years", "facets"), q
    assert q["text"] or len(q["filters"]) > 1 or q["years"], q
PY
run "$BENCH" --per-category 5 --write-mix "$SCRATCH/mix2.jsonl"
cmp -s "$SCRATCH/mix.jsonl" "$SCRATCH/mix2.jsonl" || fail "the mix differs between two runs"

if /usr/bin/python3 -c 'import xapian' 2>/dev/null; then
  run /usr/bin/python3 "$EVIDEX_SOURCE_DIR/bench/peer_search.py" --db "$EVIDEX_DB" --mix "$SCRATCH/mix.jsonl" \
    --json "$SCRATCH/peer.json"
  expect_code 0 "the peer"
  totals="[round(d['categories'][c]['mean_total'], 6) for c in ('text', 'text+condition', 'design+years', 'facets')]"
  expect_equal "$(json_field "$SCRATCH/peer.json" "$totals")" "$(json_field "$SCRATCH/evidex.json" "$totals")" \
    "mean totals of the peer against Evidex"
else
  echo "note: python3-xapian is absent; the peer is not run" >&2
fi

finish
