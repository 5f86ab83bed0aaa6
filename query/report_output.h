// Where a report goes: stdout, or a file written whole and then renamed into place.
#pragma once

#include <string>

namespace evidex {

// Writes `text` to stdout when `out` is empty or "-", else to the file `out` (through a ".tmp"
// file beside it, renamed, so a failed write never leaves half a report). Throws FatalError
// (`failed`) when it cannot write.
void write_report(const std::string& text, const std::string& out);

}  // namespace evidex
