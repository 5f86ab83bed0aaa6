# evidex-index pubmed and doi against the local test server with faults switched on: every
# requested record ends indexed or reported, none twice, nothing cached from a failed reply,
# requests never faster than the limit nor before a Retry-After, and --offline reruns from the
# cache.
. "$(dirname "$0")/../support/cli.sh"

# The slow reply outlasts the client's 1 s timeout by half a second.
start_services "efetch:429,efetch:500,efetch:truncate,efetch:html,efetch:error200,works:503,works:reset,esearch:slow,doi:429" \
  --slow-seconds 1.5

pmids=(9703590 23853635 28445426 30562392 11794633 16542786 99999999)
run "$INDEX" "${NET[@]}" pubmed "${pmids[@]}"
expect_code 3 "pubmed with faults (one PMID unknown)"
expect_contains "$err" "not found: pmid:99999999" "the unknown PMID is reported as not found"
expect_contains "$err" "7 read, 6 added" "six records indexed"
expect_contains "$err" "0 failed" "the faults were retried away"
expect_equal "$(doc_count)" 6 "documents after pubmed"

dois=(10.1136/openhrt-2018-000775 10.3390/NU9050429 https://doi.org/10.1007/BF00400855 10.1000/not-a-known-doi)
run "$INDEX" "${NET[@]}" doi "${dois[@]}"
expect_code 3 "doi with faults (one DOI unknown)"
expect_contains "$err" "not found: doi:10.1000/not-a-known-doi" "the unknown DOI is reported as not found"
expect_contains "$err" "0 failed" "the faults were retried away"
# 28445426 was indexed from PubMed: its DOI joins that document; the other two are new.
expect_equal "$(doc_count)" 8 "documents after doi: one study known both ways is one document"
"$QUERY" show doi:10.3390/nu9050429 --format json >"$SCRATCH/boyle.json"
expect_equal "$(json_field "$SCRATCH/boyle.json" "d['pmid']")" 28445426 "the DOI's study carries its PMID"

# Rate and Retry-After, judged from the server's own arrival times.
"$PYTHON" "$EVIDEX_SOURCE_DIR/tests/support/fake_services.py" --check-rate "$SCRATCH/requests.log" \
  --service efetch,esearch,esummary,idconv --max-per-second 3 >"$SCRATCH/rate.txt" 2>&1 ||
  fail "E-utilities requests faster than 3/s: $(cat "$SCRATCH/rate.txt")"
"$PYTHON" "$EVIDEX_SOURCE_DIR/tests/support/fake_services.py" --check-retry-after "$SCRATCH/requests.log" \
  >"$SCRATCH/retry.txt" 2>&1 || fail "a request came before its Retry-After: $(cat "$SCRATCH/retry.txt")"

# Nothing from a failed reply is in the cache: no cached body is an HTML page or an error body.
if grep -rlE 'Service unavailable|API rate limit exceeded|<html' "$SCRATCH/cache" >/dev/null 2>&1; then
  fail "a failed reply was cached: $(grep -rlE 'Service unavailable|API rate limit exceeded|<html' "$SCRATCH/cache")"
fi

# Offline, the same runs are answered from the cache alone. (The server logs a request when it
# ends: let the slow reply the client gave up on finish first.)
sleep 1.5
before=$(wc -l <"$SCRATCH/requests.log")
run "$INDEX" "${NET[@]}" --offline pubmed "${pmids[@]}"
expect_code 3 "pubmed --offline (the unknown PMID is still unknown)"
expect_contains "$err" "not found: pmid:99999999" "offline: the unknown PMID"
expect_contains "$err" "0 requests" "no request offline"
run "$INDEX" "${NET[@]}" --offline doi "${dois[@]:0:3}"
expect_code 0 "doi --offline"
expect_equal "$(wc -l <"$SCRATCH/requests.log")" "$before" "server requests during the offline runs"
expect_equal "$(doc_count)" 8 "documents after the offline reruns"

# A PMID that keeps failing is reported as failed, named, and never cached.
kill "$SERVICES_PID"; wait "$SERVICES_PID" 2>/dev/null
start_services "efetch:503:20"
run "$INDEX" "${NET[@]}" pubmed 9703590 20807870
expect_code 1 "pubmed against a service that keeps failing"
expect_contains "$err" "error: pmid:20807870: efetch failed: HTTP 503" "the failed PMID is named with why"
run "$INDEX" "${NET[@]}" --offline pubmed 20807870
expect_code 1 "the failed batch is not in the cache"
expect_contains "$err" "not in the cache" "offline miss message"

# An NCBI API key is sent to E-utilities and never written to the cache or printed.
kill "$SERVICES_PID"; wait "$SERVICES_PID" 2>/dev/null
start_services "efetch:500"
NCBI_API_KEY=key-must-stay-secret run "$INDEX" "${NET[@]}" --db "$SCRATCH/key-index" pubmed 23798918
expect_code 0 "pubmed with an API key"
grep -q 'key-must-stay-secret' "$SCRATCH/requests.log" || fail "the API key was not sent to E-utilities"
case "$out$err" in *key-must-stay-secret*) fail "the API key was printed" ;; esac
if grep -rq 'key-must-stay-secret' "$SCRATCH/cache"; then fail "the API key reached the cache"; fi

# Invalid ids are usage errors that name them.
run "$INDEX" "${NET[@]}" pubmed 12x
expect_code 2 "an invalid PMID"
expect_contains "$err" "'12x' is not a valid PMID" "invalid PMID message"
run "$INDEX" "${NET[@]}" doi 11.5/abc
expect_code 2 "an invalid DOI"
finish
