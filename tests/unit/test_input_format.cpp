#include <doctest/doctest.h>

#include "indexer/input_format.h"

TEST_CASE("detect_input_format_of decides by content") {
    using evidex::InputFormat;
    using evidex::detect_input_format_of;
    CHECK(detect_input_format_of("<?xml version=\"1.0\"?><PubmedArticleSet>") == InputFormat::pubmed_xml);
    CHECK(detect_input_format_of("\xEF\xBB\xBF  <PubmedArticleSet>") == InputFormat::pubmed_xml);
    CHECK(detect_input_format_of("{\"status\":\"ok\",\"message-type\":\"work\"}") == InputFormat::crossref_json);
    CHECK(detect_input_format_of("{\"type\":\"article-journal\",\"title\":\"x\"}") == InputFormat::csl_json);
    CHECK(detect_input_format_of("[\n  {\"type\":\"article-journal\"}]") == InputFormat::csl_json);
    CHECK(detect_input_format_of(" @article{key, title={T}}") == InputFormat::bibtex);
    // A numbered bibliography line is prose, not a JSON array.
    CHECK(detect_input_format_of("[1]H. Smith, \"Title\"") == InputFormat::unknown);
    CHECK(detect_input_format_of("Resource not found.") == InputFormat::unknown);
    CHECK(detect_input_format_of("") == InputFormat::unknown);
}

TEST_CASE("detect_input_format_of recognises RIS, MEDLINE and lists of identifiers") {
    using evidex::InputFormat;
    using evidex::detect_input_format_of;
    CHECK(detect_input_format_of("TY  - JOUR\nTI  - Magnesium\nER  - \n") == InputFormat::ris);
    CHECK(detect_input_format_of("\xEF\xBB\xBFTY  - JOUR\r\n") == InputFormat::ris);
    CHECK(detect_input_format_of("PMID- 9703590\nOWN - NLM\nTI  - Magnesium\n") == InputFormat::medline);
    CHECK(detect_input_format_of("9703590\n23853635\n") == InputFormat::id_list);
    CHECK(detect_input_format_of("doi:10.1093/sleep/21.5.501\n") == InputFormat::id_list);
    CHECK(detect_input_format_of("Magnesium helps sleep.\n") == InputFormat::unknown);
    // BibTeX under the comment lines reference managers write above it.
    CHECK(detect_input_format_of("% Encoding: UTF-8\n\n@article{k, title={T}}") == InputFormat::bibtex);
    CHECK(detect_input_format_of("% only a comment") == InputFormat::unknown);
}
