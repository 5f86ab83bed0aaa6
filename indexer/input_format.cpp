#include "indexer/input_format.h"

#include <array>

#include <zlib.h>

#include "core/reference_import.h"
#include "core/text.h"

namespace evidex {

std::string_view to_string(InputFormat format) {
    switch (format) {
        case InputFormat::pubmed_xml: return "PubMed XML";
        case InputFormat::crossref_json: return "Crossref JSON";
        case InputFormat::csl_json: return "CSL-JSON";
        case InputFormat::bibtex: return "BibTeX";
        case InputFormat::ris: return "RIS";
        case InputFormat::medline: return "MEDLINE";
        case InputFormat::id_list: return "list of PMIDs and DOIs";
        case InputFormat::unknown: return "unknown";
    }
    return "unknown";
}

InputFormat detect_input_format_of(std::string_view head) {
    head = skip_bom(head);
    std::size_t i = 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    // "%" comment lines, as reference managers write them above BibTeX entries.
    while (i < head.size() && head[i] == '%') {
        const auto end = head.find('\n', i);
        if (end == std::string_view::npos) return InputFormat::unknown;
        i = end + 1;
        while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    }
    if (i == head.size()) return InputFormat::unknown;
    switch (head[i]) {
        case '<': return InputFormat::pubmed_xml;
        case '@': return InputFormat::bibtex;
        case '[': {
            // A JSON array of CSL items opens with '{' (or is empty); "[1] Author..." is prose.
            std::size_t j = i + 1;
            while (j < head.size() && (head[j] == ' ' || head[j] == '\t' || head[j] == '\r' || head[j] == '\n')) ++j;
            return j < head.size() && (head[j] == '{' || head[j] == ']') ? InputFormat::csl_json : InputFormat::unknown;
        }
        case '{':
            return head.find("\"message-type\"") != std::string_view::npos ? InputFormat::crossref_json
                                                                           : InputFormat::csl_json;
        default: break;
    }
    const std::string_view rest = head.substr(i);
    if (looks_like_ris(rest)) return InputFormat::ris;
    if (looks_like_medline(rest)) return InputFormat::medline;
    if (looks_like_id_list(rest)) return InputFormat::id_list;
    return InputFormat::unknown;
}

InputFormat detect_input_format(const std::filesystem::path& path) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) return InputFormat::unknown;
    std::array<char, 4096> buffer{};
    const int got = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()));
    gzclose(file);
    if (got <= 0) return InputFormat::unknown;
    return detect_input_format_of(std::string_view(buffer.data(), static_cast<std::size_t>(got)));
}

}  // namespace evidex
