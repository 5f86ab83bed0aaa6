#!/usr/bin/python3
"""The ingest bench's SQLite peer: PubMed baseline files into an SQLite FTS5 table, parsed with
lxml (bench/peer_records.py).

One FTS5 table, studies(title, abstract, mesh, pmid, year): title, abstract and MeSH headings
(one a line) are full text with the Porter stemmer over unicode61, as Evidex stems English;
pmid and year are stored, not indexed. One transaction every 5,000 records and one at the end.
Python's own sqlite3 module is used; the bench checks first that it has FTS5.

Prints one line of JSON: {"records", "seconds"}.

usage: peer_fts5.py --db FILE FILE...
"""
import argparse
import json
import sqlite3
import time

from peer_records import read_records

BATCH = 5000


def main():
    parser = argparse.ArgumentParser(description="Index PubMed files into an SQLite FTS5 table.")
    parser.add_argument("--db", required=True, help="the SQLite database file (created)")
    parser.add_argument("files", nargs="+", help="PubMed XML files (.xml or .xml.gz)")
    args = parser.parse_args()

    start = time.monotonic()
    connection = sqlite3.connect(args.db, isolation_level=None)
    connection.execute("create virtual table studies using fts5("
                       "title, abstract, mesh, pmid unindexed, year unindexed, "
                       "tokenize = 'porter unicode61')")
    insert = "insert into studies (title, abstract, mesh, pmid, year) values (?, ?, ?, ?, ?)"
    batch = []
    records = 0

    def write(rows):
        connection.execute("begin")
        connection.executemany(insert, rows)
        connection.execute("commit")

    for record in read_records(args.files):
        batch.append((record["title"], record["abstract"], "\n".join(record["mesh"]),
                      record["pmid"], record["year"]))
        records += 1
        if len(batch) == BATCH:
            write(batch)
            batch = []
    if batch:
        write(batch)
    connection.close()
    print(json.dumps({"records": records, "seconds": round(time.monotonic() - start, 3)}))


if __name__ == "__main__":
    main()
