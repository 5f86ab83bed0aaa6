#include "query/markdown_text.h"

namespace evidex::markdown {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>': case '|': case '#':
                out += '\\';
                out += c;
                break;
            case '\n': case '\r': case '\t':
                out += ' ';
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string cut(const std::string& text, std::size_t max) {
    if (text.size() <= max) return text;
    std::size_t at = max;
    while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
    return text.substr(0, at) + "\xE2\x80\xA6";
}

}  // namespace evidex::markdown
