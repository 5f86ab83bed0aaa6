// Author lists as references print them: Vancouver/AMA "de Baaij JH, Hoenderop JG, Bindels
// RJ", APA/Harvard "Caillard, V., & Smith, J. A.", and organisations named in title case.
#include <algorithm>
#include <array>

#include "core/reference_text.h"
#include "core/text.h"

namespace evidex::reference_text {

namespace {

bool is_particle(std::string_view w) {
    static constexpr std::array<std::string_view, 18> particles{"de", "van", "von", "del", "della", "da",  "di",
                                                                "der", "den", "du", "dos", "das", "la",  "le",
                                                                "ten", "ter", "al", "el"};
    return std::find(particles.begin(), particles.end(), w) != particles.end();
}

// "JH", "J.H.", "J-P", "M": a Vancouver or APA name's initials.
bool initials_like(std::string_view w) {
    if (w.empty() || w.size() > 6) return false;
    int letters = 0;
    for (const char c : w) {
        if (is_upper(c)) ++letters;
        else if (c != '.' && c != '-') return false;
    }
    return letters >= 1 && letters <= 4;
}

// "de Baaij JH", "Kabir-Ahmadi M", "Darooghegi Mofrad M" -> the family name; empty otherwise.
std::string vancouver_family(std::string_view part) {
    const auto words = words_of(part);
    if (words.size() < 2 || words.size() > 5 || !initials_like(words.back())) return {};
    std::string family;
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        if (has_digit(words[i]) || !(capitalized(words[i]) || is_particle(words[i]))) return {};
        if (!family.empty()) family.push_back(' ');
        family.append(words[i]);
    }
    return capitalized(words[words.size() - 2]) ? family : std::string();
}

// Removes a final "et al" / "et al." from an author list.
bool strip_et_al(std::string_view& s) {
    s = trim_end_marks(s);
    if (s.size() < 5 || ascii_lower(s.substr(s.size() - 5)) != "et al") return false;
    s = trim_end_marks(s.substr(0, s.size() - 5));
    return true;
}

// The names of a list: split on commas, then on " and " / " & ".
std::vector<std::string_view> name_parts(std::string_view s) {
    std::vector<std::string_view> parts;
    for (auto piece : split(s, ',')) {
        for (;;) {
            piece = trim(piece);
            if (piece.substr(0, 2) == "& ") piece = trim(piece.substr(2));
            if (piece.substr(0, 4) == "and ") piece = trim(piece.substr(4));
            auto cut = piece.find(" & ");
            auto width = std::size_t{3};
            if (const auto a = piece.find(" and "); a < cut) cut = a, width = 5;
            if (cut == std::string_view::npos) break;
            parts.push_back(trim(piece.substr(0, cut)));
            piece = piece.substr(cut + width);
        }
        if (!piece.empty()) parts.push_back(piece);
    }
    return parts;
}

// Every part "Family Initials" (Vancouver/AMA), else empty.
std::vector<std::string> vancouver_authors(std::string_view segment, bool& et_al) {
    std::string_view s = segment;
    const bool more = strip_et_al(s);
    std::vector<std::string> names;
    for (const auto part : name_parts(s)) {
        std::string family = vancouver_family(part);
        if (family.empty()) return {};
        names.push_back(std::move(family));
    }
    if (!names.empty()) et_al = more;
    return names;
}

// "Caillard, V.", "Smith, J. A., & Jones, B.": family names each followed by their initials.
std::vector<std::string> apa_authors(std::string_view segment, bool& et_al) {
    std::string_view s = segment;
    const bool more = strip_et_al(s);
    std::vector<std::string> names;
    bool initials_seen = false;
    for (const auto part : name_parts(s)) {
        const auto words = words_of(part);
        if (words.empty()) continue;
        if (std::all_of(words.begin(), words.end(), initials_like)) {
            initials_seen = true;
            continue;
        }
        if (std::string family = vancouver_family(part); !family.empty()) {
            names.push_back(std::move(family));
            initials_seen = true;
            continue;
        }
        if (words.size() > 4) return {};
        for (const auto w : words)
            if (has_digit(w) || !(capitalized(w) || is_particle(w))) return {};
        names.emplace_back(trim_end_marks(part));
    }
    if (!initials_seen) return {};
    et_al = more;
    return names;
}

// "National Institute of Neurological Disorders and Stroke (NINDS)", "NIH Office of Dietary
// Supplements": title-case words naming a body.
bool organisation_like(std::string_view segment) {
    static constexpr std::array<std::string_view, 26> bodies{
        "institute", "institutes", "center",  "centre",     "organization", "organisation", "association",
        "society",   "agency",     "department", "university", "office",    "foundation",   "council",
        "committee", "ministry",   "administration", "academy", "college",  "collaboration", "consortium",
        "commission", "federation", "network", "nih",          "group"};
    static constexpr std::array<std::string_view, 7> joins{"of", "for", "and", "the", "on", "in", "&"};
    const auto words = words_of(trim_end_marks(segment));
    if (words.size() < 2 || words.size() > 14) return false;
    bool body = false;
    for (const auto w : words) {
        const std::string low = ascii_lower(w);
        if (std::find(joins.begin(), joins.end(), low) != joins.end()) continue;
        if (!capitalized(w) && w.front() != '(') return false;
        std::string bare;
        for (const char c : low)
            if (is_alpha(c)) bare.push_back(c);
        body = body || std::find(bodies.begin(), bodies.end(), bare) != bodies.end();
    }
    return body;
}

}  // namespace

std::vector<std::string> parse_authors(std::string_view segment, bool& et_al, bool allow_body) {
    auto names = vancouver_authors(segment, et_al);
    if (names.empty()) names = apa_authors(segment, et_al);
    if (names.empty() && allow_body && organisation_like(segment)) names.emplace_back(trim_end_marks(segment));
    return names;
}

}  // namespace evidex::reference_text
