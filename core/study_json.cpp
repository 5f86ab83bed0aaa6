#include "core/study_json.h"

namespace evidex {

using nlohmann::json;

namespace {

json string_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string string_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::vector<std::string> strings_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::vector<std::string>() : it->get<std::vector<std::string>>();
}

std::optional<int> int_at(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<int>();
}

bool bool_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && !it->is_null() && it->get<bool>();
}

const json& array_at(const json& j, const char* key) {
    static const json empty = json::array();
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? empty : *it;
}

json author_to_json(const Author& a) {
    return {{"name", a.display()},      {"family", string_or_null(a.family)},
            {"given", string_or_null(a.given)}, {"initials", string_or_null(a.initials)},
            {"suffix", string_or_null(a.suffix)}, {"collective", string_or_null(a.collective)},
            {"orcid", string_or_null(a.orcid)}};
}

json intervention_to_json(const Intervention& i) {
    if (i.empty()) return nullptr;
    return {{"substance", i.substance}, {"form", string_or_null(i.form)}, {"route", string_or_null(i.route)},
            {"daily_dose_mg", i.daily_dose_mg ? json(*i.daily_dose_mg) : json(nullptr)}, {"span", string_or_null(i.span)}};
}

}  // namespace

json study_to_json(const Study& s) {
    json abstract = json::array();
    for (const auto& section : s.abstract) {
        json j{{"label", string_or_null(section.label)}, {"text", section.text}};
        if (!section.nlm_category.empty()) j["nlm_category"] = section.nlm_category;
        abstract.push_back(std::move(j));
    }
    json authors = json::array();
    for (const auto& a : s.authors) authors.push_back(author_to_json(a));
    json mesh = json::array();
    for (const auto& m : s.mesh)
        mesh.push_back({{"descriptor", m.descriptor}, {"ui", string_or_null(m.ui)}, {"major", m.major},
                        {"qualifiers", m.qualifiers}});
    json notices = json::array();
    for (const auto& n : s.notices)
        notices.push_back({{"kind", n.kind}, {"pmid", string_or_null(n.pmid)}, {"doi", string_or_null(n.doi)},
                           {"note", string_or_null(n.note)}});
    json reasons = json::array();
    for (const auto& r : s.reasons) reasons.push_back({{"field", r.field}, {"rule", r.rule}, {"span", r.span}});

    // Key order is fixed by nlohmann's sorted object: output is byte-identical for the same record.
    return {
        {"pmid", string_or_null(s.pmid)},
        {"doi", string_or_null(s.doi)},
        {"pmcid", string_or_null(s.pmcid)},
        {"title", s.title},
        {"abstract", std::move(abstract)},
        {"authors", std::move(authors)},
        {"journal", string_or_null(s.journal)},
        {"journal_abbrev", string_or_null(s.journal_abbrev)},
        {"volume", string_or_null(s.volume)},
        {"issue", string_or_null(s.issue)},
        {"pages", string_or_null(s.pages)},
        {"year", s.year ? json(*s.year) : json(nullptr)},
        {"publication_types", s.publication_types},
        {"mesh", std::move(mesh)},
        {"keywords", s.keywords},
        {"language", string_or_null(s.language)},
        {"notices", std::move(notices)},
        {"retracted", s.retracted},
        {"is_notice", s.is_notice},
        {"book", s.book},
        {"source", std::string(to_string(s.source))},
        {"design", std::string(to_string(s.design))},
        {"blinding", std::string(to_string(s.blinding))},
        {"level", s.level()},
        {"n", s.n ? json(*s.n) : json(nullptr)},
        {"population", s.population},
        {"placebo", s.placebo},
        {"pilot", s.pilot},
        {"crossover", s.crossover},
        {"n_studies", s.n_studies ? json(*s.n_studies) : json(nullptr)},
        {"duration", string_or_null(s.duration)},
        {"intervention", intervention_to_json(s.intervention)},
        {"conditions", s.conditions},
        {"result_direction", std::string(to_string(s.result_direction))},
        {"flags", s.flags},
        {"reasons", std::move(reasons)},
    };
}

Study study_from_json(const json& j) {
    Study s;
    s.pmid = string_at(j, "pmid");
    s.doi = string_at(j, "doi");
    s.pmcid = string_at(j, "pmcid");
    s.title = string_at(j, "title");
    for (const auto& section : array_at(j, "abstract"))
        s.abstract.push_back({string_at(section, "label"), string_at(section, "nlm_category"), string_at(section, "text")});
    for (const auto& a : array_at(j, "authors"))
        s.authors.push_back({string_at(a, "family"), string_at(a, "given"), string_at(a, "initials"),
                             string_at(a, "suffix"), string_at(a, "collective"), string_at(a, "orcid")});
    s.journal = string_at(j, "journal");
    s.journal_abbrev = string_at(j, "journal_abbrev");
    s.volume = string_at(j, "volume");
    s.issue = string_at(j, "issue");
    s.pages = string_at(j, "pages");
    s.year = int_at(j, "year");
    s.publication_types = strings_at(j, "publication_types");
    for (const auto& m : array_at(j, "mesh"))
        s.mesh.push_back({string_at(m, "descriptor"), string_at(m, "ui"), bool_at(m, "major"), strings_at(m, "qualifiers")});
    s.keywords = strings_at(j, "keywords");
    s.language = string_at(j, "language");
    for (const auto& n : array_at(j, "notices"))
        s.notices.push_back({string_at(n, "kind"), string_at(n, "pmid"), string_at(n, "doi"), string_at(n, "note")});
    s.retracted = bool_at(j, "retracted");
    s.is_notice = bool_at(j, "is_notice");
    s.book = bool_at(j, "book");
    s.source = parse_source(string_at(j, "source")).value_or(Source::pubmed);
    s.design = parse_design(string_at(j, "design")).value_or(Design::other);
    s.blinding = parse_blinding(string_at(j, "blinding")).value_or(Blinding::unknown);
    s.n = int_at(j, "n");
    s.population = strings_at(j, "population");
    s.placebo = bool_at(j, "placebo");
    s.pilot = bool_at(j, "pilot");
    s.crossover = bool_at(j, "crossover");
    s.n_studies = int_at(j, "n_studies");
    s.duration = string_at(j, "duration");
    if (const auto it = j.find("intervention"); it != j.end() && it->is_object()) {
        s.intervention.substance = string_at(*it, "substance");
        s.intervention.form = string_at(*it, "form");
        s.intervention.route = string_at(*it, "route");
        if (const auto dose = it->find("daily_dose_mg"); dose != it->end() && !dose->is_null())
            s.intervention.daily_dose_mg = dose->get<double>();
        s.intervention.span = string_at(*it, "span");
    }
    s.conditions = strings_at(j, "conditions");
    s.result_direction = parse_result_direction(string_at(j, "result_direction")).value_or(ResultDirection::unclear);
    s.flags = strings_at(j, "flags");
    for (const auto& r : array_at(j, "reasons"))
        s.reasons.push_back({string_at(r, "field"), string_at(r, "rule"), string_at(r, "span")});
    return s;
}

}  // namespace evidex
