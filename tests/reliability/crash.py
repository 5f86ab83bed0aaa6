"""Trial: crash safety. Generated PubMed baseline files are ingested and the writer is killed
with SIGKILL at random moments (and sometimes its rerun too). After every kill the index must
pass xapian-check and hold exactly the records of its committed batches: the first k records
of the input, k a multiple of --commit-every. The same ingest with --resume, killed again or left
to finish, must then give an index identical, document by document and term by term, to an
uninterrupted run."""
import glob
import gzip
import os
import random
import re
import shutil
import signal
import subprocess
import time

from common import Figures, run, tool_env, dump_index, unique_ids, xapian_check

PMID_RE = re.compile(rb"<MedlineCitation[^>]*>\s*<PMID[^>]*>(\d+)</PMID>")


def input_order(files):
    order = []
    for path in files:
        with gzip.open(path, "rb") as f:
            order += [int(m) for m in PMID_RE.findall(f.read())]
    return order


def generated_baseline(tools, workdir, records, per_file, seed, env, figures):
    """Generates `records` records in files of `per_file` into workdir/baseline: the files and
    the PMIDs in the order an ingest reads them, or None (the failure noted in figures)."""
    data = os.path.join(workdir, "baseline")
    gen = run([tools.gen_baseline, "--records", str(records), "--per-file", str(per_file), "--seed", str(seed),
               "--out", data], 600, env)
    if gen.code != 0:
        figures.failures.append("evidex-gen-baseline: %s" % gen.describe())
        return None
    files = sorted(glob.glob(os.path.join(data, "*.xml.gz")))
    return files, input_order(files)


def committed_prefix(dump, order, commit_every):
    """None when the documents are the first k records with k a whole number of batches (or
    all of them), else what is wrong."""
    keys = unique_ids(dump)
    dups = sum(n - 1 for n in keys.values())
    k = len(keys)
    expected = {"Qpmid:%d" % p for p in order[:k]}
    if set(keys) != expected:
        extra = sorted(set(keys) - expected)[:3]
        return "the %d documents are not the first %d records (e.g. %s)" % (k, k, extra), dups
    if k % commit_every != 0 and k != len(order):
        return "%d documents: not a whole number of batches of %d" % (k, commit_every), dups
    return None, dups


def kill_after(argv, env, delay):
    """Starts argv, kills it with SIGKILL after `delay` seconds; returns whether it was still
    running when killed."""
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


def run_trial(tools, workdir, mode, seed):
    figures = Figures("crash-safety")
    rng = random.Random(seed)
    records, per_file, commit_every, kills = ((50000, 10000, 1000, 50) if mode == "long" else (1500, 500, 50, 4))
    env = tool_env()
    generated = generated_baseline(tools, workdir, records, per_file, seed, env, figures)
    if generated is None:
        return figures
    files, order = generated
    if len(order) != records or len(set(order)) != records:
        figures.failures.append("the generated files hold %d records (%d distinct), expected %d"
                                % (len(order), len(set(order)), records))
        return figures

    def ingest(db, resume=False):
        return ([tools.index, "--db", db, "--quiet", "file", "--commit-every", str(commit_every)]
                + (["--resume"] if resume else []) + files)

    reference = os.path.join(workdir, "reference")
    started = time.monotonic()
    whole = run(ingest(reference), 3600, env)
    duration = time.monotonic() - started
    figures.outcome(whole)
    expected = dump_index(tools, reference)
    if whole.code != 0 or expected is None or len(expected) != records:
        figures.failures.append("the uninterrupted run: %s, %s documents"
                                % (whole.describe(), None if expected is None else len(expected)))
        return figures
    figures.notes.append("uninterrupted ingest of %d records: %.1f s" % (records, duration))

    db = os.path.join(workdir, "killed")
    rounds = 0
    while figures.tried < kills:
        rounds += 1
        if rounds > 5 * kills:
            figures.failures.append("the ingest kept finishing before the kill (%d kills in %d rounds)"
                                    % (figures.tried, rounds))
            break
        shutil.rmtree(db, ignore_errors=True)
        problems = []
        # One to three kills in a row (the resumed runs killed too), then a resumed run left to
        # finish. A resumed run has only the rest to do, so it is killed within its share of the time.
        done = 0
        for attempt in range(rng.choice((1, 1, 2, 3))):
            if figures.tried >= kills:
                break
            left = duration * (1 - done / records)
            if not kill_after(ingest(db, resume=attempt > 0), env, rng.uniform(0.05, max(left, 0.2))):
                continue  # it finished first: not a kill
            ok, check = xapian_check(db) if os.path.exists(db) else (True, [])
            dump = dump_index(tools, db) if os.path.exists(db) else []
            problem, dups = (("the index does not open", 0) if dump is None
                             else committed_prefix(dump, order, commit_every))
            done = len(dump or [])
            figures.duplicated += dups
            if not ok:
                problem = "xapian-check fails: %s" % check[0]
            figures.item(problem is None, problem and "kill %d: %s" % (figures.tried + 1, problem))
            if problem:
                problems.append(problem)
        rerun = run(ingest(db, resume=True), 3600, env)
        if not figures.outcome(rerun) or rerun.code != 0:
            figures.failures.append("rerun after a kill: %s" % rerun.describe())
            continue
        after = dump_index(tools, db)
        if after != expected:
            have = unique_ids(after or [])
            figures.lost += sum(1 for key in unique_ids(expected) if key not in have)
            figures.duplicated += sum(n - 1 for n in have.values())
            differing = len(set(after or []) ^ set(expected))
            figures.failures.append("rerun after a kill: the index differs from the uninterrupted run "
                                    "(%d document lines differ)" % differing)
    return figures
