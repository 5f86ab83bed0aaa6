#include "core/crossref_latex.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/crossref_markup.h"
#include "core/text.h"

namespace evidex {

namespace {

struct AccentedLetter {
    char accent;  // the LaTeX accent command: ' ` ^ " ~ = . u v H r c k
    char base;
    char32_t letter;
};

// Precomposed letters for the accents BibTeX files use; anything else falls back to the base
// letter followed by a combining mark.
constexpr auto accented_letters = std::to_array<AccentedLetter>({
    {'\'', 'a', 0xE1}, {'\'', 'e', 0xE9}, {'\'', 'i', 0xED}, {'\'', 'o', 0xF3}, {'\'', 'u', 0xFA},
    {'\'', 'y', 0xFD}, {'\'', 'A', 0xC1}, {'\'', 'E', 0xC9}, {'\'', 'I', 0xCD}, {'\'', 'O', 0xD3},
    {'\'', 'U', 0xDA}, {'\'', 'Y', 0xDD}, {'\'', 'c', 0x107}, {'\'', 'C', 0x106}, {'\'', 'n', 0x144},
    {'\'', 'N', 0x143}, {'\'', 's', 0x15B}, {'\'', 'S', 0x15A}, {'\'', 'z', 0x17A}, {'\'', 'Z', 0x179},
    {'`', 'a', 0xE0},  {'`', 'e', 0xE8},  {'`', 'i', 0xEC},  {'`', 'o', 0xF2},  {'`', 'u', 0xF9},
    {'`', 'A', 0xC0},  {'`', 'E', 0xC8},  {'`', 'I', 0xCC},  {'`', 'O', 0xD2},  {'`', 'U', 0xD9},
    {'^', 'a', 0xE2},  {'^', 'e', 0xEA},  {'^', 'i', 0xEE},  {'^', 'o', 0xF4},  {'^', 'u', 0xFB},
    {'^', 'A', 0xC2},  {'^', 'E', 0xCA},  {'^', 'I', 0xCE},  {'^', 'O', 0xD4},  {'^', 'U', 0xDB},
    {'"', 'a', 0xE4},  {'"', 'e', 0xEB},  {'"', 'i', 0xEF},  {'"', 'o', 0xF6},  {'"', 'u', 0xFC},
    {'"', 'y', 0xFF},  {'"', 'A', 0xC4},  {'"', 'E', 0xCB},  {'"', 'I', 0xCF},  {'"', 'O', 0xD6},
    {'"', 'U', 0xDC},  {'~', 'a', 0xE3},  {'~', 'n', 0xF1},  {'~', 'o', 0xF5},  {'~', 'A', 0xC3},
    {'~', 'N', 0xD1},  {'~', 'O', 0xD5},  {'c', 'c', 0xE7},  {'c', 'C', 0xC7},  {'c', 's', 0x15F},
    {'c', 'S', 0x15E}, {'v', 'c', 0x10D}, {'v', 'C', 0x10C}, {'v', 's', 0x161}, {'v', 'S', 0x160},
    {'v', 'z', 0x17E}, {'v', 'Z', 0x17D}, {'v', 'r', 0x159}, {'v', 'R', 0x158}, {'v', 'e', 0x11B},
    {'v', 'E', 0x11A}, {'v', 'n', 0x148}, {'v', 'N', 0x147}, {'r', 'a', 0xE5},  {'r', 'A', 0xC5},
    {'r', 'u', 0x16F}, {'=', 'a', 0x101}, {'=', 'e', 0x113}, {'=', 'i', 0x12B}, {'=', 'o', 0x14D},
    {'=', 'u', 0x16B}, {'u', 'a', 0x103}, {'u', 'g', 0x11F}, {'H', 'o', 0x151}, {'H', 'u', 0x171},
    {'H', 'O', 0x150}, {'H', 'U', 0x170}, {'.', 'z', 0x17C}, {'.', 'Z', 0x17B}, {'.', 'I', 0x130},
    {'k', 'a', 0x105}, {'k', 'e', 0x119},
});

struct CombiningMark {
    char accent;
    char32_t mark;
};

constexpr auto combining_marks = std::to_array<CombiningMark>({
    {'`', 0x300}, {'\'', 0x301}, {'^', 0x302}, {'~', 0x303}, {'=', 0x304}, {'u', 0x306}, {'.', 0x307},
    {'"', 0x308}, {'r', 0x30A}, {'H', 0x30B}, {'v', 0x30C}, {'c', 0x327}, {'k', 0x328},
});

struct Symbol {
    std::string_view command;
    char32_t code_point;
};

// Control words that stand for one character.
constexpr auto symbols = std::to_array<Symbol>({
    {"ss", 0xDF},      {"o", 0xF8},       {"O", 0xD8},        {"l", 0x142},       {"L", 0x141},
    {"aa", 0xE5},      {"AA", 0xC5},      {"ae", 0xE6},       {"AE", 0xC6},       {"oe", 0x153},
    {"OE", 0x152},     {"i", 0x131},      {"j", 0x237},       {"alpha", 0x3B1},   {"beta", 0x3B2},
    {"gamma", 0x3B3},  {"delta", 0x3B4},  {"epsilon", 0x3B5}, {"kappa", 0x3BA},   {"lambda", 0x3BB},
    {"mu", 0x3BC},     {"pi", 0x3C0},     {"sigma", 0x3C3},   {"tau", 0x3C4},     {"omega", 0x3C9},
    {"Delta", 0x394},  {"pm", 0xB1},      {"times", 0xD7},    {"textendash", 0x2013},
    {"textemdash", 0x2014}, {"textquoteright", 0x2019}, {"textquoteleft", 0x2018}, {"textregistered", 0xAE},
    {"textdegree", 0xB0},   {"deg", 0xB0},  {"S", 0xA7},      {"P", 0xB6},
});

bool is_accent_command(std::string_view name) {
    if (name.size() != 1) return false;
    return std::any_of(combining_marks.begin(), combining_marks.end(),
                       [&](const CombiningMark& m) { return m.accent == name[0]; });
}

void append_accented(std::string& out, char accent, std::string_view base) {
    if (base.empty()) return;  // "\'{}": nothing to put the accent on
    // "\i" and "\j" are the dotless letters that carry accents in old files: {\'\i} -> í.
    char letter = base.front();
    if (base == "\\i") letter = 'i';
    if (base == "\\j") letter = 'j';
    for (const auto& entry : accented_letters) {
        if (entry.accent == accent && entry.base == letter) {
            append_utf8(out, entry.letter);
            return;
        }
    }
    out.push_back(letter);
    for (const auto& mark : combining_marks)
        if (mark.accent == accent) append_utf8(out, mark.mark);
}

// The argument of an accent at `i`: "{e}", "e", "{\i}", "\i"; advances `i` past it.
std::string_view accent_argument(std::string_view s, std::size_t& i) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) return {};
    if (s[i] == '{') {
        const auto close = s.find('}', i);
        if (close == std::string_view::npos) return {};
        const std::string_view argument = trim(s.substr(i + 1, close - i - 1));
        i = close + 1;
        return argument;
    }
    if (s[i] == '\\' && i + 1 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 1]))) {
        const std::string_view argument = s.substr(i, 2);
        i += 2;
        return argument;
    }
    return s.substr(i++, 1);
}

bool is_escaped_punctuation(char c) {
    return c == '&' || c == '%' || c == '$' || c == '#' || c == '_' || c == '{' || c == '}';
}

}  // namespace

std::string latex_to_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '\\' && i + 1 < s.size()) {
            const char next = s[i + 1];
            if (is_escaped_punctuation(next)) {
                out.push_back(next);
                i += 2;
                continue;
            }
            if (next == '\\' || next == ' ' || next == '\n') {  // a forced line break, a control space
                out.push_back(' ');
                i += 2;
                continue;
            }
            std::size_t end = i + 1;
            if (std::isalpha(static_cast<unsigned char>(next))) {
                while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
            } else {
                ++end;  // a control symbol: \' \" \^ ...
            }
            const std::string_view name = s.substr(i + 1, end - i - 1);
            i = end;
            if (is_accent_command(name)) {
                append_accented(out, name[0], accent_argument(s, i));
                continue;
            }
            const auto symbol = std::find_if(symbols.begin(), symbols.end(),
                                             [&](const Symbol& entry) { return entry.command == name; });
            if (symbol != symbols.end()) append_utf8(out, symbol->code_point);
            // TeX swallows the spaces after a control word ("Stra\ss e"); an unknown command
            // (\emph, \textit) is dropped and its braced argument read as text.
            if (std::isalpha(static_cast<unsigned char>(name.front())))
                while (i < s.size() && s[i] == ' ' && symbol != symbols.end()) ++i;
            continue;
        }
        if (c == '{' || c == '}' || c == '$') {
            ++i;
        } else if (c == '~') {
            out.push_back(' ');
            ++i;
        } else if (s.compare(i, 3, "---") == 0) {
            append_utf8(out, 0x2014);
            i += 3;
        } else if (s.compare(i, 2, "--") == 0) {
            append_utf8(out, 0x2013);
            i += 2;
        } else {
            out.push_back(c);
            ++i;
        }
    }
    return collapse_whitespace(out);
}

std::string latex_to_identifier(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && is_escaped_punctuation(s[i + 1])) {
            out.push_back(s[++i]);
        } else if (s[i] != '{' && s[i] != '}') {
            out.push_back(s[i]);
        }
    }
    return std::string(trim(out));
}

}  // namespace evidex
