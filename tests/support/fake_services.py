#!/usr/bin/env python3
"""Fake NCBI E-utilities, Crossref REST API and doi.org for Evidex's end-to-end tests.

Serves the records found under --data directories on 127.0.0.1 in the real wire formats and
injects faults on demand (--faults). Standard library only. Run with --help for the options;
--check-rate and --check-retry-after analyse a --log file written by an earlier run.
"""
import argparse
import json
import os
import random
import re
import signal
import socket
import struct
import sys
import threading
import time
import traceback
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, quote, unquote, urlsplit
from xml.sax.saxutils import escape

SERVICES = ("efetch", "esearch", "esummary", "idconv", "works", "works-query", "doi")
EUTILS = {"efetch": "eFetchResult", "esearch": "eSearchResult", "esummary": "eSummaryResult"}  # root elements
FAULT_NAMES = ("429", "500", "503", "slow", "truncate", "html", "error200", "error200json", "reset")
XML_CT = "text/xml; charset=UTF-8"
JSON_CT = "application/json; charset=UTF-8"
CROSSREF_CT = "application/json;charset=utf-8"
HTML_CT = "text/html;charset=utf-8"
CSL_CT = "application/vnd.citationstyles.csl+json"
BIBTEX_CT = "application/x-bibtex; charset=utf-8"
EFETCH_HEAD = ('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, '
               '1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
               '<PubmedArticleSet>\n')
ESEARCH_HEAD = ('<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSearchResult PUBLIC "-//NLM//DTD esearch '
                '20060628//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20060628/esearch.dtd">\n')
ESUMMARY_HEAD = ('<?xml version="1.0" encoding="UTF-8" ?>\n<!DOCTYPE eSummaryResult PUBLIC "-//NLM//DTD esummary '
                 'v1 20041029//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/20041029/esummary-v1.dtd">\n')
UNAVAILABLE_HTML = "<html><body><h1>Service unavailable</h1></body></html>"
ERROR_PAGE_HTML = ("<!DOCTYPE html>\n<html><head><title>Error - temporarily unavailable</title></head>\n"
                   "<body><h1>Something went wrong</h1><p>The server could not complete your request "
                   "because of a temporary problem. Please try again later.</p></body></html>\n")
ARTICLE_RE = re.compile(r"<(PubmedArticle|PubmedBookArticle)\b[^>]*>.*?</\1>", re.S)
DOI_SYNTAX_RE = re.compile(r"^10\.\d+(\.\d+)*/\S+$")


class BadParam(Exception):
    """A request parameter the service cannot accept; answered with the service's error body."""


class Resp:
    def __init__(self, status, ctype, body, headers=()):
        self.status, self.ctype, self.headers = status, ctype, list(headers)
        self.body = body.encode("utf-8") if isinstance(body, str) else body


def text_of(el):
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""


def words(text):
    return re.findall(r"[a-z0-9]+", (text or "").lower())


def norm_doi(s):
    s = (s or "").strip().lower()
    s = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", s)
    return s


def first_year(s):
    m = re.search(r"\d{4}", s or "")
    return int(m.group(0)) if m else None


def get_int(q, name, default):
    try:
        return int(q.get(name, default))
    except (TypeError, ValueError):
        raise BadParam("Invalid %s: %r" % (name, q.get(name))) from None


def json_resp(status, obj, ctype=JSON_CT, headers=()):
    return Resp(status, ctype, json.dumps(obj, ensure_ascii=False), headers)


def xml_error(root, msg):
    return Resp(200, XML_CT, '<?xml version="1.0" encoding="UTF-8" ?>\n<%s><ERROR>%s</ERROR></%s>\n'
                % (root, escape(msg), root))


# ----------------------------------------------------------------------------------------- data
def parse_article(xml_text):
    """Metadata of one <PubmedArticle>/<PubmedBookArticle> (the verbatim text is kept as "xml")."""
    root = ET.fromstring(xml_text)
    r = {"xml": xml_text}
    if root.tag == "PubmedArticle":
        mc = root.find("MedlineCitation")
        art = mc.find("Article")
        journal = art.find("Journal")
        r["pmid"] = mc.findtext("PMID", "").strip()
        pubdate = journal.find("JournalIssue/PubDate")
        r.update(journal=journal.findtext("Title", ""), iso=journal.findtext("ISOAbbreviation", ""),
                 ta=mc.findtext("MedlineJournalInfo/MedlineTA", ""), issn=journal.findtext("ISSN", ""),
                 volume=journal.findtext("JournalIssue/Volume", ""),
                 issue=journal.findtext("JournalIssue/Issue", ""),
                 pages=art.findtext("Pagination/MedlinePgn", ""), lang=art.findtext("Language", ""),
                 title=text_of(art.find("ArticleTitle")) or text_of(art.find("VernacularTitle")))
        authors, elocs = art.findall("AuthorList/Author"), art.findall("ELocationID")
        ids = root.findall("PubmedData/ArticleIdList/ArticleId")
        abstract, ptypes = art.findall("Abstract/AbstractText"), art.findall("PublicationTypeList/PublicationType")
        mesh = mc.findall("MeshHeadingList/MeshHeading/DescriptorName")
    elif root.tag == "PubmedBookArticle":
        bd = root.find("BookDocument")
        book = bd.find("Book")
        r["pmid"] = bd.findtext("PMID", "").strip()
        pubdate = book.find("PubDate")
        book_title = text_of(book.find("BookTitle"))
        r.update(journal=book_title, iso="", ta="", issn="", volume="", issue="", pages="",
                 lang=bd.findtext("Language", ""), title=text_of(bd.find("ArticleTitle")) or book_title)
        authors = bd.findall("AuthorList/Author") + book.findall("AuthorList/Author")
        elocs = bd.findall("ELocationID") + book.findall("ELocationID")
        ids = bd.findall("ArticleIdList/ArticleId") + root.findall("PubmedBookData/ArticleIdList/ArticleId")
        abstract, ptypes, mesh = bd.findall("Abstract/AbstractText"), bd.findall("PublicationType"), []
    else:
        raise ValueError("not a PubMed article: " + root.tag)
    if not r["pmid"].isdigit():
        raise ValueError("no PMID")
    pd = pubdate if pubdate is not None else ET.Element("PubDate")
    r["pubdate"] = pd.findtext("MedlineDate") or " ".join(
        x for x in (pd.findtext("Year"), pd.findtext("Month"), pd.findtext("Day")) if x)
    r["year"] = first_year(r["pubdate"])
    r["abstract"] = " ".join(text_of(a) for a in abstract)
    r["authors"] = [(a.findtext("LastName", "").strip(), a.findtext("Initials", "").strip(),
                     text_of(a.find("CollectiveName"))) for a in authors]
    r["ptypes"] = [text_of(p) for p in ptypes]
    r["mesh"] = [text_of(m) for m in mesh]
    id_map = {a.get("IdType"): text_of(a) for a in reversed(ids)}
    eloc_doi = [text_of(e) for e in elocs if e.get("EIdType") == "doi"]
    r["doi"] = id_map.get("doi") or (eloc_doi[0] if eloc_doi else "")
    r["pmcid"] = id_map.get("pmc", "")
    return r


class Store:
    """Records from the --data directories plus the esearch history server."""

    def __init__(self, dirs, limit):
        self.pubmed, self.crossref, self.by_doi, self.by_pmc = {}, {}, {}, {}
        self.all_by_doi = {}  # every PMID of a DOI, for a [doi] search without a scan
        self.history, self.counter, self.limit = {}, 0, limit
        self.lock = threading.Lock()
        for d in dirs:
            if not os.path.isdir(d):
                raise SystemExit("fake_services.py: --data %s: not a directory" % d)
            for base, subdirs, files in os.walk(d):
                subdirs.sort()
                for name in sorted(files):
                    path = os.path.join(base, name)
                    if name.endswith(".xml"):
                        self._load_xml(path)
                    elif name.endswith(".json"):
                        self._load_json(path)
        print("fake_services.py: %d PubMed records, %d Crossref works"
              % (len(self.pubmed), len(self.crossref)), file=sys.stderr)

    def _load_xml(self, path):
        with open(path, encoding="utf-8", errors="replace") as f:
            text = f.read()
        for m in ARTICLE_RE.finditer(text):
            try:
                rec = parse_article(m.group(0))
            except (ET.ParseError, ValueError, AttributeError) as e:
                print("fake_services.py: %s: skipped an article: %s" % (path, e), file=sys.stderr)
                continue
            if rec["pmid"] in self.pubmed:
                continue  # first one wins (files are read in sorted order)
            self.pubmed[rec["pmid"]] = rec
            if rec["doi"]:
                self.by_doi.setdefault(norm_doi(rec["doi"]), rec["pmid"])
                self.all_by_doi.setdefault(norm_doi(rec["doi"]), []).append(rec["pmid"])
            if rec["pmcid"]:
                self.by_pmc.setdefault(rec["pmcid"].upper(), rec["pmid"])

    def _load_json(self, path):
        try:
            with open(path, "rb") as f:
                raw = f.read()
            obj = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            return
        if isinstance(obj, dict) and obj.get("message-type") == "work" and isinstance(obj.get("message"), dict):
            doi = norm_doi(obj["message"].get("DOI", ""))
            if doi:
                self.crossref.setdefault(doi, (raw, obj["message"]))

    def save_history(self, ids, webenv, commit):
        with self.lock:
            if not commit:  # a faulty answer stores nothing
                return (webenv if webenv in self.history else "MCID_not_stored"), len(self.history.get(webenv, [])) + 1
            if not webenv or webenv not in self.history:
                self.counter += 1
                webenv = "MCID_%024d" % self.counter
            queries = self.history.setdefault(webenv, [])
            queries.append(list(ids))
            return webenv, len(queries)

    def recall(self, webenv, query_key):
        with self.lock:
            queries = self.history.get(webenv or "")
            if not queries or not str(query_key).isdigit() or not 1 <= int(query_key) <= len(queries):
                return None
            return queries[int(query_key) - 1]


# ---------------------------------------------------------------------------------- E-utilities
def parse_ids(s):
    out = []
    for x in re.split(r"[,\s]+", s or ""):
        x = x.strip().split(".")[0]
        if x.isdigit() and x not in out:
            out.append(x)
    return out


def strip_parens(s):
    s = s.strip()
    while s.startswith("(") and s.endswith(")"):
        depth = 0
        for i, c in enumerate(s):
            depth += (c == "(") - (c == ")")
            if depth == 0 and i < len(s) - 1:
                return s
        s = s[1:-1].strip()
    return s


DOI_TERM_RE = re.compile(r'^\(?\s*"?([^\[\]"()]+?)"?\s*\[(?:doi|aid|lid|location id)\]\s*\)?$', re.I)


def has_words(query, text):
    bag = set(words(text))
    return all(any(b.startswith(w[:-1]) for b in bag) if w.endswith("*") else w in bag
               for w in re.findall(r"[a-z0-9]+\*?", query.lower()))


def clause_matches(clause, r):
    """One esearch clause like 'magnesium', 'Boyle NB[au]', '2017[dp]', '10.3390/nu9050429[doi]'."""
    clause = strip_parens(clause)
    m = re.match(r"^(.*?)\s*\[([^\]]+)\]$", clause, re.S)
    value, tag = (m.group(1), m.group(2).strip().lower()) if m else (clause, "")
    value = value.strip().strip('"').strip()
    if tag in ("doi", "aid", "lid", "location id"):
        return bool(r["doi"]) and norm_doi(value) == norm_doi(r["doi"])
    if tag in ("pmid", "uid"):
        return value.split(".")[0] == r["pmid"]
    if tag in ("ti", "title"):
        return has_words(value, r["title"])
    if tag in ("au", "author", "1au", "fau", "lastau"):
        parts = value.split()
        return bool(parts) and any(
            (last.lower() == parts[0].lower() and (len(parts) < 2 or ini.lower().startswith(parts[1].lower())))
            or (coll and coll.lower() == value.lower()) for last, ini, coll in r["authors"])
    if tag in ("ta", "journal", "jour"):
        key = " ".join(words(value))
        return key in {" ".join(words(r[k])) for k in ("journal", "iso", "ta") if r[k]}
    if tag in ("dp", "pdat", "publication date"):
        lo, _, hi = value.partition(":")
        lo_y, hi_y = first_year(lo), first_year(hi or lo)
        return r["year"] is not None and lo_y is not None and lo_y <= r["year"] <= (hi_y or lo_y)
    if tag in ("pt", "publication type"):
        return value.lower() in (p.lower() for p in r["ptypes"])
    if tag in ("mh", "mesh", "mesh terms"):
        return value.lower() in (x.lower() for x in r["mesh"])
    return has_words(value, r["title"] + " " + r["abstract"])  # untagged, [tiab], [all] ...


def term_matches(term, r):
    return all(any(clause_matches(alt, r) for alt in re.split(r"\s+OR\s+", strip_parens(part)))
               for part in re.split(r"\s+AND\s+", strip_parens(term)))


class EUtils:
    def __init__(self, store):
        self.store = store

    def _ids_or_history(self, q, root, missing):
        if q.get("id", "").strip():
            return parse_ids(q["id"])
        if q.get("webenv") and q.get("query_key"):
            ids = self.store.recall(q["webenv"], q["query_key"])
            if ids is None:
                return xml_error(root, "Unable to obtain query #%s" % q["query_key"])
            start, count = get_int(q, "retstart", 0), get_int(q, "retmax", self.store.limit)
            if start < 0 or count < 0 or start >= self.store.limit:
                return xml_error(root, "Invalid retstart/retmax: the history holds at most the first %d records"
                                 % self.store.limit)
            return ids[start:start + count]
        return xml_error(root, missing)

    def efetch(self, q):
        if not q.get("db"):
            return xml_error("eFetchResult", "Empty id list - nothing todo")
        if q["db"].lower() != "pubmed":
            return xml_error("eFetchResult", "Invalid db name specified: %s" % q["db"])
        ids = self._ids_or_history(q, "eFetchResult", "Empty id list - nothing todo")
        if isinstance(ids, Resp):
            return ids
        arts = [self.store.pubmed[i]["xml"] for i in ids if i in self.store.pubmed]
        return Resp(200, XML_CT, EFETCH_HEAD + "".join(a + "\n" for a in arts) + "</PubmedArticleSet>\n")

    def esearch(self, q, commit):
        if q.get("db", "pubmed").lower() != "pubmed":
            return xml_error("eSearchResult", "Invalid db name specified: %s" % q["db"])
        term = q.get("term", "").strip()
        if not term:
            return xml_error("eSearchResult", "Empty term and query_key - nothing todo")
        start, count = get_int(q, "retstart", 0), get_int(q, "retmax", 20)
        if start < 0 or count < 0:
            raise BadParam("retstart and retmax must not be negative")
        lo, hi = first_year(q.get("mindate")), first_year(q.get("maxdate"))
        # A search for one DOI looks at the records of that DOI only, not all of them: a run that
        # looks up thousands of DOIs must not make this server the slow part.
        only_doi = DOI_TERM_RE.match(term)
        pool = ({p: self.store.pubmed[p] for p in self.store.all_by_doi.get(norm_doi(only_doi.group(1)), [])}
                if only_doi else self.store.pubmed)
        ids = sorted((pmid for pmid, r in pool.items() if term_matches(term, r)
                      and (lo is None or (r["year"] or -1) >= lo)
                      and (hi is None or (r["year"] or 10 ** 6) <= hi)), key=int, reverse=True)
        limit = self.store.limit
        if q.get("rettype") != "count" and (start >= limit or min(start + count, len(ids)) > limit):
            return xml_error("eSearchResult", "Search Backend failed: Exception:\n'retstart' cannot be larger "
                             "than %d. For PubMed, ESearch can only retrieve the first %s records matching the "
                             "query." % (limit - 1, format(limit, ",")))
        page = ids[start:start + count]
        hist = self.store.save_history(ids, q.get("webenv"), commit) if q.get("usehistory") == "y" else None
        if q.get("rettype") == "count":
            return Resp(200, XML_CT, ESEARCH_HEAD + "<eSearchResult><Count>%d</Count></eSearchResult>\n" % len(ids))
        out = ["<eSearchResult><Count>%d</Count><RetMax>%d</RetMax><RetStart>%d</RetStart>"
               % (len(ids), len(page), start)]
        if hist:
            out.append("<QueryKey>%d</QueryKey><WebEnv>%s</WebEnv>" % (hist[1], hist[0]))
        out.append("<IdList>\n" + "".join("<Id>%s</Id>\n" % i for i in page) + "</IdList>" if page else "<IdList/>")
        out.append("<TranslationSet/><QueryTranslation>%s</QueryTranslation>" % escape(term))
        if not ids:
            out.append("<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>")
        return Resp(200, XML_CT, ESEARCH_HEAD + "".join(out) + "</eSearchResult>\n")

    def esummary(self, q):
        if q.get("db", "pubmed").lower() != "pubmed":
            return xml_error("eSummaryResult", "Invalid db name specified: %s" % q["db"])
        ids = self._ids_or_history(q, "eSummaryResult", "Neither query_key nor id specified")
        if isinstance(ids, Resp):
            return ids
        parts = [self._docsum(self.store.pubmed[i]) if i in self.store.pubmed
                 else "<ERROR>UID=%s: cannot get document summary</ERROR>\n" % i for i in ids]
        return Resp(200, XML_CT, ESUMMARY_HEAD + "<eSummaryResult>\n" + "".join(parts) + "</eSummaryResult>\n")

    @staticmethod
    def _docsum(r):
        def item(name, typ, val):
            return '\t<Item Name="%s" Type="%s">%s</Item>\n' % (name, typ, escape(val or ""))

        def lst(name, sub, vals):
            return ('\t<Item Name="%s" Type="List">\n' % name
                    + "".join("\t" + item(sub, "String", v) for v in vals) + "\t</Item>\n")

        names = [coll or ("%s %s" % (last, ini)).strip() for last, ini, coll in r["authors"]]
        ids = [("pubmed", r["pmid"])] + [(k, r[k]) for k in ("doi", "pmcid") if r[k]]
        so = r["pubdate"] + (";" + r["volume"] if r["volume"] else "") + ("(%s)" % r["issue"] if r["issue"] else "")
        so += ":" + r["pages"] if r["pages"] else ""
        return ("<DocSum>\n\t<Id>%s</Id>\n" % r["pmid"] + item("PubDate", "Date", r["pubdate"])
                + item("EPubDate", "Date", "") + item("Source", "String", r["iso"] or r["ta"] or r["journal"])
                + lst("AuthorList", "Author", names) + item("LastAuthor", "String", names[-1] if names else "")
                + item("Title", "String", r["title"]) + item("Volume", "String", r["volume"])
                + item("Issue", "String", r["issue"]) + item("Pages", "String", r["pages"])
                + lst("LangList", "Lang", [r["lang"]] if r["lang"] else [])
                + item("ISSN", "String", r["issn"]) + lst("PubTypeList", "PubType", r["ptypes"])
                + '\t<Item Name="ArticleIds" Type="List">\n'
                + "".join("\t" + item(k, "String", v) for k, v in ids) + "\t</Item>\n"
                + (item("DOI", "String", r["doi"]) if r["doi"] else "")
                + item("HasAbstract", "Integer", "1" if r["abstract"] else "0")
                + item("FullJournalName", "String", r["journal"])
                + item("ELocationID", "String", "doi: " + r["doi"] if r["doi"] else "")
                + item("SO", "String", so) + "</DocSum>\n")

    def idconv(self, q):
        ids = [x for x in re.split(r"[,\s]+", q.get("ids", "")) if x]
        idtype, stamp = q.get("idtype", "").lower(), time.strftime("%Y-%m-%d %H:%M:%S")
        request = ";".join("%s=%s" % (k, quote(v, safe="")) for k, v in q.items())
        if not ids:
            return json_resp(200, {"status": "error", "message": "No IDs provided", "responseDate": stamp})
        records = []
        for raw in ids:
            kind = ("pmcid" if raw.upper().startswith("PMC") else "pmid" if raw.isdigit()
                    else "doi" if norm_doi(raw).startswith("10.") else None)
            if idtype and kind != idtype:
                return json_resp(200, {"status": "error", "responseDate": stamp, "request": request,
                                       "message": quote("ID type '%s' mismatch for '%s'" % (idtype, raw))})
            pmid = {"pmid": raw if raw in self.store.pubmed else None,
                    "pmcid": self.store.by_pmc.get(raw.upper()),
                    "doi": self.store.by_doi.get(norm_doi(raw))}.get(kind)
            if pmid:
                r = self.store.pubmed[pmid]
                rec = {"requested-id": raw, "pmcid": r["pmcid"], "pmid": pmid, "doi": r["doi"]}
                records.append({k: v for k, v in rec.items() if v})
            else:
                records.append({"requested-id": raw, kind or "id": raw, "status": "error",
                                "errmsg": "invalid article id"})
        return json_resp(200, {"status": "ok", "responseDate": stamp, "request": request, "records": records})


# ------------------------------------------------------------------------------------ Crossref
def validation_failure(status, msg, value):
    return json_resp(status, {"status": "failed", "message-type": "validation-failure",
                              "message": [{"type": "parameter-not-valid", "value": value, "message": msg}]},
                     CROSSREF_CT)


class Crossref:
    def __init__(self, store):
        self.store = store

    def works(self, doi):
        hit = self.store.crossref.get(norm_doi(doi))
        if not hit:
            return Resp(404, "text/plain", "Resource not found.")
        return Resp(200, CROSSREF_CT, hit[0])

    def works_query(self, q):
        terms = " ".join(v for k, v in q.items() if k == "query" or k.startswith("query."))
        rows, offset = get_int(q, "rows", 20), get_int(q, "offset", 0)
        if not 0 <= rows <= 1000:
            return validation_failure(400, "Integer specified as %s but must be a positive integer less than "
                                      "or equal to 1000." % rows, str(rows))
        if "cursor" in q:
            m = re.match(r"^fake-cursor-(\d+)$", q["cursor"])
            if q["cursor"] != "*" and not m:
                return validation_failure(400, "Cursor is not valid.", q["cursor"])
            offset = int(m.group(1)) if m else 0
        wanted, scored = set(words(terms)), []
        for doi, (_, m) in sorted(self.store.crossref.items()):
            fields = [m.get("title"), m.get("container-title"), [a.get("family") for a in m.get("author", [])],
                      [str(p[0]) for p in (m.get("issued") or {}).get("date-parts", [[None]]) if p and p[0]]]
            bag = set(words(" ".join(str(x) for f in fields for x in (f if isinstance(f, list) else [f]) if x)))
            score = len(wanted & bag) if wanted else 1
            if score:
                scored.append((-score, doi, m))
        scored.sort(key=lambda s: (s[0], s[1]))
        items = [dict(m, score=float(-s)) for s, _, m in scored[offset:offset + rows]]
        msg = {"facets": {}, "total-results": len(scored), "items": items, "items-per-page": rows,
               "query": {"start-index": offset, "search-terms": terms or None}}
        if "cursor" in q:
            msg["next-cursor"] = "fake-cursor-%d" % (offset + rows)
        return json_resp(200, {"status": "ok", "message-type": "work-list", "message-version": "1.0.0",
                               "message": msg}, CROSSREF_CT)


# -------------------------------------------------------------------------------------- doi.org
def doi_page(status, title, text):
    return Resp(status, HTML_CT, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                "<title>%s</title></head>\n<body><h1>%s</h1><p>%s</p></body></html>\n"
                % (escape(title), escape(title), escape(text)))


def csl_from_work(m):
    first = lambda v: (v[0] if v else None) if isinstance(v, list) else v  # noqa: E731
    types = {"journal-article": "article-journal", "book-chapter": "chapter", "book": "book",
             "proceedings-article": "paper-conference", "posted-content": "post", "dataset": "dataset"}
    csl = {"type": types.get(m.get("type"), "article"), "title": first(m.get("title")),
           "container-title": first(m.get("container-title")),
           "container-title-short": first(m.get("short-container-title")),
           "author": [{k: a[k] for k in ("family", "given") if a.get(k)} for a in m.get("author", [])],
           "issued": m.get("issued") or m.get("published"), "DOI": m.get("DOI"), "URL": m.get("URL"),
           "volume": m.get("volume"), "issue": m.get("issue"), "page": m.get("page"),
           "publisher": m.get("publisher"), "abstract": m.get("abstract")}
    return {k: v for k, v in csl.items() if v}


def bibtex_from_work(m):
    csl = csl_from_work(m)
    year = str(((csl.get("issued") or {}).get("date-parts") or [[""]])[0][0] or "")
    family = csl["author"][0].get("family", "") if csl.get("author") else ""
    key = "%s_%s" % (re.sub(r"\W+", "_", family).strip("_") or "doi", year or "nd")
    authors = " and ".join(", ".join(x for x in (a.get("family"), a.get("given")) if x) for a in csl.get("author", []))
    fields = [("title", csl.get("title")), ("volume", csl.get("volume")), ("url", csl.get("URL")),
              ("DOI", csl.get("DOI")), ("number", csl.get("issue")), ("journal", csl.get("container-title")),
              ("publisher", csl.get("publisher")), ("author", authors), ("year", year), ("pages", csl.get("page"))]
    return " @article{%s, %s }" % (key, ", ".join("%s={%s}" % (k, v) for k, v in fields if v))


def accepted(accept):
    """Media types of an Accept header, best first."""
    ranked = []
    for i, part in enumerate((accept or "").split(",")):
        m = re.search(r";\s*q=([0-9.]+)", part)
        try:
            q = float(m.group(1)) if m else 1.0
        except ValueError:
            q = 0.0
        ranked.append((-q, i, part.split(";")[0].strip().lower()))
    return [media for _, _, media in sorted(ranked)]


class DoiOrg:
    def __init__(self, store):
        self.store = store

    def resolve(self, doi, resolved, accept, host):
        if not DOI_SYNTAX_RE.match(norm_doi(doi)):
            return doi_page(400, "Error: Not a DOI", "%s is not a valid DOI name." % doi)
        hit = self.store.crossref.get(norm_doi(doi))
        if not hit:
            return doi_page(404, "Error: DOI Not Found", "The DOI %s could not be found." % doi)
        if not resolved:
            loc = "http://%s/doi-resolved/%s" % (host, quote(doi, safe="/:;()"))
            return Resp(302, HTML_CT, '<html><head><title>Handle Redirect</title></head>\n<body><a href="%s">%s'
                        "</a></body></html>" % (escape(loc), escape(loc)), [("Location", loc)])
        for media in accepted(accept):
            if media in (CSL_CT, "application/citeproc+json"):
                return Resp(200, CSL_CT, json.dumps(csl_from_work(hit[1]), ensure_ascii=False))
            if media == "application/x-bibtex":
                return Resp(200, BIBTEX_CT, bibtex_from_work(hit[1]))
        title = csl_from_work(hit[1]).get("title") or doi
        return doi_page(200, title, "Landing page of %s (fake doi.org)" % doi)


# --------------------------------------------------------------------------------------- faults
class FaultPlan:
    """--faults: ordered service:fault[:count] items, or random:P[:f1/f2/...] with --seed."""

    def __init__(self, spec, seed):
        self.items, self.rand_p, self.rand_faults = [], 0.0, list(FAULT_NAMES)
        self.rng, self.lock = random.Random(seed), threading.Lock()
        for part in filter(None, (p.strip() for p in (spec or "").split(","))):
            bits = part.split(":")
            if bits[0] == "random":
                try:
                    self.rand_p = float(bits[1])
                except (IndexError, ValueError):
                    raise ValueError("bad random fault item %r (random:P)" % part) from None
                if len(bits) > 2:
                    self.rand_faults = bits[2].split("/")
                    self._check(self.rand_faults, part)
                continue
            if len(bits) not in (2, 3) or (bits[0] not in SERVICES and bits[0] != "*"):
                raise ValueError("bad fault item %r (service:fault[:count])" % part)
            self._check([bits[1]], part)
            count = bits[2] if len(bits) == 3 else "1"
            if count not in ("inf", "always") and not count.isdigit():
                raise ValueError("bad count in fault item %r" % part)
            self.items.append([bits[0], bits[1], float("inf") if not count.isdigit() else int(count)])

    @staticmethod
    def _check(names, part):
        for n in names:
            if n not in FAULT_NAMES:
                raise ValueError("unknown fault %r in %r (known: %s)" % (n, part, ", ".join(FAULT_NAMES)))

    def take(self, service):
        with self.lock:
            for item in self.items:
                if item[0] in (service, "*") and item[2] > 0:
                    item[2] -= 1
                    return item[1]
            if self.rand_p and self.rng.random() < self.rand_p:
                return self.rng.choice(self.rand_faults)
        return None


def fault_response(fault, service, retry_after, ip):
    rate = {"error": "API rate limit exceeded", "api-key": ip, "count": "11", "limit": "10"}
    if fault == "429":
        if service in EUTILS or service == "idconv":
            return json_resp(429, rate, headers=[("Retry-After", str(retry_after))])
        return Resp(429, "text/plain", "Too many requests: rate limit exceeded.\n",
                    [("Retry-After", str(retry_after))])
    if fault in ("500", "503"):
        return Resp(int(fault), HTML_CT, UNAVAILABLE_HTML)
    if fault == "html":
        return Resp(200, HTML_CT, ERROR_PAGE_HTML)
    if fault == "error200json" and service in EUTILS:
        return json_resp(200, rate)
    if fault in ("error200", "error200json"):
        if service in EUTILS:
            return xml_error(EUTILS[service], "API rate limit exceeded")
        if service == "idconv":
            return json_resp(200, {"status": "error", "message": "API rate limit exceeded"})
        if service == "doi":
            return doi_page(200, "Error: DOI Not Found", "The Handle System could not be reached.")
        return validation_failure(200, "Rate limit exceeded, slow down.", "rows")
    return None  # slow, truncate: the normal answer (truncated or late)


# ----------------------------------------------------------------------------------------- HTTP
def classify(path):
    p = path[3:] if path.startswith("/v1/") else path
    if path.startswith("/entrez/eutils/"):
        name = path[len("/entrez/eutils/"):].split(".")[0]
        return name if name in EUTILS else "other"
    if path.rstrip("/") == "/pmc/utils/idconv/v1.0":
        return "idconv"
    if p.rstrip("/") == "/works":
        return "works-query"
    if p.startswith("/works/"):
        return "works"
    if path.startswith(("/doi/", "/doi-resolved/")):
        return "doi"
    return "other"


class App:
    def __init__(self, args, store, faults):
        self.args, self.store, self.faults = args, store, faults
        self.eutils, self.crossref, self.doiorg = EUtils(store), Crossref(store), DoiOrg(store)
        self.lock = threading.Lock()
        self.stats = {"requests": 0, "by_service": {}, "faults": {}, "status": {}}
        self.log = open(args.log, "a", encoding="utf-8") if args.log else None

    def route(self, service, path, q, handler, commit):
        """The normal answer; commit=False (a faulty request) keeps the esearch history unchanged."""
        if service == "esearch":
            return self.eutils.esearch(q, commit)
        if service in ("efetch", "esummary", "idconv"):
            return getattr(self.eutils, service)(q)
        if service == "works":
            return self.crossref.works(unquote(re.sub(r"^(/v1)?/works/", "", path)))
        if service == "works-query":
            return self.crossref.works_query(q)
        if service == "doi":
            resolved = path.startswith("/doi-resolved/")
            doi = unquote(path.split("/", 2)[2])
            host = handler.headers.get("Host") or "127.0.0.1:%d" % handler.server.server_address[1]
            return self.doiorg.resolve(doi, resolved, handler.headers.get("Accept"), host)
        return Resp(404, "text/plain", "Not Found\n")

    def error_for(self, service, msg):
        if service in EUTILS:
            return xml_error(EUTILS[service], msg)
        if service == "idconv":
            return json_resp(200, {"status": "error", "message": msg})
        if service in ("works", "works-query"):
            return validation_failure(400, msg, "")
        return Resp(400, "text/plain", msg + "\n")

    def record(self, entry):
        with self.lock:
            s = self.stats
            s["requests"] += 1
            s["by_service"][entry["service"]] = s["by_service"].get(entry["service"], 0) + 1
            if entry["fault"]:
                s["faults"][entry["fault"]] = s["faults"].get(entry["fault"], 0) + 1
            s["status"][str(entry["status"])] = s["status"].get(str(entry["status"]), 0) + 1
            if self.log:
                self.log.write(json.dumps(entry, ensure_ascii=False) + "\n")
                self.log.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "fake-services/1.0"
    timeout = 120

    def log_message(self, fmt, *args):
        pass

    def parse_request(self):
        # The arrival time, taken as soon as the request line is read: the rate and Retry-After
        # checks compare arrivals, and a busy handler thread must not make them look later.
        self.arrived = time.monotonic()
        return super().parse_request()

    def do_GET(self):
        self.serve("GET")

    def do_POST(self):
        self.serve("POST")

    def send(self, resp, service, truncate=False):
        # Nothing of the reply can reach the client before this moment: a Retry-After counts
        # from here at the earliest.
        self.sending_at = time.monotonic()
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.ctype)
        self.send_header("Content-Length", str(len(resp.body)))
        for k, v in resp.headers:
            self.send_header(k, v)
        if service in ("works", "works-query"):
            self.send_header("x-rate-limit-limit", "50")
            self.send_header("x-rate-limit-interval", "1s")
        if truncate:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(resp.body[:len(resp.body) // 2] if truncate else resp.body)
        self.wfile.flush()
        if truncate:
            self.close_connection = True

    def reset(self):
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True

    def serve(self, method):
        app, t0 = self.server.app, getattr(self, "arrived", time.monotonic())
        url = urlsplit(self.path)
        try:
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(n).decode("utf-8", errors="replace") if n > 0 else ""
        except (ValueError, OSError):
            body = ""
        if url.path == "/__stats":
            with app.lock:
                resp = json_resp(200, app.stats)
            return self.send(resp, "other")
        service = classify(url.path)
        params = {}
        for k, v in parse_qsl(url.query, keep_blank_values=True) + parse_qsl(body, keep_blank_values=True):
            params[k] = params[k] + "," + v if k in params else v
        q = {k.lower(): v for k, v in params.items()}
        fault = app.faults.take(service) if service != "other" else None
        entry = {"t": t0, "method": method, "path": url.path, "query": url.query, "body": body[:2000],
                 "status": None, "fault": fault, "service": service, "params": params,
                 "accept": self.headers.get("Accept"), "user_agent": self.headers.get("User-Agent")}
        try:
            if fault == "reset":
                return self.reset()
            if fault == "slow":
                time.sleep(app.args.slow_seconds)
            resp = fault_response(fault, service, app.args.retry_after, self.client_address[0])
            if resp is None:
                try:
                    resp = app.route(service, url.path, q, self, commit=fault in (None, "slow"))
                except BadParam as e:
                    resp = app.error_for(service, str(e))
            entry["status"] = resp.status
            if resp.status == 429:
                entry["retry_after"] = app.args.retry_after
            self.send(resp, service, truncate=fault == "truncate")
        except (ConnectionError, socket.timeout, OSError):
            self.close_connection = True
        except Exception:  # a bug here must not take the server down
            traceback.print_exc(file=sys.stderr)
            entry["status"] = 500
            try:
                self.send(Resp(500, "text/plain", "fake_services internal error\n"), service)
            except OSError:
                self.close_connection = True
        finally:
            entry["t_end"] = time.monotonic()
            if getattr(self, "sending_at", None) is not None and self.sending_at >= t0:
                entry["t_sent"] = self.sending_at
            app.record(entry)


# ---------------------------------------------------------------------------------- log checks
def read_log(path):
    entries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            try:
                entries.append(json.loads(line))
            except ValueError:
                pass
    return entries


def check_rate(path, services, max_per_second):
    hits = sorted((e["t"], e["service"], e["path"]) for e in read_log(path) if e.get("service") in services)
    worst, worst_at, j = 0, 0, 0
    for i, (t, _, _) in enumerate(hits):
        while hits[j][0] <= t - 1.0:  # window (t - 1 s, t]
            j += 1
        if i - j + 1 > worst:
            worst, worst_at = i - j + 1, j
    if worst <= max_per_second:
        print("ok: at most %d requests to %s in any 1 s window (limit %g)" % (worst, ",".join(services),
                                                                               max_per_second))
        return 0
    print("rate exceeded: %d requests to %s within 1 s (limit %g):" % (worst, ",".join(services), max_per_second))
    for t, service, p in hits[worst_at:worst_at + worst]:
        print("  t=%.3f %s %s" % (t, service, p))
    return 1


def check_retry_after(path):
    entries = read_log(path)
    # From when the 429 began to be sent: the client cannot have read it earlier. (The end of the
    # handler, t_end, can be stamped late when another handler thread holds the interpreter.)
    blocks = [(e["service"], e.get("t_sent", e.get("t_end", e["t"])), float(e["retry_after"])) for e in entries
              if e.get("status") == 429 and e.get("retry_after") is not None]
    bad = 0
    for o in entries:
        early = [(sent, wait) for svc, sent, wait in blocks if svc == o.get("service") and sent < o["t"] < sent + wait]
        if early:
            bad += 1
            print("%s %s at t=%.3f came %.3f s after a 429 with Retry-After: %g"
                  % (o["service"], o["path"], o["t"], o["t"] - early[-1][0], early[-1][1]))
    if not bad:
        print("ok: every Retry-After was honoured")
    return 1 if bad else 0


# ------------------------------------------------------------------------------------------ main
def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", action="append", default=[], metavar="DIR", help="record directory (repeatable)")
    ap.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (0: a free one)")
    ap.add_argument("--log", metavar="FILE", help="JSON-lines request log")
    ap.add_argument("--faults", default="", metavar="SPEC",
                    help="service:fault[:count],... or random:P[:f1/f2]; faults: " + ", ".join(FAULT_NAMES))
    ap.add_argument("--seed", type=int, default=None, help="seed for random faults")
    ap.add_argument("--retry-after", type=int, default=1, metavar="SECONDS", help="Retry-After of 429s")
    ap.add_argument("--max-seconds", type=float, default=600, help="stop by itself after this long")
    ap.add_argument("--slow-seconds", type=float, default=3.0, help="delay of the 'slow' fault")
    ap.add_argument("--esearch-limit", type=int, default=9999, help="esearch reaches only this many hits")
    ap.add_argument("--check-rate", metavar="LOGFILE", help="check a log against --max-per-second")
    ap.add_argument("--service", default="efetch,esearch,esummary", help="services for --check-rate")
    ap.add_argument("--max-per-second", type=float, default=3)
    ap.add_argument("--check-retry-after", metavar="LOGFILE", help="check a log for early retries after 429")
    args = ap.parse_args(argv)
    if args.check_rate:
        return check_rate(args.check_rate, args.service.split(","), args.max_per_second)
    if args.check_retry_after:
        return check_retry_after(args.check_retry_after)
    if not args.data:
        ap.error("--data DIR is required")
    try:
        faults = FaultPlan(args.faults, args.seed)
    except ValueError as e:
        ap.error(str(e))
    store = Store(args.data, args.esearch_limit)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    server.app = App(args, store, faults)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    print("PORT %d" % server.server_address[1], flush=True)
    deadline = time.monotonic() + args.max_seconds
    while not stop.wait(0.25):
        if time.monotonic() >= deadline:
            print("fake_services.py: --max-seconds reached, stopping", file=sys.stderr)
            break
    server.shutdown()
    server.server_close()
    if server.app.log:
        with server.app.lock:
            server.app.log.close()
            server.app.log = None
    return 0


if __name__ == "__main__":
    sys.exit(main())
