// Text for Markdown reports (audit, map): escaping, so record and page text never turns into
// markup, and cutting long text to a length.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace evidex::markdown {

// Markdown's specials (\ ` * _ [ ] < > | #) escaped with a backslash; line breaks and tabs as
// spaces, so the text stays on its line and in its table cell.
std::string escape(std::string_view text);

// The first `max` bytes of `text`, never splitting a UTF-8 sequence, ending in "…" when cut.
std::string cut(const std::string& text, std::size_t max);

}  // namespace evidex::markdown
