#!/usr/bin/python3
"""The ingest bench's table: reads the runs bench/ingest_bench.sh measured (tab-separated: round,
key, label, wall seconds, peak RSS in KiB, index bytes, document count, note; '-' when absent),
keeps the fastest run of each configuration and prints it with records/s, uncompressed MB/s and
index bytes per record, then the ratios of Evidex to each peer and of Evidex's reader to the
pugixml floor, and writes everything as JSON. With more than one round, each ratio is also
given round by round (the lowest and the highest): runs of the same round are minutes apart,
so a burst of load from elsewhere moves them less than it moves the fastest runs.

A run whose count is not the number of generated records, or whose note says it failed, is
marked FAILED; a configuration with a failed run is shown by that run and left out of the
ratios.

usage: ingest_report.py --rows FILE --records N --seed S --uncompressed-bytes B --files F
                        [--runs R] [--load-before "L1 L5 L15"] --json FILE
"""
import argparse
import json
import os
import platform

PEERS = ("python_straightforward", "python_lean", "scriptindex", "fts5")
EVIDEX_ROWS = ("evidex", "evidex_1", "evidex_2")


def number(text, kind=float):
    return None if text in ("-", "") else kind(text)


def read_runs(path, records, uncompressed_bytes):
    runs = []
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            round_number, key, label, wall, rss_kb, index_bytes, count, note = line.rstrip("\n").split("\t")
            row = {"round": int(round_number), "key": key, "label": label, "wall_seconds": number(wall), "peak_rss_kb": number(rss_kb, int),
                   "index_bytes": number(index_bytes, int), "count": number(count, int), "note": note}
            wall_seconds = row["wall_seconds"]
            skipped = note.startswith("skipped")
            row["status"] = "skipped" if skipped else "ok"
            if not skipped and (note.startswith("failed") or row["count"] != records or not wall_seconds):
                row["status"] = "failed"
                if row["count"] != records and not note.startswith("failed"):
                    row["note"] = f"{row['count'] if row['count'] is not None else 'no'} documents, " \
                                  f"expected {records}" + (f"; {note}" if note else "")
            row["records_per_second"] = records / wall_seconds if wall_seconds else None
            row["uncompressed_mb_per_second"] = (uncompressed_bytes / 1e6 / wall_seconds
                                                 if wall_seconds and uncompressed_bytes else None)
            row["index_bytes_per_record"] = row["index_bytes"] / records if row["index_bytes"] else None
            runs.append(row)
    return runs


def fastest_runs(runs):
    """A row for each configuration, in the order first met: its failed run if it has one, else
    its fastest, with the wall times of all its runs."""
    by_key = {}
    for run in runs:
        kept = by_key.get(run["key"])
        if kept is None or (kept["status"] != "failed" and (
                run["status"] == "failed" or (run["wall_seconds"] or 0) < (kept["wall_seconds"] or 0))):
            by_key[run["key"]] = run
    rows = []
    for key, row in by_key.items():
        row = dict(row)
        del row["round"]
        row["wall_seconds_of_runs"] = [run["wall_seconds"] for run in runs if run["key"] == key]
        rows.append(row)
    return rows


def cell(value, spec):
    width = int("".join(c for c in spec.split(".")[0] if c.isdigit()) or 0)
    return format(value, spec) if value is not None else "-".rjust(width)


def load_now():
    with open("/proc/loadavg", encoding="ascii") as loadavg:
        return " ".join(loadavg.read().split()[:3])


def print_table(rows, args):
    print(f"load averages (1, 5, 15 min): {args.load_before or '-'} at the start, {args.load_after} at the end")
    print(f"ingest of {args.records} generated records (seed {args.seed}, {args.files} file(s), "
          f"{args.uncompressed_bytes / 1e6:.1f} MB uncompressed); {os.cpu_count()} cores; one configuration "
          f"at a time, the fastest of {args.runs} round(s); the machine may be shared, so figures vary "
          f"from run to run")
    header = f"{'configuration':<34} {'records/s':>10} {'MB/s':>7} {'peak RSS MB':>11} {'B/record':>9} " \
             f"{'wall s':>7} {'slowest':>7} {'count':>7}  note"
    print(header)
    print("-" * len(header))
    for row in rows:
        rss = row["peak_rss_kb"] / 1024 if row["peak_rss_kb"] else None
        note = ("FAILED: " if row["status"] == "failed" else "") + row["note"]
        print(f"{row['label']:<34} {cell(row['records_per_second'], '10.0f')} "
              f"{cell(row['uncompressed_mb_per_second'], '7.1f')} {cell(rss, '11.1f')} "
              f"{cell(row['index_bytes_per_record'], '9.0f')} {cell(row['wall_seconds'], '7.2f')} "
              f"{cell(max((w for w in row['wall_seconds_of_runs'] if w), default=None), '7.2f')} "
              f"{cell(row['count'], '7d')}  {note}")


def ratios(rows):
    """{"A / B": records/s of A over records/s of B} for Evidex against each peer and the parse
    floors against pugixml."""
    by_key = {row["key"]: row for row in rows if row["status"] == "ok"}
    out = {}
    for evidex in EVIDEX_ROWS:
        if evidex not in by_key:
            continue
        for peer in PEERS:
            if peer in by_key:
                out[f"{evidex} / {peer}"] = by_key[evidex]["records_per_second"] / by_key[peer]["records_per_second"]
    for parse in ("parse_evidex", "parse_classify"):
        if parse in by_key and "parse_raw" in by_key:
            out[f"{parse} / parse_raw"] = by_key[parse]["records_per_second"] / by_key["parse_raw"]["records_per_second"]
    return out


def ratios_by_round(runs):
    """{"A / B": [the ratio in round 1, round 2, ...]} over the rounds where both ran."""
    out = {}
    for round_number in sorted({run["round"] for run in runs}):
        for name, value in ratios([run for run in runs if run["round"] == round_number]).items():
            out.setdefault(name, []).append(value)
    return out


def main():
    parser = argparse.ArgumentParser(description="Print and save the ingest bench's table.")
    parser.add_argument("--rows", required=True)
    parser.add_argument("--records", type=int, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--uncompressed-bytes", type=lambda s: number(s, int), required=True)
    parser.add_argument("--files", type=int, required=True)
    parser.add_argument("--runs", type=int, default=1, help="runs of each configuration, the fastest kept")
    parser.add_argument("--load-before", default="", help="the load averages when the bench started")
    parser.add_argument("--json", required=True)
    args = parser.parse_args()
    args.uncompressed_bytes = args.uncompressed_bytes or 0
    args.load_after = load_now()

    runs = read_runs(args.rows, args.records, args.uncompressed_bytes)
    rows = fastest_runs(runs)
    print_table(rows, args)
    found = ratios(rows)
    by_round = ratios_by_round(runs)
    labels = {row["key"]: row["label"] for row in rows}
    print()
    print("records/s ratios of the fastest runs (above 1: the first is faster)" +
          (", and their range round by round" if args.runs > 1 else ""))
    for name, value in found.items():
        first, second = name.split(" / ")
        rounds = by_round.get(name, [])
        spread = f"   rounds {min(rounds):.2f}-{max(rounds):.2f}" if len(rounds) > 1 else ""
        print(f"  {labels[first]:<34} / {labels[second]:<34} {value:6.2f}{spread}")
    with open(args.json, "w", encoding="utf-8") as out:
        json.dump({"records": args.records, "seed": args.seed, "files": args.files, "runs": args.runs,
                   "uncompressed_bytes": args.uncompressed_bytes, "cores": os.cpu_count(),
                   "machine": platform.machine(),
                   "load_before": args.load_before, "load_after": args.load_after,
                   "rows": rows, "ratios": found, "ratios_by_round": by_round}, out, indent=2)
        out.write("\n")
    print(f"\nwritten: {args.json}")


if __name__ == "__main__":
    main()
