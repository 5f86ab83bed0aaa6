# Bad pages for evidex-index refs and evidex-query audit: empty, no references, garbage
# reference lines, huge, nested ten thousand deep, too large, a URL that fails. Each gives a
# result that says what could not be done, or a clear error; never a crash, never a made-up match.
. "$(dirname "$0")/../support/cli.sh"
export EVIDEX_HTTP_TIMEOUT=1 EVIDEX_RETRY_BASE_MS=50

run "$INDEX" corpus --quiet
expect_code 0 "index the corpus"

# Empty.
: >"$SCRATCH/empty.html"
run "$INDEX" --offline refs "$SCRATCH/empty.html"
expect_code 0 "refs on an empty page"
expect_contains "$err" "no reference list" "the empty page is reported"

# A reference list of garbage: every line kept, none forced onto a study.
cat >"$SCRATCH/garbage.txt" <<'PAGE'
Magnesium helps you sleep.

References

1. ;;;; ]]]] (((( 0000 ----
2. zzzz qqqq xxxx 1999 1999 1999 doi:10.9999/ pmid:abc
3. %%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%
4. 10.1000/not-a-real-doi PMID: 99999999999999999999
PAGE
run "$INDEX" --offline refs "$SCRATCH/garbage.txt" --format json
expect_code 0 "refs on garbage reference lines"
printf '%s' "$out" >"$SCRATCH/garbage.json"
expect_equal "$(json_field "$SCRATCH/garbage.json" "len(d['references'])")" 4 "garbage entries kept"
expect_equal "$(json_field "$SCRATCH/garbage.json" "sum(1 for r in d['references'] if r['resolved'])")" 0 \
  "garbage entries resolved to a study"
run "$QUERY" --offline audit "$SCRATCH/garbage.txt" --format json
expect_code 0 "audit a page citing garbage"
printf '%s' "$out" >"$SCRATCH/garbage-audit.json"
expect_equal "$(json_field "$SCRATCH/garbage-audit.json" "sum(1 for c in d['claims'] if c['verdict'] == 'supported')")" 0 \
  "claims called supported on garbage citations"

# Nested ten thousand deep, and never closed.
"$PYTHON" -c "import sys; sys.stdout.write('<html><body>' + '<div><span>' * 10000 + 'Magnesium improves sleep [1].' + '<ol><li>Hornyak M. Magnesium therapy for periodic leg movements-related insomnia and restless legs syndrome: an open pilot study. Sleep. 1998.')" \
  >"$SCRATCH/deep.html"
run "$QUERY" --offline audit "$SCRATCH/deep.html" --format json
expect_code 0 "audit a page nested ten thousand deep"

# 50 MB of text: read, nothing found, no crash.
"$PYTHON" -c "
import sys
line = 'Magnesium is a mineral found in leafy greens and nuts, and people have eaten it for ages.\n\n'
sys.stdout.write(line * (50 * 1024 * 1024 // len(line)))" >"$SCRATCH/huge.txt"
run "$INDEX" --offline refs "$SCRATCH/huge.txt"
expect_code 0 "refs on a 50 MB page"
expect_contains "$err" "no reference list" "the 50 MB page is reported"

# A page with more claims than an audit grades: the first ones graded, the rest counted.
"$PYTHON" -c "
import sys
for i in range(2600): sys.stdout.write('Magnesium improves sleep quality in %d ways.\n\n' % (i + 10))" >"$SCRATCH/claims.txt"
run "$QUERY" --offline audit "$SCRATCH/claims.txt" --format json
expect_code 0 "audit a page with 2,600 claims"
printf '%s' "$out" >"$SCRATCH/claims.json"
expect_equal "$(json_field "$SCRATCH/claims.json" "len(d['claims'])")" 2000 "claims graded"
expect_equal "$(json_field "$SCRATCH/claims.json" "d['summary']['claims_skipped']")" 600 "claims counted and left out"
expect_contains "$err" "only the first 2000 claims are graded" "the cut is reported"

# Larger than the limit: a clear error.
head -c $((65 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$SCRATCH/too-large.txt"
run "$QUERY" --offline audit "$SCRATCH/too-large.txt"
expect_code 1 "audit a page over 64 MiB"
expect_contains "$err" "larger than 64 MiB" "the size error"
rm -f "$SCRATCH/too-large.txt" "$SCRATCH/huge.txt"

# A URL that cannot be fetched: port 9 on the loopback has nothing listening.
run "$INDEX" refs "http://127.0.0.1:9/page.html"
expect_code 1 "refs on a URL that fails"
expect_contains "$err" "127.0.0.1:9" "the failing URL is named"
run "$QUERY" audit "http://127.0.0.1:9/page.html"
expect_code 1 "audit a URL that fails"

# A missing file.
run "$INDEX" --offline refs "$SCRATCH/nowhere.html"
expect_code 1 "refs on a missing file"
expect_contains "$err" "nowhere.html" "the missing file is named"

finish
