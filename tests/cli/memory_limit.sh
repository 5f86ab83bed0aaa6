#!/usr/bin/env bash
# A JSON file read whole that would not fit in the memory the process may still take (here an
# address-space limit, ulimit -v) is refused with a message naming it, and the other files of
# the run are indexed; without the limit the same file is indexed. Before, a file too large for
# the limit ran the JSON parser out of memory and the process aborted (200 MiB under 1.2 GB).
source "$(dirname "$0")/../support/cli.sh"

if [ "${EVIDEX_SANITIZED:-0}" = 1 ]; then
  echo "skipped: a sanitizer build maps terabytes of shadow memory, so ulimit -v cannot be used" >&2
  exit 77
fi

# About 20 MiB of Crossref JSON: 3,000 works with long abstracts, read whole in about 160 MiB by
# the estimate, in a process that maps about 110 MiB before it reads anything.
python3 - "$SCRATCH/big.json" <<'PY'
import json, sys
words = "magnesium sleep latency trial participants placebo outcome insomnia adults weeks".split()
items = []
for i in range(3000):
    abstract = " ".join(words[(i + k) % len(words)] for k in range(900))
    items.append({"DOI": "10.5555/big.%d" % i, "type": "journal-article",
                  "title": ["Generated work %d on magnesium and sleep" % i],
                  "abstract": "<jats:p>%s</jats:p>" % abstract, "issued": {"date-parts": [[2020]]}})
with open(sys.argv[1], "w") as f:
    json.dump({"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
               "message": {"total-results": len(items), "items": items}}, f)
PY
small="$EVIDEX_SOURCE_DIR/tests/data/crossref/work_list_item_without_doi.json"

run bash -c "ulimit -v 200000 && exec \"$INDEX\" --db \"$SCRATCH/limited\" file \"$SCRATCH/big.json\" \"$small\""
expect_code 3 "a file too large for the memory limit, beside a good one"
expect_contains "$err" "big.json: a Crossref JSON file of" "the refused file is named"
expect_contains "$err" "ulimit -v" "the message says which limit"
expect_contains "$err" "split it into smaller files" "the message says what to do"
[[ "$err" == *"bad_alloc"* || "$err" == *"terminate"* ]] && fail "the parser ran out of memory: $err"
run "$QUERY" --db "$SCRATCH/limited" search 'item' --format json
expect_code 0 "search of the index the limited run made"
expect_contains "$out" "10.1000/third" "the small file's works are indexed"

run "$INDEX" --quiet --db "$SCRATCH/unlimited" file "$SCRATCH/big.json"
expect_code 0 "the same file without the limit"
run "$QUERY" --db "$SCRATCH/unlimited" search 'title:generated' --limit 1 --format json
expect_contains "$out" '"total": 3000' "every work of the large file is indexed without the limit"

# A page that auditing would take more memory for than the limit leaves: refused, named.
python3 - "$SCRATCH/big-page.html" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><body>\n")
    for i in range(40000):
        f.write('<p>Magnesium improves sleep in adults <a href="https://doi.org/10.5555/x%d">ref</a></p>\n' % i)
    f.write("</body></html>\n")
PY
run bash -c "ulimit -v 200000 && exec \"$QUERY\" --offline --db \"$SCRATCH/limited\" audit \"$SCRATCH/big-page.html\" --format json"
expect_code 1 "a page too large for the memory limit"
expect_contains "$err" "big-page.html: auditing a page of" "the refused page is named"
expect_contains "$err" "ulimit -v" "the message says which limit"
[[ "$err" == *"bad_alloc"* || "$err" == *"terminate"* ]] && fail "the audit ran out of memory: $err"

finish
