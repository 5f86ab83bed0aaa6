// Writes generated articles in the format of the PubMed baseline files.
#pragma once

#include <string>

#include "bench/baseline_article.h"

namespace evidex::bench {

// The XML declaration, the DOCTYPE and the opening <PubmedArticleSet>.
std::string baseline_file_head();
// The closing </PubmedArticleSet>.
std::string baseline_file_tail();

// Appends one <PubmedArticle> element, indented as in the baseline.
void write_article_xml(const GeneratedArticle& article, std::string& out);

}  // namespace evidex::bench
