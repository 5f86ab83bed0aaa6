# How far the tools reach: a redirect to file:// or ftp:// is refused, a reply past the size
# limit is cut off rather than read to the end, XML never loads an external entity or a DTD,
# cache files are named by a hash of the request, and the NCBI API key appears in no output,
# error message or cache file name.
. "$(dirname "$0")/../support/cli.sh"
export EVIDEX_HTTP_TIMEOUT=5 EVIDEX_RETRY_BASE_MS=50

# A small server of traps: every request it gets is logged (path, then bytes sent).
"$PYTHON" - "$SCRATCH/traps.log" "$SCRATCH/traps.port" >/dev/null 2>&1 <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
log, port_file = sys.argv[1], sys.argv[2]

class Traps(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def record(self, sent):
        with open(log, "a") as f:
            f.write("%s %d\n" % (self.path, sent))

    def do_GET(self):
        if self.path.startswith("/to-"):
            self.send_response(302)
            self.send_header("Location", {"/to-file": "file:///etc/passwd", "/to-ftp": "ftp://127.0.0.1:9/x",
                                          "/to-gopher": "gopher://127.0.0.1:9/x"}[self.path])
            self.end_headers()
            self.record(0)
            return
        if self.path == "/endless":  # a page that never ends, without a Content-Length
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk, sent = b"<p>Magnesium improves sleep.</p>\n" * 32768, 0
            try:
                while sent < (1 << 30):
                    self.wfile.write(chunk)
                    sent += len(chunk)
            except OSError:
                pass
            self.record(sent)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"secret-from-the-network")
        self.record(23)

server = ThreadingHTTPServer(("127.0.0.1", 0), Traps)
with open(port_file, "w") as f:
    f.write(str(server.server_address[1]))
server.timeout = 1
import time
end = time.time() + 120
while time.time() < end:
    server.handle_request()
PY
traps=$!
trap 'kill $traps 2>/dev/null; rm -rf "$SCRATCH"' EXIT
for _ in $(seq 100); do [ -s "$SCRATCH/traps.port" ] && break; sleep 0.1; done
port=$(cat "$SCRATCH/traps.port")
: >>"$SCRATCH/traps.log"

# Redirects to other schemes: refused, nothing of the target shown.
for scheme in file ftp gopher; do
  run "$QUERY" --cache "$SCRATCH/web-cache" audit "http://127.0.0.1:$port/to-$scheme" --format json
  expect_code 1 "audit a page redirecting to $scheme://"
  expect_contains "$err" "127.0.0.1:$port/to-$scheme" "the redirecting URL is named"
  case "$out$err" in *root:x:0*) fail "the content of /etc/passwd reached the output" ;; esac
done

# A page that never ends: the transfer stops at the page limit (64 MiB), once, not at the
# client's general limit (256 MiB) nor at the server's end (1 GiB).
run "$QUERY" --cache "$SCRATCH/web-cache" audit "http://127.0.0.1:$port/endless"
expect_code 1 "audit an endless page"
expect_contains "$err" "larger than 64 MiB" "the size limit is named"
sleep 0.5
expect_equal "$(grep -c '^/endless ' "$SCRATCH/traps.log")" 1 "requests for the endless page"
sent=$(sed -n 's|^/endless ||p' "$SCRATCH/traps.log" | sort -n | tail -1)
[ -n "$sent" ] && [ "$sent" -lt $((128 << 20)) ] || fail "the endless page was read past the page limit ($sent bytes)"

# XML: external entities and DTDs are neither expanded nor fetched.
cat >"$SCRATCH/entities.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE PubmedArticleSet SYSTEM "http://127.0.0.1:$port/pubmed.dtd" [
  <!ENTITY local SYSTEM "file:///etc/passwd">
  <!ENTITY remote SYSTEM "http://127.0.0.1:$port/entity.txt">
  <!ENTITY % param SYSTEM "http://127.0.0.1:$port/param.dtd">
  %param;
]>
<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>4242</PMID><Article><Journal><Title>J</Title></Journal>
<ArticleTitle>Magnesium &local; and &remote; sleep</ArticleTitle></Article></MedlineCitation></PubmedArticle>
</PubmedArticleSet>
XML
before=$(wc -l <"$SCRATCH/traps.log")
run "$INDEX" file "$SCRATCH/entities.xml"
[ "$code" -eq 0 ] || [ "$code" -eq 3 ] || fail "index a file with external entities: exit code $code; $err"
run "$QUERY" show pmid:4242 --format json
case "$out" in *root:x:0*|*secret-from-the-network*) fail "an external entity was expanded: $out" ;; esac
expect_equal "$(wc -l <"$SCRATCH/traps.log")" "$before" "requests made while parsing XML with a DTD and external entities"

kill "$traps" 2>/dev/null
wait "$traps" 2>/dev/null

# Cache files are named by a hash of the request, never by the id or URL it holds.
start_services
NCBI_API_KEY=key-must-stay-secret run "$INDEX" "${NET[@]}" --db "$SCRATCH/cache-index" pubmed 9703590
expect_code 0 "pubmed into a fresh cache"
names=$(find "$SCRATCH/cache" -mindepth 1 -printf '%P\n')
[ -n "$names" ] || fail "nothing was cached"
bad_names=$(printf '%s\n' "$names" | grep -Ev '^http(/[0-9a-f]{2}(/[0-9a-f]+\.json)?)?$')
[ -z "$bad_names" ] || fail "cache names that are not hashes: $bad_names"
case "$names" in *9703590*|*key-must-stay-secret*) fail "a cache name holds the id or the key: $names" ;; esac

# The API key in no error message: a service that fails, and one that cannot be reached.
kill "$SERVICES_PID"; wait "$SERVICES_PID" 2>/dev/null
start_services "efetch:503:20"
NCBI_API_KEY=key-must-stay-secret run "$INDEX" "${NET[@]}" --db "$SCRATCH/key-index" pubmed 20807870
expect_code 1 "pubmed against a failing service, with a key"
case "$out$err" in *key-must-stay-secret*) fail "the API key is in a failure message: $err" ;; esac
NCBI_API_KEY=key-must-stay-secret run "$INDEX" --pubmed-url "http://127.0.0.1:9/entrez/eutils" \
  --cache "$SCRATCH/cache2" --db "$SCRATCH/key-index" pubmed 20807870
expect_code 1 "pubmed against a service that is not there, with a key"
case "$out$err" in *key-must-stay-secret*) fail "the API key is in a connection error: $err" ;; esac
if grep -rq 'key-must-stay-secret' "$SCRATCH/cache" "$SCRATCH/cache2" 2>/dev/null; then fail "the key reached the cache"; fi
finish
