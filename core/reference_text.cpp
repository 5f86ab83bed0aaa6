#include "core/reference_text.h"

#include <algorithm>
#include <array>

#include "core/ids.h"
#include "core/text.h"

namespace evidex::reference_text {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Strips what prose puts around an identifier: "(10.1000/xyz)." -> "10.1000/xyz". A closing
// bracket stays when the identifier opened it ("10.1016/s1262-3636(07)70116-7").
std::string_view trim_identifier(std::string_view s) {
    for (;;) {
        if (!s.empty() && std::string_view("([<\"'").find(s.front()) != std::string_view::npos) s.remove_prefix(1);
        else if (starts_with(s, "\xE2\x80\x9C") || starts_with(s, "\xE2\x80\x98")) s.remove_prefix(3);
        else break;
    }
    for (;;) {
        if (s.empty()) break;
        const char c = s.back();
        if (std::string_view(".,;:\"'>").find(c) != std::string_view::npos) {
            s.remove_suffix(1);
        } else if (c == ')' || c == ']') {
            const char open = c == ')' ? '(' : '[';
            const auto opened = std::count(s.begin(), s.end(), open);
            const auto closed = std::count(s.begin(), s.end(), c);
            if (closed <= opened) break;
            s.remove_suffix(1);
        } else if (ends_with(s, "\xE2\x80\x9D") || ends_with(s, "\xE2\x80\x99")) {
            s.remove_suffix(3);
        } else {
            break;
        }
    }
    return s;
}

// A token cut off by the page ("doi:10.1016/j.me…") names no work: better none than a wrong one.
bool truncated(std::string_view token) { return ends_with(token, "...") || ends_with(token, "\xE2\x80\xA6"); }

std::string leading_digits(std::string_view s) {
    std::size_t n = 0;
    while (n < s.size() && is_digit(s[n])) ++n;
    return std::string(s.substr(0, n));
}

// "Ods.od.nih.gov", "www.ninds.nih.gov/rls": a host whose last label is a common top-level domain.
bool domain_like(std::string_view token) {
    const std::string host = ascii_lower(token.substr(0, token.find('/')));
    static constexpr std::array<std::string_view, 16> tlds{"com", "org", "gov", "edu", "net", "int", "info", "io",
                                                           "uk",  "ca",  "au",  "de",  "fr",  "nl",  "eu",  "us"};
    const auto parts = split(host, '.');
    if (parts.size() < 2) return false;
    for (const auto part : parts) {
        if (part.empty()) return false;
        for (const char c : part)
            if (!is_alnum(c) && c != '-') return false;
    }
    if (!is_alpha(host.front())) return false;
    return std::find(tlds.begin(), tlds.end(), parts.back()) != tlds.end();
}

struct Token {
    std::string_view text;
    bool identifier = false;
};

std::vector<Token> tokens_of(std::string_view s) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(s[i])) ++i;
        const std::size_t begin = i;
        while (i < s.size() && !is_space(s[i])) ++i;
        if (i > begin) tokens.push_back({s.substr(begin, i - begin)});
    }
    return tokens;
}

class IdentifierScan {
public:
    explicit IdentifierScan(EntryIdentifiers& ids) : ids_(ids) {}

    // The token being read was cut off by the page: it names no identifier.
    void cut_off(bool cut) { cut_ = cut; }

    void doi(std::string_view token) {
        if (!ids_.doi.empty() || cut_) return;
        if (auto doi = normalize_doi(trim_identifier(token))) ids_.doi = std::move(*doi);
    }
    void pmid(std::string_view token) {
        if (!ids_.pmid.empty() || cut_) return;
        if (auto pmid = normalize_pmid(trim_identifier(token))) ids_.pmid = std::move(*pmid);
    }
    void pmcid(std::string_view token) {
        if (!ids_.pmcid.empty() || cut_) return;
        if (auto pmcid = normalize_pmcid(trim_identifier(token))) ids_.pmcid = std::move(*pmcid);
    }
    // A URL is a DOI, a PubMed or PMC record, or else the entry's first other link.
    void url(std::string_view token) {
        const std::string_view u = trim_identifier(token);
        const std::string low = ascii_lower(u);
        std::string_view rest = low;
        for (const std::string_view prefix : {"https://", "http://", "www."})
            if (starts_with(rest, prefix)) rest.remove_prefix(prefix.size());
        if (starts_with(rest, "www.")) rest.remove_prefix(4);
        if (starts_with(rest, "doi.org/") || starts_with(rest, "dx.doi.org/")) return doi(u.substr(u.size() - rest.size() + rest.find('/') + 1));
        for (const std::string_view pubmed : {"pubmed.ncbi.nlm.nih.gov/", "ncbi.nlm.nih.gov/pubmed/"})
            if (starts_with(rest, pubmed)) return pmid(leading_digits(rest.substr(pubmed.size())));
        for (const std::string_view pmc : {"ncbi.nlm.nih.gov/pmc/articles/", "pmc.ncbi.nlm.nih.gov/articles/"})
            if (starts_with(rest, pmc)) return pmcid(rest.substr(pmc.size(), rest.find('/', pmc.size()) - pmc.size()));
        if (ids_.url.empty() && !cut_) ids_.url = std::string(u);
    }
    void domain(std::string_view token) {
        if (!ids_.url.empty() || cut_) return;
        ids_.url = std::string(trim_identifier(token));
        ids_.domain_only = true;
    }

private:
    EntryIdentifiers& ids_;
    bool cut_ = false;
};

// The capital at `i` stands alone and follows a comma, a period, a hyphen or the start.
bool lone_initial(std::string_view s, std::size_t i) {
    if (i == 0) return true;
    if (s[i - 1] == '.' || s[i - 1] == '-') return true;
    if (s[i - 1] != ' ') return false;
    return i == 1 || s[i - 2] == ',' || s[i - 2] == '.' || s[i - 2] == '&';
}

// "pp. 45-52", "Vol. 9", "vs. placebo": a period that ends an abbreviation, not a sentence. Case
// matters: "Brambilla P." ends an author list.
bool abbreviation_before(std::string_view s, std::size_t dot) {
    static constexpr std::array<std::string_view, 16> abbreviations{
        "pp", "p", "vol", "Vol", "no", "No", "vs", "ed", "eds", "Ed", "Eds", "suppl", "Suppl", "pt", "fig", "Fig"};
    std::size_t start = dot;
    while (start > 0 && is_alpha(s[start - 1])) --start;
    if (start > 0 && !is_space(s[start - 1]) && s[start - 1] != '(') return false;
    const auto word = s.substr(start, dot - start);
    return std::find(abbreviations.begin(), abbreviations.end(), word) != abbreviations.end();
}

}  // namespace

bool contains_any(std::string_view low, std::initializer_list<std::string_view> cues) {
    return std::any_of(cues.begin(), cues.end(), [&](std::string_view c) { return low.find(c) != std::string_view::npos; });
}

std::string_view trim_end_marks(std::string_view s) {
    s = trim(s);
    while (!s.empty() && std::string_view(".,;:").find(s.back()) != std::string_view::npos) s = trim(s.substr(0, s.size() - 1));
    return s;
}

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> words;
    for (const auto w : split(s, ' '))
        if (!w.empty()) words.push_back(w);
    return words;
}

int year_at(std::string_view s, std::size_t pos) {
    if (pos + 4 > s.size() || (pos > 0 && is_alnum(s[pos - 1])) || (pos + 4 < s.size() && is_digit(s[pos + 4])))
        return 0;
    int year = 0;
    for (std::size_t k = pos; k < pos + 4; ++k) {
        if (!is_digit(s[k])) return 0;
        year = year * 10 + (s[k] - '0');
    }
    return plausible_year(year) ? year : 0;
}

std::vector<std::string_view> split_segments(std::string_view s) {
    std::vector<std::string_view> segments;
    std::size_t begin = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (c != '.' && c != '?' && c != '!') continue;
        if (i + 1 < s.size() && !is_space(s[i + 1])) continue;
        // "Smith, J. A.", "J.-P.", "Am. J. Clin.": a lone capital after a comma, a period or a hyphen
        // is an initial. After a word it ends a Vancouver author list ("Dye L. The Effects").
        if (c == '.' && i >= 1 && is_upper(s[i - 1]) && lone_initial(s, i - 1)) continue;
        if (c == '.' && abbreviation_before(s, i)) continue;
        const auto piece = trim(s.substr(begin, i + 1 - begin));
        if (!piece.empty() && piece != ".") segments.push_back(piece);
        begin = i + 1;
    }
    const auto piece = trim(s.substr(std::min(begin, s.size())));
    if (!piece.empty()) segments.push_back(piece);
    return segments;
}

EntryIdentifiers extract_identifiers(std::string_view text) {
    EntryIdentifiers ids;
    IdentifierScan scan(ids);
    auto tokens = tokens_of(text);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const std::string_view token = tokens[i].text;
        const std::string low = ascii_lower(token);
        const std::string_view bare = trim_identifier(low);
        // A label alone ("doi:", "PMID:") takes the next token as its value.
        const bool label_alone = bare == "doi" || bare == "pmid" || bare == "pmcid";
        if (label_alone && i + 1 < tokens.size() && (low.back() == ':' || bare == "pmid" || bare == "pmcid")) {
            const std::string_view value = tokens[i + 1].text;
            scan.cut_off(truncated(value));
            if (bare == "doi") scan.doi(value);
            else if (bare == "pmid") scan.pmid(value);
            else scan.pmcid(value);
            tokens[i].identifier = tokens[i + 1].identifier = true;
            ++i;
            continue;
        }
        bool identifier = true;
        scan.cut_off(truncated(token));
        if (starts_with(bare, "doi:")) scan.doi(trim_identifier(token).substr(4));
        else if (starts_with(bare, "pmid:")) scan.pmid(trim_identifier(token).substr(5));
        else if (starts_with(bare, "pmcid:")) scan.pmcid(trim_identifier(token).substr(6));
        else if (starts_with(bare, "pmc") && bare.size() > 3 && is_digit(bare[3])) scan.pmcid(token);
        else if (starts_with(bare, "http://") || starts_with(bare, "https://") || starts_with(bare, "www.") ||
                 starts_with(bare, "doi.org/") || starts_with(bare, "dx.doi.org/"))
            scan.url(token);
        else if (starts_with(bare, "10.") && bare.find('/') != std::string_view::npos) scan.doi(token);
        else if (domain_like(trim_identifier(token))) scan.domain(token);
        else identifier = false;
        tokens[i].identifier = identifier;
    }
    for (const auto& token : tokens) {
        if (token.identifier) continue;
        if (!ids.rest.empty()) ids.rest.push_back(' ');
        ids.rest.append(token.text);
    }
    return ids;
}

// Cuts "Accessed February 23, 2021.", "Retrieved from", "[cited ...]", "Available from:" off the
// end; the first three say the entry is a web page read on that date.
std::string_view cut_access_note(std::string_view bib, bool& accessed, int& access_year) {
    struct Cue {
        std::string_view text;
        bool access;
    };
    static constexpr std::array<Cue, 5> cues{{{"accessed ", true},
                                              {"retrieved ", true},
                                              {"[cited", true},
                                              {"available from", false},
                                              {"available at", false}}};
    const std::string low = ascii_lower(bib);
    std::size_t cut = std::string_view::npos;
    for (const auto& cue : cues) {
        for (auto p = low.find(cue.text); p != std::string::npos; p = low.find(cue.text, p + 1)) {
            if (p > 0 && low[p - 1] != ' ' && low[p - 1] != '.') continue;
            cut = std::min(cut, p);
            accessed = accessed || cue.access;
            if (cue.access)
                for (std::size_t i = p; i + 4 <= bib.size() && !access_year; ++i) access_year = year_at(bib, i);
            break;
        }
    }
    return cut == std::string_view::npos ? bib : bib.substr(0, cut);
}


// Drops notes such as "[published online ahead of print, 2020 Jul 11]" and "[Epub ahead of print]".
std::string drop_print_notes(std::string_view s) {
    std::string out(s);
    std::size_t from = 0;
    for (;;) {
        const auto open = out.find('[', from);
        const auto close = open == std::string::npos ? open : out.find(']', open);
        if (close == std::string::npos) break;
        const std::string note = ascii_lower(std::string_view(out).substr(open, close - open));
        const bool print_note = contains_any(note, {"publish", "epub", "print", "internet", "in press"});
        if (print_note) out.erase(open, close + 1 - open);
        from = print_note ? open : open + 1;
    }
    return collapse_whitespace(out);
}

}  // namespace evidex::reference_text
