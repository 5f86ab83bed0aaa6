# Shards searched as one: the bundled PubMed records split into two indexes, one served by
# Xapian's xapian-tcpsrv on 127.0.0.1, both named in a stub file. Every search over the stub
# (and over --db given twice) must give the totals, facet counts and hits of one index holding
# everything. Also: commands that write refuse several indexes, and a shard that is down is a
# one-line error.
. "$(dirname "$0")/../support/cli.sh"

command -v xapian-tcpsrv >/dev/null || { echo "skipped: xapian-tcpsrv (xapian-tools) is not installed" >&2; exit 77; }

files=("$EVIDEX_SOURCE_DIR"/corpus/pubmed/*.xml)
half=$((${#files[@]} / 2))
run "$INDEX" --quiet --db "$SCRATCH/a" file "${files[@]:0:$half}"
expect_code 0 "index shard a"
run "$INDEX" --quiet --db "$SCRATCH/b" file "${files[@]:$half}"
expect_code 0 "index shard b"
run "$INDEX" --quiet --db "$SCRATCH/whole" file "${files[@]}"
expect_code 0 "index everything in one"

# serve DIR: starts xapian-tcpsrv on a free port of 127.0.0.1 for DIR; sets $port and $server.
serve() {
  for _ in 1 2 3 4 5; do
    port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # In a session of its own: on SIGTERM xapian-tcpsrv signals its whole process group.
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$1" >"$SCRATCH/server.log" 2>&1 &
    server=$!
    for _ in $(seq 50); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
      kill -0 "$server" 2>/dev/null || break
      sleep 0.1
    done
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
  done
  echo "could not start xapian-tcpsrv: $(cat "$SCRATCH/server.log")" >&2
  exit 1
}
serve "$SCRATCH/b"
trap 'kill "$server" 2>/dev/null; rm -rf "$SCRATCH"' EXIT
printf 'auto %s\nremote 127.0.0.1:%s\n' "$SCRATCH/a" "$port" >"$SCRATCH/stub"

# same NAME ARGS...: the search over the stub and over --db a --db b equals the one index.
# Hits are compared as sets, unless $page asks for a first page only (ties at its end may be
# broken either way); totals and facets always.
page=1000
same() {
  local name=$1
  shift
  for db in whole stub pair; do
    local dbs=(--db "$SCRATCH/$db")
    [ "$db" = pair ] && dbs=(--db "$SCRATCH/a" --db "$SCRATCH/b")
    "$QUERY" --quiet "${dbs[@]}" search "$@" --facets --limit "$page" --format json >"$SCRATCH/$name.$db.json" \
      2>"$SCRATCH/$name.$db.err" || fail "$name over $db: exit $? ($(cat "$SCRATCH/$name.$db.err"))"
  done
  for db in stub pair; do
    "$PYTHON" - "$SCRATCH/$name.whole.json" "$SCRATCH/$name.$db.json" "$name over $db" "$page" <<'PY' || failures=$((failures + 1))
import json, sys
whole, part = (json.load(open(p)) for p in sys.argv[1:3])
keys = lambda d: [h['pmid'] or h['doi'] for h in d['hits']]
problems = []
if whole['total'] != part['total']: problems.append(f"total {part['total']}, expected {whole['total']}")
for facet in whole['facets']:
    if whole['facets'][facet] != part['facets'][facet]:
        problems.append(f"{facet} facet {part['facets'][facet]}, expected {whole['facets'][facet]}")
if sys.argv[4] == "1000" and sorted(keys(whole)) != sorted(keys(part)): problems.append("a different set of hits")
if problems:
    print(f"FAIL: {sys.argv[3]}: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
PY
  done
  local what="totals, facets and hits"
  [ "$page" = 1000 ] || what="totals and facets (first page of $page)"
  echo "$name: $(json_field "$SCRATCH/$name.stub.json" "d['total']") studies, the same $what over the stub (local + remote) and over --db twice"
}

same magnesium magnesium
same magnesium-by-year magnesium --sort year
same magnesium-by-level magnesium --sort level
same magnesium-by-n magnesium --sort n
same rls --condition rls --sort level
same rct-2000s --design rct --year 2000..2020
same phrase '"restless legs"' --sort year
# First pages of sorted searches: facets still count every match, once.
page=20
for sort in relevance level year n; do same "magnesium-page-by-$sort" magnesium --sort "$sort"; done
page=1000
[ "$(json_field "$SCRATCH/magnesium.whole.json" "d['total']")" -ge 10 ] || fail "magnesium: too few studies for a test"

# A sorted order is the same order.
for sort in level year n; do
  json_field "$SCRATCH/magnesium-by-$sort.stub.json" "[h['pmid'] for h in d['hits']]" >"$SCRATCH/order.stub"
  json_field "$SCRATCH/magnesium-by-$sort.whole.json" "[h['pmid'] for h in d['hits']]" >"$SCRATCH/order.whole"
  cmp -s "$SCRATCH/order.stub" "$SCRATCH/order.whole" || fail "--sort $sort: another order over the stub"
done

# Facet counts add up over the shards: each shard's count plus the other's is the whole's.
json_field "$SCRATCH/magnesium.stub.json" "d['facets']['design']" >"$SCRATCH/facets.stub"
"$QUERY" --quiet --db "$SCRATCH/a" search magnesium --facets --format json >"$SCRATCH/only-a.json"
"$QUERY" --quiet --db "$SCRATCH/b" search magnesium --facets --format json >"$SCRATCH/only-b.json"
"$PYTHON" - "$SCRATCH/only-a.json" "$SCRATCH/only-b.json" "$SCRATCH/magnesium.stub.json" <<'PY' || fail "facets of the shards do not add up to the stub's"
import json, sys
from collections import Counter
a, b, stub = (json.load(open(p)) for p in sys.argv[1:4])
assert a['total'] > 0 and b['total'] > 0, "each shard holds some of the matches"
for facet in stub['facets']:
    assert Counter(a['facets'][facet]) + Counter(b['facets'][facet]) == Counter(stub['facets'][facet]), facet
PY

# A study held only by the remote shard is found through the stub.
remote_only=$(json_field "$SCRATCH/only-b.json" "d['hits'][0]['pmid']")
run "$QUERY" --db "$SCRATCH/stub" show "pmid:$remote_only"
expect_code 0 "show a study of the remote shard"
expect_contains "$out" "$remote_only" "show through the stub"

# Commands that write take one index.
run "$INDEX" --db "$SCRATCH/a" --db "$SCRATCH/b" file "${files[0]}"
expect_code 2 "evidex-index with two --db"
expect_contains "$err" "writes to one index" "evidex-index with two --db"

# A shard that is down: one line naming the stub, exit 1.
kill "$server"
wait "$server" 2>/dev/null
run "$QUERY" --db "$SCRATCH/stub" search magnesium
expect_code 1 "search with the remote shard down"
expect_contains "$err" "$SCRATCH/stub" "the error names the stub"
expect_equal "$(printf '%s\n' "$err" | wc -l)" "1" "one line of error"

finish
