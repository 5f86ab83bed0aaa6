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
