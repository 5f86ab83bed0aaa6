#include "core/ids.h"

#include <cctype>

#include "core/text.h"

namespace evidex {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode_once(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            const int hi = hex_value(s[i + 1]);
            const int lo = hex_value(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out.push_back(static_cast<char>(hi * 16 + lo));
                i += 2;
                continue;
            }
        }
        out.push_back(s[i]);
    }
    return out;
}

bool strip_prefix_icase(std::string_view& s, std::string_view prefix) {
    if (!starts_with_icase(s, prefix)) return false;
    s.remove_prefix(prefix.size());
    return true;
}

}  // namespace

std::optional<std::string> normalize_doi(std::string_view text) {
    std::string_view s = trim(text);
    for (std::string_view scheme : {"https://", "http://"}) {
        if (strip_prefix_icase(s, scheme)) {
            for (std::string_view host : {"dx.doi.org/", "doi.org/", "www.doi.org/"})
                if (strip_prefix_icase(s, host)) break;
            break;
        }
    }
    if (strip_prefix_icase(s, "doi:")) s = trim(s);
    else if (strip_prefix_icase(s, "doi ")) s = trim(s);
    std::string doi = ascii_lower(trim(percent_decode_once(s)));
    // Trailing punctuation picked up from prose: "10.1000/xyz." or "(10.1000/xyz)".
    while (!doi.empty() && (doi.back() == '.' || doi.back() == ',' || doi.back() == ';')) doi.pop_back();
    if (doi.size() < 7 || doi.compare(0, 3, "10.") != 0) return std::nullopt;
    const auto slash = doi.find('/');
    if (slash == std::string::npos || slash < 4 || slash + 1 >= doi.size()) return std::nullopt;
    for (std::size_t i = 3; i < slash; ++i)
        if (!std::isdigit(static_cast<unsigned char>(doi[i])) && doi[i] != '.') return std::nullopt;
    for (const char c : doi)
        if (static_cast<unsigned char>(c) <= 0x20) return std::nullopt;
    // Not UTF-8 once decoded ("10.1/a%F5b"): no DOI, and no bytes that cannot be written as JSON.
    for (std::size_t i = 0; i < doi.size();) {
        const std::size_t width = utf8_sequence_at(doi, i);
        if (width == 0) return std::nullopt;
        i += width;
    }
    return doi;
}

std::optional<std::string> normalize_pmid(std::string_view text) {
    std::string_view s = trim(text);
    if (strip_prefix_icase(s, "pmid:") || strip_prefix_icase(s, "pmid")) s = trim(s);
    if (const auto dot = s.find('.'); dot != std::string_view::npos) {
        // Versioned PMID "12345678.2": the version must be digits too.
        const auto version = s.substr(dot + 1);
        if (version.empty()) return std::nullopt;
        for (const char c : version)
            if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        s = s.substr(0, dot);
    }
    if (s.empty() || s.size() > 9 || s.front() == '0') return std::nullopt;
    for (const char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return std::string(s);
}

std::optional<std::string> normalize_pmcid(std::string_view text) {
    std::string_view s = trim(text);
    strip_prefix_icase(s, "pmcid:");
    s = trim(s);
    strip_prefix_icase(s, "pmc");
    if (s.empty() || s.size() > 10 || s.front() == '0') return std::nullopt;
    for (const char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    return "PMC" + std::string(s);
}

std::string normalize_orcid(std::string_view text) {
    std::string_view s = trim(text);
    for (std::string_view prefix : {"https://orcid.org/", "http://orcid.org/", "orcid.org/"}) {
        if (starts_with_icase(s, prefix)) {
            s.remove_prefix(prefix.size());
            break;
        }
    }
    std::string digits;
    for (const char c : s) {
        if (c == '-') continue;
        digits.push_back(c == 'x' ? 'X' : c);
    }
    if (digits.size() != 16) return {};
    for (std::size_t i = 0; i < 16; ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(digits[i])) != 0;
        if (!digit && !(i == 15 && digits[i] == 'X')) return {};
    }
    return digits.substr(0, 4) + '-' + digits.substr(4, 4) + '-' + digits.substr(8, 4) + '-' + digits.substr(12, 4);
}

}  // namespace evidex
