#include "core/index_schema.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <unordered_map>

#include "core/text.h"

namespace evidex::schema {

namespace {
constexpr std::size_t max_term_bytes = 245;

// The offset the shortened terms of existing indexes were hashed with (not FNV's standard one).
constexpr std::uint64_t long_term_offset = 1469598103934665603ULL;
}  // namespace

int stored_version(const std::string& stored) {
    if (stored.empty() || stored.size() > 6 || !std::all_of(stored.begin(), stored.end(), is_ascii_digit)) return 0;
    return std::stoi(stored);
}

const std::vector<PrefixEntry>& prefixes() {
    static const std::vector<PrefixEntry> table{
        {"unique_id", prefix::unique_id},   {"doc_type", prefix::doc_type},
        {"pmid", prefix::pmid},             {"doi", prefix::doi},
        {"pmcid", prefix::pmcid},           {"title", prefix::title},
        {"abstract", prefix::abstract},     {"author", prefix::author},
        {"journal", prefix::journal},       {"year", prefix::year},
        {"language", prefix::language},     {"mesh", prefix::mesh},
        {"publication_type", prefix::publication_type},
        {"keyword", prefix::keyword},       {"source", prefix::source},
        {"design", prefix::design},         {"level", prefix::level},
        {"blinding", prefix::blinding},     {"condition", prefix::condition},
        {"population", prefix::population}, {"intervention", prefix::intervention},
        {"direction", prefix::direction},   {"flag", prefix::flag},
        {"status", prefix::status},         {"claim", prefix::claim},
        {"claim_text", prefix::claim_text}, {"verdict", prefix::verdict},
        {"strength", prefix::strength},     {"page", prefix::page},
        {"cites", prefix::cites},
    };
    return table;
}

const std::vector<SlotEntry>& slots() {
    static const std::vector<SlotEntry> table{
        {"year", slot::year}, {"level", slot::level}, {"n", slot::n},
        {"level_year", slot::level_year}, {"facets", slot::facets},
    };
    return table;
}

std::string make_term(std::string_view prefix_text, std::string_view value) {
    std::string term;
    term.reserve(prefix_text.size() + value.size());
    term.append(prefix_text);
    term.append(value);
    if (term.size() <= max_term_bytes) return term;
    char hash[24];
    std::snprintf(hash, sizeof hash, "#%016llx", static_cast<unsigned long long>(fnv1a(value, long_term_offset)));
    // Cut on a UTF-8 boundary so the kept part stays valid text.
    std::size_t keep = max_term_bytes - 17;
    while (keep > prefix_text.size() && (static_cast<unsigned char>(term[keep]) & 0xC0) == 0x80) --keep;
    term.resize(keep);
    term += hash;
    return term;
}

namespace {

// The English stemmer with a memory of the words it has stemmed. A record's few hundred words
// are mostly words met before ("the", "patients", "randomized"), and a lookup costs less than
// running the stemmer again; the memory is emptied when it reaches `capacity` words, so it
// stays small however many records go by. One per thread: neither the stemmer nor the memory
// may be shared between threads.
class RememberingStemmer : public Xapian::StemImplementation {
public:
    std::string operator()(const std::string& word) override {
        if (const auto found = stems_.find(word); found != stems_.end()) return found->second;
        if (stems_.size() >= capacity) stems_.clear();
        return stems_.emplace(word, english_(word)).first->second;
    }
    std::string get_description() const override { return "english, remembered"; }

private:
    static constexpr std::size_t capacity = 1 << 16;
    Xapian::Stem english_{"english"};
    std::unordered_map<std::string, std::string> stems_;
};

const Xapian::Stem& english_stemmer() {
    thread_local const Xapian::Stem stemmer(new RememberingStemmer);
    return stemmer;
}

}  // namespace

void set_text_stemming(Xapian::TermGenerator& terms) {
    terms.set_stemmer(english_stemmer());
    terms.set_stemming_strategy(Xapian::TermGenerator::STEM_ALL);
}

void set_text_stemming(Xapian::QueryParser& parser) {
    parser.set_stemmer(english_stemmer());
    parser.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
}

std::string text_term(std::string_view prefix_text, std::string_view word) {
    return make_term(prefix_text, english_stemmer()(Xapian::Unicode::tolower(std::string(word))));
}

std::string unique_term_for_key(std::string_view key) { return make_term(prefix::unique_id, key); }

std::string facets_value(const Study& study) {
    std::vector<std::string> conditions = study.conditions;
    std::sort(conditions.begin(), conditions.end());
    conditions.erase(std::unique(conditions.begin(), conditions.end()), conditions.end());
    std::string value(to_string(study.design));
    value += '|';
    value += std::to_string(study.level());
    value += '|';
    if (study.year) value += std::to_string(*study.year);
    value += '|';
    value += to_string(study.result_direction);
    value += '|';
    bool first = true;
    for (const auto& id : conditions) {
        if (id.empty()) continue;
        if (!first) value += ' ';
        value += id;
        first = false;
    }
    return value;
}

std::optional<FacetFields> parse_facets_value(std::string_view value) {
    std::string_view parts[5];
    for (std::size_t i = 0; i < 4; ++i) {
        const auto bar = value.find('|');
        if (bar == std::string_view::npos) return std::nullopt;
        parts[i] = value.substr(0, bar);
        value.remove_prefix(bar + 1);
    }
    parts[4] = value;
    if (parts[4].find('|') != std::string_view::npos) return std::nullopt;
    FacetFields fields;
    fields.design = parts[0];
    const auto level = parse_int(parts[1]);
    if (!level) return std::nullopt;
    fields.level = *level;
    if (!parts[2].empty()) {
        fields.year = parse_int(parts[2]);
        if (!fields.year) return std::nullopt;
    }
    fields.direction = parts[3];
    for (std::string_view rest = parts[4]; !rest.empty();) {
        const auto space = rest.find(' ');
        if (const auto id = rest.substr(0, space); !id.empty()) fields.conditions.emplace_back(id);
        if (space == std::string_view::npos) break;
        rest.remove_prefix(space + 1);
    }
    return fields;
}

std::string level_year_key(int level, std::optional<int> year) {
    // Fixed width: one digit of level, four of (9999 - year); an unknown year sorts as year 0.
    std::string key(5, '0');
    key[0] = static_cast<char>('0' + std::clamp(level, 0, 9));
    int rest = 9999 - std::clamp(year.value_or(0), 0, 9999);
    for (std::size_t i = 4; i >= 1; --i, rest /= 10) key[i] = static_cast<char>('0' + rest % 10);
    return key;
}

std::string unique_term(const Study& study) { return unique_term_for_key(study.key()); }

}  // namespace evidex::schema
