#!/usr/bin/python3
"""Writes PubMed baseline files as scriptindex input, for the ingest bench's scriptindex row.

One record a PMID, records separated by a blank line, one field=value line a field: pmid, doi, year,
title, abstract, and one mesh= line per MeSH heading. A value that spans lines continues on
lines that start with '=', as scriptindex reads them. bench/scriptindex.def says how each field
is indexed.

usage: dump_for_scriptindex.py --out FILE FILE...
"""
import argparse

from peer_records import read_records


def field(name, value):
    lines = str(value).split("\n")
    return name + "=" + "\n=".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Write PubMed files as scriptindex input.")
    parser.add_argument("--out", required=True, help="the file to write")
    parser.add_argument("files", nargs="+", help="PubMed XML files (.xml or .xml.gz)")
    args = parser.parse_args()
    records = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for record in read_records(args.files):
            parts = [field("pmid", record["pmid"])]
            if record["doi"]:
                parts.append(field("doi", record["doi"]))
            if record["year"]:
                parts.append(field("year", record["year"]))
            parts.append(field("title", record["title"]))
            if record["abstract"]:
                parts.append(field("abstract", record["abstract"]))
            parts.extend(field("mesh", heading) for heading in record["mesh"])
            out.write("".join(parts) + "\n")
            records += 1
    print(records)


if __name__ == "__main__":
    main()
