#include "indexer/remote_sources.h"

#include <algorithm>
#include <ctime>
#include <set>

#include "core/crossref_parser.h"
#include "core/errors.h"
#include "core/pubmed_parser.h"
#include "indexer/parallel.h"

namespace evidex {

namespace {

std::string failure_text(const FetchError& error) {
    std::string text = error.message;
    if (error.attempts > 1) text += " (after " + std::to_string(error.attempts) + " attempts)";
    return text;
}

// What one efetch batch gave: parsed records, the ids PubMed did not return, the ids that failed.
struct PubmedBatch {
    ParsedRecords records;
    std::vector<std::string> not_found;
    std::vector<ItemError> failed;
};

PubmedBatch fetch_pubmed_batch(const std::vector<std::string>& pmids, Fetcher& fetcher, const RemoteOptions& options) {
    PubmedBatch batch;
    const auto result = fetcher.fetch(build_efetch_request(options.eutils, pmids), check_efetch_body, {});
    if (!result.ok()) {
        for (const auto& pmid : pmids) batch.failed.push_back({"pmid:" + pmid, "efetch failed: " + failure_text(*result.error)});
        return batch;
    }
    batch.records = parse_pubmed_xml(result.response->body, "efetch");
    std::set<std::string> returned;
    for (const auto& study : batch.records.studies) returned.insert(study.pmid);
    for (const auto& error : batch.records.errors)
        for (const auto& pmid : pmids)
            if (error.where.find("(PMID " + pmid + ")") != std::string::npos) returned.insert(pmid);
    for (const auto& pmid : pmids)
        if (!returned.count(pmid)) batch.not_found.push_back(pmid);
    return batch;
}

void ingest_batch(PubmedBatch&& batch, Ingest& ingest, std::vector<std::string>* unknown) {
    ingest.add_parsed(std::move(batch.records));
    for (const auto& pmid : batch.not_found) {
        if (unknown) unknown->push_back(pmid);
        else ingest.add_not_found({"pmid:" + pmid, "PubMed has no record with this PMID"});
    }
    for (auto& error : batch.failed) ingest.add_error(std::move(error));
}

std::vector<std::string> drop_indexed_pmids(const std::vector<std::string>& pmids, const RemoteOptions& options,
                                            Ingest& ingest) {
    std::vector<std::string> todo;
    std::set<std::string> seen;
    for (const auto& pmid : pmids) {
        if (!seen.insert(pmid).second) continue;  // the same id twice is fetched once
        if (options.resume && ingest.has_pmid(pmid)) {
            ingest.add_skipped();
            continue;
        }
        todo.push_back(pmid);
    }
    return todo;
}

}  // namespace

std::optional<ParsedRecords> fetch_pubmed_records(const std::vector<std::string>& pmids, Fetcher& fetcher,
                                                  const RemoteOptions& options, std::string& error) {
    const auto result = fetcher.fetch(build_efetch_request(options.eutils, pmids), check_efetch_body, {});
    if (!result.ok()) {
        error = "efetch failed: " + failure_text(*result.error);
        return std::nullopt;
    }
    return parse_pubmed_xml(result.response->body, "efetch");
}

std::optional<std::vector<std::string>> search_pubmed_ids(const std::string& term, int max, Fetcher& fetcher,
                                                          const RemoteOptions& options, std::string& error) {
    std::optional<EsearchReply> reply;
    std::string why;
    const auto result = fetcher.fetch(
        build_esearch_request(options.eutils, term, 0, max),
        [&](const HttpResponse& r) {
            reply = parse_esearch_reply(r.body, why);
            return reply ? std::string() : why;
        },
        {});
    if (!result.ok()) {
        error = "esearch failed: " + failure_text(*result.error);
        return std::nullopt;
    }
    if (result.response->from_cache) reply = parse_esearch_reply(result.response->body, why);
    if (!reply) {
        error = why;
        return std::nullopt;
    }
    return reply->pmids;
}

std::optional<ParsedRecords> search_crossref(const std::string& text, int rows, Fetcher& fetcher,
                                             const RemoteOptions& options, std::string& error) {
    HttpRequest request;
    request.service = Service::crossref;
    std::vector<std::pair<std::string, std::string>> params{{"query.bibliographic", text}, {"rows", std::to_string(rows)}};
    if (!options.email.empty()) params.emplace_back("mailto", options.email);
    request.url = options.crossref_url + "/works?" + form_encode(params);
    ParsedRecords parsed;
    const auto result = fetcher.fetch(
        request,
        [&](const HttpResponse& r) {
            parsed = parse_crossref_json(r.body, "crossref search");
            return parsed.errors.empty() || !parsed.studies.empty() ? std::string() : parsed.errors.front().message;
        },
        {});
    if (!result.ok()) {
        error = "Crossref search failed: " + failure_text(*result.error);
        return std::nullopt;
    }
    if (result.response->from_cache) parsed = parse_crossref_json(result.response->body, "crossref search");
    return parsed;
}

void ingest_pubmed_ids(const std::vector<std::string>& pmids, Fetcher& fetcher, const RemoteOptions& options,
                       Ingest& ingest, std::vector<std::string>* unknown) {
    const auto todo = drop_indexed_pmids(pmids, options, ingest);
    const std::size_t batches = (todo.size() + efetch_batch_size - 1) / efetch_batch_size;
    for_each_ordered<PubmedBatch>(
        batches, options.jobs,
        [&](std::size_t i) {
            const auto first = todo.begin() + static_cast<std::ptrdiff_t>(i * efetch_batch_size);
            const auto last = todo.begin() + static_cast<std::ptrdiff_t>(std::min(todo.size(), (i + 1) * efetch_batch_size));
            return fetch_pubmed_batch(std::vector<std::string>(first, last), fetcher, options);
        },
        [&](PubmedBatch&& batch) { ingest_batch(std::move(batch), ingest, unknown); });
}

// ---- DOIs ------------------------------------------------------------------------------------

namespace {

struct DoiOutcome {
    std::string doi;
    std::optional<Study> work;          // from Crossref or doi.org
    std::optional<PubmedBatch> pubmed;  // the PubMed record found by DOI, when there is one
    std::optional<ItemError> not_found;
    std::optional<ItemError> failed;
};

std::string check_single_record(const ParsedRecords& records) {
    if (!records.errors.empty()) return records.errors.front().message;
    if (records.studies.empty()) return "no record in the reply";
    return {};
}

DoiOutcome fetch_doi(const std::string& doi, Fetcher& fetcher, const RemoteOptions& options) {
    DoiOutcome out;
    out.doi = doi;
    const std::string where = "doi:" + doi;

    // Crossref first.
    HttpRequest crossref;
    crossref.service = Service::crossref;
    crossref.url = options.crossref_url + "/works/" + percent_encode(doi);
    if (!options.email.empty()) crossref.url += "?mailto=" + percent_encode(options.email);
    ParsedRecords parsed;
    const auto result = fetcher.fetch(
        crossref,
        [&](const HttpResponse& r) {
            parsed = parse_crossref_json(r.body, where);
            return check_single_record(parsed);
        },
        {404});
    if (!result.ok()) {
        out.failed = ItemError{where, "Crossref failed: " + failure_text(*result.error)};
        return out;
    }
    if (result.response->status == 200) {
        if (result.response->from_cache) parsed = parse_crossref_json(result.response->body, where);
        out.work = std::move(parsed.studies.front());
    } else {
        // Not at Crossref: ask the DOI resolver for CSL-JSON (DataCite, mEDRA and others answer there).
        HttpRequest resolver;
        resolver.service = Service::doi;
        resolver.url = options.doi_url + "/" + doi;
        resolver.accept = "application/vnd.citationstyles.csl+json";
        ParsedRecords csl;
        const auto answer = fetcher.fetch(
            resolver,
            [&](const HttpResponse& r) {
                if (r.content_type.find("json") == std::string::npos)
                    return "doi.org answered " + (r.content_type.empty() ? std::string("without a content type") : r.content_type);
                csl = parse_csl_json(r.body, where);
                return check_single_record(csl);
            },
            {404});
        if (!answer.ok()) {
            out.failed = ItemError{where, "doi.org failed: " + failure_text(*answer.error)};
            return out;
        }
        if (answer.response->status == 404) {
            out.not_found = ItemError{where, "neither Crossref nor doi.org knows this DOI"};
            return out;
        }
        if (answer.response->from_cache) csl = parse_csl_json(answer.response->body, where);
        out.work = std::move(csl.studies.front());
    }

    // The PMID, so a study known both ways is one document.
    std::string why;
    std::optional<EsearchReply> reply;
    const auto search = fetcher.fetch(
        build_esearch_request(options.eutils, doi + "[doi]", 0, 5),
        [&](const HttpResponse& r) {
            reply = parse_esearch_reply(r.body, why);
            return reply ? std::string() : why;
        },
        {});
    if (search.ok()) {
        if (search.response->from_cache) reply = parse_esearch_reply(search.response->body, why);
        if (reply && reply->pmids.size() == 1) out.pubmed = fetch_pubmed_batch(reply->pmids, fetcher, options);
    }
    // A failed PMID lookup leaves the work indexed by DOI alone; a later run can still join them.
    return out;
}

}  // namespace

void ingest_dois(const std::vector<std::string>& dois, Fetcher& fetcher, const RemoteOptions& options, Ingest& ingest,
                 std::vector<std::string>* unknown) {
    std::vector<std::string> todo;
    std::set<std::string> seen;
    for (const auto& doi : dois) {
        if (!seen.insert(doi).second) continue;
        if (options.resume && ingest.has_doi(doi)) {
            ingest.add_skipped();
            continue;
        }
        todo.push_back(doi);
    }
    for_each_ordered<DoiOutcome>(
        todo.size(), options.jobs, [&](std::size_t i) { return fetch_doi(todo[i], fetcher, options); },
        [&](DoiOutcome&& outcome) {
            if (outcome.failed) ingest.add_error(std::move(*outcome.failed));
            if (outcome.not_found) {
                if (unknown) unknown->push_back(outcome.doi);
                else ingest.add_not_found(std::move(*outcome.not_found));
            }
            if (outcome.work) ingest.add_study(std::move(*outcome.work));
            if (outcome.pubmed) {
                // Only the study itself: a PMID PubMed does not return here is not this DOI's failure.
                outcome.pubmed->not_found.clear();
                ingest_batch(std::move(*outcome.pubmed), ingest, nullptr);
            }
        });
}

// ---- search ----------------------------------------------------------------------------------

namespace {

EsearchReply run_esearch(const std::string& query, int retstart, int retmax, std::optional<int> from,
                         std::optional<int> to, Fetcher& fetcher, const RemoteOptions& options) {
    std::string why;
    std::optional<EsearchReply> reply;
    const auto result = fetcher.fetch(
        build_esearch_request(options.eutils, query, retstart, retmax, from, to),
        [&](const HttpResponse& r) {
            reply = parse_esearch_reply(r.body, why);
            return reply ? std::string() : why;
        },
        {});
    if (!result.ok()) throw FatalError(ExitCode::failed, "search-pubmed: esearch failed: " + failure_text(*result.error));
    if (result.response->from_cache) reply = parse_esearch_reply(result.response->body, why);
    if (!reply) throw FatalError(ExitCode::failed, "search-pubmed: " + why);
    if (!reply->error.empty()) throw FatalError(ExitCode::failed, "search-pubmed: PubMed says: " + reply->error);
    return *reply;
}

// Collects the PMIDs of `query` in years [from, to] (0, 0: no date range), halving the range
// while it holds more hits than esearch can page through.
void collect_pmids(const std::string& query, int from, int to, long count, std::size_t max, Fetcher& fetcher,
                   const RemoteOptions& options, std::vector<std::string>& out, std::vector<ItemError>& warnings) {
    const long esearch_window = options.esearch_window;
    if (count > esearch_window && from < to) {
        const int middle = from + (to - from) / 2;
        for (auto [a, b] : {std::pair{from, middle}, std::pair{middle + 1, to}}) {
            if (max && out.size() >= max) return;
            const long part = run_esearch(query, 0, 0, a, b, fetcher, options).count;
            if (part > 0) collect_pmids(query, a, b, part, max, fetcher, options, out, warnings);
        }
        return;
    }
    if (count > esearch_window)
        warnings.push_back({"search-pubmed", "year " + std::to_string(from) + " alone has " + std::to_string(count) +
                                                 " hits; only the first " + std::to_string(esearch_window) + " are reachable"});
    const long reachable = std::min(count, esearch_window);
    const long page_size = std::min(5000L, esearch_window);
    for (long start = 0; start < reachable; start += page_size) {
        if (max && out.size() >= max) return;
        const bool ranged = from != 0 || to != 0;
        const auto page = run_esearch(query, static_cast<int>(start), static_cast<int>(std::min(page_size, reachable - start)),
                                      ranged ? std::optional(from) : std::nullopt, ranged ? std::optional(to) : std::nullopt,
                                      fetcher, options);
        out.insert(out.end(), page.pmids.begin(), page.pmids.end());
    }
}

}  // namespace

void ingest_pubmed_search(const std::string& query, std::size_t max, Fetcher& fetcher, const RemoteOptions& options,
                          Ingest& ingest) {
    const auto first = run_esearch(query, 0, 0, std::nullopt, std::nullopt, fetcher, options);
    std::vector<std::string> pmids;
    std::vector<ItemError> warnings;
    if (first.count > options.esearch_window && !(max && max <= static_cast<std::size_t>(options.esearch_window))) {
        std::time_t now = std::time(nullptr);
        const int this_year = 1900 + std::localtime(&now)->tm_year;
        collect_pmids(query, 1800, this_year + 1, first.count, max, fetcher, options, pmids, warnings);
    } else {
        collect_pmids(query, 0, 0, std::min<long>(first.count, max ? static_cast<long>(max) : first.count), max,
                      fetcher, options, pmids, warnings);
    }
    if (max && pmids.size() > max) pmids.resize(max);
    for (auto& warning : warnings) ingest.add_error(std::move(warning));
    ingest_pubmed_ids(pmids, fetcher, options, ingest);
}

}  // namespace evidex
