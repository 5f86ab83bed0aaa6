#include "core/conditions.h"

#include <algorithm>
#include <set>

#include "core/errors.h"
#include "core/text.h"
#include "core/tsv.h"

namespace evidex {

namespace {

// Every term of a row must be non-empty and must not already name another condition.
void index_terms(const TsvTable& table, const TsvRow& row, const std::vector<std::string>& terms,
                 std::size_t index, const std::vector<Condition>& conditions,
                 std::map<std::string, std::size_t>& by_term) {
    for (const auto& term : terms) {
        const std::string key = normalize_term(term);
        if (key.empty()) table.fail(row.line, "empty term in a '|' list");
        const auto [it, inserted] = by_term.emplace(key, index);
        if (!inserted && it->second != index)
            table.fail(row.line, "term '" + term + "' already names condition '" + conditions[it->second].id + "'");
    }
}

}  // namespace

ConditionVocabulary ConditionVocabulary::load(const std::filesystem::path& file) {
    const TsvTable table = load_tsv(file, {"id", "label", "mesh", "synonyms", "lay_terms"});
    ConditionVocabulary vocab;
    for (const auto& row : table.rows) {
        Condition c;
        c.id = row.at("id");
        c.label = row.at("label");
        c.mesh = row.at("mesh");
        c.synonyms = split_terms(row.at("synonyms"));
        c.lay_terms = split_terms(row.at("lay_terms"));
        if (!is_kebab_id(c.id)) table.fail(row.line, "condition id '" + c.id + "' is not kebab-case");
        if (c.label.empty()) table.fail(row.line, "condition '" + c.id + "' has no label");
        const std::size_t index = vocab.conditions_.size();
        for (const auto& other : vocab.conditions_)
            if (other.id == c.id) table.fail(row.line, "condition id '" + c.id + "' is repeated");
        std::vector<std::string> clinical{c.id, c.label};
        clinical.insert(clinical.end(), c.synonyms.begin(), c.synonyms.end());
        vocab.conditions_.push_back(c);
        index_terms(table, row, clinical, index, vocab.conditions_, vocab.by_term_);
        index_terms(table, row, c.lay_terms, index, vocab.conditions_, vocab.by_term_);
        for (const auto& term : clinical) {
            vocab.clinical_.add(term, index);
            vocab.every_.add(term, index);
        }
        for (const auto& term : c.lay_terms) vocab.every_.add(term, index);
    }
    return vocab;
}

const Condition* ConditionVocabulary::find(std::string_view name) const {
    const auto it = by_term_.find(normalize_term(name));
    return it == by_term_.end() ? nullptr : &conditions_[it->second];
}

std::vector<std::pair<std::string, std::string>> ConditionVocabulary::match(std::string_view text,
                                                                            ConditionTerms terms) const {
    return match(text, match_text(text), terms);
}

std::vector<std::pair<std::string, std::string>> ConditionVocabulary::match(std::string_view text, const MatchText& norm,
                                                                            ConditionTerms terms) const {
    const PhraseMatcher& matcher = terms == ConditionTerms::clinical ? clinical_ : every_;
    std::vector<std::pair<std::string, std::string>> found;
    std::set<std::size_t> seen;
    for (const auto& hit : matcher.find_all(norm)) {
        if (negated_at(text, hit.begin) || !seen.insert(hit.value).second) continue;
        found.emplace_back(conditions_[hit.value].id, std::string(text.substr(hit.begin, hit.end - hit.begin)));
    }
    return found;
}

void classify_conditions(Study& study, const ConditionVocabulary& vocab) {
    const std::string text = study.text_with_keywords();
    classify_conditions(study, vocab, text, match_text(text));
}

void classify_conditions(Study& study, const ConditionVocabulary& vocab, std::string_view text, const MatchText& norm) {
    std::set<std::string> ids(study.conditions.begin(), study.conditions.end());
    for (const auto& condition : vocab.all()) {
        if (condition.mesh.empty()) continue;
        for (const auto& heading : study.mesh) {
            if (!equals_icase(heading.descriptor, condition.mesh)) continue;
            if (ids.insert(condition.id).second)
                study.reasons.push_back({"conditions", "condition-mesh:" + condition.id, "MeSH: " + heading.descriptor});
            break;
        }
    }
    for (const auto& [id, span] : vocab.match(text, norm, ConditionTerms::clinical))
        if (ids.insert(id).second) study.reasons.push_back({"conditions", "condition-text:" + id, span});
    study.conditions.assign(ids.begin(), ids.end());
}

const Condition& require_condition(const ConditionVocabulary& vocab, const std::string& name, std::string_view command) {
    if (const Condition* condition = vocab.find(name)) return *condition;
    throw FatalError(ExitCode::usage, std::string(command) + ": unknown condition '" + name +
                                          "' (schemas/conditions.tsv lists them; see evidex-query " + std::string(command) + " --help)");
}

}  // namespace evidex
