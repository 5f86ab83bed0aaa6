"""libFuzzer runs of the parser targets in fuzz/: building build-fuzz/, the seed corpora (made at
run time from tests/data/ and ../shared/fixtures/, never committed) and one timed run per target.
scripts/fuzz is its command line; scripts/reliability runs it as the `fuzz` trial."""
import glob
import os
import re
import shutil
import subprocess

# Each target: the longest input it is given, and where its seeds come from (globs relative to
# the repository; "shared/" means ../shared/fixtures/). `lines` makes one seed of each line.
TARGETS = {
    "fuzz_pubmed_xml": dict(max_len=65536, seeds=["tests/data/pubmed/*.xml", "shared/pubmed/efetch_*.xml"]),
    "fuzz_crossref_json": dict(max_len=65536, seeds=["tests/data/crossref/*.json", "shared/crossref/*.json"]),
    "fuzz_reference": dict(max_len=1024, lines=True,
                           seeds=["tests/data/export/*.txt", "tests/data/pages/*.txt",
                                  "shared/crossref/cn_text_bibliography_*.txt"]),
    "fuzz_page_html": dict(max_len=65536, seeds=["tests/data/pages/*", "shared/crossref/cn_doiorg_*.html"]),
    "fuzz_claims": dict(max_len=16384, seeds=["tests/data/pages/*.txt", "tests/data/export/*.txt"]),
    "fuzz_search_query": dict(max_len=256, seeds=[]),
}

# The query syntax evidex-query search accepts: one seed each, so the fuzzer starts from every field.
QUERY_SEEDS = [
    "magnesium sleep", '"restless legs" NOT review', "magnes*", "title:magnesium abstract:insomnia",
    "author:smith journal:sleep", "year:2010..2020", "n:100..", "condition:restless-legs-syndrome",
    "intervention:magnesium:oxide", "design:meta-analysis level:1", "pmid:12345678 OR doi:10.1000/xyz",
    "population:older-adults (cramps OR spasm)", "mesh:magnesium claim:overstated",
]


class FuzzRun:
    def __init__(self, target, seconds, executions, corpus, crashes, log):
        self.target, self.seconds, self.executions = target, seconds, executions
        self.corpus, self.crashes, self.log = corpus, crashes, log

    def line(self):
        return ("%-20s %5d s  executions %10d  corpus %5d  crashes %d  %s"
                % (self.target, self.seconds, self.executions, self.corpus, len(self.crashes),
                   "FAILED" if self.crashes else "ok"))


def have_clang():
    return shutil.which("clang++") is not None


def build(source, build_dir, targets, out):
    """Configures build_dir with clang and EVIDEX_FUZZ=ON when it is not yet, then builds the targets
    (one job: the machine is shared). Returns whether it worked; what failed is written to out."""
    steps = []
    if not os.path.exists(os.path.join(build_dir, "CMakeCache.txt")):
        steps.append(["cmake", "-S", source, "-B", build_dir, "-DCMAKE_CXX_COMPILER=clang++",
                      "-DEVIDEX_FUZZ=ON", "-DBUILD_TESTING=OFF", "-DCMAKE_BUILD_TYPE=RelWithDebInfo"])
    steps.append(["cmake", "--build", build_dir, "-j1", "--target"] + list(targets))
    for argv in steps:
        done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if done.returncode != 0:
            out.write(done.stdout[-4000:])
            out.write("fuzz: error: %s failed\n" % " ".join(argv))
            return False
    return True


def _add_seed(corpus, name, data):
    with open(os.path.join(corpus, name), "wb") as f:
        f.write(data)


def make_seeds(source, target, corpus, notes):
    """Fills corpus with the target's seeds (kept across runs: what the fuzzer found stays)."""
    os.makedirs(corpus, exist_ok=True)
    shared = os.path.join(os.path.dirname(source), "shared", "fixtures")
    spec = TARGETS[target]
    if target == "fuzz_search_query":
        for i, query in enumerate(QUERY_SEEDS):
            _add_seed(corpus, "seed-query-%02d" % i, query.encode())
    for pattern in spec["seeds"]:
        if pattern.startswith("shared/"):
            if not os.path.isdir(shared):
                notes.append("%s: %s absent, its seeds skipped" % (target, shared))
                continue
            pattern = os.path.join(shared, pattern[len("shared/"):])
        else:
            pattern = os.path.join(source, pattern)
        for path in sorted(glob.glob(pattern)):
            with open(path, "rb") as f:
                data = f.read()
            stem = "seed-" + os.path.basename(path)
            if spec.get("lines"):
                for i, line in enumerate(data.splitlines()):
                    if line.strip():
                        _add_seed(corpus, "%s-%d" % (stem, i), line[:spec["max_len"]])
            else:
                _add_seed(corpus, stem, data[:spec["max_len"]])


def run_target(build_dir, target, seconds):
    """Runs one target for `seconds` on its corpus; crash, leak, timeout and out-of-memory inputs
    are kept in build_dir/crashes/<target>/."""
    corpus = os.path.join(build_dir, "corpus", target)
    artifacts = os.path.join(build_dir, "crashes", target)
    os.makedirs(artifacts, exist_ok=True)
    before = set(os.listdir(artifacts))
    log_path = os.path.join(build_dir, "logs", target + ".log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    binary = os.path.join(build_dir, "bin", target)
    argv = [binary, corpus, "-max_total_time=%d" % seconds, "-max_len=%d" % TARGETS[target]["max_len"],
            "-timeout=10", "-rss_limit_mb=2048", "-print_final_stats=1",
            "-artifact_prefix=%s/" % artifacts]
    with open(log_path, "w") as log:
        subprocess.run(argv, stdout=log, stderr=subprocess.STDOUT)
    with open(log_path, errors="replace") as log:
        text = log.read()
    found = re.findall(r"stat::number_of_executed_units: (\d+)", text)
    if not found:
        found = re.findall(r"^#(\d+)", text, re.M)
    executions = int(found[-1]) if found else 0
    crashes = sorted(os.path.join(artifacts, name) for name in set(os.listdir(artifacts)) - before)
    return FuzzRun(target, seconds, executions, len(os.listdir(corpus)), crashes, log_path)


def reproduce_hint(build_dir, run):
    lines = ["  %s: log %s" % (run.target, run.log)]
    for crash in run.crashes:
        lines.append("  %s: kept %s; reproduce: %s %s" % (run.target, crash,
                                                          os.path.join(build_dir, "bin", run.target), crash))
    return lines


# Seconds each target runs in the reliability trial (scripts/fuzz --seconds for longer).
TRIAL_SECONDS = 60


def run_trial(tools, workdir, mode, seed):
    """The `fuzz` trial: every target for a minute, only with --long (never in CI's quick run),
    skipped without clang. An item is a target; it passes when it did not crash."""
    from common import Figures
    figures = Figures("fuzz")
    if mode != "long":
        figures.skipped = "runs with --long (or scripts/fuzz)"
        return figures
    if not have_clang():
        figures.skipped = "clang++ not found (scripts/bootstrap --fuzz)"
        return figures
    build_dir = os.path.join(tools.source, "build-fuzz")
    log_path = os.path.join(workdir, "build.log")
    with open(log_path, "w") as out:
        if not build(tools.source, build_dir, TARGETS, out):
            figures.item(False, "build-fuzz/ did not build; see %s (--keep)" % log_path)
            return figures
    for target in TARGETS:
        make_seeds(tools.source, target, os.path.join(build_dir, "corpus", target), figures.notes)
        run = run_target(build_dir, target, TRIAL_SECONDS)
        figures.notes.append(run.line())
        figures.crashed += len(run.crashes)
        figures.item(not run.crashes, None if not run.crashes else "; ".join(reproduce_hint(build_dir, run)))
    return figures
