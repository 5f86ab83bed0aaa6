#!/usr/bin/env bash
# Self-test of tests/support/fake_services.py with curl (for developers and reviewers; not run by CI).
# Starts the server on the bundled corpus (and the shared fixtures when present), exercises every
# endpoint and fault, checks status, content type and body shape, and stops every server it started.
# Usage: tests/support/test_fake_services.sh        (exit 0 when all checks pass)
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SERVER=$HERE/fake_services.py
PY=${PYTHON:-/usr/bin/python3}
[ -x "$PY" ] || PY=$(command -v python3)
CORPUS=$ROOT/corpus
FIXTURES=${FIXTURES:-$ROOT/../shared/fixtures}
T=$(mktemp -d)
PIDS=()
PASS=0
FAIL=0

cleanup() {
    for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null; done
    rm -rf "$T"
}
trap cleanup EXIT

ok() { PASS=$((PASS + 1)); }
bad() { echo "FAIL: $DESC: $*" >&2; FAIL=$((FAIL + 1)); }
check() { if eval "$1"; then ok; else bad "${2:-$1}"; fi; }

# start_server NAME ARGS... : sets PORT, PID and B (base URL); the log goes to $T/NAME.log
start_server() {
    local name=$1
    shift
    "$PY" "$SERVER" --log "$T/$name.log" --max-seconds 120 "$@" >"$T/$name.out" 2>"$T/$name.err" &
    PID=$!
    PIDS+=("$PID")
    for _ in $(seq 100); do
        grep -q '^PORT ' "$T/$name.out" 2>/dev/null && break
        sleep 0.05
    done
    PORT=$(awk '/^PORT /{print $2}' "$T/$name.out")
    [ -n "$PORT" ] || { echo "server $name did not start:" >&2; cat "$T/$name.err" >&2; exit 1; }
    B=http://127.0.0.1:$PORT
}

# fetch DESC CURL-ARGS... : sets STATUS, CTYPE, RC; body in $T/body, headers in $T/headers
fetch() {
    DESC=$1
    shift
    : >"$T/body"
    : >"$T/headers"
    curl -s -o "$T/body" -D "$T/headers" -w '%{http_code} %{content_type}' "$@" >"$T/meta"
    RC=$?
    read -r STATUS CTYPE <"$T/meta"
}
expect() { check "[ \"$STATUS\" = \"$1\" ] && [[ \"$CTYPE\" == \"$2\"* ]]" "got $STATUS '$CTYPE', wanted $1 '$2'"; }
has() { if grep -q -- "$1" "$T/body"; then ok; else bad "body lacks '$1': $(head -c 300 "$T/body")"; fi; }
lacks() { if grep -q -- "$1" "$T/body"; then bad "body has '$1'"; else ok; fi; }
header() { if grep -qi -- "^$1" "$T/headers"; then ok; else bad "no header '$1'"; fi; }
count() { grep -o -- "$1" "$T/body" | wc -l; }
wellformed() { if "$PY" -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$T/body" 2>/dev/null; then ok; else bad "not well-formed XML"; fi; }
json_ok() { if "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); assert $1, d" "$T/body" 2>/dev/null; then ok; else bad "JSON check failed: $1: $(head -c 300 "$T/body")"; fi; }

DATA=(--data "$CORPUS/pubmed" --data "$CORPUS/crossref")
[ -d "$FIXTURES/pubmed" ] && DATA+=(--data "$FIXTURES/pubmed" --data "$FIXTURES/crossref")
XMLCT="text/xml; charset=UTF-8"
EU=/entrez/eutils

# ------------------------------------------------------------------------- normal answers
start_server main "${DATA[@]}"
MAIN_PID=$PID

fetch "efetch GET" "$B$EU/efetch.fcgi?db=pubmed&id=28445426,99999999,15223977&retmode=xml&tool=t&email=e@x.org"
expect 200 "$XMLCT"
has '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN"'
check "[ \"\$(count '<PubmedArticle>')\" = 2 ]" "two articles"
check "[ \"\$(sed -n 's/.*<PMID Version=\"1\">\([0-9]*\)<.*/\1/p' \"\$T/body\" | tr '\n' ' ')\" = '28445426 15223977 ' ]" "requested order"
lacks 99999999
wellformed
fetch "efetch all unknown" "$B$EU/efetch.fcgi?db=pubmed&id=99999999"
expect 200 "$XMLCT"
has '<PubmedArticleSet>'
lacks '<PubmedArticle>'
wellformed
fetch "efetch no id" "$B$EU/efetch.fcgi?db=pubmed"
expect 200 "$XMLCT"
has '<eFetchResult><ERROR>Empty id list - nothing todo</ERROR></eFetchResult>'
fetch "efetch POST" --data "db=pubmed&id=28445426,15223977&retmode=xml" "$B$EU/efetch.fcgi"
expect 200 "$XMLCT"
check "[ \"\$(count '<PubmedArticle>')\" = 2 ]" "two articles"
if [ -d "$FIXTURES/pubmed" ]; then
    fetch "efetch book article" "$B$EU/efetch.fcgi?db=pubmed&id=26468569"
    has '<PubmedBookArticle>'
    wellformed
    fetch "efetch not by a cited PMID" "$B$EU/efetch.fcgi?db=pubmed&id=21976771"
    check "[ \"\$(count '<PubmedArticle>')\" = 1 ]" "one article"
fi

fetch "esearch doi" "$B$EU/esearch.fcgi?db=pubmed&term=10.1016/S1262-3636(07)70116-7%5Bdoi%5D"
expect 200 "$XMLCT"
has '<Count>1</Count>'
has '<Id>15223977</Id>'
wellformed
fetch "esearch aid" "$B$EU/esearch.fcgi?db=pubmed&term=10.3390/nu9050429%5Baid%5D"
has '<Id>28445426</Id>'
fetch "esearch pmid" "$B$EU/esearch.fcgi?db=pubmed&term=30562392%5Bpmid%5D"
has '<Count>1</Count>'
fetch "esearch words" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium+insulin&retmax=100"
has '<Id>15223977</Id>'
check "[ \"\$(grep -o '<Id>[0-9]*' \"\$T/body\" | tr -dc '0-9\n')\" = \"\$(grep -o '<Id>[0-9]*' \"\$T/body\" | tr -dc '0-9\n' | sort -rn)\" ]" "PMIDs descending"
fetch "esearch fields" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium%5Bti%5D+AND+Boyle%5Bau%5D+AND+Nutrients%5Bta%5D+AND+2017%5Bdp%5D"
has '<Count>1</Count>'
has '<Id>28445426</Id>'
fetch "esearch no hits" "$B$EU/esearch.fcgi?db=pubmed&term=zzqqxx"
has '<Count>0</Count>'
has '<IdList/>'
fetch "esearch dates" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&mindate=2017&maxdate=2017/12/31&datetype=pdat&retmax=100"
check "[ \"\$(count '<Id>')\" -ge 1 ] && ! grep -q '<Id>15223977</Id>' \"\$T/body\"" "only 2017"
fetch "esearch history" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&usehistory=y&retmax=2"
has '<QueryKey>1</QueryKey>'
has '<RetMax>2</RetMax>'
WEBENV=$(grep -o '<WebEnv>[^<]*' "$T/body" | cut -d'>' -f2)
TOTAL=$(grep -o '<Count>[0-9]*' "$T/body" | cut -d'>' -f2)
check "[ -n \"$WEBENV\" ] && [ \"$TOTAL\" -gt 3 ]" "WebEnv and Count"
fetch "efetch history" "$B$EU/efetch.fcgi?db=pubmed&WebEnv=$WEBENV&query_key=1&retstart=1&retmax=3"
check "[ \"\$(count '<PubmedArticle>')\" = 3 ]" "three articles from history"
fetch "efetch bad history" "$B$EU/efetch.fcgi?db=pubmed&WebEnv=MCID_nope&query_key=1"
has '<ERROR>'
fetch "esearch beyond 10,000" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&retstart=9999&retmax=20"
expect 200 "$XMLCT"
has '<ERROR>Search Backend failed'
fetch "esearch bad retmax" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&retmax=lots"
expect 200 "$XMLCT"
has '<ERROR>'

fetch "esummary" "$B$EU/esummary.fcgi?db=pubmed&id=28445426,15223977"
expect 200 "$XMLCT"
has '<eSummaryResult>'
check "[ \"\$(count '<DocSum>')\" = 2 ]" "two DocSums"
has '<Item Name="Title" Type="String">'
has '<Item Name="DOI" Type="String">10.3390/nu9050429</Item>'
wellformed
fetch "esummary no id" "$B$EU/esummary.fcgi?db=pubmed"
has '<ERROR>Neither query_key nor id specified</ERROR>'

fetch "idconv" "$B/pmc/utils/idconv/v1.0/?ids=15223977,10.3390/NU9050429,12345&format=json&tool=t&email=e@x.org"
expect 200 "application/json"
json_ok "d['status'] == 'ok' and d['records'][0]['doi'] == '10.1016/s1262-3636(07)70116-7'"
json_ok "d['records'][1]['pmid'] == '28445426' and d['records'][2]['status'] == 'error'"
json_ok "d['records'][2]['errmsg'] == 'invalid article id'"
if [ -d "$FIXTURES/pubmed" ]; then
    fetch "idconv pmcid" "$B/pmc/utils/idconv/v1.0/?ids=PMC3245465&format=json"
    json_ok "d['records'][0]['pmid'] == '21976771'"
fi

fetch "works" "$B/works/10.1016%2Fs1262-3636(07)70116-7?mailto=test@example.org"
expect 200 "application/json;charset=utf-8"
header "x-rate-limit-limit: 50"
header "x-rate-limit-interval: 1s"
json_ok "d['message-type'] == 'work' and d['message']['DOI'] == '10.1016/s1262-3636(07)70116-7'"
fetch "works upper case, unencoded" "$B/works/10.1161/hypertensionaha.116.07664"
json_ok "d['message']['DOI'] == '10.1161/HYPERTENSIONAHA.116.07664'"
fetch "works unknown" "$B/works/10.9999/nothing-here"
expect 404 "text/plain"
has '^Resource not found.$'
header "x-rate-limit-limit: 50"
fetch "works query" "$B/works?query.bibliographic=Guerrero-Romero+2004+magnesium+insulin+Diabetes&rows=3"
expect 200 "application/json;charset=utf-8"
json_ok "d['message-type'] == 'work-list' and d['message']['items-per-page'] == 3"
json_ok "d['message']['items'][0]['DOI'] == '10.1016/s1262-3636(07)70116-7' and d['message']['items'][0]['score'] > 0"
json_ok "len(d['message']['items']) == 3 and d['message']['total-results'] >= 3"
fetch "works query (query=)" "$B/works?query=zzqqxx&rows=5"
json_ok "d['message']['total-results'] == 0 and d['message']['items'] == []"

CSL="Accept: application/vnd.citationstyles.csl+json"
fetch "doi redirect" -H "$CSL" "$B/doi/10.3390/nu9050429"
check "[ \"$STATUS\" = 302 ]" "302"
header "Location: http://127.0.0.1:$PORT/doi-resolved/10.3390/nu9050429"
fetch "doi csl" -L -H "$CSL" "$B/doi/10.3390/nu9050429"
expect 200 "application/vnd.citationstyles.csl+json"
json_ok "d['type'] == 'article-journal' and d['DOI'] == '10.3390/nu9050429' and d['author'][0]['family']"
json_ok "isinstance(d['title'], str) and isinstance(d['container-title'], str) and d['issued']['date-parts'][0][0] == 2017"
fetch "doi bibtex" -L -H "Accept: application/x-bibtex" "$B/doi/10.3390/NU9050429"
expect 200 "application/x-bibtex"
has '^ @article{Boyle_2017, title={'
fetch "doi unknown" -L -H "$CSL" "$B/doi/10.9999/nothing-here"
expect 404 "text/html"
fetch "doi bad" -L -H "$CSL" "$B/doi/not-a-doi"
expect 400 "text/html"

fetch "unknown path" "$B/nothing/here"
expect 404 "text/plain"
fetch "odd request" --data-binary $'\xff\xfe%zz&&==' "$B$EU/efetch.fcgi?%zz=%%&id="
expect 200 "$XMLCT"
fetch "odd path" "$B/works/%"
check "[ \"$STATUS\" = 404 ]" "404"
fetch "method not allowed" -X DELETE "$B/works"
check "[ \"$STATUS\" = 501 ]" "501"

DESC="parallel requests"
for i in $(seq 12); do
    curl -s -o /dev/null -w '%{http_code}\n' "$B$EU/efetch.fcgi?db=pubmed&id=15223977" >>"$T/parallel" &
done
wait_n=0
while [ "$(wc -l <"$T/parallel")" -lt 12 ] && [ $wait_n -lt 100 ]; do sleep 0.05; wait_n=$((wait_n + 1)); done
check "[ \"\$(grep -c '^200$' \"\$T/parallel\")\" = 12 ]" "12 x 200"

fetch "stats" "$B/__stats"
json_ok "d['requests'] >= 30 and d['by_service']['efetch'] >= 5 and d['by_service']['doi'] >= 4"
DESC="log"
check "\"$PY\" - \"$T/main.log\" <<'EOF'
import json, sys
rows = [json.loads(line) for line in open(sys.argv[1])]
keys = {'t', 'method', 'path', 'query', 'body', 'status', 'fault', 'service', 'params'}
assert all(keys <= set(r) for r in rows), 'keys'
assert any(r['params'].get('mailto') == 'test@example.org' for r in rows), 'mailto'
assert any(r['method'] == 'POST' and 'id=28445426' in r['body'] for r in rows), 'POST body'
assert not any(r['path'] == '/__stats' for r in rows), 'stats logged'
EOF" "log lines"
DESC="check-rate (too fast)"
check "! \"$PY\" \"$SERVER\" --check-rate \"$T/main.log\" --service efetch,esearch,esummary --max-per-second 3 >/dev/null" "exit 1"
DESC="check-rate (polite)"
for i in 0 1 2 3 4 5 6 7 8; do
    echo "{\"t\": $(awk "BEGIN{print 100 + $i * 0.34}"), \"service\": \"efetch\", \"path\": \"/x\"}"
done >"$T/polite.log"
check "\"$PY\" \"$SERVER\" --check-rate \"$T/polite.log\" --service efetch --max-per-second 3 >/dev/null" "exit 0"

DESC="SIGTERM"
kill -TERM "$MAIN_PID"
wait "$MAIN_PID"
check "[ $? = 0 ]" "clean exit"

# --------------------------------------------------------------------------------- faults
SPEC='*:500,efetch:429:2,efetch:500,efetch:503,efetch:html,efetch:error200,efetch:error200json,efetch:truncate,efetch:reset'
SPEC+=',esearch:truncate,esearch:error200,works:503,works:error200,works-query:429,doi:slow'
start_server faults "${DATA[@]}" --retry-after 2 --slow-seconds 1.5 --faults "$SPEC"
fetch "* fault" "$B/pmc/utils/idconv/v1.0/?ids=15223977&format=json"
expect 500 "text/html"
has '<h1>Service unavailable</h1>'
fetch "after * fault" "$B/pmc/utils/idconv/v1.0/?ids=15223977&format=json"
expect 200 "application/json"
EF="$B$EU/efetch.fcgi?db=pubmed&id=15223977"
for i in 1 2; do
    fetch "429 #$i" "$EF"
    expect 429 "application/json"
    header "Retry-After: 2"
    has 'API rate limit exceeded'
done
fetch "500" "$EF"
expect 500 "text/html"
has '<h1>Service unavailable</h1>'
fetch "503" "$EF"
expect 503 "text/html"
fetch "html" "$EF"
expect 200 "text/html"
lacks '<PubmedArticle'
fetch "error200" "$EF"
expect 200 "$XMLCT"
has '<eFetchResult><ERROR>API rate limit exceeded</ERROR></eFetchResult>'
fetch "error200json" "$EF"
expect 200 "application/json"
json_ok "d['error'] == 'API rate limit exceeded' and d['api-key'] == '127.0.0.1'"
fetch "truncate" "$EF"
LEN=$(grep -i '^content-length:' "$T/headers" | tr -dc '0-9')
check "[ $RC = 18 ] && [ \"\$(wc -c <\"\$T/body\")\" -lt \"$LEN\" ] && [ \"\$(wc -c <\"\$T/body\")\" -gt 0 ]" "rc 18 and a partial body (rc $RC)"
fetch "reset" "$EF"
check "[ $RC = 56 ] || [ $RC = 52 ]" "connection reset (rc $RC)"
fetch "efetch after faults" "$EF"
expect 200 "$XMLCT"
has '<PMID Version="1">15223977</PMID>'
fetch "faulty esearch" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&usehistory=y"
check "[ $RC = 18 ]" "truncated"
fetch "esearch error200" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&usehistory=y"
has '<eSearchResult><ERROR>API rate limit exceeded</ERROR></eSearchResult>'
fetch "esearch after faults" "$B$EU/esearch.fcgi?db=pubmed&term=magnesium&usehistory=y"
has '<WebEnv>MCID_000000000000000000000001</WebEnv>'
fetch "works 503" "$B/works/10.3390/nu9050429"
expect 503 "text/html"
header "x-rate-limit-limit: 50"
fetch "works error200" "$B/works/10.3390/nu9050429"
expect 200 "application/json"
json_ok "d['status'] == 'failed' and d['message-type'] == 'validation-failure'"
fetch "works-query 429" "$B/works?query=magnesium"
expect 429 "text/plain"
header "Retry-After: 2"
fetch "doi slow" -m 0.5 -L -H "$CSL" "$B/doi/10.3390/nu9050429"
check "[ $RC = 28 ]" "client timeout (rc $RC)"
START=$(date +%s%N)
fetch "doi after slow" -L -H "$CSL" "$B/doi/10.3390/nu9050429"
expect 200 "application/vnd.citationstyles.csl+json"
check "[ \$(( ($(date +%s%N) - START) / 1000000 )) -lt 1000 ]" "fast again"
sleep 1.2  # let the slow request finish and be logged
fetch "fault stats" "$B/__stats"
json_ok "d['faults']['429'] == 3 and d['faults']['reset'] == 1 and d['faults']['slow'] == 1"
DESC="log faults"
check "grep -q '\"fault\": \"truncate\"' \"$T/faults.log\" && grep -q '\"fault\": \"slow\"' \"$T/faults.log\"" "faults logged"
DESC="check-retry-after (too early)"
check "! \"$PY\" \"$SERVER\" --check-retry-after \"$T/faults.log\" >/dev/null" "exit 1"

start_server patient "${DATA[@]}" --retry-after 1 --faults efetch:429
fetch "patient 429" "$B$EU/efetch.fcgi?db=pubmed&id=15223977"
expect 429 "application/json"
sleep 1.1
fetch "patient retry" "$B$EU/efetch.fcgi?db=pubmed&id=15223977"
expect 200 "$XMLCT"
DESC="check-retry-after (patient)"
check "\"$PY\" \"$SERVER\" --check-retry-after \"$T/patient.log\" >/dev/null" "exit 0"

# random faults: reproducible with the seed
for run in 1 2; do
    start_server "random$run" "${DATA[@]}" --seed 7 --faults random:0.5:429/500/html/error200
    for i in $(seq 16); do
        curl -s -o /dev/null -w '%{http_code}%{content_type}\n' "$B/works/10.3390/nu9050429" >>"$T/random$run.seq"
    done
done
DESC="random faults"
check "cmp -s \"$T/random1.seq\" \"$T/random2.seq\"" "same sequence for the same seed"
check "grep -qv '^200application/json' \"$T/random1.seq\" && grep -q '^200application/json' \"$T/random1.seq\"" "some faulty, some good"

DESC="bad --faults"
"$PY" "$SERVER" --data "$CORPUS" --faults efetch:bogus >/dev/null 2>&1
check "[ $? = 2 ]" "usage error"
DESC="--max-seconds"
"$PY" "$SERVER" --data "$CORPUS/crossref" --max-seconds 0.5 >/dev/null 2>&1
check "[ $? = 0 ]" "stops by itself"

echo "fake_services self-test: $PASS passed, $FAIL failed"
[ "$FAIL" = 0 ]
