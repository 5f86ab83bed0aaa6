#include "bench/query_mix.h"

#include <ostream>

#include <nlohmann/json.hpp>

#include "bench/prng.h"
#include "bench/words.h"
#include "core/index_schema.h"

namespace evidex::bench {

namespace {

namespace prefix = schema::prefix;

// Designs in the proportions a user asks for them, the common ones first.
constexpr Design design_choices[] = {Design::rct,  Design::rct,        Design::meta_analysis,
                                     Design::systematic_review, Design::cohort, Design::narrative_review,
                                     Design::case_report, Design::uncontrolled_trial};

class MixBuilder {
public:
    explicit MixBuilder(std::uint64_t seed) : rng_(seed) {}

    std::string text() {
        const auto roll = rng_.below(100);
        const int words = roll < 50 ? 1 : roll < 85 ? 2 : 3;
        std::string query;
        for (int i = 0; i < words; ++i) {
            const auto source = rng_.below(10);
            const std::string_view word = source < 6   ? nouns_.pick(rng_)
                                          : source < 9 ? adjectives_.pick(rng_)
                                                       : interventions_.pick(rng_);
            if (!query.empty()) query += ' ';
            query += word;
        }
        return query;
    }

    std::string condition() { return std::string(conditions[rng_.below(conditions.size())].id); }

    Design design() { return design_choices[rng_.below(std::size(design_choices))]; }

    YearRange years() {
        const int from = 1995 + static_cast<int>(rng_.below(31));
        const int to = std::min(2025, from + static_cast<int>(rng_.below(11)));
        return {from, to};
    }

    SearchRequest request(QueryCategory shape) {
        SearchRequest request;
        switch (shape) {
        case QueryCategory::text: request.query = text(); break;
        case QueryCategory::text_condition:
            request.query = text();
            request.condition = condition();
            break;
        case QueryCategory::design_years:
            if (rng_.percent(50)) request.query = text();
            request.design = design();
            request.years = years();
            break;
        case QueryCategory::facets: break;
        }
        return request;
    }

    QueryCategory shape() { return query_categories[rng_.below(3)]; }

private:
    SplitMix64 rng_;
    WordList nouns_{bench::nouns};
    WordList adjectives_{bench::adjectives};
    WordList interventions_{bench::interventions};
};

}  // namespace

std::string_view to_string(QueryCategory category) {
    switch (category) {
    case QueryCategory::text: return "text";
    case QueryCategory::text_condition: return "text+condition";
    case QueryCategory::design_years: return "design+years";
    case QueryCategory::facets: return "facets";
    }
    return "text";
}

std::vector<BenchQuery> build_query_mix(std::uint64_t seed, std::size_t per_category) {
    MixBuilder builder(seed);
    std::vector<BenchQuery> mix;
    for (std::size_t i = 0; i < per_category; ++i) {
        for (const QueryCategory category : query_categories) {
            BenchQuery query{category, {}};
            if (category == QueryCategory::facets) {
                query.request = builder.request(builder.shape());
                query.request.facets = true;
            } else {
                query.request = builder.request(category);
            }
            mix.push_back(std::move(query));
        }
    }
    return mix;
}

void write_query_mix(std::ostream& out, const std::vector<BenchQuery>& mix) {
    for (const auto& query : mix) {
        const SearchRequest& r = query.request;
        nlohmann::json filters = nlohmann::json::array({schema::make_term(prefix::doc_type, "study")});
        if (r.condition) filters.push_back(schema::make_term(prefix::condition, *r.condition));
        if (r.design) filters.push_back(schema::make_term(prefix::design, evidex::to_string(*r.design)));
        nlohmann::json years = nullptr;
        if (r.years) years = {r.years->from.value_or(0), r.years->to.value_or(9999)};
        const nlohmann::json line = {{"category", to_string(query.category)}, {"text", r.query},
                                     {"filters", filters},                    {"years", years},
                                     {"facets", r.facets},                    {"limit", r.limit}};
        out << line.dump() << '\n';
    }
}

}  // namespace evidex::bench
