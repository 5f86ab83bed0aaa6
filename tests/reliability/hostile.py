"""Trial: hostile content. Pages whose claims and references carry markup, entities, control
characters and bidirectional marks are audited to HTML and JSON. Passes when the HTML report
holds no markup that came from the page (no script, no event handler, no element the report
does not write itself), the page's text is there to read (escaped), and the JSON report is
valid JSON that keeps the claim's text as the page had it."""
import html
import json
import os
from html.parser import HTMLParser

from common import Figures, run, tool_env

# Text a claim might carry; `marker` is what must be readable in both reports.
PAYLOADS = [
    ("script", "<script>alert('claim')</script>", "alert('claim')"),
    ("img-onerror", "<img src=x onerror=alert(1)>", "onerror=alert(1)"),
    ("attribute-break", '"><svg onload=alert(2)>', "onload=alert(2)"),
    ("single-quote-break", "'><iframe src=javascript:alert(3)>", "javascript:alert(3)"),
    ("close-textarea", "</textarea></title></style><b>bold</b>", "<b>bold</b>"),
    ("entities", "&amp;lt;script&amp;gt; &#60;i&#62; &copy;", "&amp;lt;script&amp;gt"),  # a claim ends at "; "
    ("cdata", "<![CDATA[ ]]> -->", "]]>"),
    ("comment-open", "<!-- hidden", "<!-- hidden"),
    ("rtl-override", "\u202eevil\u202c text \u200f", "\u202eevil"),
    ("zero-width", "mag\u200bnesium\ufeff", "mag\u200bnesium"),
    ("control-chars", "bell\x07 escape\x1b[31m zq-red", "zq-red"),
    ("tab", "tab\tzq-here", "zq-here"),
    ("style", "<style>body{display:none}</style>", "display:none"),
    ("markdown", "[link](javascript:alert(4)) **bold** | table |", "javascript:alert(4)"),
]

# Elements the report writes itself; anything else came from the page.
FORBIDDEN_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "form", "input", "textarea", "b", "i"}


class ReportScan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = {}
        self.handlers = []
        self.text = []
        self.bad_urls = []
        self.in_script = False
        self.script_text = []

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append("%s %s=%r" % (tag, name, value))
            if value and value.strip().lower().startswith("javascript:"):
                self.bad_urls.append("%s %s=%r" % (tag, name, value))
        self.in_script = tag in ("script", "style")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        (self.script_text if self.in_script else self.text).append(data)


def page_text(payload, as_html):
    """A page with a claim carrying the payload and a reference carrying it too."""
    if as_html:
        escaped = html.escape(payload, quote=False)
        return ("<html><body><h1>Magnesium</h1><p>Magnesium improves sleep quality %s [1].</p>"
                "<h2>References</h2><ol><li>Smith J. Magnesium %s and sleep. J Sleep. 2001;3:1-9.</li></ol>"
                "</body></html>\n" % (escaped, escaped))
    return ("Magnesium improves sleep quality %s [1].\n\nReferences\n\n1. Smith J. Magnesium %s and sleep. "
            "J Sleep. 2001;3:1-9.\n" % (payload, payload))


def check(tools, workdir, name, payload, marker, as_html, env, figures, baseline_tags):
    path = os.path.join(workdir, "%s.%s" % (name, "html" if as_html else "txt"))
    with open(path, "w", encoding="utf-8") as f:
        f.write(page_text(payload, as_html))
    db = os.path.join(workdir, "index")
    problems = []
    report = run([tools.query, "--db", db, "--offline", "audit", path, "--format", "html"], 60, env)
    if not figures.outcome(report) or report.code != 0:
        return "%s: audit --format html: %s" % (name, report.describe())
    scan = ReportScan()
    scan.feed(report.out)
    for tag, n in scan.tags.items():
        if tag in FORBIDDEN_TAGS and n > baseline_tags.get(tag, 0):
            problems.append("the HTML report holds a <%s> from the page" % tag)
    if scan.handlers:
        problems.append("event handlers in the HTML report: %s" % scan.handlers[:2])
    if scan.bad_urls:
        problems.append("javascript: URLs in the HTML report: %s" % scan.bad_urls[:2])
    if any(marker in s for s in scan.script_text):
        problems.append("page text inside a script or style element of the report")
    visible = "".join(scan.text)
    if marker.strip() not in visible:
        problems.append("the claim's text %r is not readable in the HTML report" % marker)
    as_json = run([tools.query, "--db", db, "--offline", "audit", path, "--format", "json"], 60, env)
    if not figures.outcome(as_json) or as_json.code != 0:
        return "%s: audit --format json: %s" % (name, as_json.describe())
    try:
        audit = json.loads(as_json.out)
    except ValueError as e:
        problems.append("the JSON report is not JSON: %s" % e)
    else:
        texts = [c.get("text", "") for c in audit.get("claims", [])]
        raws = [r.get("raw", "") for r in audit.get("references", [])]
        if not any(marker in t for t in texts):
            problems.append("no claim keeps %r in JSON: %s" % (marker, texts[:2]))
        if not any(marker in r for r in raws):
            problems.append("no reference keeps %r in JSON: %s" % (marker, raws[:2]))
    return "%s (%s): %s" % (name, "html" if as_html else "text", "; ".join(problems)) if problems else None


def run_trial(tools, workdir, mode, seed):
    figures = Figures("hostile-content")
    env = tool_env()
    # What the report itself writes, from a page without a payload.
    plain = os.path.join(workdir, "plain.txt")
    with open(plain, "w") as f:
        f.write(page_text("", False))
    base = run([tools.query, "--db", os.path.join(workdir, "index"), "--offline", "audit", plain,
                "--format", "html"], 60, env)
    if base.code != 0:
        figures.failures.append("audit of a plain page: %s" % base.describe())
        return figures
    scan = ReportScan()
    scan.feed(base.out)
    for name, payload, marker in PAYLOADS:
        for as_html in (False, True):
            problem = check(tools, workdir, name, payload, marker, as_html, env, figures, scan.tags)
            figures.item(problem is None, problem)
    return figures
