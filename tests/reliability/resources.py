"""Trial: a full disk. The index lives on a 2 MiB tmpfs and an ingest of generated records
runs until the disk is full. Passes when the writer stops with a clear error (exit code 1, the
index named, no crash) and the index still opens, passes xapian-check and holds exactly its
committed batches. Needs to mount a tmpfs (root); skipped with a message otherwise."""
import os
import subprocess

from common import Figures, run, tool_env, dump_index, xapian_check
from crash import committed_prefix, generated_baseline


def mount_small(path, size):
    os.makedirs(path, exist_ok=True)
    proc = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%s" % size, "tmpfs", path], capture_output=True,
                          text=True)
    return proc.returncode == 0, proc.stderr.strip()


def unmount(path):
    subprocess.run(["umount", path], capture_output=True)


def run_trial(tools, workdir, mode, seed):
    figures = Figures("full-disk")
    records = 20000 if mode == "long" else 4000
    env = tool_env()
    generated = generated_baseline(tools, workdir, records, records, seed, env, figures)
    if generated is None:
        return figures
    files, order = generated
    disk = os.path.join(workdir, "disk")
    for commit_every in (50, 200, 1000):
        ok, why = mount_small(disk, "2m")
        if not ok:
            figures.skipped = "cannot mount a tmpfs (%s)" % (why or "not permitted")
            return figures
        try:
            db = os.path.join(disk, "index")
            outcome = run([tools.index, "--db", db, "--quiet", "file", "--commit-every", str(commit_every)] + files,
                          600, env)
            problems = []
            if not figures.outcome(outcome):
                problems.append(outcome.describe())
            elif outcome.code != 1:
                problems.append("exit code %d, expected 1 (the disk filled)" % outcome.code)
            elif db not in outcome.err or "error" not in outcome.err:
                problems.append("the message does not name the index: %s" % outcome.err.strip()[-200:])
            if os.path.exists(db):
                ok, check = xapian_check(db)
                dump = dump_index(tools, db)
                if not ok:
                    problems.append("xapian-check fails: %s" % check[0])
                elif dump is None:
                    problems.append("the index does not open")
                else:
                    problem, dups = committed_prefix(dump, order, commit_every)
                    figures.duplicated += dups
                    if problem:
                        problems.append(problem)
                    figures.notes.append("batches of %d: %d documents kept; %s"
                                         % (commit_every, len(dump), outcome.err.strip().splitlines()[-1:]))
            figures.item(not problems, "batches of %d: %s" % (commit_every, "; ".join(problems)))
        finally:
            unmount(disk)
    return figures
