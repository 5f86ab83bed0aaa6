// evidex-eval-classifier: scores classify_study against the hand-labelled records of
// tests/data/eval/labels.tsv, twice: with every field of the record, and from title and abstract
// alone (publication types and MeSH hidden). Prints accuracy per field, a design confusion
// matrix and the misses of the fields --misses names (design by default; direction lists the
// deciding rules and sentences); --json FILE writes the same figures and every miss as JSON.
//
// Exit codes: 0 done, 1 a label is invalid or its record cannot be found, 2 bad usage,
// 77 ../shared is absent (skipped, as ctest counts it).
#include <array>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/classify.h"
#include "core/crossref_parser.h"
#include "core/errors.h"
#include "core/ids.h"
#include "core/pubmed_parser.h"
#include "core/text.h"
#include "core/tsv.h"

namespace fs = std::filesystem;
using evidex::Blinding;
using evidex::Design;
using evidex::ResultDirection;
using evidex::Study;

namespace {

constexpr int exit_skipped = 77;
const char* const program = "evidex-eval-classifier";

// One hand-labelled record.
struct Label {
    std::size_t line = 0;
    std::string source;  // "shared:fixtures/pubmed/x.xml"
    std::string id;      // "pmid:N" or "doi:x"
    Design design = Design::other;
    Blinding blinding = Blinding::unknown;
    std::optional<int> n;
    ResultDirection direction = ResultDirection::unclear;
};

// What the classifier said about one labelled record in one run.
struct Prediction {
    Design design = Design::other;
    Blinding blinding = Blinding::unknown;
    std::optional<int> n;
    ResultDirection direction = ResultDirection::unclear;
    std::string rule;  // the first design reason, empty when none was recorded
    std::string span;
    std::vector<evidex::Reason> direction_reasons;
};

struct Tally {
    int correct = 0, total = 0;
    void add(bool ok) { correct += ok ? 1 : 0; ++total; }
};

struct RunScore {
    std::string name;
    std::string title;
    Tally design, blinding, n, direction;
    Tally trial_blinding;    // blinding on records labelled as a trial (most others are "unknown")
    Tally stated_direction;  // direction on records whose label is not "unclear"
    int n_invented = 0;      // an n predicted where the label states none
    std::array<std::array<int, evidex::design_count>, evidex::design_count> confusion{};  // [label][predicted]
    std::vector<std::pair<const Label*, Prediction>> misses, direction_misses;
};

struct Options {
    fs::path labels;
    fs::path json_out;
    bool design_misses = true, direction_misses = false;  // which misses to print
};

[[noreturn]] void fail(const std::string& message) {
    throw evidex::FatalError(evidex::ExitCode::failed, message);
}

fs::path source_dir() { return EVIDEX_SOURCE_DIR; }

fs::path shared_dir() {
    if (const char* env = std::getenv("EVIDEX_SHARED_DIR"); env && *env) return env;
    return source_dir().parent_path() / "shared";
}

// A positive count written in digits, or nullopt.
std::optional<int> parse_count(std::string_view text) {
    int value = 0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc() || stop != end || value <= 0) return std::nullopt;
    return value;
}

std::vector<Label> load_labels(const fs::path& path) {
    const auto table = evidex::load_tsv(path, {"source", "id", "design", "blinding", "n", "direction", "note"});
    std::vector<Label> labels;
    std::map<std::string, std::size_t> seen;  // source + id -> line
    for (const auto& row : table.rows) {
        Label label;
        label.line = row.line;
        label.source = row.at("source");
        label.id = row.at("id");
        if (label.source.rfind("shared:", 0) != 0 && label.source.rfind("source:", 0) != 0)
            table.fail(row.line, "source '" + label.source + "' starts with neither shared: nor source:");
        const bool pmid = label.id.rfind("pmid:", 0) == 0 && evidex::normalize_pmid(label.id.substr(5)) == label.id.substr(5);
        const bool doi = label.id.rfind("doi:", 0) == 0 && evidex::normalize_doi(label.id.substr(4)) == label.id.substr(4);
        if (!pmid && !doi) table.fail(row.line, "id '" + label.id + "' is neither pmid:N nor doi:X in lower case");
        const auto design = evidex::parse_design(row.at("design"));
        const auto blinding = evidex::parse_blinding(row.at("blinding"));
        const auto direction = evidex::parse_result_direction(row.at("direction"));
        if (!design) table.fail(row.line, "unknown design '" + row.at("design") + "'");
        if (!blinding) table.fail(row.line, "unknown blinding '" + row.at("blinding") + "'");
        if (!direction) table.fail(row.line, "unknown direction '" + row.at("direction") + "'");
        label.design = *design;
        label.blinding = *blinding;
        label.direction = *direction;
        if (!row.at("n").empty()) {
            label.n = parse_count(row.at("n"));
            if (!label.n) table.fail(row.line, "n '" + row.at("n") + "' is not a positive count");
        }
        const auto [it, fresh] = seen.emplace(label.source + " " + label.id, row.line);
        if (!fresh) table.fail(row.line, label.id + " is labelled twice (first on line " + std::to_string(it->second) + ")");
        labels.push_back(std::move(label));
    }
    return labels;
}

fs::path resolve_source(const std::string& source) {
    if (source.rfind("shared:", 0) == 0) return shared_dir() / source.substr(7);
    return source_dir() / source.substr(7);
}

// Every study a source file holds. Item errors are printed as warnings: a label whose record
// fell to one of them is reported as not found, with the warning above it.
std::vector<Study> read_source(const std::string& source) {
    const fs::path path = resolve_source(source);
    std::vector<Study> studies;
    std::vector<evidex::ItemError> errors;
    if (path.extension() == ".json") {
        std::string body;
        if (!evidex::read_file(path.string(), body)) fail(path.string() + ": cannot read");
        auto parsed = evidex::parse_crossref_json(body, path.string());
        studies = std::move(parsed.studies);
        errors = std::move(parsed.errors);
    } else {
        const evidex::PubmedSink sink{
            [&](Study&& study) { studies.push_back(std::move(study)); },
            [](const std::string&) {},
            [&](evidex::ItemError&& error) { errors.push_back(std::move(error)); },
        };
        if (!evidex::read_pubmed_file(path, sink)) fail(path.string() + ": cannot read");
    }
    for (const auto& error : errors) std::cerr << program << ": warning: " << error.to_string() << "\n";
    return studies;
}

bool has_id(const Study& study, const std::string& id) {
    if (id.rfind("pmid:", 0) == 0) return study.pmid == id.substr(5);
    return !study.doi.empty() && evidex::normalize_doi(study.doi) == id.substr(4);
}

// The labelled record of each label, in label order; fails naming every label not found.
std::vector<Study> find_records(const std::vector<Label>& labels, const fs::path& labels_path) {
    std::map<std::string, std::vector<Study>> sources;
    std::vector<Study> records;
    std::string missing;
    for (const auto& label : labels) {
        auto it = sources.find(label.source);
        if (it == sources.end()) it = sources.emplace(label.source, read_source(label.source)).first;
        const Study* found = nullptr;
        for (const auto& study : it->second)
            if (has_id(study, label.id)) found = &study;
        if (!found) {
            missing += "\n  " + labels_path.string() + ":" + std::to_string(label.line) + ": " + label.id +
                       " not found in " + label.source;
            continue;
        }
        records.push_back(*found);
    }
    if (!missing.empty()) fail("labelled records not found:" + missing);
    return records;
}

bool is_trial(Design d) {
    return d == Design::rct || d == Design::non_randomized_trial || d == Design::uncontrolled_trial;
}

Prediction predict(Study study, const evidex::ClassificationRules& rules) {
    evidex::classify_study(study, rules);
    Prediction p{study.design, study.blinding, study.n, study.result_direction, {}, {}, {}};
    for (const auto& reason : study.reasons)
        if (reason.field == "design") {
            p.rule = reason.rule;
            p.span = reason.span;
            break;
        }
    for (const auto& reason : study.reasons)
        if (reason.field == "result_direction") p.direction_reasons.push_back(reason);
    return p;
}

RunScore score_run(std::string name, std::string title, const std::vector<Label>& labels,
                   const std::vector<Study>& records, const evidex::ClassificationRules& rules, bool text_only) {
    RunScore run;
    run.name = std::move(name);
    run.title = std::move(title);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Label& label = labels[i];
        Study study = records[i];
        if (text_only) {
            study.publication_types.clear();
            study.mesh.clear();
        }
        const Prediction p = predict(std::move(study), rules);
        run.design.add(p.design == label.design);
        run.blinding.add(p.blinding == label.blinding);
        run.direction.add(p.direction == label.direction);
        if (is_trial(label.design)) run.trial_blinding.add(p.blinding == label.blinding);
        if (label.direction != ResultDirection::unclear) run.stated_direction.add(p.direction == label.direction);
        if (label.n) run.n.add(p.n == label.n);
        else if (p.n) ++run.n_invented;
        ++run.confusion[static_cast<int>(label.design)][static_cast<int>(p.design)];
        if (p.design != label.design) run.misses.emplace_back(&label, p);
        if (p.direction != label.direction) run.direction_misses.emplace_back(&label, p);
    }
    return run;
}

int cell(const RunScore& run, Design label, Design predicted) {
    return run.confusion[static_cast<int>(label)][static_cast<int>(predicted)];
}

// Designs that occur in a run, as labels or as predictions, in vocabulary order.
std::vector<Design> designs_in(const RunScore& run) {
    std::vector<Design> designs;
    for (int d = 0; d < evidex::design_count; ++d) {
        int seen = 0;
        for (int other = 0; other < evidex::design_count; ++other)
            seen += run.confusion[d][other] + run.confusion[other][d];
        if (seen > 0) designs.push_back(static_cast<Design>(d));
    }
    return designs;
}

std::string percent(const Tally& t) {
    if (t.total == 0) return "-";
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << 100.0 * t.correct / t.total << "%";
    return out.str();
}

void print_tally(std::ostream& out, const char* field, const Tally& t, const char* note) {
    out << "  " << std::left << std::setw(10) << field << std::right << " " << std::setw(4) << t.correct << " / "
        << std::left << std::setw(4) << t.total << std::right << " " << std::setw(6) << percent(t) << note << "\n";
}

// A deciding sentence cut to one readable line.
std::string shorten(const std::string& span) {
    constexpr std::size_t most = 160;
    return span.size() <= most ? span : span.substr(0, most) + "...";
}

void print_direction_misses(std::ostream& out, const RunScore& run) {
    out << "  direction misses (" << run.direction_misses.size()
        << "): id, label -> predicted, then each deciding rule and its sentence\n";
    for (const auto& [label, p] : run.direction_misses) {
        out << "    " << label->id << "  " << evidex::to_string(label->direction) << " -> "
            << evidex::to_string(p.direction) << "\n";
        for (const auto& reason : p.direction_reasons)
            out << "        " << reason.rule << (reason.span.empty() ? "" : " \"" + shorten(reason.span) + "\"") << "\n";
    }
    out << "\n";
}

void print_run(std::ostream& out, const RunScore& run, const Options& options) {
    out << "== " << run.title << " ==\n";
    out << "  records    " << run.design.total << "\n";
    print_tally(out, "design", run.design, "");
    print_tally(out, "blinding", run.blinding, "");
    print_tally(out, "  trials", run.trial_blinding, "   (records labelled rct, non-randomized or uncontrolled trial)");
    print_tally(out, "n exact", run.n, "   (records whose label states n)");
    print_tally(out, "direction", run.direction, "");
    print_tally(out, "  stated", run.stated_direction, "   (records whose label is not unclear)");
    out << "  n given where the label has none: " << run.n_invented << "\n\n";

    const auto designs = designs_in(run);
    out << "  design confusion (rows: label, columns: predicted, numbered as the rows)\n";
    out << "  " << std::string(24, ' ');
    for (std::size_t c = 0; c < designs.size(); ++c) out << std::setw(4) << c + 1;
    out << "\n";
    for (std::size_t r = 0; r < designs.size(); ++r) {
        out << "  " << std::setw(2) << r + 1 << " " << std::left << std::setw(21) << evidex::to_string(designs[r])
            << std::right;
        for (const Design predicted : designs) {
            const int count = cell(run, designs[r], predicted);
            out << std::setw(4) << (count ? std::to_string(count) : ".");
        }
        out << "\n";
    }
    out << "\n";
    if (options.direction_misses) print_direction_misses(out, run);
    if (!options.design_misses) return;
    out << "  design misses (" << run.misses.size() << "): id, label -> predicted, first design reason\n";
    for (const auto& [label, p] : run.misses) {
        out << "    " << label->id << "  " << evidex::to_string(label->design) << " -> " << evidex::to_string(p.design);
        if (p.rule.empty()) out << "  (no design reason)";
        else out << "  " << p.rule << (p.span.empty() ? "" : " \"" + p.span + "\"");
        out << "\n";
    }
    out << "\n";
}

nlohmann::json tally_json(const Tally& t) {
    return {{"correct", t.correct}, {"total", t.total},
            {"accuracy", t.total ? static_cast<double>(t.correct) / t.total : 0.0}};
}

nlohmann::json run_json(const RunScore& run) {
    const auto designs = designs_in(run);
    nlohmann::json ids = nlohmann::json::array();
    nlohmann::json matrix = nlohmann::json::array();
    for (const Design label : designs) {
        ids.push_back(std::string(evidex::to_string(label)));
        nlohmann::json row = nlohmann::json::array();
        for (const Design predicted : designs) row.push_back(cell(run, label, predicted));
        matrix.push_back(row);
    }
    nlohmann::json misses = nlohmann::json::array();
    for (const auto& [label, p] : run.misses)
        misses.push_back({{"id", label->id}, {"source", label->source},
                          {"label", std::string(evidex::to_string(label->design))},
                          {"predicted", std::string(evidex::to_string(p.design))}, {"rule", p.rule}, {"span", p.span}});
    nlohmann::json direction_misses = nlohmann::json::array();
    for (const auto& [label, p] : run.direction_misses) {
        nlohmann::json reasons = nlohmann::json::array();
        for (const auto& r : p.direction_reasons) reasons.push_back({{"rule", r.rule}, {"span", r.span}});
        direction_misses.push_back({{"id", label->id}, {"source", label->source},
                                    {"label", std::string(evidex::to_string(label->direction))},
                                    {"predicted", std::string(evidex::to_string(p.direction))}, {"reasons", reasons}});
    }
    return {{"name", run.name},
            {"title", run.title},
            {"records", run.design.total},
            {"design", tally_json(run.design)},
            {"blinding", tally_json(run.blinding)},
            {"blinding_trials", tally_json(run.trial_blinding)},
            {"n_exact", tally_json(run.n)},
            {"n_given_without_label", run.n_invented},
            {"direction", tally_json(run.direction)},
            {"direction_stated", tally_json(run.stated_direction)},
            {"confusion", {{"designs", ids}, {"rows_label_columns_predicted", matrix}}},
            {"design_misses", misses},
            {"direction_misses", direction_misses}};
}

void write_json(const fs::path& path, const fs::path& labels, const std::vector<RunScore>& runs) {
    nlohmann::json doc{{"labels", labels.string()}, {"runs", nlohmann::json::array()}};
    for (const auto& run : runs) doc["runs"].push_back(run_json(run));
    std::ofstream out(path);
    out << doc.dump(2) << "\n";
    if (!out) fail(path.string() + ": cannot write");
}

void print_usage(std::ostream& out) {
    out << "usage: " << program << " [--labels FILE] [--json FILE] [--misses FIELDS]\n"
        << "  --labels FILE    the labelled set (default: tests/data/eval/labels.tsv in the source tree)\n"
        << "  --json FILE      also write the figures as JSON to FILE\n"
        << "  --misses FIELDS  the misses to list: design (the default), direction, design,direction\n"
        << "                   or none; a direction miss shows each deciding rule and its sentence\n"
        << "  -h, --help       show this help\n"
        << "../shared is found beside the source tree, or at $EVIDEX_SHARED_DIR.\n";
}

// Returns the exit code to stop with, or nullopt to run.
std::optional<int> parse_options(int argc, char** argv, Options& options) {
    options.labels = source_dir() / "tests" / "data" / "eval" / "labels.tsv";
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            print_usage(std::cout);
            return 0;
        }
        if (arg == "--misses" && i + 1 < argc) {
            const std::string_view fields = argv[++i];
            options.design_misses = fields == "design" || fields == "design,direction" || fields == "direction,design";
            options.direction_misses = fields == "direction" || fields == "design,direction" || fields == "direction,design";
            if (options.design_misses || options.direction_misses || fields == "none") continue;
            std::cerr << program << ": error: --misses takes design, direction, design,direction or none\n";
            return static_cast<int>(evidex::ExitCode::usage);
        }
        const bool takes_value = arg == "--labels" || arg == "--json" || arg == "--misses";
        if (takes_value && i + 1 < argc) {
            (arg == "--labels" ? options.labels : options.json_out) = argv[++i];
            continue;
        }
        std::cerr << program << ": error: "
                  << (takes_value ? "option '" + std::string(arg) + "' needs a value"
                                  : "unknown argument '" + std::string(arg) + "'")
                  << "\n";
        print_usage(std::cerr);
        return static_cast<int>(evidex::ExitCode::usage);
    }
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    Options options;
    if (const auto code = parse_options(argc, argv, options)) return *code;
    if (!fs::is_directory(shared_dir() / "fixtures")) {
        std::cerr << program << ": skipped: " << shared_dir().string() << " is absent (set EVIDEX_SHARED_DIR)\n";
        return exit_skipped;
    }
    try {
        const auto labels = load_labels(options.labels);
        const auto records = find_records(labels, options.labels);
        const auto rules = evidex::load_classification_rules(source_dir() / "schemas");
        const std::vector<RunScore> runs{
            score_run("full", "with publication types and MeSH", labels, records, rules, false),
            score_run("text-only", "title and abstract only (publication types and MeSH hidden)", labels, records,
                      rules, true),
        };
        std::cout << program << ": " << labels.size() << " labelled records from " << options.labels.string()
                  << "\n\n";
        for (const auto& run : runs) print_run(std::cout, run, options);
        if (!options.json_out.empty()) write_json(options.json_out, options.labels, runs);
        return 0;
    } catch (const evidex::FatalError& e) {
        std::cerr << program << ": error: " << e.what() << "\n";
        return static_cast<int>(e.code());
    }
}
