#!/usr/bin/python3
"""The search bench's peer: the same query mix on the same Evidex index, through Xapian's
Python bindings, doing the work search_studies does for each query.

For each line of the mix (written by evidex-bench-search --write-mix): parse the text with a
QueryParser set up as Evidex sets it up (English stemming, STEM_ALL, AND by default, plain words
searching the title (S) and abstract (XA) prefixes, the same field prefixes, built afresh for
each query), filter by the boolean terms and the year range (value slot 0), count every match
(every match with facets; otherwise exact up to 10,000 matches and estimated beyond, as Evidex
does), decode the stored JSON of each hit, and
with facets count the facets slot (design, level, year, result direction and condition list in
one value) with Xapian's ValueCountMatchSpy, splitting each counted value into its fields.

usage: peer_search.py --db DIR --mix FILE [--json FILE]
"""
import argparse
import json
import math
import sys
import time

import xapian

YEAR_SLOT, FACETS_SLOT = 0, 7
CATEGORIES = ["text", "text+condition", "design+years", "facets"]


def facet_counts(spy):
    """Each facet's counts from the counted values of the facets slot: "rct|2|2019|positive|a b"
    counts once for its design, level, year and direction, and once for each condition."""
    names = ["design", "level", "year", "result_direction"]
    counts = {name: {} for name in names + ["condition"]}
    for item in spy.values():
        fields = item.term.decode().split("|")
        if len(fields) != 5:
            continue
        for name, value in zip(names, fields):
            if value:
                counts[name][value] = counts[name].get(value, 0) + item.termfreq
        for condition in fields[4].split():
            counts["condition"][condition] = counts["condition"].get(condition, 0) + item.termfreq
    return counts


def make_parser(db):
    parser = xapian.QueryParser()
    parser.set_database(db)
    parser.set_stemmer(xapian.Stem("english"))
    parser.set_stemming_strategy(xapian.QueryParser.STEM_ALL)
    parser.set_default_op(xapian.Query.OP_AND)
    parser.add_prefix("", "S")
    parser.add_prefix("", "XA")
    parser.add_prefix("title", "S")
    parser.add_prefix("abstract", "XA")
    parser.add_prefix("journal", "XJ")
    return parser


def build_query(db, line):
    filters = [xapian.Query(term) for term in line["filters"]]
    if line["years"]:
        start, end = line["years"]
        filters.append(xapian.Query(xapian.Query.OP_VALUE_RANGE, YEAR_SLOT,
                                    xapian.sortable_serialise(start), xapian.sortable_serialise(end)))
    text = xapian.Query.MatchAll
    if line["text"].strip():
        flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_WILDCARD
        text = make_parser(db).parse_query(line["text"], flags)
    return xapian.Query(xapian.Query.OP_FILTER, text, xapian.Query(xapian.Query.OP_AND, filters))


def run(db, line):
    enquire = xapian.Enquire(db)
    enquire.set_query(build_query(db, line))
    enquire.set_docid_order(xapian.Enquire.ASCENDING)
    spy = None
    if line["facets"]:
        spy = xapian.ValueCountMatchSpy(FACETS_SLOT)
        enquire.add_matchspy(spy)
    # As Evidex: every match counted with facets, else exact up to 10,000 and estimated beyond.
    check_at_least = db.get_doccount() if line["facets"] else max(line["limit"], 10000)
    mset = enquire.get_mset(0, line["limit"], check_at_least)
    total = mset.get_matches_estimated()
    hits = [json.loads(item.document.get_data()) for item in mset]
    if spy is not None:
        facet_counts(spy)
    return total, len(hits)


def percentile(values, fraction):
    rank = max(1, math.ceil(fraction * len(values)))
    return values[min(rank, len(values)) - 1]


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("--db", required=True)
    args.add_argument("--mix", required=True)
    args.add_argument("--json")
    options = args.parse_args()

    db = xapian.Database(options.db)
    with open(options.mix) as mix_file:
        mix = [json.loads(text) for text in mix_file if text.strip()]
    for line in mix:  # warm-up, as the C++ bench does
        run(db, line)
    times = {name: [] for name in CATEGORIES + ["all"]}
    totals = {name: 0 for name in CATEGORIES + ["all"]}
    for line in mix:
        start = time.perf_counter()
        total, _ = run(db, line)
        ms = (time.perf_counter() - start) * 1000
        for name in (line["category"], "all"):
            times[name].append(ms)
            totals[name] += total

    studies = db.get_doccount()
    print(f"peer (Xapian {xapian.version_string()} Python bindings), same index, same mix")
    print(f"{'category':<16} {'count':>6} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9} {'mean total':>12}")
    figures = {}
    for name in CATEGORIES + ["all"]:
        values = sorted(times[name])
        if not values:
            continue
        row = {"count": len(values), "p50_ms": percentile(values, 0.5), "p99_ms": percentile(values, 0.99),
               "max_ms": values[-1], "mean_total": totals[name] / len(values)}
        figures[name] = row
        print(f"{name:<16} {row['count']:>6} {row['p50_ms']:>9.2f} {row['p99_ms']:>9.2f} {row['max_ms']:>9.2f} "
              f"{row['mean_total']:>12.0f}")
    if options.json:
        with open(options.json, "w") as out:
            json.dump({"engine": "xapian-python", "documents": studies, "categories": figures}, out, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
