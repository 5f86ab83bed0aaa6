#include "indexer/eutils.h"

#include <pugixml.hpp>

#include "core/text.h"

namespace evidex {

namespace {

std::vector<std::pair<std::string, std::string>> common_params(const EutilsConfig& config) {
    std::vector<std::pair<std::string, std::string>> params{{"db", "pubmed"}, {"tool", config.tool}};
    if (!config.email.empty()) params.emplace_back("email", config.email);
    return params;
}

HttpRequest base_request(const EutilsConfig& config) {
    HttpRequest request;
    request.service = Service::pubmed;
    if (!config.api_key.empty()) request.secret_params.emplace_back("api_key", config.api_key);
    return request;
}

// What an error body says, cut to a line.
std::string describe_body(const std::string& body) {
    std::string text = collapse_whitespace(std::string_view(body).substr(0, 200));
    return text.empty() ? "empty reply" : text;
}

}  // namespace

HttpRequest build_efetch_request(const EutilsConfig& config, const std::vector<std::string>& pmids) {
    HttpRequest request = base_request(config);
    request.method = "POST";
    request.url = config.base_url + "/efetch.fcgi";
    auto params = common_params(config);
    std::string ids;
    for (const auto& pmid : pmids) ids += (ids.empty() ? "" : ",") + pmid;
    params.emplace_back("id", ids);
    params.emplace_back("retmode", "xml");
    request.body = form_encode(params);
    return request;
}

HttpRequest build_esearch_request(const EutilsConfig& config, const std::string& term, int retstart, int retmax,
                                  std::optional<int> min_year, std::optional<int> max_year) {
    HttpRequest request = base_request(config);
    auto params = common_params(config);
    params.emplace_back("term", term);
    params.emplace_back("usehistory", "y");
    params.emplace_back("retstart", std::to_string(retstart));
    params.emplace_back("retmax", std::to_string(retmax));
    if (min_year && max_year) {
        params.emplace_back("datetype", "pdat");
        params.emplace_back("mindate", std::to_string(*min_year));
        params.emplace_back("maxdate", std::to_string(*max_year));
    }
    request.url = config.base_url + "/esearch.fcgi?" + form_encode(params);
    return request;
}

std::string check_efetch_body(const HttpResponse& response) {
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(response.body.data(), response.body.size(), pugi::parse_default);
    if (!parsed) return "not XML (" + std::string(parsed.description()) + "): " + describe_body(response.body);
    const auto root = doc.document_element();
    if (std::string_view(root.name()) == "PubmedArticleSet") return {};
    if (auto error = root.child("ERROR")) return "E-utilities error: " + collapse_whitespace(error.text().get());
    return "not a PubmedArticleSet: <" + std::string(root.name()) + ">";
}

std::optional<EsearchReply> parse_esearch_reply(const std::string& body, std::string& why) {
    pugi::xml_document doc;
    const auto parsed = doc.load_buffer(body.data(), body.size(), pugi::parse_default);
    if (!parsed) {
        why = "not XML (" + std::string(parsed.description()) + "): " + describe_body(body);
        return std::nullopt;
    }
    const auto root = doc.document_element();
    if (std::string_view(root.name()) != "eSearchResult") {
        if (auto error = root.child("ERROR")) why = "E-utilities error: " + collapse_whitespace(error.text().get());
        else why = "not an eSearchResult: <" + std::string(root.name()) + ">";
        return std::nullopt;
    }
    EsearchReply reply;
    if (auto error = root.child("ERROR")) reply.error = collapse_whitespace(error.text().get());
    const auto count = root.child("Count");
    if (!count && reply.error.empty()) {
        why = "eSearchResult without Count";
        return std::nullopt;
    }
    reply.count = count.text().as_llong();
    for (const auto id : root.child("IdList").children("Id")) reply.pmids.emplace_back(trim(id.text().get()));
    reply.webenv = root.child("WebEnv").text().get();
    reply.query_key = root.child("QueryKey").text().get();
    return reply;
}

}  // namespace evidex
