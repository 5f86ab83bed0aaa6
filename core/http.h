// HTTP as the sources use it: requests, responses, and the Fetcher interface that pipelines
// take as a parameter. CurlFetcher (http_client.h) is the real one.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace evidex {

// Which service a request goes to: each has its own rate limit.
enum class Service { pubmed, crossref, doi, web };

struct HttpRequest {
    Service service = Service::pubmed;
    std::string method = "GET";
    std::string url;            // full URL with query string
    std::string body;           // form-encoded for POST
    std::string accept;         // Accept header, may be empty
    // Query or body parameters that must not reach the cache key, logs or messages
    // (api_key); they are appended when the request is sent.
    std::vector<std::pair<std::string, std::string>> secret_params;
    // The largest reply accepted; the transfer stops past it. 0: the fetcher's own limit.
    std::size_t max_bytes = 0;
};

struct HttpResponse {
    long status = 0;
    std::string body;
    std::string content_type;
    std::map<std::string, std::string> headers;  // lower-case names
    bool from_cache = false;
};

enum class FetchFailure {
    network,       // connection refused or reset, DNS, TLS
    timeout,
    truncated,     // body shorter than announced
    http_status,   // 4xx/5xx after retries (404 is a real answer, see HttpResponse)
    invalid_body,  // the body did not pass the caller's check (an error inside a 200, HTML)
    offline_miss,  // --offline and nothing cached for this request
    too_large,
};

struct FetchError {
    FetchFailure failure = FetchFailure::network;
    long status = 0;
    std::string message;
    int attempts = 0;
};

struct FetchResult {
    std::optional<HttpResponse> response;
    std::optional<FetchError> error;
    [[nodiscard]] bool ok() const { return response.has_value(); }
};

// Says whether a response is usable: returns an empty string when it is, else why not.
// A response that fails the check is retried like a 5xx and never cached.
using BodyCheck = std::function<std::string(const HttpResponse&)>;

class Fetcher {
public:
    virtual ~Fetcher() = default;
    // Fetches with retries. Statuses in `answers` (e.g. 404) are real answers: returned as
    // responses without retrying and without running `check`.
    virtual FetchResult fetch(const HttpRequest& request, const BodyCheck& check, const std::vector<long>& answers) = 0;
};

// "a=1&b=x%20y": each value percent-encoded.
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& params);
std::string percent_encode(const std::string& text);

}  // namespace evidex
