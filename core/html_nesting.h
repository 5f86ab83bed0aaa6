// A bound on how deep an HTML page nests, applied before the page reaches the HTML parser.
//
// libgumbo checks the stack of open elements for most start tags, so a page that opens a
// hundred thousand <div>s without closing them costs it time in the square of the depth (tens of
// seconds). No real page comes near a few hundred levels; past `max_depth`, start tags of
// elements that need an end tag, and the end tags that close them, are left out, except for the
// elements that give a page its structure (lists, tables, headings, links, superscripts), which
// are kept up to twice that depth. The text stays where it was, so the page's words and
// citation markers are all still read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace evidex {

inline constexpr std::size_t max_html_depth = 4096;

// The page with the tags beyond `max_depth` left out, or std::nullopt when nothing nests that
// deep (the page is used as it is, uncopied). Depth counts the elements that need an end tag:
// void elements (<br>, <img>), self-closed tags, and those whose end tag may be left out
// (<p>, <li>, <td>, ...) do not deepen it. Comments, <script>, <style>, <textarea> and <title>
// content are skipped as the HTML tokenizer skips them.
std::optional<std::string> flatten_deep_html(std::string_view html, std::size_t max_depth = max_html_depth);

}  // namespace evidex
