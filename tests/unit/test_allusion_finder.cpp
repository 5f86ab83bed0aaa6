#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/references.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::Allusion;
using evidex::BlockKind;
using evidex::Page;
using evidex::PageBlock;
using evidex::find_allusions;

namespace {

Page page_of(const std::vector<std::string>& paragraphs) {
    Page page;
    for (const auto& text : paragraphs) {
        PageBlock b;
        b.text = text;
        page.blocks.push_back(b);
    }
    return page;
}

Page seed_page(const char* name) {
    std::string text;
    REQUIRE(evidex::read_file((evidex::test::shared_dir() / "seeds" / name).string(), text));
    return evidex::load_page(text, name);
}

struct Expected {
    const char* starts;  // the sentence's first words
    const char* journal;
    std::optional<int> year;
    const char* design;
    std::optional<int> n;
    std::optional<int> n_studies;
};

void check_allusions(const std::vector<Allusion>& found, const std::vector<Expected>& expected) {
    REQUIRE(found.size() == expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        CAPTURE(found[i].text);
        CHECK(found[i].text.rfind(expected[i].starts, 0) == 0);
        CHECK(found[i].journal == expected[i].journal);
        CHECK(found[i].year == expected[i].year);
        CHECK(found[i].design_words == expected[i].design);
        CHECK(found[i].n == expected[i].n);
        CHECK(found[i].n_studies == expected[i].n_studies);
    }
}

}  // namespace

TEST_CASE("find_allusions finds each journal the blog article names, with year and design") {
    EVIDEX_REQUIRE_SHARED();
    check_allusions(
        find_allusions(seed_page("001_202e87e664587784.txt")),
        {
            {"For example, a 2016 study published in", "Headache", 2016, "study", {}, {}},
            {"For example, a case study published in", "Cephalalgia", {}, "case study", {}, {}},
            // "the “Journal of ...”": the article outside the quotes is not the journal's.
            {"A study published in the", "Journal of the American College of Nutrition", {}, "study", {}, {}},
            {"Another study published in the", "European Journal of Clinical Nutrition", {}, "study", {}, {}},
            // "review in ‘Nutrients’": no verb, so only a quoted name counts.
            {"A 2016 review in", "Nutrients", 2016, "review", {}, {}},
            {"For instance, a meta-analysis published in", "Sleep Medicine Reviews", {}, "meta-analysis", {}, {}},
            {"A study published in the", "Journal of the American Osteopathic Association", {}, "study", {}, {}},
            // "in the journal ‘Sleep Medicine’": the words "the journal" are not the name.
            {"A study published in the journal", "Sleep Medicine", {}, "study", {}, {}},
        });
}

TEST_CASE("find_allusions reads the RLS page's study in Sleep with its 10 patients from the next paragraph") {
    EVIDEX_REQUIRE_SHARED();
    const auto page = seed_page("002_d57e46c96e91923f.txt");
    const auto found = find_allusions(page);
    check_allusions(found, {
                               // "Sleep, the Official Publication of the ... Societies, LLC," names the journal "Sleep".
                               {"A study published in Sleep", "Sleep", {}, "study", 10, {}},
                               // Quoted on the page as expert opinion, below the Works Cited.
                               {"An open study of 10 people", "", {}, "open study", 10, {}},
                           });
    REQUIRE(!found.empty());
    CHECK(page.blocks[found[0].block].text.rfind("A study published in Sleep", 0) == 0);
}

TEST_CASE("find_allusions finds the sales page's trials and meta-analyses by their numbers") {
    EVIDEX_REQUIRE_SHARED();
    check_allusions(find_allusions(seed_page("000_11ac764d89010b1a.txt")),
                    {
                        {"In a clinical trial involving 65 diabetes patients", "", {}, "clinical trial", 65, {}},
                        {"In a small clinical trial involving 46 elderly subjects", "", {}, "clinical trial", 46, {}},
                        {"In a clinical trial involving 73,684 postmenopausal women", "", {}, "clinical trial", 73684, {}},
                        {"A meta-analysis of 34 randomized control trials", "", {}, "meta-analysis", {}, 34},
                        {"In a meta-analysis involving 32,198 people", "", {}, "meta-analysis", 32198, {}},
                    });
}

TEST_CASE("find_allusions does not take generic mentions of studies for allusions") {
    for (const char* text : {
             "Studies have shown a correlation between low magnesium levels and an increased risk of migraines.",
             "Some small studies indicate that magnesium may help with leg cramps.",
             "In fact, one study found that this form may improve blood vessel health in healthy overweight individuals.",
             "This meta-analysis reviewed multiple studies and found that magnesium supplementation improved symptoms.",
             "A growing body of research points to a potential link with magnesium levels.",
             "Another trial found that magnesium supplements improved mood in seniors.",
             "Take 500 mg of magnesium with 2 glasses of water.",
             "A study in mice suggests that magnesium calms.",
         }) {
        CAPTURE(std::string(text));
        CHECK(find_allusions(page_of({text})).empty());
    }
}

TEST_CASE("find_allusions reads journals written without quotes and years after published in") {
    struct Row {
        const char* text;
        const char* journal;
        std::optional<int> year;
    };
    const Row rows[] = {
        {"A trial published in the New England Journal of Medicine found a benefit.", "New England Journal of Medicine", {}},
        {"A study published in 2016 in Headache found fewer migraine days.", "Headache", 2016},
        {"One review appearing in Nutrients, a journal by MDPI, agreed.", "Nutrients", {}},
        {"This study reported in \"Magnesium Research\" was small.", "Magnesium Research", {}},
        {"A 2019 analysis published in the journal Sleep and Breathing says so.", "Sleep and Breathing", 2019},
    };
    for (const auto& row : rows) {
        CAPTURE(std::string(row.text));
        const auto found = find_allusions(page_of({row.text}));
        REQUIRE(found.size() == 1);
        CHECK(found[0].journal == row.journal);
        CHECK(found[0].year == row.year);
    }
}

TEST_CASE("find_allusions takes the number from the next sentence only when it speaks of the same study") {
    // Same block, next sentence: the number belongs to the study.
    auto found = find_allusions(page_of({"A study published in Headache tested magnesium. It enrolled 81 patients."}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].n == 81);
    // The next paragraph must refer back to it.
    found = find_allusions(page_of({"A study published in Headache tested magnesium.", "It enrolled 81 patients."}));
    REQUIRE(found.size() == 1);
    CHECK_FALSE(found[0].n.has_value());
    found = find_allusions(page_of({"A study published in Headache tested magnesium.", "The trial enrolled 81 patients."}));
    REQUIRE(found.size() == 1);
    CHECK(found[0].n == 81);
    // A second allusion keeps its own number.
    found = find_allusions(page_of({"A study published in Headache tested magnesium. A trial of 40 adults did not."}));
    REQUIRE(found.size() == 2);
    CHECK_FALSE(found[0].n.has_value());
    CHECK(found[1].n == 40);
}

TEST_CASE("find_allusions skips the reference section and headings") {
    Page page = page_of({"Body text without allusions.", "References",
                         "A 2016 study published in Headache. Headache. 2016;56(1):1-10."});
    page.blocks[1].kind = BlockKind::heading;
    page.blocks[1].level = 2;
    page.blocks[2].kind = BlockKind::list_item;
    page.blocks[2].list_label = std::to_string(1);
    CHECK(find_allusions(page).empty());
    Page titled = page_of({"A 2016 study published in Headache"});
    titled.blocks[0].kind = BlockKind::heading;
    CHECK(find_allusions(titled).empty());
    CHECK(find_allusions(Page{}).empty());
}
