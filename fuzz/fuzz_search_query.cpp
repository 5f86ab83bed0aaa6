// A search string through build_search_query against an empty index, with the real condition
// vocabulary. A query it cannot parse is reported as FatalError (the usage error evidex-query
// prints); that is its error channel and is caught here. Anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include <xapian.h>

#include "core/conditions.h"
#include "core/errors.h"
#include "query/search.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const Xapian::Database db;
    static const auto conditions = evidex::ConditionVocabulary::load(
        std::filesystem::path(EVIDEX_SOURCE_DATA_DIR) / "schemas" / "conditions.tsv");
    evidex::SearchRequest request;
    request.query.assign(reinterpret_cast<const char*>(data), size);
    try {
        const auto query = evidex::build_search_query(db, request, &conditions);
        return query.get_length() == static_cast<Xapian::termcount>(-1) ? 1 : 0;
    } catch (const evidex::FatalError&) {
        return 0;
    }
}
