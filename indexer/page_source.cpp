#include "indexer/page_source.h"

#include <cstdint>
#include <filesystem>

#include "core/errors.h"
#include "core/memory_room.h"
#include "core/text.h"

namespace evidex {

Page read_page(const std::string& file_or_url, Fetcher& fetcher) {
    std::string content;
    if (starts_with_icase(file_or_url, "http://") || starts_with_icase(file_or_url, "https://")) {
        HttpRequest request;
        request.service = Service::web;
        request.url = file_or_url;
        request.accept = "text/html, text/plain;q=0.9, */*;q=0.1";
        request.max_bytes = max_page_bytes + 1;  // one byte past the limit is enough to refuse it
        const auto result = fetcher.fetch(
            request,
            [](const HttpResponse& r) { return r.body.size() > max_page_bytes ? std::string("page larger than 64 MiB") : std::string(); },
            {});
        if (!result.ok()) throw FatalError(ExitCode::failed, file_or_url + ": cannot fetch the page: " + result.error->message);
        content = std::move(result.response->body);
    } else {
        std::error_code ec;
        const auto size = std::filesystem::file_size(file_or_url, ec);
        if (ec) throw FatalError(ExitCode::failed, file_or_url + ": cannot read the page: " + ec.message());
        if (size > max_page_bytes) throw FatalError(ExitCode::failed, file_or_url + ": page larger than 64 MiB");
        if (!read_file(file_or_url, content)) throw FatalError(ExitCode::failed, file_or_url + ": cannot read the page");
    }
    // Auditing a page takes many times its size: up to 55 times for a page that is all claims
    // and links (a 4 MiB one peaked at 225 MB). One that would not fit in the room the system
    // leaves is refused rather than killed for want of memory.
    constexpr std::uint64_t audit_memory_factor = 64;
    if (const auto shortfall = memory_shortfall(content.size() * audit_memory_factor))
        throw FatalError(ExitCode::failed, file_or_url + ": auditing a page of " + describe_bytes(content.size()) +
                                               " " + *shortfall + "; audit a part of the page");
    return load_page(content, file_or_url);
}

}  // namespace evidex
