// A web page through load_page (HTML or text, as sniffed), then the reference finders that read
// its blocks. None of them has an error channel.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/page.h"
#include "core/references.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view content(reinterpret_cast<const char*>(data), size);
    const auto page = evidex::load_page(content, "fuzz.html");
    std::size_t touched = page.title.size();
    for (const auto& block : page.blocks) touched += block.text.size() + block.links.size() + block.markers.size();
    touched += evidex::page_references(page).size() + evidex::find_allusions(page).size();
    return touched == static_cast<std::size_t>(-1) ? 1 : 0;
}
