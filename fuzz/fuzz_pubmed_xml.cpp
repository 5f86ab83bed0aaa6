// PubMed XML (efetch responses, baseline files) through parse_pubmed_xml. A malformed article
// is reported in ParsedRecords::errors; anything thrown is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/pubmed_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    const auto parsed = evidex::parse_pubmed_xml(xml, "fuzz.xml");
    std::size_t touched = parsed.deleted_pmids.size() + parsed.errors.size();
    for (const auto& study : parsed.studies) touched += study.title.size() + study.authors.size();
    return touched == static_cast<std::size_t>(-1) ? 1 : 0;
}
