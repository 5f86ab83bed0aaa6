// find_references: the page's reference sections, found by their heading ("References", "Works
// Cited", "Scientific Studies", ...) or, when no heading names one, a trailing numbered list that
// reads as references; one entry per list item or paragraph.
#include <algorithm>
#include <array>

#include "core/reference_text.h"
#include "core/references.h"
#include "core/text.h"

namespace evidex {

namespace reference_text {

namespace {

// Headings that open a reference list, compared lower-case without a final ':' or '.'.
constexpr std::array<std::string_view, 22> reference_headings{
    "references",          "reference list",   "reference",           "works cited",
    "cited works",         "works consulted",  "scientific studies",  "scientific references",
    "studies",             "cited studies",    "sources",             "source list",
    "citations",           "bibliography",     "literature",          "literature cited",
    "further reading",     "notes and references", "references and notes", "sources and references",
    "selected references", "research references"};

// Blocks that end a page's content: the footer of a text page (HTML footers are dropped).
constexpr std::array<std::string_view, 7> footer_cues{"copyright", "\xC2\xA9", "all rights reserved", "privacy policy",
                                                      "terms of service", "terms of use", "cite this article"};

constexpr std::size_t max_heading_bytes = 60;
constexpr std::size_t max_plain_entry_bytes = 400;  // a longer paragraph is prose unless it parses as a reference

std::string heading_key(std::string_view text) {
    std::string key = ascii_lower(collapse_whitespace(text));
    // "7. References", "VII References" keep their words.
    std::size_t i = 0;
    while (i < key.size() && (is_digit(key[i]) || key[i] == '.')) ++i;
    key.erase(0, i);
    while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' ')) key.pop_back();
    while (!key.empty() && key.front() == ' ') key.erase(0, 1);
    return key;
}

bool reference_heading(const PageBlock& block) {
    const bool heading_shape = block.kind == BlockKind::heading ||
                               (block.kind == BlockKind::paragraph && block.list_label.empty() &&
                                block.text.size() <= max_heading_bytes);
    if (!heading_shape) return false;
    const std::string key = heading_key(block.text);
    return std::find(reference_headings.begin(), reference_headings.end(), key) != reference_headings.end();
}

bool footer(const PageBlock& block) {
    const std::string low = ascii_lower(block.text);
    return std::any_of(footer_cues.begin(), footer_cues.end(),
                       [&](std::string_view cue) { return low.find(cue) != std::string::npos; });
}

bool looks_like_reference(const ReferenceEntry& e) {
    return !e.doi.empty() || !e.pmid.empty() || !e.pmcid.empty() ||
           (e.year && (!e.journal.empty() || !e.volume.empty()));
}

bool numbered_item(const PageBlock& block) {
    return block.kind == BlockKind::list_item && !block.list_label.empty();
}

// The last run of ≥ 3 consecutive numbered items of which at least half read as references.
std::vector<BlockRange> trailing_numbered_list(const Page& page) {
    const auto& blocks = page.blocks;
    std::vector<BlockRange> found;
    for (std::size_t i = 0; i < blocks.size();) {
        if (!numbered_item(blocks[i])) {
            ++i;
            continue;
        }
        std::size_t j = i;
        std::size_t references = 0;
        for (; j < blocks.size() && numbered_item(blocks[j]); ++j)
            references += looks_like_reference(parse_reference(blocks[j].text, blocks[j].list_label)) ? 1 : 0;
        if (references >= 3 && 2 * references >= j - i) found.assign(1, BlockRange{i, j});
        i = j;
    }
    return found;
}

// An entry's DOI, PubMed or PMC link ("<a href=https://doi.org/...>Link</a>") when its text has none.
void add_link_identifiers(const PageBlock& block, ReferenceEntry& entry) {
    for (const auto& link : block.links) {
        const auto ids = extract_identifiers(link.href);
        if (entry.doi.empty()) entry.doi = ids.doi;
        if (entry.pmid.empty()) entry.pmid = ids.pmid;
        if (entry.pmcid.empty()) entry.pmcid = ids.pmcid;
    }
}

}  // namespace

std::vector<BlockRange> locate_reference_sections(const Page& page) {
    const auto& blocks = page.blocks;
    std::vector<BlockRange> sections;
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        if (!reference_heading(blocks[i])) continue;
        const int level = blocks[i].kind == BlockKind::heading ? blocks[i].level : 0;
        std::size_t j = i + 1;
        for (; j < blocks.size(); ++j) {
            const PageBlock& b = blocks[j];
            // A sub-heading deeper than the section's own ("Books" under "References") stays inside.
            const bool subheading = b.kind == BlockKind::heading && level > 0 && b.level > level;
            if (reference_heading(b) || (b.kind == BlockKind::heading && !subheading) || footer(b)) break;
        }
        if (j > i + 1) sections.push_back({i + 1, j});
        i = j - 1;
    }
    return sections.empty() ? trailing_numbered_list(page) : sections;
}

}  // namespace reference_text

std::vector<ReferenceEntry> find_references(const Page& page) {
    using namespace reference_text;
    std::vector<ReferenceEntry> entries;
    for (const auto& section : locate_reference_sections(page)) {
        for (std::size_t i = section.first; i < section.last; ++i) {
            const PageBlock& block = page.blocks[i];
            if (block.kind == BlockKind::heading || trim(block.text).empty()) continue;
            const std::string label = block.list_label.empty() ? std::to_string(entries.size() + 1) : block.list_label;
            ReferenceEntry entry = parse_reference(block.text, label);
            add_link_identifiers(block, entry);
            const bool prose = block.kind != BlockKind::list_item && block.text.size() > max_plain_entry_bytes;
            if (prose && !looks_like_reference(entry)) continue;
            entries.push_back(std::move(entry));
        }
    }
    return entries;
}

std::vector<ReferenceEntry> page_references(const Page& page) {
    std::vector<ReferenceEntry> entries = find_references(page);
    for (auto& entry : find_link_references(page)) entries.push_back(std::move(entry));
    return entries;
}

std::vector<ReferenceEntry> find_link_references(const Page& page) {
    using namespace reference_text;
    std::vector<bool> in_section(page.blocks.size(), false);
    for (const auto& section : locate_reference_sections(page))
        for (std::size_t i = section.first; i < section.last && i < in_section.size(); ++i) in_section[i] = true;
    std::vector<ReferenceEntry> entries;
    for (std::size_t b = 0; b < page.blocks.size(); ++b) {
        if (in_section[b] || reference_heading(page.blocks[b])) continue;
        std::size_t first_of_block = entries.size();
        for (const auto& link : page.blocks[b].links) {
            const auto ids = extract_identifiers(link.href);
            if (ids.doi.empty() && ids.pmid.empty() && ids.pmcid.empty()) continue;
            const bool seen = std::any_of(entries.begin() + static_cast<std::ptrdiff_t>(first_of_block), entries.end(),
                                          [&](const ReferenceEntry& e) {
                                              return e.doi == ids.doi && e.pmid == ids.pmid && e.pmcid == ids.pmcid;
                                          });
            if (seen) continue;
            ReferenceEntry entry;
            entry.label = "link-" + std::to_string(entries.size() + 1);
            entry.raw = trim(link.text).empty() ? link.href : std::string(trim(link.text)) + " <" + link.href + ">";
            entry.doi = ids.doi;
            entry.pmid = ids.pmid;
            entry.pmcid = ids.pmcid;
            entry.body_block = b;
            entry.link_text = std::string(trim(link.text));
            entries.push_back(std::move(entry));
        }
    }
    return entries;
}

}  // namespace evidex
