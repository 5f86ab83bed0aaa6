// Private to the Crossref, CSL-JSON, BibTeX and JATS parsers: markup and entities in metadata
// strings, and what to say when a body is not the format that was asked for.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace evidex {

// Appends the UTF-8 encoding of a Unicode code point (invalid code points are dropped).
void append_utf8(std::string& out, char32_t code_point);

// Decodes HTML/XML character references once: "&amp;" -> "&", "&#x2013;" -> U+2013,
// "&nbsp;" -> U+00A0. Unknown names are left as written.
std::string decode_entities(std::string_view s);

// A metadata string as plain text: tags such as <i>, <sub>, <jats:italic> dropped (their text
// kept), entities decoded, white space collapsed. "H<sub>2</sub>O &amp; salt" -> "H2O & salt".
std::string strip_markup(std::string_view s);

// When `body` is an HTML page (it starts with '<'), what to report instead of parsing it:
// "HTML page, not JSON: \"Error: DOI Not Found\"" (its <title>) for expected = "JSON".
std::optional<std::string> describe_html_body(std::string_view body, std::string_view expected);


// The start of a body for an error message: its first line, at most 120 bytes, cut on a UTF-8
// character boundary.
std::string excerpt(std::string_view body);

}  // namespace evidex
