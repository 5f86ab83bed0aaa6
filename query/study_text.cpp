#include "query/study_text.h"

#include <sstream>

namespace evidex {

namespace {

constexpr std::size_t wrap_width = 78;

std::string join(const std::vector<std::string>& items, const char* sep = "; ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += sep;
        out += item;
    }
    return out;
}

void field(std::ostringstream& out, const char* name, const std::string& value) {
    if (value.empty()) return;
    out << name << ':' << std::string(18 - std::string(name).size(), ' ') << value << '\n';
}

// Greedy word wrap with a hanging indent.
void wrapped(std::ostringstream& out, const std::string& text, const std::string& indent) {
    std::istringstream words(text);
    std::string word;
    std::size_t column = 0;
    while (words >> word) {
        if (column > 0 && column + 1 + word.size() > wrap_width) {
            out << '\n';
            column = 0;
        }
        if (column == 0) {
            out << indent;
            column = indent.size();
        } else {
            out << ' ';
            ++column;
        }
        out << word;
        column += word.size();
    }
    if (column > 0) out << '\n';
}

}  // namespace

std::string write_study_text(const Study& s) {
    std::ostringstream out;
    out << s.title << '\n' << std::string(std::min<std::size_t>(s.title.size(), wrap_width), '=') << '\n';
    field(out, "PMID", s.pmid);
    field(out, "DOI", s.doi);
    field(out, "PMCID", s.pmcid);
    std::vector<std::string> authors;
    for (const auto& a : s.authors) authors.push_back(a.display());
    field(out, "Authors", join(authors, ", "));
    std::string citation = s.journal;
    if (s.year) citation += (citation.empty() ? "" : " ") + std::to_string(*s.year);
    if (!s.volume.empty()) citation += ";" + s.volume;
    if (!s.issue.empty()) citation += "(" + s.issue + ")";
    if (!s.pages.empty()) citation += ":" + s.pages;
    field(out, "Journal", citation);
    field(out, "Publication types", join(s.publication_types));
    std::vector<std::string> mesh;
    for (const auto& m : s.mesh) mesh.push_back(m.major ? m.descriptor + "*" : m.descriptor);
    field(out, "MeSH", join(mesh));
    field(out, "Language", s.language);
    field(out, "Source", std::string(to_string(s.source)));
    std::string design(to_string(s.design));
    std::vector<std::string> traits;
    if (s.blinding != Blinding::unknown)
        traits.push_back(s.blinding == Blinding::open ? "open-label" : std::string(to_string(s.blinding)) + "-blind");
    if (s.placebo) traits.emplace_back("placebo-controlled");
    if (s.crossover) traits.emplace_back("crossover");
    if (s.pilot) traits.emplace_back("pilot");
    if (!traits.empty()) design += " (" + join(traits, ", ") + ")";
    field(out, "Design", design);
    field(out, "Evidence level", std::to_string(s.level()));
    if (s.n) field(out, "Participants", std::to_string(*s.n));
    field(out, "Population", join(s.population));
    if (!s.intervention.empty()) {
        std::string what = s.intervention.substance;
        if (!s.intervention.form.empty()) what += " (" + s.intervention.form + ")";
        if (!s.intervention.route.empty()) what += ", " + s.intervention.route;
        if (s.intervention.daily_dose_mg) {
            std::ostringstream dose;
            dose.precision(*s.intervention.daily_dose_mg >= 100 ? 0 : 2);
            dose << std::fixed << *s.intervention.daily_dose_mg;
            what += ", " + dose.str() + " mg/day";
        }
        field(out, "Intervention", what);
    }
    if (s.n_studies) field(out, "Studies pooled", std::to_string(*s.n_studies));
    field(out, "Duration", s.duration);
    field(out, "Conditions", join(s.conditions));
    field(out, "Result", std::string(to_string(s.result_direction)));
    field(out, "Flags", join(s.flags));
    if (s.retracted) field(out, "Status", "RETRACTED");
    else if (s.is_notice) field(out, "Status", "notice (retraction, erratum or comment), not a study");
    for (const auto& n : s.notices) {
        std::string target = !n.pmid.empty() ? "PMID " + n.pmid : (!n.doi.empty() ? "DOI " + n.doi : n.note);
        field(out, "Notice", n.kind + ": " + target);
    }
    if (!s.abstract.empty()) {
        out << "\nAbstract\n";
        for (const auto& section : s.abstract) {
            if (!section.label.empty()) out << "  " << section.label << '\n';
            wrapped(out, section.text, "    ");
        }
    }
    if (!s.reasons.empty()) {
        out << "\nWhy\n";
        for (const auto& r : s.reasons)
            wrapped(out, r.field + ": rule " + r.rule + (r.span.empty() ? "" : " (" + r.span + ")"), "  ");
    }
    return out.str();
}

}  // namespace evidex
