#include <doctest/doctest.h>

#include <string>

#include "core/html_nesting.h"
#include "core/page.h"

namespace {

std::string repeat(const std::string& s, std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

}  // namespace

TEST_CASE("flatten_deep_html leaves a page alone unless it nests deeper than the bound") {
    CHECK_FALSE(evidex::flatten_deep_html("<html><body><div><p>Zinc [1].</p></div></body></html>", 3));
    CHECK_FALSE(evidex::flatten_deep_html(repeat("<div>", 3) + "x" + repeat("</div>", 3), 3));
    // Elements that close themselves or may leave out their end tag do not deepen the page.
    CHECK_FALSE(evidex::flatten_deep_html(repeat("<p>a", 1000) + repeat("<li>b", 1000) + repeat("<br>", 1000) +
                                              repeat("<span/>", 1000),
                                          3));
    // Markup inside comments, scripts, styles and titles is text to the parser.
    CHECK_FALSE(evidex::flatten_deep_html("<!--" + repeat("<div>", 50) + "--><script>" + repeat("<div>", 50) +
                                              "</script><STYLE>" + repeat("<b>", 50) + "</style><title>" +
                                              repeat("<i>", 50) + "</title><p>ok",
                                          3));
    CHECK_FALSE(evidex::flatten_deep_html("a < b and c <3 <", 3));
}

TEST_CASE("flatten_deep_html leaves out the tags past the bound and keeps their text") {
    const auto page = repeat("<div>", 10) + "Zinc shortens colds [1]." + repeat("</div>", 10) + "<p>After.</p>";
    const auto flat = evidex::flatten_deep_html(page, 4);
    REQUIRE(flat);
    CHECK(*flat == repeat("<div>", 4) + "Zinc shortens colds [1]." + repeat("</div>", 4) + "<p>After.</p>");

    // A '>' inside a quoted attribute value does not end the tag; the whole tag goes.
    const auto quoted = evidex::flatten_deep_html("<b><i class=\"a>b\" title='c>d'>text</i></b>", 1);
    REQUIRE(quoted);
    CHECK(*quoted == "<b>text</b>");

    // Never closed, as hostile pages are: everything past the bound is left out.
    const auto open = evidex::flatten_deep_html(repeat("<div class=x>", 100000) + "deep text", 4096);
    REQUIRE(open);
    CHECK(*open == repeat("<div class=x>", 4096) + "deep text");
}

TEST_CASE("flatten_deep_html keeps lists, tables and headings past the bound, up to twice it") {
    const auto page = repeat("<div>", 10) + "<ol><li>Smith J. 1998.</ol>" + repeat("</div>", 10);
    const auto flat = evidex::flatten_deep_html(page, 4);
    REQUIRE(flat);
    CHECK(*flat == repeat("<div>", 4) + "<ol><li>Smith J. 1998.</ol>" + repeat("</div>", 4));

    const auto lists = evidex::flatten_deep_html(repeat("<ul>", 100) + "x", 4);
    REQUIRE(lists);
    CHECK(*lists == repeat("<ul>", 8) + "x");
}

TEST_CASE("load_page_html reads a page nested a hundred thousand deep, text and markers included") {
    const auto html = "<html><body>" + repeat("<div>", 100000) +
                      "Magnesium improves sleep [1].<ol><li>Smith J. Magnesium. Sleep. 1998.</li></ol>";
    const auto page = evidex::load_page_html(html, "deep.html");
    REQUIRE(page.blocks.size() == 2);
    CHECK(page.blocks[0].text == "Magnesium improves sleep [1].");
    REQUIRE(page.blocks[0].markers.size() == 1);
    CHECK(page.blocks[1].text == "Smith J. Magnesium. Sleep. 1998.");
    CHECK(page.blocks[1].list_label == "1");
}
