# evidex-query audit --format json: the seed pages audited offline give reports that
# schemas/audit.schema.json accepts, whose counts agree with their lists, and that are the same byte
# for byte on a second run. The schema itself must reject reports that break the contract.
. "$(dirname "$0")/../support/cli.sh"
need_shared
if ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
  echo "skipped: $PYTHON cannot import jsonschema (Debian package python3-jsonschema; scripts/bootstrap installs it)" >&2
  exit 77
fi
schema="$EVIDEX_SOURCE_DIR/schemas/audit.schema.json"

# validate.py SCHEMA REPORT: prints each way REPORT breaks the schema or its own counts, one a line.
# validate.py SCHEMA --broken REPORT: prints each deliberately broken copy of REPORT the schema accepts.
cat >"$SCRATCH/validate.py" <<'PY'
import copy, json, sys
from jsonschema import Draft202012Validator

schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)

def problems(report):
    for e in sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path)):
        yield "/".join(str(p) for p in e.absolute_path) + ": " + e.message[:300]

def consistency(d):
    s, claims, refs = d["summary"], d["claims"], d["references"]
    if s["claims"] != len(claims): yield "summary.claims %d, claims listed %d" % (s["claims"], len(claims))
    if s["references"] != len(refs): yield "summary.references %d, listed %d" % (s["references"], len(refs))
    if s["resolved"] != sum(r["resolved"] for r in refs): yield "summary.resolved disagrees with the references"
    if s["unresolved"] != sum(not r["resolved"] for r in refs): yield "summary.unresolved disagrees with the references"
    if s["duplicates"] != sum(r["duplicate_of"] is not None for r in refs): yield "summary.duplicates disagrees"
    for v, n in s["by_verdict"].items():
        if n != sum(c["verdict"] == v for c in claims): yield "summary.by_verdict.%s is %d" % (v, n)
    for k, n in s["by_link"].items():
        if n != sum(c["link"] == k for c in claims): yield "summary.by_link.%s is %d" % (k, n)
    ids = [c["id"] for c in claims]
    if ids != ["c%d" % (i + 1) for i in range(len(claims))]: yield "claim ids are not c1..cN in order"
    for u in d["uncited"]:
        if u["claim"] not in ids: yield "uncited names claim %s, which is not in the report" % u["claim"]
    labels = []
    for r in refs:
        if r["duplicate_of"] is not None and r["duplicate_of"] not in labels:
            yield "reference %s is a duplicate of %s, not an earlier label" % (r["label"], r["duplicate_of"])
        labels.append(r["label"])

def broken(d):
    """Copies of a valid report that each break one promise of the contract."""
    def edit(what, change):
        b = copy.deepcopy(d)
        change(b)
        return what, b
    def first_claim(b): return b["claims"][0]
    yield edit("an unknown verdict", lambda b: first_claim(b).update(verdict="maybe"))
    yield edit("a claim without a rationale", lambda b: first_claim(b).pop("rationale"))
    yield edit("a key the writer never emits", lambda b: first_claim(b).update(score=1))
    yield edit("an unknown flag", lambda b: first_claim(b)["flags"].append("too-good-to-be-true"))
    yield edit("a flag twice", lambda b: first_claim(b).update(flags=["small-n", "small-n"]))
    yield edit("an unknown strength", lambda b: first_claim(b).update(strength="vague"))
    yield edit("an unknown link kind", lambda b: first_claim(b).update(link="footnote"))
    yield edit("a summary without by_verdict", lambda b: b["summary"].pop("by_verdict"))
    yield edit("a verdict missing from by_verdict", lambda b: b["summary"]["by_verdict"].pop("contradicted"))
    yield edit("a null title of the document", lambda b: b["document"].update(title=None))
    if d["references"]:
        yield edit("an rct at level 4", lambda b: b["references"][0].update(resolved=True, design="rct", level=4))
        yield edit("an unknown design", lambda b: b["references"][0].update(resolved=True, design="anecdote", level=5))
        yield edit("a resolved entry without a design", lambda b: b["references"][0].update(resolved=True, design=None))
        yield edit("a PMID with letters", lambda b: b["references"][0].update(pmid="PMC123"))
    cited = [c for c in d["claims"] if c["citations"]]
    if cited:
        def bad_support(b): [c for c in b["claims"] if c["citations"]][0]["citations"][0].update(support="agrees")
        yield edit("an unknown support label", bad_support)

def show(lines, most=20):
    for line in lines[:most]: print(line)
    if len(lines) > most: print("... and %d more" % (len(lines) - most))

d = json.load(open(sys.argv[-1]))
if sys.argv[2] == "--broken":
    # A broken copy is caught when it draws an error the report itself does not.
    known = set(problems(d))
    show(["the schema accepts " + what for what, b in broken(d) if not set(problems(b)) - known])
else:
    show(list(problems(d)) + list(consistency(d)))
PY

run "$INDEX" corpus --quiet
expect_code 0 "index the corpus"

audited=0
for page in "$SHARED"/seeds/*.txt; do
  name=$(basename "$page" .txt)
  run "$QUERY" --offline audit "$page" --format json --out "$SCRATCH/$name.json"
  expect_code 0 "audit $name"
  run "$QUERY" --offline audit "$page" --format json --out "$SCRATCH/$name.again.json"
  expect_code 0 "audit $name a second time"
  cmp -s "$SCRATCH/$name.json" "$SCRATCH/$name.again.json" || fail "$name: two runs gave different JSON"
  run "$PYTHON" "$SCRATCH/validate.py" "$schema" "$SCRATCH/$name.json"
  expect_code 0 "validate $name"
  expect_equal "$out" "" "$name against schemas/audit.schema.json"
  run "$PYTHON" "$SCRATCH/validate.py" "$schema" --broken "$SCRATCH/$name.json"
  expect_code 0 "break $name"
  expect_equal "$out" "" "$name broken on purpose"
  audited=$((audited + 1))
done
expect_equal "$audited" 3 "seed pages audited"

# What the seeds are known to hold, so a report that validates but says nothing would fail.
sales="$SCRATCH/000_11ac764d89010b1a.json"
expect_equal "$(json_field "$sales" "len(d['references'])")" 38 "references on the sales page"
expect_equal "$(json_field "$sales" "d['summary']['duplicates']")" 3 "duplicates on the sales page"
expect_equal "$(json_field "$sales" "len(d['claims']) > 0")" True "claims on the sales page"
rls="$SCRATCH/002_d57e46c96e91923f.json"
expect_equal "$(json_field "$rls" "d['claims'][0]['text']")" "Magnesium CAN help restless leg syndrome." "first claim of the RLS page"
expect_equal "$(json_field "$rls" "d['claims'][0]['verdict']")" overstated "a definite claim on one open pilot study of 10"
finish
