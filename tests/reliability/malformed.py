"""Trial: malformed input. Every generated bad input is fed to the tool that reads its kind,
each run under a time limit. Passes when no run crashes or hangs, every bad input is reported
on stderr with the file or id it came from, the exit code is one of the contract's, and every
good record of the same file ends in the index. The quick run feeds a sample (every fourth
case, every kind represented); the long run all of them, and more of the random ones."""
import os
import re
import shutil

from common import Figures, run, tool_env, dump_index
import bad_inputs

FILE_CODES = (0, 1, 3)      # success, failed, partly done
PAGE_CODES = (0, 1)
ID_CODES = (1, 2)           # an invalid id is bad usage; an id that is valid but unknown fails


def indexed_ids(tools, db):
    """PMIDs (as numbers) and DOIs of the documents in db, and its dump."""
    dump = dump_index(tools, db) or []
    ids = set()
    for line in dump:
        ids.update(int(m) for m in re.findall(r" XPMID(\d+):", line))
        ids.update(re.findall(r" XDOI(\S+):\d+", line))
    return ids, dump


def check_file(tools, case, path, db, env, timeout, figures):
    # As written: the trial is about reading bad bytes, and BibTeX and CSL-JSON records would
    # otherwise be looked up through the services, which it does not run.
    outcome = run([tools.index, "--db", db, "--quiet", "file", "--as-written", path], timeout, env)
    if not figures.outcome(outcome):
        return "%s: %s" % (case.name, outcome.describe())
    problems = []
    if outcome.code not in FILE_CODES:
        problems.append("exit code %d" % outcome.code)
    if case.bad and outcome.code == 0:
        problems.append("reported nothing wrong")
    if outcome.code != 0 and os.path.basename(path) not in outcome.err:
        problems.append("the message does not name the file: %s" % outcome.err.strip()[-200:])
    if outcome.code != 0 and "error" not in outcome.err:
        problems.append("no error message")
    if case.good:
        pmids, dump = indexed_ids(tools, db) if os.path.exists(db) else (set(), [])
        missing = [p for p in case.good if p not in pmids]
        if missing:
            figures.lost += len(missing)
            problems.append("good records not indexed: %s" % missing)
        keys = [line.split("\t", 1)[0] for line in dump]
        figures.duplicated += len(keys) - len(set(keys))
    return "%s: %s" % (case.name, "; ".join(problems)) if problems else None


def check_page(tools, case, path, workdir, env, timeout, figures):
    problems = []
    db = os.path.join(workdir, "page-index")
    for argv, what in (([tools.query, "--db", db, "--offline", "audit", path, "--format", "json"], "audit"),
                       ([tools.index, "--db", db, "--offline", "--quiet", "refs", path], "refs")):
        outcome = run(argv, timeout, env)
        if not figures.outcome(outcome):
            return "%s (%s): %s" % (case.name, what, outcome.describe())
        if outcome.code not in PAGE_CODES:
            problems.append("%s: exit code %d" % (what, outcome.code))
        elif outcome.code != 0 and os.path.basename(path) not in outcome.err:
            problems.append("%s: the message does not name the page: %s" % (what, outcome.err.strip()[-200:]))
    return "%s: %s" % (case.name, "; ".join(problems)) if problems else None


def check_id(tools, case, workdir, env, timeout, figures):
    value = case.data.decode("utf-8")
    db = os.path.join(workdir, "id-index")
    cache = os.path.join(workdir, "id-cache")
    argv = [tools.index, "--db", db, "--cache", cache, "--offline", case.kind, value]
    outcome = run(argv, timeout, env)
    if not figures.outcome(outcome):
        return "%s: %s" % (case.name, outcome.describe())
    problems = []
    if outcome.code not in ID_CODES:
        problems.append("exit code %d" % outcome.code)
    elif "error" not in outcome.err:
        problems.append("no error message: %s" % outcome.err.strip()[-200:])
    show = run([tools.query, "--db", db, "show", "%s:%s" % (case.kind, value)], timeout, env)
    if not figures.outcome(show):
        return "%s (show): %s" % (case.name, show.describe())
    if show.code not in ID_CODES:
        problems.append("show: exit code %d" % show.code)
    return "%s: %s" % (case.name, "; ".join(problems)) if problems else None


def run_trial(tools, workdir, mode, seed):
    figures = Figures("malformed-input")
    env = tool_env()
    timeout = 60 if mode == "long" else 30
    cases = bad_inputs.generate(seed, scale=2 if mode == "long" else 1)
    if mode != "long":
        cases = cases[::4]  # a sample of every kind, in CI time
    inputs = os.path.join(workdir, "inputs")
    os.makedirs(inputs)
    for i, case in enumerate(cases):
        if case.kind in ("pmid", "doi"):
            problem = check_id(tools, case, workdir, env, timeout, figures)
        else:
            path = os.path.join(inputs, "case-%04d%s" % (i, case.suffix))
            with open(path, "wb") as f:
                f.write(case.data)
            if case.kind == "file":
                db = os.path.join(workdir, "index-%04d" % i)
                problem = check_file(tools, case, path, db, env, timeout, figures)
                shutil.rmtree(db, ignore_errors=True)
            else:
                problem = check_page(tools, case, path, workdir, env, timeout, figures)
            os.unlink(path)
        figures.item(problem is None, problem)
    return figures
