// One generated PubMed article: what the generator decided for a record, before it is written
// out as XML. A record is a function of the run's seed and its number alone.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "bench/words.h"

namespace evidex::bench {

// What kind of study a record is; it decides the publication types and the wording, and so the
// design Evidex gives it.
enum class ArticleKind {
    plain, rct, clinical_trial, observational, comparative, case_report, review, systematic_review,
    meta_analysis
};

// The design id of schemas/designs.tsv that Evidex derives for an article of this kind.
std::string_view expected_design(ArticleKind kind);

struct NamedUi {
    std::string_view name;
    std::string_view ui;
};

struct GeneratedMesh {
    NamedUi descriptor;
    bool major = false;
    std::optional<NamedUi> qualifier;
};

struct GeneratedAuthor {
    std::string_view family;
    std::string_view given;
    std::string initials;
    std::string affiliation;  // empty when the record gives none
};

struct AbstractSection {
    std::string_view label;  // empty in an unstructured abstract
    std::string text;
};

struct GeneratedArticle {
    std::uint64_t pmid = 0;
    ArticleKind kind = ArticleKind::plain;
    int year = 0;
    int month = 1;
    int day = 1;
    int completed_year = 0;
    int revised_year = 0;
    std::size_t journal = 0;   // index into journal_subjects
    int journal_style = 0;     // how the journal's name is formed
    int volume = 0;
    int issue = 0;
    int first_page = 0;
    int last_page = 0;
    std::string doi;
    std::string title;
    std::vector<AbstractSection> abstract;
    std::vector<GeneratedAuthor> authors;
    std::string_view language;
    std::vector<NamedUi> publication_types;
    std::vector<GeneratedMesh> mesh;
    std::vector<const ConditionEntry*> conditions;
    std::optional<int> sample_size;  // stated in the abstract
    bool states_result = false;
};

// The record numbered `record` (0-based) of a run with this seed.
GeneratedArticle generate_article(std::uint64_t seed, std::uint64_t record);

}  // namespace evidex::bench
