// Crossref REST responses and CSL-JSON through parse_crossref_json and parse_csl_json. Bad JSON
// and bad items are reported in ParsedRecords::errors; anything thrown is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/crossref_parser.h"

namespace {

std::size_t touch(const evidex::ParsedRecords& parsed) {
    std::size_t touched = parsed.errors.size();
    for (const auto& study : parsed.studies) touched += study.title.size() + study.authors.size();
    return touched;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view body(reinterpret_cast<const char*>(data), size);
    const std::size_t touched = touch(evidex::parse_crossref_json(body, "fuzz.json")) +
                                touch(evidex::parse_csl_json(body, "fuzz.json"));
    return touched == static_cast<std::size_t>(-1) ? 1 : 0;
}
