// Reads a page from a file or a URL (through the same HTTP client as ingest), with a size limit.
#pragma once

#include <string>

#include "core/http.h"
#include "core/page.h"

namespace evidex {

inline constexpr std::size_t max_page_bytes = 64u << 20;

// Throws FatalError: `failed` when the file or URL cannot be read or is larger than the limit.
Page read_page(const std::string& file_or_url, Fetcher& fetcher);

}  // namespace evidex
