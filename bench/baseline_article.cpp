#include "bench/baseline_article.h"

#include <cctype>

#include "bench/prng.h"

namespace evidex::bench {

namespace {

constexpr NamedUi journal_article{"Journal Article", "D016428"};
constexpr NamedUi research_support{"Research Support, Non-U.S. Gov't", "D013485"};
constexpr NamedUi humans{"Humans", "D006801"};

struct KindShare {
    ArticleKind kind;
    unsigned per_thousand;
    NamedUi type;          // the publication type beside Journal Article, if any
    NamedUi second_type;   // a further one, if any
};

// Shares close to those of the recent baseline among clinical records.
constexpr KindShare kind_shares[] = {
    {ArticleKind::rct, 90, {"Randomized Controlled Trial", "D016449"}, {}},
    {ArticleKind::clinical_trial, 40, {"Clinical Trial", "D016430"}, {}},
    {ArticleKind::observational, 60, {"Observational Study", "D064888"}, {}},
    {ArticleKind::comparative, 60, {"Comparative Study", "D003160"}, {}},
    {ArticleKind::case_report, 50, {"Case Reports", "D002363"}, {}},
    {ArticleKind::review, 100, {"Review", "D016454"}, {}},
    {ArticleKind::systematic_review, 30, {"Systematic Review", "D000078182"}, {"Review", "D016454"}},
    {ArticleKind::meta_analysis, 20, {"Meta-Analysis", "D017418"}, {"Review", "D016454"}},
    {ArticleKind::plain, 550, {}, {}},
};

constexpr NamedUi general_mesh[] = {
    {"Quality of Life", "D011788"},
    {"Risk Factors", "D012307"},               {"Dietary Supplements", "D019587"},
    {"Severity of Illness Index", "D012720"},  {"Follow-Up Studies", "D005500"},
    {"Time Factors", "D013997"},               {"Exercise", "D015444"},
    {"Patient Satisfaction", "D017060"},
};
constexpr NamedUi age_mesh[] = {
    {"Adult", "D000328"}, {"Middle Aged", "D008875"}, {"Aged", "D000368"}, {"Young Adult", "D055815"},
};
constexpr NamedUi qualifiers[] = {
    {"drug therapy", "Q000188"}, {"therapy", "Q000628"}, {"epidemiology", "Q000453"},
    {"diagnosis", "Q000175"},
};
constexpr std::string_view other_languages[] = {"ger", "fre", "spa", "jpn", "chi"};

// The word lists with their Zipf pickers, built once.
struct Vocabulary {
    WordList nouns{bench::nouns};
    WordList adjectives{bench::adjectives};
    WordList verbs{bench::verbs};
    WordList populations{bench::populations};
    WordList interventions{bench::interventions};
    WordList outcomes{general_outcomes};
    WordList family{family_names};
    WordList given{given_names};
};

const Vocabulary& vocabulary() {
    static const Vocabulary words;
    return words;
}

std::string capitalized(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// Builds the text of one record from its generator.
class ArticleWriter {
public:
    ArticleWriter(SplitMix64& rng, GeneratedArticle& article) : rng_(rng), a_(article), w_(vocabulary()) {}

    void write() {
        choose_kind();
        choose_conditions();
        choose_facts();
        write_title();
        write_abstract();
        write_authors();
        write_mesh();
    }

private:
    std::string noun() { return std::string(w_.nouns.pick(rng_)); }
    std::string adjective() { return std::string(w_.adjectives.pick(rng_)); }
    std::string verb() { return std::string(w_.verbs.pick(rng_)); }

    void choose_kind() {
        auto roll = static_cast<unsigned>(rng_.below(1000));
        for (const auto& share : kind_shares) {
            if (roll >= share.per_thousand) {
                roll -= share.per_thousand;
                continue;
            }
            a_.kind = share.kind;
            if (a_.kind == ArticleKind::case_report) {
                a_.publication_types = {share.type, journal_article};
            } else {
                a_.publication_types = {journal_article};
                if (!share.type.name.empty()) a_.publication_types.push_back(share.type);
                if (!share.second_type.name.empty()) a_.publication_types.push_back(share.second_type);
            }
            break;
        }
        if (rng_.percent(25)) a_.publication_types.push_back(research_support);
    }

    void choose_conditions() {
        if (!rng_.percent(30)) return;
        const std::size_t first = rng_.below(conditions.size());
        a_.conditions.push_back(&conditions[first]);
        if (rng_.percent(20)) {
            const std::size_t second = (first + 1 + rng_.below(conditions.size() - 1)) % conditions.size();
            a_.conditions.push_back(&conditions[second]);
        }
    }

    void choose_facts() {
        // Recent years are more common, as in the baseline.
        a_.year = 2025 - static_cast<int>(rng_.below(31) * rng_.below(31) / 30);
        a_.month = rng_.between(1, 12);
        a_.day = rng_.between(1, 28);
        a_.completed_year = a_.year + static_cast<int>(rng_.below(2));
        a_.revised_year = std::max(a_.completed_year, 2025 - static_cast<int>(rng_.below(3)));
        a_.journal = rng_.below(journal_subjects.size());
        a_.journal_style = static_cast<int>(a_.journal % 3);
        a_.volume = rng_.between(1, 120);
        a_.issue = rng_.between(1, 12);
        a_.first_page = rng_.between(1, 2400);
        a_.last_page = a_.first_page + rng_.between(3, 14);
        a_.language = rng_.percent(94) ? "eng" : other_languages[rng_.below(std::size(other_languages))];
        a_.doi = "10.5555/ejb." + std::to_string(a_.year) + "." + std::to_string(a_.pmid);
        intervention_ = w_.interventions.pick(rng_);
        population_ = w_.populations.pick(rng_);
        outcome_ = a_.conditions.empty() ? w_.outcomes.pick(rng_) : a_.conditions.front()->outcome;
        switch (a_.kind) {
        case ArticleKind::rct: a_.sample_size = rng_.between(20, 480); break;
        case ArticleKind::clinical_trial: a_.sample_size = rng_.between(8, 120); break;
        case ArticleKind::observational: a_.sample_size = rng_.between(200, 24000); break;
        case ArticleKind::comparative:
        case ArticleKind::plain:
            if (rng_.percent(45)) a_.sample_size = rng_.between(12, 3000);
            break;
        default: break;
        }
        a_.states_result = a_.kind != ArticleKind::case_report && rng_.percent(85);
    }

    std::string target() {
        if (a_.conditions.empty()) return adjective() + " " + noun();
        std::string text(a_.conditions[0]->phrase);
        if (a_.conditions.size() > 1) text += " and " + std::string(a_.conditions[1]->phrase);
        return text;
    }

    void write_title() {
        static constexpr std::string_view leads[] = {"Effect of", "Effects of", "Association of", "Use of",
                                                     "Impact of", "Role of"};
        std::string title = std::string(leads[rng_.below(std::size(leads))]) + " " + std::string(intervention_) +
                            " on " + target() + " in " + std::string(population_);
        if (rng_.percent(70)) title += " with " + adjective() + " " + noun();
        if (rng_.percent(40)) title += " in " + adjective() + " " + noun() + " settings";
        switch (a_.kind) {
        case ArticleKind::rct:
            title += rng_.percent(50) ? ": a randomized controlled trial"
                                      : ": a randomized, double-blind, placebo-controlled trial";
            break;
        case ArticleKind::clinical_trial: title += ": an open-label single-arm trial"; break;
        case ArticleKind::observational: title += ": a prospective cohort study"; break;
        case ArticleKind::case_report: title += ": a case report"; break;
        case ArticleKind::review: title += ": a narrative review"; break;
        case ArticleKind::systematic_review: title += ": a systematic review"; break;
        case ArticleKind::meta_analysis: title += ": a systematic review and meta-analysis"; break;
        default: break;
        }
        a_.title = capitalized(title) + ".";
    }

    // A sentence of general clinical prose.
    std::string filler() {
        switch (rng_.below(6)) {
        case 0: return capitalized(adjective() + " " + noun() + " and " + noun() + " were " + verb() + " at each " + noun() + ".");
        case 1: return "The " + adjective() + " " + noun() + " of " + noun() + " was " + verb() + " with a " + adjective() + " " + noun() + " " + noun() + ".";
        case 2: return "Data on " + noun() + ", " + noun() + " and " + adjective() + " " + noun() + " were " + verb() + " from " + noun() + " records.";
        case 3: return "Changes in " + noun() + " " + noun() + " were " + verb() + " against " + adjective() + " " + noun() + " values.";
        case 4: return capitalized(adjective() + " " + noun() + " remained " + adjective() + " across " + noun() + " and " + noun() + " subgroups.");
        default: return capitalized(noun() + " " + noun() + " was " + verb() + " in " + adjective() + " and " + adjective() + " " + noun() + " settings.");
        }
    }

    std::string sentences(int count) {
        std::string text;
        for (int i = 0; i < count; ++i) {
            if (!text.empty()) text += ' ';
            text += filler();
        }
        return text;
    }

    std::string background() {
        std::string text;
        if (!a_.conditions.empty())
            text = capitalized(std::string(a_.conditions[0]->phrase)) + " is a common condition that affects " + noun() +
                   " and " + noun() + " in " + std::string(population_) + ". ";
        text += sentences(3) + " This study evaluated " + std::string(intervention_) + " and " +
                std::string(outcome_) + " in " + std::string(population_) + ".";
        return text;
    }

    std::string methods() {
        const std::string n = a_.sample_size ? std::to_string(*a_.sample_size) : "";
        const std::string weeks = std::to_string(rng_.between(4, 52));
        std::string text;
        switch (a_.kind) {
        case ArticleKind::rct:
            text = "A total of " + n + " " + std::string(population_) + " were randomized to " +
                   std::string(intervention_) + " or placebo for " + weeks + " weeks.";
            break;
        case ArticleKind::clinical_trial:
            text = "In this open-label single-arm trial, " + n + " " + std::string(population_) + " (n = " + n +
                   ") received " + std::string(intervention_) + " for " + weeks + " weeks.";
            break;
        case ArticleKind::observational:
            text = "In this prospective cohort of " + n + " " + std::string(population_) + ", " +
                   std::string(intervention_) + " use was " + verb() + " at baseline.";
            break;
        case ArticleKind::case_report:
            text = "We report a case of a " + std::to_string(rng_.between(19, 88)) + "-year-old woman treated with " +
                   std::string(intervention_) + ".";
            break;
        case ArticleKind::review:
            text = "This review summarizes recent work on " + std::string(intervention_) + " and " + noun() + ".";
            break;
        case ArticleKind::systematic_review:
        case ArticleKind::meta_analysis:
            text = "MEDLINE, Embase and CENTRAL were searched for trials of " + std::string(intervention_) + ".";
            if (a_.kind == ArticleKind::meta_analysis) text += " Random-effects models pooled the trial estimates.";
            break;
        case ArticleKind::comparative:
        case ArticleKind::plain:
            if (a_.sample_size)
                text = rng_.percent(50) ? "We examined data from " + n + " " + std::string(population_) + "."
                                        : "Participants (n = " + n + ") completed a " + adjective() + " questionnaire.";
            else
                text = "We " + verb() + " " + std::string(intervention_) + " use and " + noun() + ".";
            break;
        }
        return text + " The change in " + std::string(outcome_) + " was " + verb() + " after " + weeks + " weeks. " +
               sentences(3);
    }

    std::string results() {
        std::string text;
        if (a_.states_result) {
            const bool positive = rng_.percent(55);
            const std::string p = "p = 0.0" + std::to_string(rng_.between(1, 4));
            const bool against_placebo = a_.kind == ArticleKind::rct;
            if (positive)
                text = capitalized(std::string(intervention_)) + " significantly reduced " + std::string(outcome_) +
                       (against_placebo ? " compared with placebo (" : " (") + p + ").";
            else
                text = "There was no significant difference in " + std::string(outcome_) + " between " +
                       std::string(intervention_) + (against_placebo ? " and placebo." : " users and non-users.");
        }
        if (!text.empty()) text += ' ';
        return text + sentences(4);
    }

    std::string conclusions() {
        return capitalized(std::string(intervention_)) + " may be a " + adjective() + " option for " + target() +
               ". " + sentences(2);
    }

    void write_abstract() {
        if (rng_.percent(40)) {
            a_.abstract = {{"BACKGROUND", background()}, {"METHODS", methods()}, {"RESULTS", results()},
                           {"CONCLUSIONS", conclusions()}};
        } else {
            a_.abstract = {{"", background() + " " + methods() + " " + results() + " " + conclusions()}};
        }
    }

    void write_authors() {
        const int count = 1 + static_cast<int>((rng_.below(10) + rng_.below(10)) / 2);
        for (int i = 0; i < count; ++i) {
            GeneratedAuthor author{w_.family.pick(rng_), w_.given.pick(rng_), "", ""};
            author.initials = std::string(1, author.given[0]);
            if (rng_.percent(30)) author.initials += static_cast<char>('A' + rng_.below(26));
            if (i == 0 || rng_.percent(60))
                author.affiliation = "Department of " + std::string(departments[rng_.below(departments.size())]) + ", " +
                                     std::string(family_names[rng_.below(family_names.size())]) + " University, " +
                                     std::string(places[rng_.below(places.size())]) + ".";
            a_.authors.push_back(std::move(author));
        }
    }

    void write_mesh() {
        for (const ConditionEntry* condition : a_.conditions) {
            GeneratedMesh heading{{condition->mesh, condition->mesh_ui}, true, std::nullopt};
            if (rng_.percent(70)) heading.qualifier = qualifiers[rng_.below(std::size(qualifiers))];
            a_.mesh.push_back(heading);
        }
        a_.mesh.push_back({humans, false, std::nullopt});
        const auto sex = rng_.below(3);
        if (sex != 1) a_.mesh.push_back({{"Female", "D005260"}, false, std::nullopt});
        if (sex != 0) a_.mesh.push_back({{"Male", "D008297"}, false, std::nullopt});
        a_.mesh.push_back({age_mesh[rng_.below(std::size(age_mesh))], false, std::nullopt});
        if (a_.kind == ArticleKind::rct) {
            a_.mesh.push_back({{"Double-Blind Method", "D004311"}, false, std::nullopt});
            a_.mesh.push_back({{"Treatment Outcome", "D016896"}, false, std::nullopt});
        }
        const auto general = rng_.below(3);
        for (std::uint64_t i = 0; i < general; ++i)
            a_.mesh.push_back({general_mesh[rng_.below(std::size(general_mesh))], false, std::nullopt});
    }

    SplitMix64& rng_;
    GeneratedArticle& a_;
    const Vocabulary& w_;
    std::string_view intervention_;
    std::string_view population_;
    std::string_view outcome_;
};

}  // namespace

std::string_view expected_design(ArticleKind kind) {
    switch (kind) {
    case ArticleKind::rct: return "rct";
    case ArticleKind::clinical_trial: return "uncontrolled-trial";
    case ArticleKind::observational: return "cohort";
    case ArticleKind::case_report: return "case-report";
    case ArticleKind::review: return "narrative-review";
    case ArticleKind::systematic_review: return "systematic-review";
    case ArticleKind::meta_analysis: return "meta-analysis";
    case ArticleKind::comparative:
    case ArticleKind::plain: return "other";
    }
    return "other";
}

GeneratedArticle generate_article(std::uint64_t seed, std::uint64_t record) {
    SplitMix64 rng = record_generator(seed, record);
    GeneratedArticle article;
    article.pmid = 30000001 + record;
    ArticleWriter(rng, article).write();
    return article;
}

}  // namespace evidex::bench
