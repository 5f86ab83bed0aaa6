"""The records of PubMed baseline files (.xml or .xml.gz), read by the ingest bench's peers.

lxml's iterparse streams each file (gzip decompressed as it is read) and yields one dict per
<PubmedArticle>; every element is cleared once read, and the elements already read are dropped
from the tree, so memory stays flat however large the file is. No DTD is loaded and nothing is
fetched.

A record: pmid, doi, year (int or None), title, abstract (the AbstractText sections joined by a
newline, each led by its label when it has one, as Evidex joins them), mesh (descriptor names),
publication_types.
"""
import gzip

from lxml import etree


def _text(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def _abstract(article):
    sections = []
    for section in article.iterfind("Abstract/AbstractText"):
        text = _text(section)
        label = section.get("Label")
        if text:
            sections.append(f"{label}: {text}" if label else text)
    return "\n".join(sections)


def _year(article):
    text = article.findtext("Journal/JournalIssue/PubDate/Year")
    if not text:
        medline = article.findtext("Journal/JournalIssue/PubDate/MedlineDate") or ""
        text = medline[:4]
    return int(text) if text and text.isdigit() else None


def _record(element):
    citation = element.find("MedlineCitation")
    article = citation.find("Article")
    doi = ""
    for article_id in element.iterfind("PubmedData/ArticleIdList/ArticleId"):
        if article_id.get("IdType") == "doi":
            doi = (article_id.text or "").strip()
    return {
        "pmid": (citation.findtext("PMID") or "").strip(),
        "doi": doi,
        "year": _year(article),
        "title": _text(article.find("ArticleTitle")),
        "abstract": _abstract(article),
        "mesh": [_text(d) for d in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")],
        "publication_types": [_text(t) for t in article.iterfind("PublicationTypeList/PublicationType")],
    }


def _open(path):
    return gzip.open(path, "rb") if str(path).endswith(".gz") else open(path, "rb")


def read_records(paths):
    """Yields the record of every <PubmedArticle> of `paths`, in order."""
    for path in paths:
        with _open(path) as stream:
            for _, element in etree.iterparse(stream, events=("end",), tag="PubmedArticle",
                                              load_dtd=False, no_network=True,
                                              resolve_entities=False, huge_tree=True):
                yield _record(element)
                element.clear()
                while element.getprevious() is not None:
                    del element.getparent()[0]
