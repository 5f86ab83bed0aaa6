#!/usr/bin/env bash
# The ingest bench (scripts/bench ingest): evidex-index and its peers on the same generated
# PubMed baseline, one after another, each into a fresh index; the floors (decompression alone,
# parsing alone) beside them. Prints a table and writes it as JSON to
# BUILD/bench-data/ingest-N.json. Figures, not tests: the machine may be shared and noisy.
#
# usage: bench/ingest_bench.sh BUILD_DIR [--records N] [--seed S] [--runs R]
#
# N defaults to 20000 (a few minutes in all); any N works, the time grows with it. With R above
# 1 (default 1), the whole sequence of configurations runs R times, round after round, and the
# fastest run of each is kept: on a shared machine the fastest is the run least disturbed, and a
# burst of load from elsewhere then spoils one round of every configuration rather than every
# run of one. The report also gives the ratios within each round. The files are cached under
# BUILD/bench-data/baseline-N-seedS[-per-fileM]; the indexes go to
# BUILD/bench-data/ingest-N-seedS/, rebuilt on every run.
#
# The peers are installed with apt-get when missing: python3-xapian and python3-lxml (the Python
# peers, run with Debian's /usr/bin/python3), xapian-omega (scriptindex), xapian-tools
# (xapian-delve, which counts the documents of each Xapian index).
set -euo pipefail

build_dir=${1:?usage: bench/ingest_bench.sh BUILD_DIR [--records N] [--seed S] [--runs R]}
shift
records=20000 seed=1 runs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --records) records=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "bench: ingest: unknown option '$1'" >&2; exit 2 ;;
  esac
done
[[ "$records" =~ ^[1-9][0-9]*$ ]] || { echo "bench: ingest: --records '$records' is not a count" >&2; exit 2; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "bench: ingest: --runs '$runs' is not a count" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
bin="$build_dir/bin"
python=/usr/bin/python3
data="$build_dir/bench-data"
# At least two files, so that `file --shards 2` (which splits the files among its writers) has
# work for both; from 60,000 records on, files of 30,000 as in the baseline, shared with
# `scripts/bench search`.
per_file=30000
[ "$records" -lt 60000 ] && per_file=$(( (records + 1) / 2 ))
files_dir="$data/baseline-$records-seed$seed"
[ "$per_file" -eq 30000 ] || files_dir+="-per-file$per_file"
work="$data/ingest-$records-seed$seed"

# need_packages: installs the Debian packages the peers need, when a command or module is missing.
need_packages() {
  local missing=()
  "$python" -c 'import xapian' 2>/dev/null || missing+=(python3-xapian)
  "$python" -c 'import lxml.etree' 2>/dev/null || missing+=(python3-lxml)
  command -v scriptindex >/dev/null || missing+=(xapian-omega)
  command -v xapian-delve >/dev/null || missing+=(xapian-tools)
  [ -x /usr/bin/time ] || missing+=(time)
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "bench: installing ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

need_packages
mkdir -p "$data"
if [ ! -f "$files_dir/manifest.json" ]; then
  rm -rf "$files_dir"
  "$bin/evidex-gen-baseline" --records "$records" --seed "$seed" --per-file "$per_file" --out "$files_dir" \
    --manifest "$files_dir/manifest.json.part"
  mv "$files_dir/manifest.json.part" "$files_dir/manifest.json"
fi
files=("$files_dir"/pubmed26n*.xml.gz)
rm -rf "$work"
mkdir -p "$work"
rows="$work/rows.tsv"
: >"$rows"

# row KEY LABEL WALL RSS_KB INDEX_BYTES COUNT NOTE: one run of one configuration, in round $round.
row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$@" >>"$rows"; }

# measure KEY OUTPUT CMD...: runs CMD alone once, OUTPUT (an index, or - for none) removed
# first, CMD's output to $work/KEY.out and KEY.err. Sets wall (seconds), rss_kb (the peak
# resident set of CMD or of its largest child, from /usr/bin/time) and failure (empty, or what
# went wrong: the row is then marked failed).
measure() {
  local key=$1 output=$2; shift 2
  local start code
  failure=""
  [ "$output" = - ] || rm -rf "$output"
  code=0
  start=$(date +%s%N)
  /usr/bin/time -f %M -o "$work/$key.rss" "$@" >"$work/$key.out" 2>"$work/$key.err" || code=$?
  wall=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.3f", (e - s) / 1e9 }')
  rss_kb=$(tail -1 "$work/$key.rss")
  if [ "$code" -ne 0 ]; then
    failure="failed: exit code $code ($work/$key.err)"
    echo "bench: ingest: $key $failure:" >&2
    tail -3 "$work/$key.err" >&2
  fi
}

# xapian_count DIR: the number of documents of a Xapian index.
xapian_count() { xapian-delve "$1" 2>/dev/null | awk -F' = ' '/^number of documents/ { print $2 }' || true; }

# bytes_of PATH: the bytes PATH takes on disk, or - when it is missing.
bytes_of() { du -sb "$1" 2>/dev/null | cut -f1 || echo -; }

# json_value FILE EXPR: EXPR of the JSON object on the last line of FILE, as d.
json_value() {
  "$python" -c "import json, sys; d = json.loads(open(sys.argv[1]).read().splitlines()[-1]); print($2)" "$1" 2>/dev/null ||
    echo -
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
echo "== ingest: $records records (seed $seed), ${#files[@]} file(s), one configuration at a time"

# evidex_run KEY LABEL [FILE OPTION...]: one Evidex configuration into $work/KEY.
evidex_run() {
  local key=$1 label=$2
  shift 2
  measure "$key" "$work/$key" "$bin/evidex-index" --quiet --db "$work/$key" file "$@" "${files[@]}"
  row "$key" "$label" "$wall" "$rss_kb" "$(bytes_of "$work/$key")" "$(xapian_count "$work/$key")" "$failure"
}

# fts5_count SQL FILE: the first value SQL selects from the FTS5 peer's database.
fts5_count() {
  "$python" -c "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute('$1').fetchone()[0])" "$2" 2>/dev/null ||
    echo -
}

# one_round: every configuration once, floors first; appends a row for each to $rows.
one_round() {
  # Floors.
  measure zcat - sh -c 'zcat "$@" >/dev/null' sh "${files[@]}"
  row zcat "floor: zcat > /dev/null" "$wall" "$rss_kb" - "$records" "${failure:-count: the generated records}"
  measure parse_zlib - "$bin/evidex-bench-parse" --zlib "${files[@]}"
  row parse_zlib "floor: zlib inflate alone" "$wall" "$rss_kb" - "$records" "${failure:-count: the generated records}"
  measure parse_raw - "$bin/evidex-bench-parse" "${files[@]}"
  uncompressed_bytes=$(json_value "$work/parse_raw.out" "d['uncompressed_bytes']")
  row parse_raw "floor: zlib + pugixml parse" "$wall" "$rss_kb" - "$(json_value "$work/parse_raw.out" "d['records']")" "$failure"
  measure parse_evidex - "$bin/evidex-bench-parse" --evidex "${files[@]}"
  row parse_evidex "floor: Evidex reader alone" "$wall" "$rss_kb" - "$(json_value "$work/parse_evidex.out" "d['records']")" "$failure"
  measure parse_classify - "$bin/evidex-bench-parse" --classify "${files[@]}"
  row parse_classify "floor: Evidex reader + classify" "$wall" "$rss_kb" - \
    "$(json_value "$work/parse_classify.out" "d['records']")" "$failure"

  # Evidex, in its three configurations: default threads, one thread, two shards.
  evidex_run evidex "evidex-index file"
  evidex_run evidex_1 "evidex-index file --threads 0" --threads 0
  evidex_run evidex_2 "evidex-index file --shards 2" --shards 2

  # Peers. Both commit more often than Xapian flushes by itself (every 10,000 documents).
  for mode in straightforward lean; do
    measure "python_$mode" "$work/python-$mode" \
      "$python" "$here/peer_ingest.py" --mode "$mode" --db "$work/python-$mode" "${files[@]}"
    row "python_$mode" "Python-Xapian, $mode" "$wall" "$rss_kb" "$(bytes_of "$work/python-$mode")" \
      "$(xapian_count "$work/python-$mode")" "$failure"
  done

  start=$(date +%s%N)
  "$python" "$here/dump_for_scriptindex.py" --out "$work/scriptindex.dump" "${files[@]}" >/dev/null
  convert=$(awk -v s="$start" -v e="$(date +%s%N)" 'BEGIN { printf "%.1f", (e - s) / 1e9 }')
  measure scriptindex "$work/scriptindex" scriptindex "$work/scriptindex" "$here/scriptindex.def" "$work/scriptindex.dump"
  input_note="its input, $(du -m "$work/scriptindex.dump" | cut -f1) MB, written from the files in $convert s"
  row scriptindex "scriptindex (xapian-omega)" "$wall" "$rss_kb" "$(bytes_of "$work/scriptindex")" \
    "$(xapian_count "$work/scriptindex")" "${failure:+$failure; }$input_note (not counted)"
  rm -f "$work/scriptindex.dump"

  if "$python" -c "import sqlite3; sqlite3.connect(':memory:').execute('create virtual table t using fts5(x)')" 2>/dev/null
  then
    measure fts5 "$work/fts5.sqlite" "$python" "$here/peer_fts5.py" --db "$work/fts5.sqlite" "${files[@]}"
    row fts5 "SQLite FTS5 (Python sqlite3)" "$wall" "$rss_kb" "$(bytes_of "$work/fts5.sqlite")" \
      "$(fts5_count 'select count(*) from studies' "$work/fts5.sqlite")" \
      "${failure:+$failure; }sqlite $(fts5_count 'select sqlite_version()' "$work/fts5.sqlite")"
  else
    row fts5 "SQLite FTS5 (Python sqlite3)" - - - - "skipped: Python's sqlite3 has no FTS5"
  fi
}

for round in $(seq "$runs"); do
  [ "$runs" -eq 1 ] || echo "-- round $round of $runs"
  one_round
done

"$python" "$here/ingest_report.py" --rows "$rows" --records "$records" --seed "$seed" \
  --uncompressed-bytes "$uncompressed_bytes" --files "${#files[@]}" --load-before "$load_before" \
  --runs "$runs" --json "$data/ingest-$records.json"
