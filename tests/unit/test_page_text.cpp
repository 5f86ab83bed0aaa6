#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/page.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::BlockKind;
using evidex::load_page_text;
using evidex::Page;

namespace {

std::string read_or_fail(const std::filesystem::path& path) {
    std::string content;
    REQUIRE_MESSAGE(evidex::read_file(path.string(), content), "cannot read " << path.string());
    return content;
}

Page load_data_page(const char* name) {
    const auto path = evidex::test::data_dir() / "pages" / name;
    return load_page_text(read_or_fail(path), path.string());
}

Page load_seed(const char* name) {
    const auto path = evidex::test::shared_dir() / "seeds" / name;
    return load_page_text(read_or_fail(path), path.string());
}

std::size_t index_of_heading(const Page& page, std::string_view text) {
    for (std::size_t i = 0; i < page.blocks.size(); ++i)
        if (page.blocks[i].kind == BlockKind::heading && page.blocks[i].text == text) return i;
    return page.blocks.size();
}

}  // namespace

TEST_CASE("load_page_text splits blocks on blank lines and joins the lines of a paragraph") {
    const Page page = load_page_text("Magnesium is a mineral.\nIt is found in nuts.\n\n\n  Second   paragraph here.  \n",
                                     "inline.txt");
    CHECK(page.source == "inline.txt");
    REQUIRE(page.blocks.size() == 2);
    CHECK(page.blocks[0].kind == BlockKind::paragraph);
    CHECK(page.blocks[0].text == "Magnesium is a mineral. It is found in nuts.");
    CHECK(page.blocks[1].text == "Second paragraph here.");
}

TEST_CASE("load_page_text handles empty input, a byte order mark and CRLF line ends") {
    CHECK(load_page_text("", "empty.txt").blocks.empty());
    CHECK(load_page_text(" \n\t\n\xC2\xA0\n", "blank.txt").blocks.empty());
    const Page page = load_page_text("\xEF\xBB\xBFSleep and Magnesium\r\n\r\nA body line.\r\n", "crlf.txt");
    CHECK(page.title == "Sleep and Magnesium");
    REQUIRE(page.blocks.size() == 2);
    CHECK(page.blocks[0].text == "Sleep and Magnesium");
    CHECK(page.blocks[1].text == "A body line.");
}

TEST_CASE("load_page_text makes a short line standing alone without final punctuation a heading") {
    struct Row {
        const char* line;
        bool heading;
    };
    const Row rows[] = {
        {"Scientific Studies", true},
        {"Works Cited", true},
        {"References:", true},                           // a colon introduces, it does not end
        {"What Is Restless Legs Syndrome?", true},       // FAQ pages head sections with questions
        {"And the bucket is empty.", false},
        {"Here\xE2\x80\x99s how they tested for bioavailability\xE2\x80\xA6", false},  // ends with "…"
        {"One study noted: \xE2\x80\x9CIt works.\xE2\x80\x9D", false},  // full stop inside the quotes
        {"Hurry, stock is low!", false},
        {"one two three four five six seven eight nine ten eleven twelve thirteen", false},
        {"Supercalifragilisticexpialidocious magnesium bisglycinate chelate supplementation recommendations", false},
        {"2016", false},
        {"https://example.org/page", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.line);
        const Page page = load_page_text(std::string("Intro sentence.\n\n") + row.line + "\n\nBody text.\n", "h.txt");
        REQUIRE(page.blocks.size() == 3);
        CHECK((page.blocks[1].kind == BlockKind::heading) == row.heading);
        CHECK(page.blocks[1].level == (row.heading ? 2 : 0));
    }
}

TEST_CASE("load_page_text gives the page's first line heading level 1 and makes it the title") {
    const Page page = load_page_text("Magnesium for Sleep\n\nIt may help.\n\nHow It Works\n\nNobody knows.\n", "t.txt");
    CHECK(page.title == "Magnesium for Sleep");
    REQUIRE(page.blocks.size() == 4);
    CHECK(page.blocks[0].kind == BlockKind::heading);
    CHECK(page.blocks[0].level == 1);
    CHECK(page.blocks[2].kind == BlockKind::heading);
    CHECK(page.blocks[2].level == 2);
}

TEST_CASE("load_page_text does not make a short line a heading when the paragraph goes on") {
    const Page page = load_page_text("Intro.\n\nShort line\ncontinues the paragraph\n", "p.txt");
    REQUIRE(page.blocks.size() == 2);
    CHECK(page.blocks[1].kind == BlockKind::paragraph);
    CHECK(page.blocks[1].text == "Short line continues the paragraph");
}

TEST_CASE("load_page_text starts list items at bullets and numbers, keeping the number as list_label") {
    struct Row {
        const char* line;
        bool item;
        const char* label;
        const char* text;
    };
    const Row rows[] = {
        {"  \xE2\x80\xA2 Sleep faster", true, "", "Sleep faster"},
        {"\xE2\x80\xA2Tight bullet", true, "", "Tight bullet"},
        {"- Dash item", true, "", "Dash item"},
        {"* Star item", true, "", "Star item"},
        {"\xE2\x80\x93 En dash item", true, "", "En dash item"},
        {"1. First", true, "1", "First"},
        {"  12) Twelfth", true, "12", "Twelfth"},
        {"[3] Third", true, "3", "Third"},
        {"[3]Third tight", true, "3", "Third tight"},
        {"007. Seventh", true, "7", "Seventh"},
        {"1.5 mg is a dose.", false, "", "1.5 mg is a dose."},
        {"2016. A year is not an item.", false, "", "2016. A year is not an item."},
        {"-5 degrees is cold.", false, "", "-5 degrees is cold."},
        {"*emphasis* is not a bullet.", false, "", "*emphasis* is not a bullet."},
    };
    for (const auto& row : rows) {
        CAPTURE(row.line);
        const Page page = load_page_text(std::string("Intro.\n\n") + row.line + "\n", "l.txt");
        REQUIRE(page.blocks.size() == 2);
        const auto& block = page.blocks[1];
        CHECK((block.kind == BlockKind::list_item) == row.item);
        CHECK(block.list_label == row.label);
        CHECK(block.text == row.text);
    }
}

TEST_CASE("load_page_text continues a list item on a deeper line and ends it at a shallower one") {
    const Page page = load_page_text(
        "Intro.\n\n"
        "  \xE2\x80\xA2 May not prevent heart attacks\n"
        "    in people already taking statins\n"
        "  \xE2\x80\xA2 Second\n"
        "Is this product safe for children?\n\n"
        "No.\n",
        "c.txt");
    REQUIRE(page.blocks.size() == 5);
    CHECK(page.blocks[1].text == "May not prevent heart attacks in people already taking statins");
    CHECK(page.blocks[2].text == "Second");
    CHECK(page.blocks[3].kind == BlockKind::heading);
    CHECK(page.blocks[3].text == "Is this product safe for children?");
}

TEST_CASE("load_page_text finds bracketed and parenthesised citation markers and expands ranges") {
    using Marker = std::pair<std::size_t, std::vector<std::string>>;
    struct Row {
        const char* text;
        std::vector<Marker> expected;
    };
    const std::vector<Row> rows = {
        {"Sleep improved [3].", {{15, {"3"}}}},
        {"Sleep improved [1,2].", {{15, {"1", "2"}}}},
        {"Sleep improved [1, 2; 5].", {{15, {"1", "2", "5"}}}},
        {"Sleep improved [4-6].", {{15, {"4", "5", "6"}}}},
        {"Sleep improved [4\xE2\x80\x93" "6].", {{15, {"4", "5", "6"}}}},
        {"Sleep improved (1, 2).", {{15, {"1", "2"}}}},
        {"Sleep improved.(7) Mood too.", {{15, {"7"}}}},
        {"Sleep improved [1] and mood [2].", {{15, {"1"}}, {28, {"2"}}}},
        {"Sleep improved [500].", {{15, {"500"}}}},
        {"Sleep improved (2016).", {}},              // a year
        {"Sleep improved (n=10).", {}},              // a sample size
        {"Restless legs syndrome (RLS) is common.", {}},
        {"Nutrients. 2017;9(5):429.", {}},           // a journal issue follows a number, not a word
        {"(3) Sleep improved.", {}},                 // not after a word
        {"Sleep improved (501).", {}},
        {"Sleep improved [0].", {}},
        {"Sleep improved [6-4].", {}},
        {"Sleep improved [1-200].", {}},             // no reference list spans 200 in one marker
        {"Sleep improved [see note].", {}},
        {"See https://example.org/a[1] for more.", {}},  // part of the address
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const Page page = load_page_text(std::string("Intro.\n\n") + row.text + "\n", "m.txt");
        REQUIRE(page.blocks.size() == 2);
        const auto& markers = page.blocks[1].markers;
        REQUIRE(markers.size() == row.expected.size());
        for (std::size_t i = 0; i < markers.size(); ++i) {
            CHECK(markers[i].offset == row.expected[i].first);
            CHECK(markers[i].labels == row.expected[i].second);
        }
    }
}

TEST_CASE("load_page_text turns bare URLs into links without the sentence's punctuation") {
    struct Row {
        const char* text;
        std::vector<std::string> hrefs;
    };
    const std::vector<Row> rows = {
        {"Read https://doi.org/10.1000/xyz.", {"https://doi.org/10.1000/xyz"}},
        {"See (https://example.org/page) for more.", {"https://example.org/page"}},
        {"Wiki https://en.wikipedia.org/wiki/Magnesium_(element) is long.",
         {"https://en.wikipedia.org/wiki/Magnesium_(element)"}},
        {"Quoted \xE2\x80\x9Chttps://example.org/q\xE2\x80\x9D here.", {"https://example.org/q"}},
        {"Two: http://a.example/x, https://b.example/y.", {"http://a.example/x", "https://b.example/y"}},
        {"No link in doi:10.1000/xyz here.", {}},
        {"Just https:// alone.", {}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.text);
        const Page page = load_page_text(std::string("Intro.\n\n") + row.text + "\n", "u.txt");
        REQUIRE(page.blocks.size() == 2);
        const auto& links = page.blocks[1].links;
        REQUIRE(links.size() == row.hrefs.size());
        for (std::size_t i = 0; i < links.size(); ++i) {
            CHECK(links[i].href == row.hrefs[i]);
            CHECK(links[i].text == row.hrefs[i]);
        }
    }
}

TEST_CASE("load_page_text reads bracket markers but not years, sample sizes or abbreviations") {
    const Page page = load_data_page("bracket_markers.txt");
    REQUIRE(page.blocks.size() == 3);
    CHECK(page.blocks[0].kind == BlockKind::heading);
    const auto& body = page.blocks[1];
    REQUIRE(body.markers.size() == 5);
    const std::vector<std::string> firsts = {"[1]", "[2,3]", "[4-6]", "[7\xE2\x80\x93" "9]", "(10, 11)"};
    for (std::size_t i = 0; i < firsts.size(); ++i) {
        CAPTURE(i);
        CHECK(body.text.compare(body.markers[i].offset, firsts[i].size(), firsts[i]) == 0);
    }
    CHECK(body.markers[3].labels == std::vector<std::string>{"7", "8", "9"});
    CHECK(body.markers[4].labels == std::vector<std::string>{"10", "11"});
    CHECK(page.blocks[2].markers.empty());
}

TEST_CASE("load_page_text keeps the headings, bullets and numbered references of a text page") {
    const Page page = load_data_page("text_lists_and_headings.txt");
    CHECK(page.title == "Omega-3 Fatty Acids for Heart Health");
    const std::size_t key_points = index_of_heading(page, "Key Points");
    REQUIRE(key_points + 5 < page.blocks.size());
    for (std::size_t i = key_points + 1; i <= key_points + 5; ++i) {
        CHECK(page.blocks[i].kind == BlockKind::list_item);
        CHECK(page.blocks[i].list_label.empty());
    }
    CHECK(index_of_heading(page, "How much should you take?") < page.blocks.size());
    const std::size_t references = index_of_heading(page, "References");
    REQUIRE(references + 3 == page.blocks.size() - 1);
    const auto& first = page.blocks[references + 1];
    CHECK(first.list_label == "1");
    CHECK(first.text == "Author A. First reference. J Example. 2019;1(1):1-2. https://doi.org/10.1000/example.1");
    REQUIRE(first.links.size() == 1);
    CHECK(first.links[0].href == "https://doi.org/10.1000/example.1");
    CHECK(page.blocks[references + 2].list_label == "2");
    const auto& third = page.blocks[references + 3];
    CHECK(third.list_label == "3");
    REQUIRE(third.links.size() == 1);
    CHECK(third.links[0].href == "https://pubmed.ncbi.nlm.nih.gov/123456/");
}

TEST_CASE("load_page_text gives seed 000 a Scientific Studies heading followed by 38 numbered references") {
    EVIDEX_REQUIRE_SHARED();
    const Page page = load_seed("000_11ac764d89010b1a.txt");
    CHECK(page.title == "Special Offer");
    const std::size_t heading = index_of_heading(page, "Scientific Studies");
    REQUIRE(heading + 38 < page.blocks.size());
    for (std::size_t i = 1; i <= 38; ++i) {
        const auto& item = page.blocks[heading + i];
        CAPTURE(i);
        CHECK(item.kind == BlockKind::list_item);
        CHECK(item.list_label == std::to_string(i));
    }
    CHECK(page.blocks[heading + 1].text ==
          "de Baaij JH, Hoenderop JG, Bindels RJ. Magnesium in man: implications for health and disease. "
          "Physiol Rev. 2015;95(1):1-46. doi:10.1152/physrev.00012.2014");
    // The numbered benefits earlier on the page are list items too, each followed by its paragraph.
    const std::size_t benefits = index_of_heading(page, "Magnesium Breakthrough Benefits");
    REQUIRE(benefits + 2 < page.blocks.size());
    CHECK(page.blocks[benefits + 1].list_label == "1");
    CHECK(page.blocks[benefits + 1].text == "Promotes Heart Health");
    CHECK(page.blocks[benefits + 2].kind == BlockKind::paragraph);
}

TEST_CASE("load_page_text finds the section headings of seeds 001 and 002") {
    EVIDEX_REQUIRE_SHARED();
    const Page article = load_seed("001_202e87e664587784.txt");
    CHECK(article.blocks.at(0).level == 1);
    CHECK(article.title == "Magnesium: A Potential Solution for Migraines and Restless Leg Syndrome");
    CHECK(index_of_heading(article, "Magnesium and Restless Leg Syndrome: Calming the Uncontrollable Urge") <
          article.blocks.size());
    CHECK(index_of_heading(article, "Conclusion: The Future of Magnesium in Migraine and RLS Management") <
          article.blocks.size());

    const Page rls = load_seed("002_d57e46c96e91923f.txt");
    CHECK(rls.title == "Does Magnesium Help Restless Leg Syndrome?");
    const std::size_t cited = index_of_heading(rls, "Works Cited");
    REQUIRE(cited + 2 < rls.blocks.size());
    CHECK(rls.blocks[cited + 1].text == "National Center for Biotechnology Information \"Magnesium therapy for periodic leg movements\"");
    CHECK(rls.blocks[cited + 2].kind == BlockKind::paragraph);
}

TEST_CASE("load_page_text does not take a byline for a heading") {
    const Page page = load_page_text("Does Magnesium Help?\n\nAuthor: Staff Writers\n\nBy Jane Doe\n\nMagnesium CAN help.\n", "t");
    REQUIRE(page.blocks.size() == 4);
    CHECK(page.blocks[0].kind == BlockKind::heading);
    CHECK(page.blocks[1].kind == BlockKind::paragraph);
    CHECK(page.blocks[2].kind == BlockKind::paragraph);
}
