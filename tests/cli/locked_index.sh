# A second writer gets exit code 4 and a message naming the lock, and the index is untouched.
. "$(dirname "$0")/../support/cli.sh"

printf '<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>77</PMID><Article><Journal><Title>J</Title></Journal><ArticleTitle>Locked out</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>' \
  >"$SCRATCH/one.xml"
run "$INDEX" file "$SCRATCH/one.xml"
expect_code 0 "first index run"

# Hold the writer lock the way Xapian takes it (an fcntl lock on flintlock) from another process.
"$PYTHON" - "$EVIDEX_DB/flintlock" "$SCRATCH/locked" <<'PY' &
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.lockf(fd, fcntl.LOCK_EX)
open(sys.argv[2], "w").close()
time.sleep(30)
PY
holder=$!
for _ in $(seq 50); do [ -e "$SCRATCH/locked" ] && break; sleep 0.1; done

run "$INDEX" file "$SCRATCH/one.xml"
kill "$holder" 2>/dev/null
wait "$holder" 2>/dev/null
expect_code 4 "second writer"
expect_contains "$err" "locked by another writer" "lock message"
expect_contains "$err" "flintlock" "the lock file is named"
case "$err" in *terminate*|*Xapian::*) fail "a stack trace or raw exception reached the user: $err" ;; esac
expect_equal "$(doc_count)" 1 "documents after the refused run"
finish
