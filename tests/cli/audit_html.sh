# evidex-query audit --format html, opened in headless Chromium: the seed pages' reports render
# without a console message, hold the summary and one claim card per claim of the JSON report,
# load nothing from outside, and are the same byte for byte on a second run. A page full of markup
# shows that page text comes out as text, never as elements.
. "$(dirname "$0")/../support/cli.sh"
need_shared
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "skipped: no chromium on PATH (scripts/bootstrap --browser, or EVIDEX_BROWSER_TESTS=1, installs it)" >&2
  exit 77
fi
# Chromium wants somewhere to write; keep it in the scratch directory.
export HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/home/.config" XDG_CACHE_HOME="$SCRATCH/home/.cache"
mkdir -p "$HOME"

# open_page FILE: loads FILE, keeping the DOM after load in FILE.dom and the console messages in
# FILE.console. Chromium logs each console message (errors, warnings, CSP violations, console.log)
# as "...:CONSOLE:LINE] "text", source: URL (LINE)" (older versions "CONSOLE(LINE)"); the rest of
# its log (GPU, D-Bus, sandbox) is not about the page.
open_page() {
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --user-data-dir="$SCRATCH/profile" --enable-logging=stderr --v=0 --dump-dom "file://$1" >"$1.dom" 2>"$1.log"
  local status=$?
  [ "$status" -eq 0 ] || fail "chromium exited with $status on $(basename "$1"): $(tail -n 5 "$1.log")"
  grep -E 'CONSOLE[(:][0-9]+' "$1.log" >"$1.console"
}

# The console capture must see a script error, or a clean console proves nothing.
cat >"$SCRATCH/broken.html" <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>broken</title></head>
<body><p>deliberately broken</p><script>no_such_function();</script></body></html>
HTML
open_page "$SCRATCH/broken.html"
expect_contains "$(cat "$SCRATCH/broken.html.console")" "Uncaught ReferenceError" "the console capture on a page with a script error"

# check_dom.py DOM JSON: prints what is wrong with the DOM of a report, one line each, given the
# JSON report of the same audit.
cat >"$SCRATCH/check_dom.py" <<'PY'
import json, sys
from html.parser import HTMLParser

class Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements, self.stack, self.text = [], [], {}
    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": ""}
        self.elements.append(element)
        if tag not in ("br", "meta", "img", "input", "link", "path", "rect", "line"):
            self.stack.append(element)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag: break
    def handle_data(self, data):
        for element in self.stack: element["text"] += data

dom = Dom()
dom.feed(open(sys.argv[1], encoding="utf-8").read())
report = json.load(open(sys.argv[2]))
problems = []
def check(ok, what):
    if not ok: problems.append(what)

def having(tag, **attrs):
    return [e for e in dom.elements if e["tag"] == tag and all(e["attrs"].get(k) == v for k, v in attrs.items())]

check(len(having("section", id="summary")) == 1, "no single section#summary")
for part in ("claims", "uncited", "references"):
    check(len(having("section", id=part)) == 1, "no single section#" + part)
cards = [e for e in dom.elements if e["tag"] == "article" and "claim" in e["attrs"].get("class", "").split()]
claims = report["claims"]
check(len(cards) == len(claims), "%d article.claim for %d claims" % (len(cards), len(claims)))
check([c["attrs"].get("id") for c in cards] == [c["id"] for c in claims], "claim cards are not the claims in order")
check([c["attrs"].get("data-verdict") for c in cards] == [c["verdict"] for c in claims], "verdicts differ from the JSON")
quotes = having("blockquote")
check([q["text"] for q in quotes] == [c["text"] for c in claims], "quoted claims differ from the claims' text")
check(len([s for s in having("svg") if s["attrs"].get("class") == "levels"]) == len(claims), "not one level bar per claim")
rows = [e for e in having("tr") if e["attrs"].get("id", "").startswith("r")]
check(len(rows) == len(report["references"]), "%d reference rows for %d references" % (len(rows), len(report["references"])))
title = report["document"]["title"] or report["document"]["source"]
check([h["text"] for h in having("h1")] == ["Citation audit: " + title], "the heading is not the page's title")
# Self-contained and inert: no script, nothing loaded, links only to the report itself and the records.
check(not having("script"), "a script element")
for e in dom.elements:
    check(e["tag"] not in ("img", "link", "iframe", "object", "embed"), "a <%s> element" % e["tag"])
    check("src" not in e["attrs"], "a src attribute on <%s>" % e["tag"])
    check(not any(k.startswith("on") for k in e["attrs"]), "an event handler on <%s>" % e["tag"])
    href = e["attrs"].get("href")
    if href is not None:
        check(href.startswith(("#", "https://pubmed.ncbi.nlm.nih.gov/", "https://doi.org/")), "a link to " + href)
for p in sorted(set(problems)): print(p)
PY

run "$INDEX" corpus --quiet
expect_code 0 "index the corpus"

# A page whose title, claims and references are full of markup and quotes.
cat >"$SCRATCH/markup.txt" <<'PAGE'
Magnesium & "Sleep" <script>alert('title')</script>

Magnesium <img src=x onerror=alert(1)> cures migraine in everyone, and it is "proven" to help stress & anxiety <b>today</b>.

Studies show magnesium improves sleep quality in elderly adults [1].

References

1. Abbasi B, Kimiagar M, Sadeghniiat K. The effect of magnesium supplementation on primary insomnia in elderly: a double-blind placebo-controlled clinical trial. J Res Med Sci. 2012.
2. <script>alert("reference")</script> O'Brien & Co. "Internal" report, 2020. doi:10.9999/x"><img src=y onerror=alert(2)>
PAGE

checked=0
for page in "$SHARED"/seeds/*.txt "$SCRATCH/markup.txt"; do
  name=$(basename "$page" .txt)
  run "$QUERY" --offline audit "$page" --format json --out "$SCRATCH/$name.json"
  expect_code 0 "audit $name as JSON"
  run "$QUERY" --offline audit "$page" --format html --out "$SCRATCH/$name.html"
  expect_code 0 "audit $name as HTML"
  run "$QUERY" --offline audit "$page" --format html --out "$SCRATCH/$name.again.html"
  cmp -s "$SCRATCH/$name.html" "$SCRATCH/$name.again.html" || fail "$name: two runs gave different HTML"
  open_page "$SCRATCH/$name.html"
  expect_equal "$(cat "$SCRATCH/$name.html.console")" "" "console messages of the $name report"
  run "$PYTHON" "$SCRATCH/check_dom.py" "$SCRATCH/$name.html.dom" "$SCRATCH/$name.json"
  expect_code 0 "read the DOM of the $name report"
  expect_equal "$out" "" "the DOM of the $name report"
  checked=$((checked + 1))
done
expect_equal "$checked" 4 "reports opened in the browser"
expect_equal "$(json_field "$SCRATCH/markup.json" "len(d['claims']) >= 2")" True "claims found on the markup page"
finish
