// The record model: one study as Evidex knows it, whatever source it came from.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/vocabulary.h"

namespace evidex {

// One section of an abstract. Unstructured abstracts have one section with an empty label.
struct AbstractSection {
    std::string label;         // as printed ("BACKGROUND", "Methods"), may be empty
    std::string nlm_category;  // PubMed's NlmCategory when present ("CONCLUSIONS", "UNASSIGNED")
    std::string text;          // all text of the section, inline markup dropped, entities decoded
};

// A person or a group named as author. Exactly one of `family` or `collective` is non-empty.
struct Author {
    std::string family;
    std::string given;       // ForeName or given names, may be empty
    std::string initials;    // PubMed Initials, may be empty
    std::string suffix;      // "Jr", may be empty
    std::string collective;  // CollectiveName or an organisation author
    std::string orcid;       // bare 0000-0000-0000-0000 form when known

    // "de Baaij JH", "Smith J", or the collective name.
    [[nodiscard]] std::string display() const;
};

struct MeshHeading {
    std::string descriptor;              // "Magnesium"
    std::string ui;                      // "D008274", may be empty
    bool major = false;                  // MajorTopicYN on the descriptor
    std::vector<std::string> qualifiers; // "therapeutic use", ...
};

// A link to another record: a retraction, an erratum, a comment.
// `kind` is PubMed's CommentsCorrections RefType ("RetractionIn", "ErratumFor", ...) or
// Crossref's update type ("retraction", "correction").
struct RelatedNotice {
    std::string kind;
    std::string pmid;   // may be empty
    std::string doi;    // may be empty
    std::string note;   // RefSource or label
};

// Why a derived field has its value: the rule that fired and the text that triggered it.
struct Reason {
    std::string field;  // "design", "n", ...
    std::string rule;   // rule id from schemas/
    std::string span;   // the text that triggered it, may be empty
};

// What a study gave its participants, as far as the record says.
struct Intervention {
    std::string substance;              // "magnesium", a supplement vocabulary id
    std::string form;                   // "oxide", "citrate", "l-threonate"; empty when not stated
    std::string route;                  // "oral", "intravenous", "topical"; empty when not stated
    std::optional<double> daily_dose_mg;  // normalised to mg/day where the text allows
    std::string span;                   // the text the dose or form was read from

    [[nodiscard]] bool empty() const { return substance.empty(); }
};

struct Study {
    // Identifiers. `doi` is normalised (see ids.h); `pmid` is digits only, no version.
    std::string pmid;
    std::string doi;
    std::string pmcid;  // "PMC1234567"

    // Bibliographic record.
    std::string title;
    std::vector<AbstractSection> abstract;
    std::vector<Author> authors;
    std::string journal;       // full journal title where known
    std::string journal_abbrev;// ISO abbreviation / MedlineTA, may be empty
    std::string volume;
    std::string issue;
    std::string pages;
    std::optional<int> year;
    std::vector<std::string> publication_types;  // NLM names, or the Crossref/CSL type
    std::vector<MeshHeading> mesh;
    std::vector<std::string> keywords;
    std::string language;  // "eng", or as the source gives it
    std::vector<RelatedNotice> notices;
    bool retracted = false;        // this record has been retracted
    bool is_notice = false;        // this record is itself a retraction/erratum notice, not a study
    Source source = Source::pubmed;
    bool book = false;             // PubmedBookArticle, or a book/chapter type

    // Derived by classification.
    Design design = Design::other;
    Blinding blinding = Blinding::unknown;
    bool placebo = false;             // placebo-controlled
    bool pilot = false;               // called a pilot or feasibility study
    bool crossover = false;
    std::optional<int> n;             // participants (people or animals), never studies
    std::optional<int> n_studies;     // for reviews: the number of studies pooled
    std::string duration;             // "8 weeks", as the record states it
    std::vector<std::string> population;  // population vocabulary ids
    Intervention intervention;
    std::vector<std::string> conditions;
    ResultDirection result_direction = ResultDirection::unclear;
    std::vector<std::string> flags;
    std::vector<Reason> reasons;

    [[nodiscard]] int level() const { return level_of(design); }
    // All abstract sections joined as plain text, "LABEL: text" for labelled ones.
    [[nodiscard]] std::string abstract_text() const;
    // The title, abstract_text() and each keyword, on lines of their own: the text the condition
    // and population classifiers read.
    [[nodiscard]] std::string text_with_keywords() const;
    // "pmid:N" when a PMID is known, else "doi:X" when a DOI is, else title_key(): the id a
    // study is filed, shown, cited and exported under.
    [[nodiscard]] std::string key() const;
    // "title:" and 16 hex digits of the FNV-1a hash of the normalised title, the first author's
    // normalised family (or group) name and the year, each on a line of its own: the key of a
    // record with neither PMID nor DOI, the same for every record of the same work.
    [[nodiscard]] std::string title_key() const;
};

// The key of a study with this PMID ("pmid:N") or, lacking one, this DOI ("doi:X"): the one
// spelling of the rule Study::key() follows, for code that holds an id without a study.
[[nodiscard]] std::string pmid_key(std::string_view pmid);
[[nodiscard]] std::string doi_key(std::string_view doi);

// Fills every empty field of `into` from `from`, and merges lists without duplicates.
// Used when one study arrives from two sources (PubMed and Crossref) and must stay one record.
void merge_study(Study& into, const Study& from);

}  // namespace evidex
