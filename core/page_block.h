// What a page block's text says by itself: citation markers written into it ("[3]", "[1,2]",
// "(4-6)") and bare http(s) URLs. Shared by the text and the HTML page loaders.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/page.h"

namespace evidex {

// The labels of a marker's inside: "3" -> 3; "1, 2" -> 1, 2; "4-6" / "4–6" -> 4, 5, 6.
// Commas or semicolons separate parts; a part is a number or an ascending range of at most 100.
// nullopt unless every number is between 1 and max_number.
std::optional<std::vector<std::string>> parse_marker_labels(std::string_view inside, int max_number);

// Completes a block whose text is final: adds the bracketed markers ("[3]" anywhere, "(3)" only
// right after a word) that do not overlap a marker already there, adds each bare URL that is not
// already a link, and sorts the markers by offset.
void finish_block(PageBlock& block);

}  // namespace evidex
