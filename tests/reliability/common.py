"""What every reliability trial shares: running a tool under a time limit, telling a crash or a
hang from a clean failure, and the figures a trial reports on its one line."""
import os
import signal
import subprocess
import time

# Words that mean something escaped to the user that should not have: an uncaught exception, a
# failed assertion, a sanitizer report or a raw library error.
CRASH_MARKS = ("terminate called", "Assertion", "AddressSanitizer", "runtime error:", "Xapian::",
               "std::bad_alloc", "what():", "Segmentation fault", "core dumped")


class Tools:
    """The binaries under test and the source tree they came from."""

    def __init__(self, bin_dir, source_dir):
        self.bin = bin_dir
        self.source = source_dir
        self.index = os.path.join(bin_dir, "evidex-index")
        self.query = os.path.join(bin_dir, "evidex-query")
        self.gen_baseline = os.path.join(bin_dir, "evidex-gen-baseline")
        self.dump = os.path.join(bin_dir, "evidex-index-dump")

    def missing(self):
        return [p for p in (self.index, self.query, self.gen_baseline, self.dump) if not os.access(p, os.X_OK)]


class Outcome:
    """How one run of a tool ended."""

    def __init__(self, argv, code, out, err, seconds, hung):
        self.argv, self.code, self.out, self.err, self.seconds, self.hung = argv, code, out, err, seconds, hung

    @property
    def crashed(self):
        """Killed by a signal it did not ask for, or an exception, assertion or sanitizer
        report on stderr."""
        if self.hung:
            return False
        if self.code < 0 or self.code >= 128:
            return True
        return any(mark in self.err for mark in CRASH_MARKS)

    def describe(self):
        if self.hung:
            return "no answer after %.0f s" % self.seconds
        if self.code < 0:
            return "killed by signal %d" % -self.code
        tail = self.err.strip().splitlines()[-3:]
        return "exit code %d; stderr: %s" % (self.code, " | ".join(tail) or "(empty)")


def run(argv, timeout, env=None, stdin=None):
    """Runs argv with a time limit; a run past it is killed (with its process group) and
    reported as hung."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            stdin=subprocess.DEVNULL if stdin is None else stdin, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
        hung = False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        hung = True
    return Outcome(argv, proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
                   time.monotonic() - start, hung)


class Figures:
    """The counts a trial reports. `tried` items were attempted; an item `passed` when every
    check on it held. `crashed` and `hung` count runs of the tools; `lost` counts good records
    not in the index when they should be; `duplicated` counts records stored more than once."""

    def __init__(self, name):
        self.name = name
        self.tried = self.passed = self.crashed = self.hung = self.lost = self.duplicated = 0
        self.failures = []
        self.notes = []
        self.skipped = None
        self.started = time.monotonic()

    def item(self, ok, what=None):
        self.tried += 1
        if ok:
            self.passed += 1
        elif what:
            self.failures.append(what)

    def outcome(self, outcome):
        """Counts a crash or a hang of one run; returns whether the run ended by itself cleanly."""
        if outcome.hung:
            self.hung += 1
        elif outcome.crashed:
            self.crashed += 1
        return not outcome.hung and not outcome.crashed

    @property
    def ok(self):
        return (self.skipped is not None or
                (self.tried > 0 and self.passed == self.tried and self.crashed == 0 and self.hung == 0
                 and self.lost == 0 and self.duplicated == 0 and not self.failures))

    def line(self):
        seconds = time.monotonic() - self.started
        if self.skipped is not None:
            return "%-16s skipped: %s" % (self.name, self.skipped)
        return ("%-16s tried %5d  passed %5d  crashed %d  hung %d  lost %d  duplicated %d  %6.1f s  %s"
                % (self.name, self.tried, self.passed, self.crashed, self.hung, self.lost, self.duplicated,
                   seconds, "ok" if self.ok else "FAILED"))


def tool_env(extra=None):
    """The environment for the tools: no user database, cache or configuration leaks in."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("EVIDEX_") and k not in ("NCBI_API_KEY", "XDG_CONFIG_HOME")}
    env["NO_COLOR"] = "1"
    env.update(extra or {})
    return env


def delve_count(db):
    """Documents in db by xapian-delve, or None when it cannot open it."""
    proc = subprocess.run(["xapian-delve", db], capture_output=True, text=True)
    for line in proc.stdout.splitlines():
        if line.startswith("number of documents = "):
            return int(line.split("=")[1])
    return None


def dump_index(tools, db):
    """The sorted per-document dump of an index (evidex-index-dump), or None when it fails."""
    proc = subprocess.run([tools.dump, db], capture_output=True)
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", "replace").splitlines()


def unique_ids(dump):
    """Unique id terms of a dump, with how many documents carry each."""
    counts = {}
    for line in dump:
        key = line.split("\t", 1)[0]
        counts[key] = counts.get(key, 0) + 1
    return counts


def xapian_check(db):
    proc = subprocess.run(["xapian-check", db], capture_output=True, text=True)
    return proc.returncode == 0, (proc.stdout + proc.stderr).strip().splitlines()[-1:] or [""]
