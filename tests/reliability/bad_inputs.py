"""Generates malformed inputs for the malformed-input trial: each a Case that says how to feed
it to a tool and what must survive it. Deterministic for a seed; written to a temporary
directory at run time, never committed."""
import gzip
import json
import random
import zlib

HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<PubmedArticleSet>\n'
TAIL = b"</PubmedArticleSet>\n"


class Case:
    """One bad input. `kind` is how it is fed: "file" (evidex-index file), "page" (evidex-query
    audit and evidex-index refs) or "pmid"/"doi" (an id on the command line). `good` are the
    PMIDs of the good records in it, which must end indexed. `bad` says the input holds
    something wrong, so the run must say so on stderr."""

    def __init__(self, name, kind, data, good=(), bad=True, suffix=".xml"):
        self.name, self.kind, self.data, self.good, self.bad, self.suffix = name, kind, data, list(good), bad, suffix


def article(pmid, title="A randomized trial of magnesium for sleep", abstract="Magnesium improved sleep.",
            extra=b""):
    if isinstance(title, str):
        title = title.encode("utf-8")
    if isinstance(abstract, str):
        abstract = abstract.encode("utf-8")
    return (b'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM"><PMID Version="1">%d</PMID>\n'
            b'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print"><PubDate><Year>2001</Year>'
            b'</PubDate></JournalIssue><Title>Test journal</Title></Journal><ArticleTitle>%s</ArticleTitle>\n'
            b'<Abstract><AbstractText>%s</AbstractText></Abstract>%s</Article></MedlineCitation></PubmedArticle>\n'
            % (pmid, title, abstract, extra))


def pubmed_file(*articles, head=HEAD, tail=TAIL):
    return head + b"".join(articles) + tail


def truncations(rng, count):
    """A file of three good articles cut at `count` offsets; the articles that end before the
    cut must be indexed."""
    arts = [article(9100001 + i, "Magnesium and sleep, study %d" % (i + 1)) for i in range(3)]
    whole = pubmed_file(*arts)
    ends, pos = [], len(HEAD)
    for a in arts:
        pos += len(a)
        ends.append(pos)
    offsets = sorted(set([0, 1, 5, len(HEAD) - 1, len(HEAD)] + [e - 1 for e in ends] + ends +
                         [rng.randrange(1, len(whole)) for _ in range(count)]))[:count]
    cases = []
    for cut in offsets:
        data = whole[:cut]
        good = [9100001 + i for i, e in enumerate(ends) if e <= cut]
        cases.append(Case("xml-cut-at-%d" % cut, "file", data, good))
        if len(cases) % 3 == 0:  # the same cuts of the text inside a gzip stream
            cases.append(Case("xml-gz-text-cut-at-%d" % cut, "file", gzip.compress(data, mtime=0), good,
                              suffix=".xml.gz"))
    return cases


def bad_gzip(rng, count):
    arts = [article(9200001 + i, "Gzip case %d of magnesium" % i) for i in range(40)]
    raw = gzip.compress(pubmed_file(*arts), mtime=0)
    cases = []
    for i in range(count):
        cut = rng.randrange(1, len(raw))
        cases.append(Case("gz-cut-at-%d" % cut, "file", raw[:cut], (), suffix=".xml.gz"))
    for i in range(count):
        data = bytearray(raw)
        at = rng.randrange(10, len(data) - 8)
        data[at] ^= 0xFF
        cases.append(Case("gz-flipped-byte-%d" % at, "file", bytes(data), (), suffix=".xml.gz"))
    crc = bytearray(raw)
    crc[-8] ^= 0x55
    cases.append(Case("gz-bad-crc", "file", bytes(crc), (), suffix=".xml.gz"))
    size = bytearray(raw)
    size[-1] ^= 0x55
    cases.append(Case("gz-bad-length", "file", bytes(size), (), suffix=".xml.gz"))
    cases.append(Case("gz-header-only", "file", raw[:10], (), suffix=".xml.gz"))
    cases.append(Case("gz-of-junk", "file", gzip.compress(bytes(rng.randrange(256) for _ in range(5000)), mtime=0),
                      (), suffix=".xml.gz"))
    cases.append(Case("gz-of-nothing", "file", gzip.compress(b"", mtime=0), (), suffix=".xml.gz"))
    # The records are all there; the bytes after the gzip member are named, not read.
    cases.append(Case("gz-then-junk", "file", raw + b"\x00junk after the stream" * 10,
                      [9200001 + i for i in range(40)], suffix=".xml.gz"))
    cases.append(Case("zlib-not-gzip", "file", zlib.compress(pubmed_file(*arts)), (), suffix=".xml.gz"))
    return cases


def bad_bytes():
    """Invalid UTF-8 and wrong declared encodings inside the second of three articles; the
    first and third must be indexed."""
    sequences = {
        "lone-ff": b"\xff", "lone-continuation": b"\x80", "overlong-slash": b"\xc0\xaf",
        "surrogate": b"\xed\xa0\x80", "cut-3-byte": b"\xe2\x82", "cut-4-byte": b"\xf0\x9f\x98",
        "above-u10ffff": b"\xf4\x90\x80\x80", "fe-fe": b"\xfe\xfe", "nul": b"\x00", "c1-control": b"\xc2\x85",
        "latin1-e-acute": b"\xe9", "bom-inside": b"\xef\xbb\xbf", "many-ff": b"\xff" * 5000,
        "escape-seq": b"\x1b[31m", "bell-backspace": b"\x07\x08", "form-feed": b"\x0c",
    }
    cases = []
    for name, seq in sequences.items():
        for where in ("title", "abstract"):
            title = b"Magnesium " + seq + b" trial" if where == "title" else b"Magnesium trial"
            abstract = b"Sleep " + seq + b" improved." if where == "abstract" else b"Sleep improved."
            data = pubmed_file(article(9300001), article(9300002, title, abstract), article(9300003))
            cases.append(Case("utf8-%s-in-%s" % (name, where), "file", data, [9300001, 9300003], bad=False))
    good3 = (article(9300011), article(9300012, "Magn\xe9sium trial".encode("latin-1")), article(9300013))
    for decl in (b"ISO-8859-1", b"UTF-16", b"UTF-32", b"EBCDIC", b"no-such-encoding", b"windows-1252", b"UTF-8"):
        head = b'<?xml version="1.0" encoding="' + decl + b'"?>\n<PubmedArticleSet>\n'
        cases.append(Case("declared-%s" % decl.decode().lower(), "file", pubmed_file(*good3, head=head),
                          [9300011, 9300013], bad=False))
    utf16 = pubmed_file(article(9300021), article(9300022)).decode("utf-8").encode("utf-16")
    cases.append(Case("utf16-with-bom", "file", utf16, (), bad=True))
    return cases


def entity_bombs():
    cases = []
    lol = '<!ENTITY lol0 "lol">' + "".join('<!ENTITY lol%d "%s">' % (i, ("&lol%d;" % (i - 1)) * 10) for i in range(1, 10))
    doctype = '<!DOCTYPE PubmedArticleSet [%s]>\n' % lol
    head = b'<?xml version="1.0"?>\n' + doctype.encode() + b"<PubmedArticleSet>\n"
    cases.append(Case("billion-laughs", "file",
                      pubmed_file(article(9400001), article(9400002, b"&lol9;"), article(9400003), head=head),
                      [9400001, 9400003], bad=False))
    big = "x" * 100000
    head = ('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY big "%s">]>\n<PubmedArticleSet>\n'
            % big).encode()
    cases.append(Case("quadratic-blowup", "file",
                      pubmed_file(article(9400011), article(9400012, b"&big;" * 20000), article(9400013), head=head),
                      [9400011, 9400013], bad=False))
    for name, target in (("file", "file:///etc/passwd"), ("http", "http://127.0.0.1:9/x.dtd"),
                         ("relative", "secret.txt")):
        head = ('<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet [<!ENTITY ext SYSTEM "%s">]>\n'
                '<PubmedArticleSet>\n' % target).encode()
        cases.append(Case("external-entity-%s" % name, "file",
                          pubmed_file(article(9400021), article(9400022, b"Leak &ext; here"), article(9400023),
                                      head=head), [9400021, 9400023], bad=False))
    head = (b'<?xml version="1.0"?>\n<!DOCTYPE PubmedArticleSet SYSTEM "http://127.0.0.1:9/pubmed.dtd">\n'
            b"<PubmedArticleSet>\n")
    cases.append(Case("external-dtd", "file", pubmed_file(article(9400031), head=head), [9400031], bad=False))
    head = b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "&b;"><!ENTITY b "&a;">]>\n<PubmedArticleSet>\n'
    cases.append(Case("recursive-entity", "file",
                      pubmed_file(article(9400041), article(9400042, b"&a;"), article(9400043), head=head),
                      [9400041, 9400043], bad=False))
    return cases


def giants():
    cases = []
    sizes = {"title-2mb": (b"magnesium " * 200000, b"ok"), "abstract-16mb": (b"ok", b"sleep " * 2800000),
             "word-1mb": (b"m" * 1000000, b"ok"), "abstract-100k-words": (b"ok", b"w" * 300 + b" x" * 100000)}
    for name, (title, abstract) in sizes.items():
        data = pubmed_file(article(9500001), article(9500002, title, abstract), article(9500003))
        cases.append(Case("giant-%s" % name, "file", data, [9500001, 9500003], bad=False))
    authors = b"<AuthorList>" + b"<Author><LastName>Smith</LastName><Initials>J</Initials></Author>" * 50000 + b"</AuthorList>"
    cases.append(Case("giant-50k-authors", "file",
                      pubmed_file(article(9500011), article(9500012, extra=authors), article(9500013)),
                      [9500011, 9500013], bad=False))
    attr = b'<ELocationID EIdType="doi" x="' + b"a" * 1000000 + b'">10.1/x</ELocationID>'
    cases.append(Case("giant-attribute", "file",
                      pubmed_file(article(9500021), article(9500022, extra=attr), article(9500023)),
                      [9500021, 9500023], bad=False))
    doi = b'<ELocationID EIdType="doi" ValidYN="Y">10.1000/' + b"d" * 5000 + b"</ELocationID>"
    cases.append(Case("giant-doi", "file", pubmed_file(article(9500031), article(9500032, extra=doi), article(9500033)),
                      [9500031, 9500033], bad=False))
    pmid = b"9" * 400
    big_pmid = article(1).replace(b">1</PMID>", b">" + pmid + b"</PMID>")
    cases.append(Case("giant-pmid", "file", pubmed_file(article(9500041), big_pmid, article(9500043)),
                      [9500041, 9500043]))
    return cases


def nesting():
    cases = []
    for depth in (1000, 10000, 100000):
        title = b"<i>" * depth + b"Magnesium" + b"</i>" * depth
        cases.append(Case("nested-%d-in-title" % depth, "file",
                          pubmed_file(article(9600001), article(9600002, title), article(9600003)),
                          [9600001, 9600003], bad=False))
        unclosed = b"<sup>" * depth + b"Magnesium"
        cases.append(Case("nested-%d-unclosed" % depth, "file",
                          pubmed_file(article(9600011), article(9600012, unclosed), article(9600013)),
                          [9600011]))
        deep = b"<x>" * depth + b"</x>" * depth
        cases.append(Case("nested-%d-unknown" % depth, "file",
                          pubmed_file(article(9600021), article(9600022, extra=deep), article(9600023)),
                          [9600021, 9600023], bad=False))
        math = (b"<mml:math>" + b"<mml:mrow>" * depth + b"x" + b"</mml:mrow>" * depth + b"</mml:math>")
        cases.append(Case("nested-%d-mathml" % depth, "file",
                          pubmed_file(article(9600031), article(9600032, abstract=math), article(9600033)),
                          [9600031, 9600033], bad=False))
    return cases


def junk(rng, count):
    cases = []
    cases.append(Case("empty", "file", b""))
    cases.append(Case("empty-gz-name", "file", b"", suffix=".xml.gz"))
    cases.append(Case("whitespace-only", "file", b" \n\t\r\n" * 100))
    cases.append(Case("bom-only", "file", b"\xef\xbb\xbf"))
    cases.append(Case("declaration-only", "file", b'<?xml version="1.0"?>'))
    cases.append(Case("root-only", "file", b"<PubmedArticleSet/>", bad=False))
    cases.append(Case("wrong-root", "file", b"<html><body>Not PubMed</body></html>"))
    cases.append(Case("empty-json-object", "file", b"{}", suffix=".json"))
    cases.append(Case("empty-json-array", "file", b"[]", suffix=".json", bad=False))
    for i in range(count):
        n = rng.choice((1, 7, 100, 4096, 100000))
        body = bytes(rng.randrange(256) for _ in range(n))
        lead = rng.choice((b"", b"<", b"{", b"[{", b"@", b"\x1f\x8b", b"<?xml", b"<PubmedArticleSet>"))
        suffix = rng.choice((".xml", ".json", ".xml.gz", ".bib", ".txt"))
        cases.append(Case("junk-%d-bytes-%d" % (n, i), "file", lead + body, suffix=suffix))
    return cases


def csl_item(n, **override):
    item = {"type": "article-journal", "title": "Magnesium and sleep, CSL item %d" % n,
            "DOI": "10.5555/rel.%d" % n, "PMID": str(9700000 + n), "container-title": "Test journal",
            "issued": {"date-parts": [[2010]]}, "author": [{"family": "Smith", "given": "J"}]}
    item.update(override)
    return item


def json_types():
    """CSL-JSON arrays holding a good item, a bad one and a good one; Crossref works with wrong
    types. The good items must be indexed."""
    wrong = [None, 7, -1.5, True, "text", [], ["a", 1], {}, {"x": {"y": []}}, "\u0000", "9" * 500]
    fields = ["title", "DOI", "PMID", "author", "issued", "container-title", "type", "abstract", "page",
              "volume"]
    cases, n = [], 0
    for field in fields:
        for value in wrong:
            n += 3
            items = [csl_item(n), csl_item(n + 1, **{field: value}), csl_item(n + 2)]
            good = ["10.5555/rel.%d" % n, "10.5555/rel.%d" % (n + 2)]
            cases.append(Case("csl-%s-as-%s-%d" % (field, type(value).__name__, n), "file",
                              json.dumps(items).encode(), good, bad=False, suffix=".json"))
    for item in (7, "string", None, [], [[1]]):
        n += 3
        cases.append(Case("csl-item-is-%s" % type(item).__name__, "file",
                          json.dumps([csl_item(n), item, csl_item(n + 2)]).encode(), ["10.5555/rel.%d" % n, "10.5555/rel.%d" % (n + 2)],
                          suffix=".json"))
    crossref = {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                "message": {"DOI": "10.5555/crossref.1", "title": ["Magnesium and sleep"], "type": "journal-article"}}
    for path, value in (("message", []), ("message", "x"), ("title", "not a list"), ("title", [1, 2]),
                        ("DOI", 5), ("author", {"family": 1}), ("issued", {"date-parts": "2010"}),
                        ("issued", {"date-parts": [["x"]]}), ("issued", {"date-parts": [[99999999999999999999]]}),
                        ("published-print", {"date-parts": [[-5, 13, 40]]}), ("reference", 3),
                        ("update-to", [{"DOI": None}]), ("container-title", {"a": 1}), ("author", [7, None])):
        work = json.loads(json.dumps(crossref))
        if path == "message":
            work["message"] = value
        else:
            work["message"][path] = value
        cases.append(Case("crossref-%s-%s" % (path, json.dumps(value)[:20]), "file", json.dumps(work).encode(),
                          bad=False, suffix=".json"))
    cases.append(Case("json-cut", "file", json.dumps([csl_item(1), csl_item(2)]).encode()[:100], suffix=".json"))
    cases.append(Case("json-deep", "file", b"[" * 100000 + b"]" * 100000, suffix=".json"))
    cases.append(Case("json-deep-object", "file", b'[{"title":' + b'{"a":' * 50000 + b"1" + b"}" * 50001 + b"]",
                      suffix=".json"))
    return cases


def pages(rng, depths):
    cases = [
        Case("page-huge-html", "page", b"<html><body>" + b"<p>Magnesium is a mineral found in nuts.</p>\n" * 400000
             + b"</body></html>", bad=False, suffix=".html"),
        Case("page-script-10000", "page", b"<html><body>" + b"<script>var a = '<p>Magnesium cures [1]</p>';</script>"
             * 10000 + b"<p>Magnesium improves sleep [1].</p></body></html>", bad=False, suffix=".html"),
        Case("page-unclosed-comment", "page", b"<html><body><!-- " + b"Magnesium " * 10000, bad=False, suffix=".html"),
        Case("page-huge-attribute", "page", b'<html><body><p title="' + b"a" * 3000000 + b'">Magnesium</p>',
             bad=False, suffix=".html"),
        Case("page-100000-li", "page", b"<ol>" + b"<li>Smith J. Magnesium. J Test. 2001." * 100000 + b"</ol>",
             bad=False, suffix=".html"),
        Case("page-binary", "page", bytes(rng.randrange(256) for _ in range(100000)), bad=False, suffix=".html"),
        Case("page-invalid-utf8", "page", b"<p>Magnesium \xff\xfe\xc0\xaf improves sleep [1].</p><ol><li>\xed\xa0\x80"
             b" Smith J. 2001.</li></ol>", bad=False, suffix=".html"),
        Case("page-nul-bytes", "page", b"Magnesium\x00 improves\x00 sleep.\n\nReferences\n\n1. \x00\x00\n",
             bad=False, suffix=".txt"),
        Case("page-long-line", "page", b"Magnesium " * 2000000, bad=False, suffix=".txt"),
        Case("page-empty", "page", b"", bad=False, suffix=".html"),
    ]
    for depth in depths:
        for tag in (b"div", b"table", b"li", b"b", b"svg"):
            cases.append(Case("page-nested-%d-%s" % (depth, tag.decode()), "page",
                              b"<html><body>" + (b"<" + tag + b">") * depth + b"Magnesium improves sleep [1]."
                              b"<ol><li>Smith J. Magnesium. Sleep. 1998.</li></ol>", bad=False, suffix=".html"))
    garbage_lines = []
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,;:()[]/-&%$#@!?*'\"<>\\|{}~^`=+_"
    for i in range(30):
        lines = []
        for j in range(rng.randrange(1, 60)):
            line = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 300)))
            if rng.random() < 0.3:
                line += " doi:10.%d/%s" % (rng.randrange(100000), "".join(rng.choice(alphabet) for _ in range(10)))
            if rng.random() < 0.3:
                line += " PMID: %s" % "".join(rng.choice("0123456789x") for _ in range(rng.randrange(1, 30)))
            lines.append("%d. %s" % (j + 1, line))
        text = "Magnesium improves sleep [1].\n\nReferences\n\n" + "\n".join(lines) + "\n"
        garbage_lines.append(Case("page-garbage-refs-%d" % i, "page", text.encode(), bad=False, suffix=".txt"))
    return cases + garbage_lines


def bad_ids():
    pmids = ["0", "-1", "12x", "x12", "1.5", "1e5", "", " ", "99999999999999999999999", "１２３", "12 34",
             "pmid:", "pmid:abc", "PMC123", "0x1F", "+12", "1/2", "12;rm -rf /", "%00", "\u202e12", "1" * 300]
    dois = ["10.", "10/abc", "11.5/abc", "10.1000", "10.1000/", "doi:", "https://doi.org/", "10.1000/\x01",
            "10.1000/ space", "10.1000/" + "x" * 5000, "abc", "", "10.1000/%zz", "10..1000/x",
            "http://example.org/10.1000/x", "10.1000/\u202e"]
    cases = [Case("pmid-%r" % p, "pmid", p.encode()) for p in pmids]
    cases += [Case("doi-%r" % d[:30], "doi", d.encode()) for d in dois]
    return cases


def generate(seed, scale=1):
    """Every case, in a stable order. `scale` multiplies the random ones."""
    rng = random.Random(seed)
    cases = []
    cases += truncations(rng, 120 * scale)
    cases += bad_gzip(rng, 25 * scale)
    cases += bad_bytes()
    cases += entity_bombs()
    cases += giants()
    cases += nesting()
    cases += junk(rng, 60 * scale)
    cases += json_types()
    # Gumbo's tree builder is quadratic in the depth of open elements: 100,000 deep takes
    # tens of seconds, so only the long run goes that far.
    cases += pages(rng, (10000,) if scale == 1 else (10000, 100000))
    cases += bad_ids()
    return cases
