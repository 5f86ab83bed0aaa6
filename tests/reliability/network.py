"""Trial: network faults. evidex-index pubmed and doi fetch generated records from the local
test server (tests/support/fake_services.py) while it answers a share of requests with a fault:
429 with Retry-After, 500, 503, a slow reply, a truncated body, an HTML error page, an error
inside a 200 and a reset connection. Passes when every requested record ends indexed or
reported as failed (never "not found" when the server holds it, never lost), none is stored
twice, a rerun with --resume completes the set, no request came before its Retry-After, the
E-utilities rate never went above 3 requests a second, and the whole took bounded time."""
import glob
import gzip
import json
import os
import re
import subprocess
import sys
import time

from common import Figures, run, tool_env, dump_index, unique_ids

PMID_RE = re.compile(rb"<MedlineCitation[^>]*>\s*<PMID[^>]*>(\d+)</PMID>")
REPORT_RE = re.compile(r"^evidex-index: (not found|error): (pmid|doi):(\S+?):?(?: |$)", re.M)
FAULTS = "429/500/503/slow/truncate/html/error200/reset"


def write_works(data, count):
    dois = []
    for i in range(count):
        doi = "10.5555/reliability.%d" % (i + 1)
        work = {"status": "ok", "message-type": "work", "message-version": "1.0.0",
                "message": {"DOI": doi, "type": "journal-article", "title": ["Magnesium and sleep, work %d" % (i + 1)],
                            "container-title": ["Journal of Trials"], "issued": {"date-parts": [[2000 + i % 20]]},
                            "author": [{"family": "Author%d" % i, "given": "A"}], "publisher": "Test"}}
        with open(os.path.join(data, "work-%d.json" % i), "w") as f:
            json.dump(work, f)
        dois.append(doi)
    return dois


def start_server(tools, data, log, seed, probability, max_seconds):
    argv = [sys.executable, os.path.join(tools.source, "tests", "support", "fake_services.py"), "--data", data,
            "--port", "0", "--log", log, "--faults", "random:%g:%s" % (probability, FAULTS), "--seed", str(seed),
            "--slow-seconds", "1.5", "--max-seconds", str(max_seconds)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    if not line.startswith("PORT "):
        proc.kill()
        raise RuntimeError("the test server did not start: %s" % proc.stderr.read()[-300:])
    return proc, int(line.split()[1])


def check_log(tools, log, *args):
    proc = subprocess.run([sys.executable, os.path.join(tools.source, "tests", "support", "fake_services.py")]
                          + list(args) + [log], capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip()


def run_trial(tools, workdir, mode, seed):
    figures = Figures("network-faults")
    pmid_count, doi_count, probability, budget = (60000, 4000, 0.25, 7200) if mode == "long" else (3000, 60, 0.25, 300)
    data = os.path.join(workdir, "data")
    os.makedirs(data)
    gen = run([tools.gen_baseline, "--records", str(pmid_count), "--per-file", "10000", "--seed", str(seed),
               "--out", data], 600)
    if gen.code != 0:
        figures.failures.append("evidex-gen-baseline: %s" % gen.describe())
        return figures
    pmids = []
    for path in sorted(glob.glob(os.path.join(data, "*.xml.gz"))):
        with gzip.open(path, "rb") as f:
            text = f.read()
        pmids += [m.decode() for m in PMID_RE.findall(text)]
        with open(path[:-3], "wb") as f:
            f.write(text)
        os.unlink(path)
    dois = write_works(data, doi_count)
    unknown_pmid, unknown_doi = "1", "10.5555/not-on-the-server"
    log = os.path.join(workdir, "requests.log")
    db = os.path.join(workdir, "index")
    server, port = start_server(tools, data, log, seed, probability, budget + 60)
    base = "http://127.0.0.1:%d" % port
    net = ["--db", db, "--cache", os.path.join(workdir, "cache"), "--email", "tests@example.org",
           "--pubmed-url", base + "/entrez/eutils", "--crossref-url", base, "--doi-url", base + "/doi"]
    env = tool_env({"EVIDEX_HTTP_TIMEOUT": "1", "EVIDEX_RETRY_BASE_MS": "50"})
    started = time.monotonic()
    try:
        runs = [run([tools.index] + net + ["--quiet", "pubmed"] + pmids + [unknown_pmid], budget, env),
                run([tools.index] + net + ["--quiet", "doi"] + dois + [unknown_doi], budget, env)]
        first_seconds = time.monotonic() - started
        reported = {}
        for outcome in runs:
            figures.outcome(outcome)
            if outcome.code not in (0, 1, 3):
                figures.failures.append("a faulty run: %s" % outcome.describe())
            for kind, scheme, value in REPORT_RE.findall(outcome.err):
                reported["%s:%s" % (scheme, value.lower() if scheme == "doi" else value)] = kind
        dump = dump_index(tools, db) or []
        keys = unique_ids(dump)
        figures.duplicated += sum(n - 1 for n in keys.values())
        indexed = set()
        for line in dump:
            indexed.update("pmid:" + p for p in re.findall(r" XPMID(\d+):", line))
            indexed.update("doi:" + d for d in re.findall(r" XDOI(\S+):\d+", line))
        failed = 0
        for key in ["pmid:" + p for p in pmids] + ["doi:" + d for d in dois]:
            how = reported.get(key)
            if key in indexed and how is None:
                figures.item(True)
            elif key in indexed:
                figures.item(False, "%s is indexed and also reported as %s" % (key, how))
            elif how == "error":
                failed += 1
                figures.item(True)  # reported with why; the rerun below must complete it
            elif how == "not found":
                figures.lost += 1
                figures.item(False, "%s is on the server but was reported as not found" % key)
            else:
                figures.lost += 1
                figures.item(False, "%s is neither indexed nor reported" % key)
        for key in ("pmid:" + unknown_pmid, "doi:" + unknown_doi):
            figures.item(reported.get(key) == "not found" or key not in indexed,
                         "%s (not on the server) was not reported as not found" % key)
        figures.notes.append("%d records failed after the retries and were reported" % failed)
        # --resume fetches what is missing; with the same faults it must complete the set.
        for _ in range(3):
            missing_pmids = [p for p in pmids if "pmid:" + p not in indexed]
            missing_dois = [d for d in dois if "doi:" + d not in indexed]
            if not missing_pmids and not missing_dois:
                break
            for cmd, ids in (("pubmed", missing_pmids), ("doi", missing_dois)):
                if ids:
                    figures.outcome(run([tools.index] + net + ["--quiet", cmd, "--resume"] + ids, budget, env))
            dump = dump_index(tools, db) or []
            indexed = set()
            for line in dump:
                indexed.update("pmid:" + p for p in re.findall(r" XPMID(\d+):", line))
                indexed.update("doi:" + d for d in re.findall(r" XDOI(\S+):\d+", line))
        still = [p for p in pmids if "pmid:" + p not in indexed] + [d for d in dois if "doi:" + d not in indexed]
        if still:
            figures.lost += len(still)
            figures.failures.append("%d records still missing after three reruns with --resume: %s"
                                    % (len(still), still[:5]))
        keys = unique_ids(dump)
        figures.duplicated += sum(n - 1 for n in keys.values())
    finally:
        server.terminate()
        server.wait()
    total = time.monotonic() - started
    requests = sum(1 for _ in open(log))
    figures.notes.append("%d requests, %d of them faults; first runs %.0f s, all %.0f s"
                         % (requests, sum(1 for line in open(log) if '"fault"' in line and '"fault": null' not in line),
                            first_seconds, total))
    ok, text = check_log(tools, log, "--check-retry-after")
    if not ok:
        figures.failures.append("requests before their Retry-After: %s" % text[:300])
    ok, text = check_log(tools, log, "--service", "efetch,esearch,esummary,idconv", "--max-per-second", "3",
                         "--check-rate")
    if not ok:
        figures.failures.append("E-utilities faster than 3 requests a second: %s" % text[:300])
    if total > budget:
        figures.failures.append("took %.0f s, more than the %d s allowed" % (total, budget))
    return figures
