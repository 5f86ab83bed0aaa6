#include "core/text.h"

#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>

namespace evidex {

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::size_t utf8_sequence_at(std::string_view s, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = at(i);
    if (c < 0x80) return 1;
    std::size_t width = 0;
    unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        width = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        width = 3;
        if (c == 0xE0) low = 0xA0;       // no overlong forms
        if (c == 0xED) high = 0x9F;      // no UTF-16 surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        width = 4;
        if (c == 0xF0) low = 0x90;
        if (c == 0xF4) high = 0x8F;      // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + width > s.size()) return 0;
    if (at(i + 1) < low || at(i + 1) > high) return 0;
    for (std::size_t k = 2; k < width; ++k)
        if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
    return width;
}

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        bool space = is_space(static_cast<char>(c));
        std::size_t width = 1;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            space = true;  // U+00A0 no-break space
            width = 2;
        }
        if (space) {
            pending_space = !out.empty();
            i += width - 1;
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            continue;
        }
        width = utf8_sequence_at(s, i);
        if (width == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD for a byte that starts no valid sequence
            continue;
        }
        out.append(s.substr(i, width));
        i += width - 1;
    }
    return out;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (auto& ch : out) ch = ascii_lower(ch);
    return out;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (ascii_lower(s[i]) != ascii_lower(prefix[i])) return false;
    return true;
}

bool equals_icase(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_icase(a, b); }

int first_year_in(std::string_view s) {
    for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
        const bool boundary_before = i == 0 || !std::isdigit(static_cast<unsigned char>(s[i - 1]));
        const bool boundary_after = i + 4 == s.size() || !std::isdigit(static_cast<unsigned char>(s[i + 4]));
        if (!boundary_before || !boundary_after) continue;
        int year = 0;
        bool digits = true;
        for (std::size_t k = 0; k < 4; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            if (!std::isdigit(c)) {
                digits = false;
                break;
            }
            year = year * 10 + (c - '0');
        }
        if (digits && year >= 1000 && year <= 2999) return year;
    }
    return 0;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (;;) {
        const auto pos = s.find(sep, start);
        if (pos == std::string_view::npos) {
            parts.push_back(s.substr(start));
            return parts;
        }
        parts.push_back(s.substr(start, pos - start));
        start = pos + 1;
    }
}

bool read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (in.bad()) return false;
    out = std::move(buffer).str();
    return true;
}

std::optional<int> parse_int(std::string_view s) {
    int value = 0;
    const char* end = s.data() + s.size();
    const auto [ptr, ec] = std::from_chars(s.data(), end, value);
    if (s.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::string normalise_title(std::string_view title) {
    std::string out;
    bool in_tag = false, gap = false;
    for (const char c : title) {
        if (c == '<') in_tag = true;
        if (in_tag) {
            if (c == '>') in_tag = false;
            continue;
        }
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {
            if (gap && !out.empty()) out.push_back(' ');
            gap = false;
            out.push_back(static_cast<char>(std::tolower(u)));
        } else {
            gap = true;
        }
    }
    return out;
}

std::uint64_t fnv1a(std::string_view s, std::uint64_t offset) {
    std::uint64_t hash = offset;
    for (const unsigned char c : s) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace evidex
