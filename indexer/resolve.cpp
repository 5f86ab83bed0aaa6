#include "indexer/resolve.h"

#include <algorithm>
#include <map>

#include <xapian.h>

#include "core/index_schema.h"
#include "core/study_json.h"
#include "core/text.h"

namespace evidex {

namespace prefix = schema::prefix;

namespace {

constexpr int search_candidates = 10;

std::vector<Study> run_index_query(const Xapian::Database& db, const Xapian::Query& query, int count) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::make_term(prefix::doc_type, "study"))));
    std::vector<Study> out;
    const auto matches = enquire.get_mset(0, static_cast<Xapian::doccount>(count));
    for (auto it = matches.begin(); it != matches.end(); ++it)
        out.push_back(study_from_json(nlohmann::json::parse(it.get_document().get_data())));
    return out;
}

Xapian::Query any_of(const std::string& term_prefix, const std::vector<std::string>& words) {
    std::vector<Xapian::Query> terms;
    for (const auto& w : words) terms.emplace_back(schema::text_term(term_prefix, w));
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

std::string normalised_raw(const std::string& raw) {
    std::string out;
    for (const auto& w : title_words(raw)) out += w + ' ';
    return out;
}

}  // namespace

ReferenceResolver::ReferenceResolver(IndexWriter& writer, Ingest& ingest, Fetcher* fetcher, RemoteOptions remote)
    : writer_(writer), ingest_(ingest), fetcher_(fetcher), remote_(std::move(remote)) {}

std::optional<Study> ReferenceResolver::index_found(const Study& study) {
    if (!study.pmid.empty()) return writer_.find_pmid(study.pmid);
    if (!study.doi.empty()) return writer_.find_doi(study.doi);
    return std::nullopt;
}

std::optional<Study> ReferenceResolver::find_by_ids(const ReferenceEntry& entry, std::string& method, std::string& note) {
    if (!entry.pmid.empty())
        if (auto s = writer_.find_pmid(entry.pmid)) {
            method = "index";
            return s;
        }
    if (!entry.doi.empty())
        if (auto s = writer_.find_doi(entry.doi)) {
            method = "index";
            return s;
        }
    if (!fetcher_ || (entry.pmid.empty() && entry.doi.empty())) return std::nullopt;
    // Live, through the ingest code: whatever is found is indexed.
    if (!entry.pmid.empty()) ingest_pubmed_ids({entry.pmid}, *fetcher_, remote_, ingest_);
    else ingest_dois({entry.doi}, *fetcher_, remote_, ingest_);
    auto found = !entry.pmid.empty() ? writer_.find_pmid(entry.pmid) : writer_.find_doi(entry.doi);
    if (found) method = "live";
    else note = (!entry.pmid.empty() ? "PMID " + entry.pmid : "DOI " + entry.doi) + " not found by the services";
    return found;
}

std::optional<Candidate> ReferenceResolver::search_index(const ReferenceEntry& entry) {
    auto words = title_words(entry.title.empty() ? entry.raw : entry.title);
    if (words.empty()) return std::nullopt;
    const auto studies = run_index_query(writer_.database(), any_of(std::string(prefix::title), words), search_candidates);
    std::vector<Candidate> candidates;
    for (const auto& s : studies) candidates.push_back({s, score_reference_match(entry, s)});
    if (const auto* winner = pick_clear_winner(candidates, reference_accept_threshold, clear_margin)) return *winner;
    return std::nullopt;
}

std::optional<Candidate> ReferenceResolver::search_live(const ReferenceEntry& entry, std::string& method, std::string& note) {
    if (!fetcher_) return std::nullopt;
    std::string error;
    std::vector<Candidate> candidates;
    // Crossref's bibliographic search takes the whole citation string.
    if (auto found = search_crossref(entry.raw.substr(0, 400), 5, *fetcher_, remote_, error)) {
        for (auto& s : found->studies) candidates.push_back({s, score_reference_match(entry, s)});
        if (const auto* winner = pick_clear_winner(candidates, reference_accept_threshold, clear_margin)) {
            method = "search:crossref";
            return *winner;
        }
    } else {
        note = error;
    }
    // PubMed: title words, first author and year.
    const auto words = title_words(entry.title);
    if (words.size() >= 3) {
        std::string term;
        for (std::size_t i = 0; i < std::min<std::size_t>(words.size(), 8); ++i)
            term += (term.empty() ? "" : " AND ") + words[i] + "[ti]";
        if (!entry.authors.empty()) term += " AND " + entry.authors.front() + "[au]";
        if (entry.year) term += " AND " + std::to_string(*entry.year) + "[dp]";
        if (auto ids = search_pubmed_ids(term, 5, *fetcher_, remote_, error); ids && !ids->empty()) {
            if (auto records = fetch_pubmed_records(*ids, *fetcher_, remote_, error)) {
                std::vector<Candidate> pubmed;
                for (auto& s : records->studies) pubmed.push_back({s, score_reference_match(entry, s)});
                if (const auto* winner = pick_clear_winner(pubmed, reference_accept_threshold, clear_margin)) {
                    method = "search:pubmed";
                    return *winner;
                }
            }
        }
        if (!error.empty()) note = error;
    }
    return std::nullopt;
}

ResolvedReference ReferenceResolver::resolve(const ReferenceEntry& entry) {
    ResolvedReference out;
    out.entry = entry;
    if (entry.unpublished) {
        out.flags = {"unpublished", "unresolvable-citation"};
        out.note = "an unpublished report: nothing to look up";
        return out;
    }
    std::string method, note;
    if (auto study = find_by_ids(entry, method, note)) {
        out.study = std::move(study);
        out.method = method;
        return out;
    }
    if (entry.web_page && entry.doi.empty() && entry.pmid.empty()) {
        out.flags = {"unresolvable-citation"};
        out.note = "a web page or fact sheet, not a paper";
        return out;
    }
    if (auto hit = search_index(entry)) {
        out.study = std::move(hit->study);
        out.method = "search:index";
        out.score = hit->score.total;
        return out;
    }
    if (auto hit = search_live(entry, method, note)) {
        ingest_.add_study(Study(hit->study));
        out.study = index_found(hit->study);
        if (!out.study) out.study = std::move(hit->study);
        out.method = method;
        out.score = hit->score.total;
        return out;
    }
    out.flags = {"unresolvable-citation"};
    out.note = note.empty() ? (fetcher_ ? "no candidate close enough" : "not in the index (offline)") : note;
    return out;
}

ResolvedAllusion ReferenceResolver::resolve(const Allusion& allusion) {
    ResolvedAllusion out;
    out.allusion = allusion;
    // Candidates: studies sharing words with the sentence or the journal named, and studies
    // whose size is within 5% of a number the sentence gives.
    std::vector<Xapian::Query> parts;
    const auto words = title_words(allusion.text);
    if (!words.empty()) parts.push_back(any_of(std::string(prefix::title), words));
    if (const auto journal = title_words(allusion.journal); !journal.empty()) parts.push_back(any_of(std::string(prefix::journal), journal));
    for (const auto& number : {allusion.n, allusion.n_studies}) {
        if (!number || *number <= 0) continue;
        const double low = *number * 0.95, high = *number * 1.05;
        parts.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::slot::n, Xapian::sortable_serialise(low),
                           Xapian::sortable_serialise(high));
    }
    if (parts.empty()) return out;
    const Xapian::Query query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    for (const auto& s : run_index_query(writer_.database(), query, 30)) {
        if (s.is_notice) continue;
        out.candidates.push_back({s, score_allusion_match(allusion, s)});
    }
    const auto pick = [&] {
        std::stable_sort(out.candidates.begin(), out.candidates.end(),
                         [](const Candidate& a, const Candidate& b) { return a.score.total > b.score.total; });
        if (out.candidates.size() > 5) out.candidates.resize(5);
        out.accepted.reset();
        if (const auto* winner = pick_clear_winner(out.candidates, allusion_accept_threshold, clear_margin))
            out.accepted = static_cast<std::size_t>(winner - out.candidates.data());
    };
    pick();
    if (out.accepted || !fetcher_ || allusion.journal.empty()) return out;
    // Not in the index: PubMed, by the journal, the year and the sentence's longer words.
    for (auto& s : search_allusion_live(allusion)) {
        const bool known = std::any_of(out.candidates.begin(), out.candidates.end(),
                                       [&](const Candidate& c) { return c.study.key() == s.key(); });
        if (!known) out.candidates.push_back({s, score_allusion_match(allusion, s)});
    }
    pick();
    if (out.accepted) {
        Candidate& winner = out.candidates[*out.accepted];
        ingest_.add_study(Study(winner.study));
        if (auto stored = index_found(winner.study)) winner.study = std::move(*stored);
    }
    return out;
}

std::vector<Study> ReferenceResolver::search_allusion_live(const Allusion& allusion) {
    std::string term = "\"" + allusion.journal + "\"[ta]";
    if (allusion.year) term += " AND " + std::to_string(*allusion.year) + "[dp]";
    const auto journal_words = title_words(allusion.journal);
    std::string topic;
    std::size_t taken = 0;
    for (const auto& word : title_words(allusion.text)) {
        if (word.size() < 5 || taken == 5) continue;
        if (std::find(journal_words.begin(), journal_words.end(), word) != journal_words.end()) continue;
        if (std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
        topic += (topic.empty() ? "" : " OR ") + word + "[tiab]";
        ++taken;
    }
    if (!topic.empty()) term += " AND (" + topic + ")";
    std::string error;
    auto ids = search_pubmed_ids(term, 10, *fetcher_, remote_, error);
    if (!ids || ids->empty()) return {};
    auto records = fetch_pubmed_records(*ids, *fetcher_, remote_, error);
    if (!records) return {};
    return std::move(records->studies);
}

std::vector<ResolvedReference> resolve_references(const std::vector<ReferenceEntry>& entries, ReferenceResolver& resolver) {
    std::vector<ResolvedReference> out;
    std::map<std::string, std::string> first_label;  // study key or normalised text -> label
    for (const auto& entry : entries) {
        auto resolved = resolver.resolve(entry);
        const std::string key = resolved.study ? resolved.study->key() : "raw:" + normalised_raw(entry.raw);
        const auto [it, inserted] = first_label.emplace(key, entry.label);
        if (!inserted) {
            resolved.duplicate_of = it->second;
            resolved.flags.emplace_back("duplicate-citation");
        }
        out.push_back(std::move(resolved));
    }
    return out;
}

RemoteOptions remote_options_from(const Settings& settings) {
    RemoteOptions remote;
    remote.eutils = {settings.pubmed_url, settings.email, settings.api_key};
    remote.crossref_url = settings.crossref_url;
    remote.doi_url = settings.doi_url;
    remote.email = settings.email;
    remote.jobs = 1;
    return remote;
}

PageResolution resolve_page(const Page& page, Ingest& ingest, Fetcher* fetcher, const RemoteOptions& remote) {
    ReferenceResolver resolver(ingest.writer(), ingest, fetcher, remote);
    PageResolution out;
    out.references = resolve_references(page_references(page), resolver);
    for (const auto& allusion : find_allusions(page)) out.allusions.push_back(resolver.resolve(allusion));
    return out;
}

}  // namespace evidex
