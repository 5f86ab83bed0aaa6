// One printed reference ("Smith J, et al. Title. Journal. 2019;12(3):45-67. doi:...") through
// parse_reference, which has no error channel: it returns what it could find.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/references.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    const auto entry = evidex::parse_reference(raw, "1");
    std::size_t touched = entry.doi.size() + entry.pmid.size() + entry.title.size() + entry.journal.size() +
                          entry.authors.size() + entry.volume.size() + entry.pages.size();
    if (entry.year) touched += static_cast<std::size_t>(*entry.year);
    return touched == static_cast<std::size_t>(-1) ? 1 : 0;
}
