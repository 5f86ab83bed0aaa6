# The ingest bench's tools on a small generated baseline: each parse floor of evidex-bench-parse
# counts every record the manifest says was generated, and reads every uncompressed byte; each
# peer indexes every record once. Figures are printed by scripts/bench ingest, never checked
# here: timing is not a test.
. "$(dirname "$0")/../support/cli.sh"

GEN="$EVIDEX_BIN/evidex-gen-baseline"
PARSE="$EVIDEX_BIN/evidex-bench-parse"
{ [ -x "$GEN" ] && [ -x "$PARSE" ]; } || { echo "skipped: the bench tools are not built" >&2; exit 77; }

# 200 records a file: the first file is larger than the 1 MiB chunk evidex-bench-parse reads, so
# an article is split across two chunks.
"$GEN" --records 300 --per-file 200 --seed 5 --out "$SCRATCH/files" --manifest "$SCRATCH/manifest.json" 2>/dev/null
files=("$SCRATCH"/files/*.xml.gz)
expect_equal "${#files[@]}" "2" "generated files"
records=$(json_field "$SCRATCH/manifest.json" "d['records']")
expect_equal "$records" "300" "records in the manifest"
[ "$(zcat "${files[0]}" | wc -c)" -gt $((1 << 20)) ] || fail "the first file fits in one chunk"

run "$PARSE" "${files[@]}"
expect_code 0 "the zlib + pugixml floor"
printf '%s\n' "$out" >"$SCRATCH/raw.json"
expect_equal "$(json_field "$SCRATCH/raw.json" "d['records'], d['errors'], d['mode']")" "300 0 pugixml" \
  "records of the zlib + pugixml floor"
expect_equal "$(json_field "$SCRATCH/raw.json" "d['uncompressed_bytes']")" "$(zcat "${files[@]}" | wc -c)" \
  "uncompressed bytes"

for mode in evidex classify; do
  run "$PARSE" "--$mode" "${files[@]}"
  expect_code 0 "evidex-bench-parse --$mode"
  printf '%s\n' "$out" >"$SCRATCH/$mode.json"
  expect_equal "$(json_field "$SCRATCH/$mode.json" "d['records'], d['errors']")" "300 0" "records of --$mode"
done

run "$PARSE" --no-such-option "${files[0]}"
expect_code 2 "an unknown option"

# The peers, when their packages are installed.
if "$PYTHON" -c 'import xapian, lxml.etree' 2>/dev/null; then
  for mode in straightforward lean; do
    run "$PYTHON" "$EVIDEX_SOURCE_DIR/bench/peer_ingest.py" --mode "$mode" --db "$SCRATCH/$mode" "${files[@]}"
    expect_code 0 "the $mode Python peer"
    expect_equal "$(EVIDEX_DB="$SCRATCH/$mode" doc_count)" "300" "documents of the $mode peer"
  done
  # The lean peer holds what Evidex's searches need: title words (stemmed only, as Evidex indexes
  # them), a MeSH heading, a year. The straightforward one keeps each word as written and a
  # Z-prefixed stem besides.
  pmid=$(zcat "${files[0]}" | sed -n 's/.*<PMID Version="1">\([0-9]*\)<.*/\1/p' | head -1)
  lean_terms=$(xapian-delve -r 1 "$SCRATCH/lean")
  expect_contains "$lean_terms" "Qpmid:$pmid" "the unique id of the first record"
  expect_contains "$lean_terms" " XMhumans" "a MeSH heading as a boolean term"
  expect_contains "$lean_terms" " S" "title words"
  expect_equal "$(grep -o ' Z[A-Z]*[a-z0-9]*' <<<"$lean_terms" | wc -l)" "0" "no Z-prefixed copies in the lean peer"
  expect_contains "$(xapian-delve -r 1 "$SCRATCH/straightforward")" " ZS" "the straightforward peer's stemmed title words"
else
  echo "note: python3-xapian or python3-lxml is absent; the Python peers are not run" >&2
fi
if "$PYTHON" -c 'import lxml.etree' 2>/dev/null && command -v scriptindex >/dev/null; then
  run "$PYTHON" "$EVIDEX_SOURCE_DIR/bench/dump_for_scriptindex.py" --out "$SCRATCH/dump" "${files[@]}"
  expect_code 0 "the scriptindex dump"
  expect_equal "$(grep -c '^pmid=' "$SCRATCH/dump")" "300" "records in the dump"
  run scriptindex "$SCRATCH/scriptindex" "$EVIDEX_SOURCE_DIR/bench/scriptindex.def" "$SCRATCH/dump"
  expect_code 0 "scriptindex"
  expect_equal "$(EVIDEX_DB="$SCRATCH/scriptindex" doc_count)" "300" "documents of scriptindex"
fi
has_fts5="import sqlite3; sqlite3.connect(':memory:').execute('create virtual table t using fts5(x)')"
if "$PYTHON" -c "import lxml.etree; $has_fts5" 2>/dev/null; then
  run "$PYTHON" "$EVIDEX_SOURCE_DIR/bench/peer_fts5.py" --db "$SCRATCH/fts5.sqlite" "${files[@]}"
  expect_code 0 "the FTS5 peer"
  # Every row, and the headings searchable by column.
  fts5_counts=$("$PYTHON" - "$SCRATCH/fts5.sqlite" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
rows = db.execute("select count(*) from studies").fetchone()[0]
humans = db.execute("select count(*) from studies where studies match 'mesh:humans'").fetchone()[0]
print(rows, humans > 0)
PY
)
  expect_equal "$fts5_counts" "300 True" "rows of the FTS5 peer, and a MeSH match"
fi

finish
