#!/usr/bin/python3
"""The ingest bench's Xapian peer: PubMed baseline files into a Xapian index through Xapian's
Python bindings, parsed with lxml (bench/peer_records.py).

--mode straightforward: what a first version would do. Title, abstract and MeSH headings as free
  text with positions, each both unprefixed and under its prefix (S, XA, XM), with Xapian's
  usual stemming (STEM_SOME: each word as written with its position, and its stem with a Z);
  boolean terms for the PMID, DOI, year and publication types; the record as JSON for the
  document data;
  replace_document by the unique term Qpmid:N; a commit every 5,000 records and at the end, a
  round number of the size Xapian itself flushes at (10,000), as a first version would pick.
--mode lean: the least that still answers the searches Evidex answers (words of the title or
  abstract, phrases, MeSH, ids, years). Title and abstract once each, under S and XA, stemmed
  only (STEM_ALL, as Evidex indexes them), with positions; MeSH, PMID, DOI and year as boolean
  terms; the year in value slot 0; a short data (pmid, year, title) to show a hit; add_document
  (no lookup of the unique term, which is still added); a commit every 1,000 records and at the
  end. Small batches are faster: Xapian holds a batch's postings in memory until it is
  written, and large batches outgrow the processor's caches. On 20,000 generated records this
  script took 12.3 s with batches of 500 or 1,000, 13.3 s with 2,000 and 20.5 s with 5,000;
  committing every 50,000 with Xapian flushing at its default 10,000 took 31.1 s (all with
  STEM_SOME, before Evidex moved to STEM_ALL). evidex-index flushes every 1,000 documents for
  the same reason (and commits every 10,000, inside a transaction).

Prints one line of JSON: {"mode", "records", "seconds"}.

usage: peer_ingest.py --mode straightforward|lean --db DIR FILE...
"""
import argparse
import json
import time

import xapian

from peer_records import read_records

YEAR_SLOT = 0


def build_straightforward(record, terms):
    doc = xapian.Document()
    terms.set_document(doc)
    for text, prefix in ((record["title"], "S"), (record["abstract"], "XA"), ("\n".join(record["mesh"]), "XM")):
        terms.index_text(text, 1, prefix)
        terms.index_text(text)
        terms.increase_termpos()
    doc.add_boolean_term("XPMID" + record["pmid"])
    if record["doi"]:
        doc.add_boolean_term("XDOI" + record["doi"].lower())
    if record["year"]:
        doc.add_boolean_term("Y" + str(record["year"]))
    for publication_type in record["publication_types"]:
        doc.add_boolean_term("XPT" + publication_type.lower())
    doc.set_data(json.dumps(record))
    return doc


def build_lean(record, terms):
    doc = xapian.Document()
    terms.set_document(doc)
    terms.index_text(record["title"], 1, "S")
    terms.increase_termpos()
    terms.index_text(record["abstract"], 1, "XA")
    for heading in record["mesh"]:
        doc.add_boolean_term("XM" + heading.lower())
    doc.add_boolean_term("XPMID" + record["pmid"])
    if record["doi"]:
        doc.add_boolean_term("XDOI" + record["doi"].lower())
    if record["year"]:
        doc.add_boolean_term("Y" + str(record["year"]))
        doc.add_value(YEAR_SLOT, xapian.sortable_serialise(record["year"]))
    doc.set_data(json.dumps({"pmid": record["pmid"], "year": record["year"], "title": record["title"]}))
    return doc


def main():
    parser = argparse.ArgumentParser(description="Index PubMed files with Xapian's Python bindings.")
    parser.add_argument("--mode", choices=("straightforward", "lean"), required=True)
    parser.add_argument("--db", required=True, help="the index directory (created)")
    parser.add_argument("files", nargs="+", help="PubMed XML files (.xml or .xml.gz)")
    args = parser.parse_args()

    start = time.monotonic()
    db = xapian.WritableDatabase(args.db, xapian.DB_CREATE_OR_OPEN)
    terms = xapian.TermGenerator()
    terms.set_stemmer(xapian.Stem("english"))
    lean = args.mode == "lean"
    # The straightforward peer keeps Xapian's usual setting: each word as written, with its
    # position, and its stem with a Z before the prefix.
    terms.set_stemming_strategy(xapian.TermGenerator.STEM_ALL if lean else xapian.TermGenerator.STEM_SOME)
    commit_every = 1000 if lean else 5000
    records = 0
    for record in read_records(args.files):
        unique = "Qpmid:" + record["pmid"]
        if lean:
            doc = build_lean(record, terms)
            doc.add_boolean_term(unique)
            db.add_document(doc)
        else:
            doc = build_straightforward(record, terms)
            doc.add_boolean_term(unique)
            db.replace_document(unique, doc)
        records += 1
        if records % commit_every == 0:
            db.commit()
    db.commit()
    db.close()
    print(json.dumps({"mode": args.mode, "records": records, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
