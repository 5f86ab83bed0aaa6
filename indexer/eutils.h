// NCBI E-utilities as Evidex uses them: request builders for efetch and esearch, the checks
// that tell a real answer from an error body, and the esearch reply parser.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/http.h"

namespace evidex {

struct EutilsConfig {
    std::string base_url;  // ".../entrez/eutils"
    std::string email;     // sent as `email`
    std::string api_key;   // sent as `api_key`, never logged or cached
    std::string tool = "evidex";
};

// POST efetch db=pubmed&id=...&retmode=xml for up to 200 PMIDs.
HttpRequest build_efetch_request(const EutilsConfig& config, const std::vector<std::string>& pmids);

// esearch db=pubmed, usehistory=y, with an optional publication-date range (years).
HttpRequest build_esearch_request(const EutilsConfig& config, const std::string& term, int retstart, int retmax,
                                  std::optional<int> min_year = std::nullopt, std::optional<int> max_year = std::nullopt);

// Empty when the body is a PubmedArticleSet; else why not (an <ERROR> body, JSON rate-limit
// error, HTML page, truncated XML).
std::string check_efetch_body(const HttpResponse& response);

struct EsearchReply {
    long count = 0;
    std::vector<std::string> pmids;
    std::string webenv;
    std::string query_key;
    std::string error;  // an <ERROR> in the reply: the search itself failed
};

// Parses an eSearchResult. Returns nullopt (and `why`) when the body is not one.
std::optional<EsearchReply> parse_esearch_reply(const std::string& body, std::string& why);

}  // namespace evidex
