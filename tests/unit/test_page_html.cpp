#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/page.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::BlockKind;
using evidex::load_page;
using evidex::load_page_html;
using evidex::Page;
using evidex::PageBlock;

namespace {

Page load_data_page(const char* name) {
    const auto path = evidex::test::data_dir() / "pages" / name;
    std::string content;
    REQUIRE_MESSAGE(evidex::read_file(path.string(), content), "cannot read " << path.string());
    return load_page_html(content, path.string());
}

const PageBlock* find_block(const Page& page, std::string_view text) {
    for (const auto& block : page.blocks)
        if (block.text == text) return &block;
    return nullptr;
}

bool any_block_contains(const Page& page, std::string_view needle) {
    for (const auto& block : page.blocks) {
        if (block.text.find(needle) != std::string::npos) return true;
        for (const auto& link : block.links)
            if (link.text.find(needle) != std::string::npos) return true;
    }
    return page.title.find(needle) != std::string::npos;
}

// The marker text at a marker's offset: what a reader sees there.
bool marker_at(const PageBlock& block, std::size_t index, std::string_view written) {
    return index < block.markers.size() && block.text.compare(block.markers[index].offset, written.size(), written) == 0;
}

}  // namespace

TEST_CASE("load_page_html turns each kind of block element into a block of the right kind") {
    struct Expected {
        BlockKind kind;
        int level;
        const char* label;
        const char* text;
    };
    struct Row {
        const char* html;
        std::vector<Expected> blocks;
    };
    const std::vector<Row> rows = {
        {"<h3>Dosage</h3>", {{BlockKind::heading, 3, "", "Dosage"}}},
        {"<p>Take it at night.</p>", {{BlockKind::paragraph, 0, "", "Take it at night."}}},
        {"<ul><li>Nuts</li><li>Seeds</li></ul>",
         {{BlockKind::list_item, 0, "", "Nuts"}, {BlockKind::list_item, 0, "", "Seeds"}}},
        {"<ol><li>First</li><li>Second</li></ol>",
         {{BlockKind::list_item, 0, "1", "First"}, {BlockKind::list_item, 0, "2", "Second"}}},
        {"<table><tr><th>Form</th><td>Citrate</td></tr></table>",
         {{BlockKind::table_cell, 0, "", "Form"}, {BlockKind::table_cell, 0, "", "Citrate"}}},
        {"<pre>dose   300 mg</pre>", {{BlockKind::preformatted, 0, "", "dose 300 mg"}}},
        {"<blockquote>It works.</blockquote>", {{BlockKind::paragraph, 0, "", "It works."}}},
        {"<dl><dt>RLS</dt><dd>Restless legs.</dd></dl>",
         {{BlockKind::paragraph, 0, "", "RLS"}, {BlockKind::paragraph, 0, "", "Restless legs."}}},
        {"<div>Loose text</div>", {{BlockKind::paragraph, 0, "", "Loose text"}}},
        // A list item's paragraphs are one item; a heading left open does not swallow what follows.
        {"<ol><li><p>Entry.</p><p>More.</p></li></ol>", {{BlockKind::list_item, 0, "1", "Entry. More."}}},
        {"<h2>Open heading<p>Body.</p>", {{BlockKind::heading, 2, "", "Open heading"}, {BlockKind::paragraph, 0, "", "Body."}}},
    };
    for (const auto& row : rows) {
        CAPTURE(row.html);
        const Page page = load_page_html(row.html, "inline.html");
        REQUIRE(page.blocks.size() == row.blocks.size());
        for (std::size_t i = 0; i < row.blocks.size(); ++i) {
            CHECK(page.blocks[i].kind == row.blocks[i].kind);
            CHECK(page.blocks[i].level == row.blocks[i].level);
            CHECK(page.blocks[i].list_label == row.blocks[i].label);
            CHECK(page.blocks[i].text == row.blocks[i].text);
        }
    }
}

TEST_CASE("load_page_html decodes entities, collapses white space and reads <br> as a space") {
    const Page page = load_page_html("<p>Fish&nbsp;oil &amp;\n\n   krill<br>oil&#8212;both &lt;3&gt;</p>", "e.html");
    REQUIRE(page.blocks.size() == 1);
    CHECK(page.blocks[0].text == "Fish oil & krill oil\xE2\x80\x94" "both <3>");
}

TEST_CASE("load_page_html takes the title from <title>, else from the first <h1>") {
    CHECK(load_page_html("<title>  Zinc \n and colds </title><h1>Other</h1>", "t.html").title == "Zinc and colds");
    CHECK(load_page_html("<h2>Not this</h2><h1>Zinc <em>and</em> colds</h1>", "t.html").title == "Zinc and colds");
    CHECK(load_page_html("<p>No title at all.</p>", "t.html").title.empty());
}

TEST_CASE("load_page_html numbers ordered list items, honouring start and value") {
    const Page page = load_data_page("numbered_ol_references.html");
    CHECK(page.title == "Fish oil and mood");
    struct Row {
        const char* starts;
        const char* label;
    };
    const Row rows[] = {
        {"First author A", "1"},
        {"Third author C", "2"},
        {"Fourth author D. A review wrapped in a paragraph. Second paragraph", "3"},
        {"An entry numbered from ten.", "10"},
        {"An entry that jumps to twenty.", "20"},
        {"And the one after it.", "21"},
    };
    for (const auto& row : rows) {
        CAPTURE(row.starts);
        const auto found = std::find_if(page.blocks.begin(), page.blocks.end(), [&](const PageBlock& b) {
            return b.text.rfind(row.starts, 0) == 0;
        });
        REQUIRE(found != page.blocks.end());
        CHECK(found->kind == BlockKind::list_item);
        CHECK(found->list_label == row.label);
    }
    const PageBlock* body = find_block(page, "Several trials have looked at omega-3 fatty acids in low mood [1], with mixed results [2,3].");
    REQUIRE(body);
    REQUIRE(body->markers.size() == 2);
    CHECK(marker_at(*body, 0, "[1]"));
    CHECK(marker_at(*body, 1, "[2,3]"));
    CHECK(body->markers[1].labels == std::vector<std::string>{"2", "3"});
}

TEST_CASE("load_page_html reads superscript numbers and in-page reference links as markers") {
    const Page page = load_data_page("superscript_markers.html");
    REQUIRE(page.blocks.size() == 4);
    const PageBlock& first = page.blocks[1];
    REQUIRE(first.markers.size() == 3);
    // A marker glued after a full stop moves before it, so the sentence still ends there.
    CHECK(first.text.rfind("Zinc lozenges may shorten a cold by a day or two [1]. Two later trials", 0) == 0);
    CHECK(marker_at(first, 0, "[1]. Two"));
    CHECK(first.markers[0].labels == std::vector<std::string>{"1"});
    CHECK(marker_at(first, 1, "2,3 and"));
    CHECK(first.markers[1].labels == std::vector<std::string>{"2", "3"});
    CHECK(marker_at(first, 2, "[4\xE2\x80\x93" "6]."));
    CHECK(first.markers[2].labels == std::vector<std::string>{"4", "5", "6"});

    const PageBlock& second = page.blocks[2];
    REQUIRE(second.markers.size() == 2);  // "[8]" inside <sup> is one marker, not two
    CHECK(marker_at(second, 0, "7;"));
    CHECK(second.markers[0].labels == std::vector<std::string>{"7"});
    CHECK(marker_at(second, 1, "[8]"));
    CHECK(second.markers[1].labels == std::vector<std::string>{"8"});
    CHECK(second.links.empty());  // jumps within the page are not links

    // Zn2+, 10 to the 6th and a trademark are superscripts but not citations.
    CHECK(page.blocks[3].markers.empty());
}

TEST_CASE("load_page_html takes a superscript's label from its #ref link when the text is a symbol") {
    const Page page = load_page_html("<p>Shown in a trial<sup><a href=\"#ref12\">\xE2\x80\xA0</a></sup>.</p>", "s.html");
    REQUIRE(page.blocks.size() == 1);
    REQUIRE(page.blocks[0].markers.size() == 1);
    CHECK(page.blocks[0].markers[0].labels == std::vector<std::string>{"12"});
    CHECK(marker_at(page.blocks[0], 0, "\xE2\x80\xA0"));
}

TEST_CASE("load_page_html keeps links with their block, including DOI, PubMed and bare URLs") {
    const Page page = load_data_page("doi_and_pubmed_links.html");
    REQUIRE(page.blocks.size() == 5);
    const auto& doi = page.blocks[1];
    REQUIRE(doi.links.size() == 1);
    CHECK(doi.links[0].href == "https://doi.org/10.1002/14651858.CD000980.pub4");
    CHECK(doi.links[0].text == "doi:10.1002/14651858.CD000980.pub4");
    const auto& pubmed = page.blocks[2];
    REQUIRE(pubmed.links.size() == 2);
    CHECK(pubmed.links[0].text == "PubMed");
    CHECK(pubmed.links[0].href == "https://pubmed.ncbi.nlm.nih.gov/6758587/");
    CHECK(pubmed.links[1].text == "Full text");
    CHECK(pubmed.links[1].href == "https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3000000/");
    const auto& bare = page.blocks[3];
    REQUIRE(bare.links.size() == 1);
    CHECK(bare.links[0].href == "https://ods.od.nih.gov/factsheets/VitaminC-Consumer/");
    CHECK(page.blocks[4].links.empty());  // javascript: is not a link
}

TEST_CASE("load_page_html gives a link around a block to that block") {
    const Page page = load_page_html("<a href=\"https://example.org/a\"><h3>Linked heading</h3></a>", "a.html");
    REQUIRE(page.blocks.size() == 1);
    REQUIRE(page.blocks[0].links.size() == 1);
    CHECK(page.blocks[0].links[0].text == "Linked heading");
    CHECK(page.blocks[0].links[0].href == "https://example.org/a");
}

TEST_CASE("load_page_html drops scripts, styles, navigation, forms and hidden elements") {
    const Page page = load_data_page("scripts_and_nav_dropped.html");
    CHECK(page.title == "Melatonin for jet lag");
    CHECK_FALSE(any_block_contains(page, "SECRET"));
    REQUIRE(page.blocks.size() == 3);
    CHECK(page.blocks[0].text == "Melatonin and jet lag");
    CHECK(page.blocks[1].text == "Taking melatonin near the target bedtime may ease jet lag after eastward flights.");
    CHECK(page.blocks[2].text == "Doses in trials ranged from half a milligram to five milligrams.");
}

TEST_CASE("load_page_html never lets script text into a block, wherever the script is") {
    const char* pages[] = {
        "<p>a<script>SCRIPT_TEXT</script>b</p>",
        "<ul><li>x<script>SCRIPT_TEXT</script></li></ul>",
        "<table><script>SCRIPT_TEXT</script><tr><td>y</td></tr></table>",
        "<html><body>z</body></html><script>SCRIPT_TEXT</script>",
        "<script>SCRIPT_TEXT",
        "<p>w<SCRIPT type=\"text/javascript\">if (a < b) { SCRIPT_TEXT(); }</SCRIPT></p>",
    };
    for (const char* html : pages) {
        CAPTURE(html);
        CHECK_FALSE(any_block_contains(load_page_html(html, "s.html"), "SCRIPT_TEXT"));
    }
}

TEST_CASE("load_page_html keeps header and footer inside an article and a form that holds the page") {
    const Page page = load_page_html(
        "<header>Site banner</header><form><article><header><h1>Article title</h1></header>"
        "<p>Body.</p><footer>Article footnote.</footer></article></form><footer>Site footer</footer>",
        "f.html");
    CHECK_FALSE(any_block_contains(page, "Site"));
    CHECK(find_block(page, "Article title"));
    CHECK(find_block(page, "Body."));
    CHECK(find_block(page, "Article footnote."));
}

TEST_CASE("load_page_html reads tables cell by cell") {
    const Page page = load_data_page("table_of_doses.html");
    const std::vector<std::string> cells = {"Form", "Dose", "Citrate", "300 mg", "Glycinate", "200 mg twice a day"};
    std::vector<std::string> found;
    for (const auto& block : page.blocks)
        if (block.kind == BlockKind::table_cell) found.push_back(block.text);
    CHECK(found == cells);
    CHECK(find_block(page, "Daily magnesium in the trials"));
}

TEST_CASE("load_page_html keeps text that is in no block as paragraphs") {
    const Page page = load_data_page("text_outside_blocks.html");
    std::vector<std::string> texts;
    for (const auto& block : page.blocks) texts.push_back(block.text);
    const std::vector<std::string> expected = {
        "Loose text in a division with emphasis", "A proper paragraph.", "more loose text after it",
        "A quoted line on two lines.", "RLS", "Restless legs syndrome.", "Outer item", "Inner item",
        "tail of the outer item", "dose 300 mg time evening"};
    CHECK(texts == expected);
    const PageBlock* tail = find_block(page, "tail of the outer item");
    REQUIRE(tail);
    CHECK(tail->kind == BlockKind::paragraph);  // not a second copy of the outer item
}

TEST_CASE("load_page_html repairs broken nesting the way a browser does") {
    const Page page = load_data_page("broken_nesting.html");
    std::vector<std::string> texts;
    for (const auto& block : page.blocks) texts.push_back(block.text);
    const std::vector<std::string> expected = {
        "Iron and fatigue", "Iron helped tired women without anaemia in one trial.",
        "A second paragraph that was never closed", "first point", "second point", "unclosed cell",
        "another cell", "Text after a stray closing tag", "Last words & c &zzz; <kept>"};
    CHECK(texts == expected);
    CHECK(page.blocks.at(0).kind == BlockKind::heading);
}

TEST_CASE("load_page_html never throws on garbage") {
    const std::string inputs[] = {
        "", "<", "<<<>>>", "</p></div></html>", "<p", "<a href=", "<table><td>", "<!--", "<sup>1",
        std::string("\xFF\xFE<p>\0x</p>", 11), "<ol start=\"-5\"><li value=\"abc\">x</ol>", "<li>outside a list",
    };
    for (const auto& input : inputs) {
        CAPTURE(input);
        CHECK_NOTHROW(load_page_html(input, "g.html"));
    }
    const Page orphan = load_page_html("<ol start=\"-5\"><li value=\"abc\">x</ol>", "g.html");
    REQUIRE(orphan.blocks.size() == 1);
    CHECK(orphan.blocks[0].list_label == "1");  // neither attribute is a usable number
}

TEST_CASE("load_page_html walks a page nested 10,000 deep without recursion") {
    for (const std::string tag : {"div", "span", "blockquote"}) {
        CAPTURE(tag);
        std::string html;
        for (int i = 0; i < 10000; ++i) html += "<" + tag + ">";
        html += "deep text";
        const Page page = load_page_html(html, "deep.html");
        REQUIRE(page.blocks.size() == 1);
        CHECK(page.blocks[0].text == "deep text");
    }
}

TEST_CASE("load_page_html loads a 20 MB page") {
    const std::string unit =
        "<p>Magnesium and sleep<sup>3</sup>, see <a href=\"https://doi.org/10.1000/x\">the trial</a>.</p>\n"
        "<ul><li>One item</li></ul><script>var x = 1;</script>\n";
    std::string html = "<!DOCTYPE html><html><head><title>Big</title></head><body>";
    std::size_t units = 0;
    while (html.size() < 20u * 1024 * 1024) {
        html += unit;
        ++units;
    }
    const Page page = load_page_html(html, "big.html");
    CHECK(page.title == "Big");
    REQUIRE(page.blocks.size() == 2 * units);
    CHECK(page.blocks.front().text == "Magnesium and sleep3, see the trial.");
    CHECK(page.blocks.front().markers.size() == 1);
    CHECK(page.blocks.front().links.size() == 1);
    CHECK(page.blocks.back().text == "One item");
}

TEST_CASE("load_page picks the HTML loader by content") {
    struct Row {
        std::string content;
        bool html;
    };
    const Row rows[] = {
        {"<!DOCTYPE html><p>x</p>", true},
        {"  \n<HTML><BODY>x</BODY></HTML>", true},
        {"\xEF\xBB\xBF<html>x", true},
        {"<div>x</div>", true},
        {"<p>x</p>", true},
        {"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body>x</body></html>", true},
        {"<2 mmHg was the effect.", false},
        {"Plain text that mentions <p> later.", false},        // the first byte is not "<"
        {"<note>\n" + std::string(2000, 'a') + "<p>x</p>", false},  // no page tag in the first KiB
        {"<paragraph>x</paragraph>", false},
    };
    for (const auto& row : rows) {
        CAPTURE(row.content.substr(0, 60));
        const Page page = load_page(row.content, "sniff");
        REQUIRE_FALSE(page.blocks.empty());
        // As HTML the tags are gone; as text they stay in the block.
        const bool tags_kept = page.blocks.front().text.find('<') != std::string::npos;
        CHECK(tags_kept == !row.html);
    }
}

TEST_CASE("load_page reads the seed text pages as text") {
    EVIDEX_REQUIRE_SHARED();
    const auto path = evidex::test::shared_dir() / "seeds" / "002_d57e46c96e91923f.txt";
    std::string content;
    REQUIRE(evidex::read_file(path.string(), content));
    const Page page = load_page(content, path.string());
    CHECK(page.source == path.string());
    CHECK(page.title == "Does Magnesium Help Restless Leg Syndrome?");
    CHECK(find_block(page, "Works Cited"));
}
