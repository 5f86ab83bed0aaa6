# Sourced by the end-to-end tests in tests/cli/. Provides the binaries, a scratch directory
# removed on exit, and small assertions that say what was expected and what came instead.
set -uo pipefail

: "${EVIDEX_BIN:?EVIDEX_BIN must name the directory holding evidex-index and evidex-query}"
: "${EVIDEX_SOURCE_DIR:?EVIDEX_SOURCE_DIR must name the source tree}"
INDEX="$EVIDEX_BIN/evidex-index"
QUERY="$EVIDEX_BIN/evidex-query"
SHARED=${EVIDEX_SHARED_DIR:-$EVIDEX_SOURCE_DIR/../shared}
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/evidex-cli.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
export EVIDEX_DB="$SCRATCH/index"
unset EVIDEX_DATA_DIR
# No configuration file of the user running the tests: each test writes its own when it wants one.
export XDG_CONFIG_HOME="$SCRATCH/config"
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# run CMD...: runs it, keeping stdout in $out, stderr in $err and the exit code in $code.
run() {
  "$@" >"$SCRATCH/stdout" 2>"$SCRATCH/stderr"
  code=$?
  out=$(cat "$SCRATCH/stdout")
  err=$(cat "$SCRATCH/stderr")
}

expect_code() {
  [ "$code" -eq "$1" ] || fail "${2:-command}: exit code $code, expected $1; stderr: $err"
}

expect_contains() {  # expect_contains HAYSTACK NEEDLE WHAT
  case "$1" in *"$2"*) ;; *) fail "$3: '$2' not found in: $1" ;; esac
}

expect_equal() {  # expect_equal ACTUAL EXPECTED WHAT
  [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"
}

# Debian's interpreter when present: a version manager's shim can cost a third of a second a call.
PYTHON=$(command -v /usr/bin/python3 || command -v python3)

# json_field FILE EXPR: prints a value of the JSON in FILE with a Python expression over `d`.
json_field() { "$PYTHON" -c "import json,sys; d=json.load(open(sys.argv[1])); print($2)" "$1"; }

# doc_count: documents in $EVIDEX_DB, counted by Xapian's own xapian-delve.
doc_count() { xapian-delve "$EVIDEX_DB" 2>/dev/null | sed -n 's/^number of documents = //p'; }

need_shared() {
  if [ ! -d "$SHARED/fixtures" ]; then
    echo "skipped: $SHARED is absent" >&2
    exit 77
  fi
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "ok"
  exit 0
}

# start_services [FAULT SPEC] [extra server args...]: starts tests/support/fake_services.py on a
# free port with the corpus and the PubMed fixtures, logging to $SCRATCH/requests.log, and sets
# NET (the base-URL options for evidex-index) and SERVICES_PID. The server is stopped on exit.
start_services() {
  local faults=${1:-}
  shift || true
  local data=(--data "$EVIDEX_SOURCE_DIR/corpus")
  [ -d "$SHARED/fixtures/pubmed" ] && data+=(--data "$SHARED/fixtures/pubmed")
  : >"$SCRATCH/requests.log"
  "$PYTHON" "$EVIDEX_SOURCE_DIR/tests/support/fake_services.py" "${data[@]}" --port 0 --max-seconds 300 \
    --log "$SCRATCH/requests.log" ${faults:+--faults "$faults"} "$@" >"$SCRATCH/services.out" 2>"$SCRATCH/services.err" &
  SERVICES_PID=$!
  trap 'kill $SERVICES_PID 2>/dev/null; rm -rf "$SCRATCH"' EXIT
  local port=""
  for _ in $(seq 100); do
    port=$(sed -n 's/^PORT //p' "$SCRATCH/services.out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the test server did not start: $(cat "$SCRATCH/services.err")" >&2; exit 1; }
  NET=(--pubmed-url "http://127.0.0.1:$port/entrez/eutils" --crossref-url "http://127.0.0.1:$port"
       --doi-url "http://127.0.0.1:$port/doi" --cache "$SCRATCH/cache" --email tests@example.org)
  # Short timeouts and backoff keep fault tests quick; the logic is the same as with defaults.
  export EVIDEX_HTTP_TIMEOUT=1 EVIDEX_RETRY_BASE_MS=50
}

# requests_to SERVICE: how many requests the server logged for a service.
requests_to() { grep -c "\"service\": \"$1\"" "$SCRATCH/requests.log"; }
