#include "core/http_client.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <thread>

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include "core/settings.h"
#include "core/text.h"

namespace evidex {

using Clock = std::chrono::steady_clock;

// ---- small helpers ---------------------------------------------------------------------------

std::string percent_encode(const std::string& text) {
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& params) {
    std::string out;
    for (const auto& [name, value] : params) {
        if (!out.empty()) out += '&';
        out += percent_encode(name);
        out += '=';
        out += percent_encode(value);
    }
    return out;
}

// ---- RateLimiter -----------------------------------------------------------------------------

namespace {
// A tenth more than 1/rate between requests: what the server counts is arrival, and arrivals
// drift by a few milliseconds, so exact spacing would now and then put rate+1 in one second.
Clock::duration interval_of(double per_second) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.1 / std::max(per_second, 0.01)));
}
}  // namespace

RateLimiter::RateLimiter(double per_second) : interval_(interval_of(per_second)), next_(Clock::now()) {}

void RateLimiter::acquire() {
    for (;;) {
        Clock::time_point slot;
        {
            std::lock_guard lock(mutex_);
            slot = std::max(next_, Clock::now());
            next_ = slot + interval_;
        }
        std::this_thread::sleep_until(slot);
        std::lock_guard lock(mutex_);
        // A Retry-After that came while this request waited for its slot holds it back too.
        if (Clock::now() >= held_until_) return;
    }
}

void RateLimiter::set_rate(double per_second) {
    std::lock_guard lock(mutex_);
    interval_ = interval_of(per_second);
}

void RateLimiter::hold_until(Clock::time_point when) {
    std::lock_guard lock(mutex_);
    next_ = std::max(next_, when);
    held_until_ = std::max(held_until_, when);
}

// ---- HttpCache -------------------------------------------------------------------------------

namespace {

std::string cache_key(const HttpRequest& r) {
    const std::string material = r.method + '\n' + r.url + '\n' + r.body + '\n' + r.accept;
    char out[40];
    std::snprintf(out, sizeof out, "%016llx%016llx",
                  static_cast<unsigned long long>(fnv1a(material, 1469598103934665603ULL)),
                  static_cast<unsigned long long>(fnv1a(material, 0x84222325cbf29ce4ULL)));
    return out;
}

}  // namespace

HttpCache::HttpCache(std::filesystem::path dir) : dir_(std::move(dir)) {}

std::filesystem::path HttpCache::path_for(const HttpRequest& request) const {
    const std::string key = cache_key(request);
    return dir_ / "http" / key.substr(0, 2) / (key + ".json");
}

std::optional<HttpResponse> HttpCache::get(const HttpRequest& request) const {
    std::string text;
    if (!read_file(path_for(request).string(), text)) return std::nullopt;
    try {
        const auto j = nlohmann::json::parse(text);
        // The request is stored beside the reply so a hash collision can never serve another's body.
        if (j.at("url") != request.url || j.at("body_sent") != request.body || j.at("accept") != request.accept)
            return std::nullopt;
        HttpResponse response;
        response.status = j.at("status").get<long>();
        response.content_type = j.at("content_type").get<std::string>();
        response.body = j.at("body").get<std::string>();
        response.from_cache = true;
        return response;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;  // a damaged cache entry is a miss
    }
}

void HttpCache::put(const HttpRequest& request, const HttpResponse& response) const {
    const auto path = path_for(request);
    std::error_code ec;
    std::filesystem::create_directories(path.parent_path(), ec);
    if (ec) return;
    const nlohmann::json j{{"url", request.url},           {"body_sent", request.body},
                           {"accept", request.accept},     {"status", response.status},
                           {"content_type", response.content_type}, {"body", response.body}};
    const auto temp = path.string() + ".tmp" + std::to_string(std::hash<std::thread::id>{}(std::this_thread::get_id()));
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        // Bodies are not always valid UTF-8: replace bad bytes rather than fail.
        out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (!out) {
            std::filesystem::remove(temp, ec);
            return;
        }
    }
    std::filesystem::rename(temp, path, ec);
    if (ec) std::filesystem::remove(temp, ec);
}

// ---- CurlFetcher -----------------------------------------------------------------------------

namespace {

struct Transfer {
    HttpResponse response;
    std::size_t max_bytes = 0;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::size_t bytes = size * count;
    if (t->response.body.size() + bytes > t->max_bytes) {
        t->too_large = true;
        return 0;  // aborts the transfer
    }
    t->response.body.append(data, bytes);
    return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const std::string_view line(data, size * count);
    if (line.rfind("HTTP/", 0) == 0) t->response.headers.clear();  // a new response after a redirect
    const auto colon = line.find(':');
    if (colon != std::string_view::npos)
        t->response.headers[ascii_lower(trim(line.substr(0, colon)))] = std::string(trim(line.substr(colon + 1)));
    return size * count;
}

bool retryable(FetchFailure f) {
    return f == FetchFailure::network || f == FetchFailure::timeout || f == FetchFailure::truncated ||
           f == FetchFailure::invalid_body || f == FetchFailure::http_status;
}

std::optional<Clock::duration> retry_after(const HttpResponse& response) {
    const auto it = response.headers.find("retry-after");
    if (it == response.headers.end()) return std::nullopt;
    const std::string& value = it->second;
    if (!value.empty() && std::all_of(value.begin(), value.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        return std::chrono::seconds(std::min(std::stol(value), 3600L));
    const time_t when = curl_getdate(value.c_str(), nullptr);
    if (when < 0) return std::nullopt;
    const auto delta = when - std::time(nullptr);
    return std::chrono::seconds(std::clamp<long>(delta, 0, 3600));
}

std::string with_params(const std::string& base, const std::vector<std::pair<std::string, std::string>>& params,
                        char first_separator) {
    if (params.empty()) return base;
    return base + (base.empty() ? "" : std::string(1, first_separator)) + form_encode(params);
}

}  // namespace

CurlFetcher::CurlFetcher(FetcherOptions options)
    : options_(std::move(options)),
      pubmed_limiter_(options_.pubmed_per_second),
      crossref_limiter_(options_.crossref_per_second),
      doi_limiter_(options_.doi_per_second),
      web_limiter_(options_.doi_per_second) {
    static const bool initialised = [] { return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK; }();
    (void)initialised;
    if (!options_.cache_dir.empty()) cache_ = std::make_unique<HttpCache>(options_.cache_dir);
}

CurlFetcher::~CurlFetcher() = default;

RateLimiter& CurlFetcher::limiter_for(Service service) {
    switch (service) {
        case Service::pubmed: return pubmed_limiter_;
        case Service::crossref: return crossref_limiter_;
        case Service::doi: return doi_limiter_;
        case Service::web: return web_limiter_;
    }
    return pubmed_limiter_;
}

CurlFetcher::Stats CurlFetcher::stats() const {
    std::lock_guard lock(stats_mutex_);
    return stats_;
}

FetchResult CurlFetcher::attempt(const HttpRequest& request) {
    FetchResult result;
    CURL* curl = curl_easy_init();
    if (!curl) {
        result.error = FetchError{FetchFailure::network, 0, "cannot start libcurl", 0};
        return result;
    }
    Transfer transfer;
    transfer.max_bytes = request.max_bytes > 0 ? std::min(request.max_bytes, options_.max_body_bytes)
                                               : options_.max_body_bytes;
    const bool post = request.method == "POST";
    std::string url = request.url;
    std::string body = request.body;
    if (post) body = with_params(body, request.secret_params, '&');
    else url = with_params(url, request.secret_params, url.find('?') == std::string::npos ? '?' : '&');

    curl_slist* headers = nullptr;
    if (!request.accept.empty()) headers = curl_slist_append(headers, ("Accept: " + request.accept).c_str());
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, options_.user_agent.c_str());
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options_.timeout.count()));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(std::min<long>(options_.timeout.count(), 15000)));
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &transfer);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, &transfer);
    if (post) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
    }
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    const char* content_type_ptr = nullptr;
    curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &content_type_ptr);
    const std::string content_type = content_type_ptr ? content_type_ptr : "";  // owned by the handle
    curl_easy_cleanup(curl);
    curl_slist_free_all(headers);

    if (code == CURLE_OK) {
        transfer.response.status = status;
        transfer.response.content_type = content_type;
        result.response = std::move(transfer.response);
        return result;
    }
    FetchError error;
    error.status = status;
    // The message names the request by its public URL: secrets were appended to a copy.
    error.message = std::string(curl_easy_strerror(code));
    if (transfer.too_large) {
        error.failure = FetchFailure::too_large;
        error.message = "reply larger than " + std::to_string(transfer.max_bytes >> 20) + " MiB";
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
        error.failure = FetchFailure::timeout;
    } else if (code == CURLE_PARTIAL_FILE) {
        error.failure = FetchFailure::truncated;
        error.message = "reply truncated";
    } else {
        error.failure = FetchFailure::network;
    }
    result.error = std::move(error);
    return result;
}

FetchResult CurlFetcher::fetch(const HttpRequest& request, const BodyCheck& check, const std::vector<long>& answers) {
    if (cache_) {
        if (auto cached = cache_->get(request)) {
            std::lock_guard lock(stats_mutex_);
            ++stats_.cache_hits;
            return FetchResult{std::move(cached), std::nullopt};
        }
    }
    if (options_.offline) return FetchResult{std::nullopt, FetchError{FetchFailure::offline_miss, 0, "not in the cache (--offline)", 0}};

    thread_local std::mt19937 random{std::random_device{}()};
    RateLimiter& limiter = limiter_for(request.service);
    Clock::duration waited{};
    FetchError last;
    for (int attempt_no = 1; attempt_no <= options_.max_attempts; ++attempt_no) {
        limiter.acquire();
        {
            std::lock_guard lock(stats_mutex_);
            ++stats_.requests;
            if (attempt_no > 1) ++stats_.retries;
        }
        FetchResult result = attempt(request);
        std::optional<Clock::duration> server_delay;
        if (result.ok()) {
            HttpResponse& response = *result.response;
            if (request.service == Service::crossref) {
                // Crossref says its limit in headers: "x-rate-limit-limit: 50", "x-rate-limit-interval: 1s".
                const auto limit = response.headers.find("x-rate-limit-limit");
                const auto interval = response.headers.find("x-rate-limit-interval");
                if (limit != response.headers.end() && interval != response.headers.end()) {
                    const double n = std::atof(limit->second.c_str());
                    const double seconds = std::max(1.0, std::atof(interval->second.c_str()));
                    if (n > 0) limiter.set_rate(std::min(options_.crossref_per_second, n / seconds));
                }
            }
            if (std::find(answers.begin(), answers.end(), response.status) != answers.end()) return result;
            if (response.status == 429 || response.status >= 500) {
                last = FetchError{FetchFailure::http_status, response.status, "HTTP " + std::to_string(response.status), attempt_no};
                server_delay = retry_after(response);
                if (server_delay) limiter.hold_until(Clock::now() + *server_delay);
            } else if (response.status >= 400) {
                return FetchResult{std::nullopt, FetchError{FetchFailure::http_status, response.status,
                                                            "HTTP " + std::to_string(response.status), attempt_no}};
            } else {
                std::string why = check ? check(response) : std::string();
                if (why.empty()) {
                    if (cache_) cache_->put(request, response);
                    return result;
                }
                last = FetchError{FetchFailure::invalid_body, response.status, std::move(why), attempt_no};
            }
        } else {
            last = *result.error;
            last.attempts = attempt_no;
            if (!retryable(last.failure)) return FetchResult{std::nullopt, last};
        }
        if (attempt_no == options_.max_attempts) break;
        std::uniform_real_distribution<double> jitter(0.5, 1.5);
        const auto backoff = std::chrono::duration_cast<Clock::duration>(options_.retry_base * (1 << (attempt_no - 1)) * jitter(random));
        const auto delay = std::max(backoff, server_delay.value_or(Clock::duration::zero()));
        if (waited + delay > options_.max_total_wait) break;
        waited += delay;
        std::this_thread::sleep_for(delay);
    }
    return FetchResult{std::nullopt, last};
}

FetcherOptions fetcher_options_from(const Settings& settings) {
    FetcherOptions options;
    options.user_agent = std::string("evidex/") + EVIDEX_VERSION;
    if (!settings.email.empty()) options.user_agent += " (mailto:" + settings.email + ")";
    options.cache_dir = settings.cache;
    options.offline = settings.offline;
    options.pubmed_per_second = settings.api_key.empty() ? 3 : 10;
    if (const char* t = std::getenv("EVIDEX_HTTP_TIMEOUT"); t && std::atof(t) > 0)
        options.timeout = std::chrono::milliseconds(static_cast<long>(std::atof(t) * 1000));
    if (const char* b = std::getenv("EVIDEX_RETRY_BASE_MS"); b && std::atoi(b) >= 0)
        options.retry_base = std::chrono::milliseconds(std::atoi(b));
    return options;
}

}  // namespace evidex
