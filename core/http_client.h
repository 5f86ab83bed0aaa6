// CurlFetcher: the real HTTP client. libcurl, one rate limiter per service shared by all
// threads, retries with exponential backoff and jitter honouring Retry-After, and a disk cache
// of responses that passed their check.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "core/http.h"

namespace evidex {

struct FetcherOptions {
    std::string user_agent;              // "evidex/0.1.0 (mailto:...)"
    std::filesystem::path cache_dir;     // empty: no cache
    bool offline = false;
    double pubmed_per_second = 3;        // 10 with an API key
    double crossref_per_second = 10;     // lowered by Crossref's x-rate-limit headers
    double doi_per_second = 10;
    int max_attempts = 6;
    std::chrono::milliseconds retry_base{500};
    std::chrono::milliseconds max_total_wait{std::chrono::minutes(2)};
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    std::size_t max_body_bytes = 256u << 20;
};

// Spaces requests at least 1/rate apart across all threads.
class RateLimiter {
public:
    explicit RateLimiter(double per_second);
    void acquire();
    void set_rate(double per_second);
    // No request before `when` (a 429's Retry-After), including those already given a slot.
    void hold_until(std::chrono::steady_clock::time_point when);

private:
    std::mutex mutex_;
    std::chrono::steady_clock::duration interval_;
    std::chrono::steady_clock::time_point next_;
    std::chrono::steady_clock::time_point held_until_{};
};

class HttpCache {
public:
    explicit HttpCache(std::filesystem::path dir);
    std::optional<HttpResponse> get(const HttpRequest& request) const;
    // Writes atomically (temporary file, then rename); a failed write is silently skipped:
    // the cache is an optimisation, never the record.
    void put(const HttpRequest& request, const HttpResponse& response) const;
    // The file a request is cached in: a hash of method, URL, body and Accept, never a name
    // taken from the request itself.
    [[nodiscard]] std::filesystem::path path_for(const HttpRequest& request) const;

private:
    std::filesystem::path dir_;
};

class CurlFetcher : public Fetcher {
public:
    explicit CurlFetcher(FetcherOptions options);
    ~CurlFetcher() override;
    FetchResult fetch(const HttpRequest& request, const BodyCheck& check, const std::vector<long>& answers) override;

    // Counts for the closing summary.
    struct Stats {
        std::size_t requests = 0, retries = 0, cache_hits = 0;
    };
    [[nodiscard]] Stats stats() const;

private:
    RateLimiter& limiter_for(Service service);
    FetchResult attempt(const HttpRequest& request);

    FetcherOptions options_;
    std::unique_ptr<HttpCache> cache_;
    RateLimiter pubmed_limiter_, crossref_limiter_, doi_limiter_, web_limiter_;
    mutable std::mutex stats_mutex_;
    Stats stats_;
};

// The options a run uses, from the settings: user agent with the contact address, rate by
// API key, cache directory, and the test knobs EVIDEX_HTTP_TIMEOUT (seconds) and
// EVIDEX_RETRY_BASE_MS.
struct Settings;
FetcherOptions fetcher_options_from(const Settings& settings);

}  // namespace evidex
