"""Trial: concurrency. Searches run one after another while a writer ingests generated records,
committing small batches; now and then a second writer tries to open the index. Passes when
every search answers (exit 0, a JSON page of hits), every second writer is refused with exit
code 4 and a message naming the lock, and every run of the first writer ends cleanly with each
record stored once."""
import glob
import json
import os
import subprocess
import time

from common import Figures, run, tool_env, dump_index, unique_ids

QUERIES = (["magnesium"], ["sleep", "--facets"], ["magnesium", "--sort", "year"], ["trial", "--max-level", "2"],
           ["blood pressure", "--exact-total"], ["magnesium", "--year", "1990..2020"])


def run_trial(tools, workdir, mode, seed):
    figures = Figures("concurrency")
    searches, lock_tries, records = (1000, 100, 20000) if mode == "long" else (100, 10, 4000)
    env = tool_env()
    data = os.path.join(workdir, "baseline")
    gen = run([tools.gen_baseline, "--records", str(records), "--per-file", str(records // 4), "--seed", str(seed),
               "--out", data], 600, env)
    if gen.code != 0:
        figures.failures.append("evidex-gen-baseline: %s" % gen.describe())
        return figures
    files = sorted(glob.glob(os.path.join(data, "*.xml.gz")))
    db = os.path.join(workdir, "index")
    first = run([tools.index, "--db", db, "--quiet", "file", files[0]], 600, env)
    if first.code != 0:
        figures.failures.append("the first file: %s" % first.describe())
        return figures
    other = os.path.join(workdir, "other.xml")
    with open(other, "w") as f:
        f.write('<?xml version="1.0"?><PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID><Article>'
                '<Journal><Title>J</Title></Journal><ArticleTitle>Second writer</ArticleTitle></Article>'
                '</MedlineCitation></PubmedArticle></PubmedArticleSet>')

    writer_argv = [tools.index, "--db", db, "--quiet", "file", "--commit-every", "25"] + files
    stamp = os.path.join(db, "iamglass")  # rewritten by every commit
    writer_runs = []
    writer = None
    writer_stamp = None
    second_wrote = False
    done_searches = done_locks = 0
    every = max(1, searches // max(lock_tries, 1))
    while done_searches < searches or done_locks < lock_tries:
        if writer is None or writer.poll() is not None:
            if writer is not None:
                writer_runs.append(writer.wait())
            writer_stamp = os.stat(stamp).st_mtime_ns
            writer = subprocess.Popen(writer_argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        # A second writer is tried only once the first has committed (so it holds the lock).
        if (done_locks < lock_tries and done_searches >= done_locks * every
                and os.stat(stamp).st_mtime_ns != writer_stamp):
            second = run([tools.index, "--db", db, "file", other], 60, env)
            still_running = writer.poll() is None
            if not figures.outcome(second):
                figures.item(False, "second writer: %s" % second.describe())
            elif second.code == 4 and "locked by another writer" in second.err:
                figures.item(True)
            elif second.code == 0 and not still_running:
                second_wrote = True
                continue  # the first writer had finished: nothing was tested
            else:
                figures.item(False, "second writer while the first ran: %s" % second.describe())
            done_locks += 1
            continue
        if done_searches >= searches:
            time.sleep(0.01)
            continue
        query = QUERIES[done_searches % len(QUERIES)]
        outcome = run([tools.query, "--db", db, "search"] + query + ["--format", "json"], 60, env)
        done_searches += 1
        if not figures.outcome(outcome) or outcome.code != 0:
            figures.item(False, "search %s: %s" % (query, outcome.describe()))
            continue
        try:
            page = json.loads(outcome.out)
            ok = isinstance(page.get("hits"), list) and "total" in page
        except ValueError:
            ok = False
        figures.item(ok, None if ok else "search %s: not a JSON page of hits: %s" % (query, outcome.out[:200]))
    _, err = writer.communicate()
    writer_runs.append(writer.returncode)
    bad_runs = [code for code in writer_runs if code != 0]
    if bad_runs:
        figures.crashed += sum(1 for code in bad_runs if code < 0)
        figures.failures.append("the first writer ended with %s in %d of %d runs; last stderr: %s"
                                % (bad_runs, len(bad_runs), len(writer_runs), err.decode()[-200:]))
    figures.notes.append("%d runs of the first writer" % len(writer_runs))
    dump = dump_index(tools, db) or []
    keys = unique_ids(dump)
    figures.duplicated += sum(n - 1 for n in keys.values())
    figures.lost += max(0, records - len([k for k in keys if k != "Qpmid:1"]))
    if "Qpmid:1" in keys and not second_wrote:
        figures.failures.append("a refused second writer's record is in the index")
    return figures
