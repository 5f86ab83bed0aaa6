# search-pubmed indexes every hit of a search; --resume after a killed run refetches nothing
# that was indexed and completes the set.
. "$(dirname "$0")/../support/cli.sh"
start_services

run "$INDEX" "${NET[@]}" search-pubmed magnesium
expect_code 0 "search-pubmed magnesium"
total=$(doc_count)
[ "$total" -gt 10 ] || fail "search-pubmed magnesium indexed only $total studies"
expect_contains "$err" "$total added" "every hit indexed"

# A search larger than esearch can page through is split by publication year: with the
# server's window cut to 5 hits, the same search still indexes every hit.
export EVIDEX_DB="$SCRATCH/split-index"
kill "$SERVICES_PID"; wait "$SERVICES_PID" 2>/dev/null
start_services "" --esearch-limit 5
EVIDEX_ESEARCH_WINDOW=5 run "$INDEX" "${NET[@]}" search-pubmed magnesium
expect_code 0 "search-pubmed over a 5-hit esearch window"
expect_equal "$(doc_count)" "$total" "documents from the split search"
grep -q '"mindate"' "$SCRATCH/requests.log" || fail "the split search never asked for a date range"

# A second index: kill the run after its first committed batch, then resume.
export EVIDEX_DB="$SCRATCH/resume-index"
kill "$SERVICES_PID"; wait "$SERVICES_PID" 2>/dev/null
start_services "efetch:slow:50"   # every efetch takes seconds, so the run is still going when killed
"$INDEX" "${NET[@]}" search-pubmed magnesium --commit-every 1 --jobs 1 >/dev/null 2>&1 &
victim=$!
for _ in $(seq 100); do
  [ "$(requests_to efetch)" -ge 2 ] && break
  sleep 0.1
done
kill -9 "$victim" 2>/dev/null
wait "$victim" 2>/dev/null
xapian-check "$EVIDEX_DB" >/dev/null 2>&1 || fail "xapian-check fails after kill -9"
partial=$(doc_count)
partial=${partial:-0}
kill "$SERVICES_PID"; wait "$SERVICES_PID" 2>/dev/null
start_services
run "$INDEX" "${NET[@]}" search-pubmed magnesium --resume
expect_code 0 "search-pubmed --resume"
expect_equal "$(doc_count)" "$total" "documents after resuming"
fetched=$(grep '"service": "efetch"' "$SCRATCH/requests.log" | grep -o '"id": "[^"]*"' | tr -d '"' | sed 's/id: //' | tr ',' '\n' | grep -c .)
expect_equal "$fetched" "$((total - partial))" "PMIDs fetched by the resumed run (only those not yet indexed)"
finish
