# evidex-index file --resume: an ingest of baseline files that stopped (killed, or given fewer
# files) goes on where it stopped, and ends with the index an uninterrupted run writes.
. "$(dirname "$0")/../support/cli.sh"

GEN="$EVIDEX_BIN/evidex-gen-baseline"
DUMP="$EVIDEX_BIN/evidex-index-dump"
[ -x "$GEN" ] && [ -x "$DUMP" ] || { echo "skipped: evidex-gen-baseline or evidex-index-dump is not built" >&2; exit 77; }

"$GEN" --records 450 --per-file 150 --seed 11 --out "$SCRATCH/data" 2>/dev/null
files=("$SCRATCH"/data/*.xml.gz)
expect_equal "${#files[@]}" "3" "generated files"

run "$INDEX" --quiet --db "$SCRATCH/whole" file --commit-every 25 "${files[@]}"
expect_code 0 "uninterrupted ingest"
"$DUMP" "$SCRATCH/whole" >"$SCRATCH/whole.dump"
[ "$(wc -l <"$SCRATCH/whole.dump")" = 450 ] || fail "the uninterrupted index does not hold 450 studies"

# A run that did the first file: resuming skips it unread and indexes the other two.
run "$INDEX" --quiet --db "$SCRATCH/first" file --commit-every 25 "${files[0]}"
expect_code 0 "ingest of the first file"
run "$INDEX" --db "$SCRATCH/first" file --resume --commit-every 25 "${files[@]}"
expect_code 0 "resumed ingest"
expect_contains "$err" "450 read, 300 added, 0 replaced, 0 deleted, 150 already indexed, 0 failed" "summary of the resumed run"
"$DUMP" "$SCRATCH/first" | cmp -s - "$SCRATCH/whole.dump" || fail "resumed after the first file: the index differs from an uninterrupted run"

# The same files named by another path are the same files.
mkdir "$SCRATCH/elsewhere"
cp "${files[@]}" "$SCRATCH/elsewhere/"
run "$INDEX" --db "$SCRATCH/first" file --resume "$SCRATCH"/elsewhere/*.xml.gz
expect_contains "$err" "450 read, 0 added, 0 replaced, 0 deleted, 450 already indexed, 0 failed" "everything already indexed"

# Killed halfway through a file (on one thread and with workers): whatever the kill left, the
# resumed run completes it, and the items committed before the kill are not indexed again.
for threads in 0 1; do
  db="$SCRATCH/killed-$threads"
  for delay in 0.2 0.4; do
    timeout -s KILL "$delay" "$INDEX" --quiet --db "$db" file --threads "$threads" --commit-every 25 "${files[@]}" 2>/dev/null
  done
  held=$(EVIDEX_DB="$db" doc_count)
  held=${held:-0}
  echo "note: --threads $threads: $held studies committed when killed" >&2
  [ $((held % 25)) -eq 0 ] || [ "$held" = 450 ] || fail "--threads $threads: killed with $held studies, not a whole number of batches"
  run "$INDEX" --db "$db" file --resume --threads "$threads" --commit-every 25 "${files[@]}"
  expect_code 0 "--threads $threads: resumed after a kill"
  if [ "$held" -gt 0 ]; then already=", $held already indexed"; else already=""; fi
  expect_contains "$err" "$((450 - held)) added, 0 replaced, 0 deleted$already, 0 failed" "--threads $threads: only what was not committed is indexed"
  "$DUMP" "$db" | cmp -s - "$SCRATCH/whole.dump" || fail "--threads $threads: resumed after a kill: the index differs from an uninterrupted run"
done

# Killed while the index was being created: table files, no revision file. Nothing was
# committed, so the resumed run starts the index afresh.
mkdir "$SCRATCH/half-made"
: >"$SCRATCH/half-made/postlist.glass"
: >"$SCRATCH/half-made/termlist.glass"
run "$INDEX" --db "$SCRATCH/half-made" file --resume "${files[@]}"
expect_code 0 "resumed into an index killed while it was created"
expect_contains "$err" "450 read, 450 added" "everything indexed"

# A file of the same name but other content is read from its start.
mkdir "$SCRATCH/changed"
cp "${files[1]}" "$SCRATCH/changed/$(basename "${files[0]}")"
run "$INDEX" --db "$SCRATCH/first" file --resume "$SCRATCH/changed/$(basename "${files[0]}")"
expect_code 0 "a changed file"
expect_contains "$err" "150 read, 0 added, 150 replaced" "a changed file is read again"

# Without --resume a finished file is read again (and replaces what it holds).
run "$INDEX" --db "$SCRATCH/whole" file "${files[0]}"
expect_contains "$err" "150 read, 0 added, 150 replaced" "without --resume"

run "$INDEX" --db "$SCRATCH/sharded" file --shards 2 --resume "${files[@]}"
expect_code 2 "--resume with --shards"
expect_contains "$err" "rerun without --shards" "the reason"

finish
