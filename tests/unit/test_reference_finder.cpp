#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/page.h"
#include "core/references.h"
#include "core/text.h"
#include "support/paths.h"

using evidex::BlockKind;
using evidex::Page;
using evidex::PageBlock;
using evidex::find_references;

namespace {

PageBlock heading(std::string text, int level = 2) {
    PageBlock b;
    b.kind = BlockKind::heading;
    b.level = level;
    b.text = std::move(text);
    return b;
}

PageBlock paragraph(std::string text) {
    PageBlock b;
    b.text = std::move(text);
    return b;
}

PageBlock item(std::string label, std::string text) {
    PageBlock b;
    b.kind = BlockKind::list_item;
    b.list_label = std::move(label);
    b.text = std::move(text);
    return b;
}

Page page_of(std::vector<PageBlock> blocks) {
    Page page;
    page.source = "test";
    page.blocks = std::move(blocks);
    return page;
}

const char* const de_baaij =
    "de Baaij JH, Hoenderop JG, Bindels RJ. Magnesium in man: implications for health and disease. Physiol Rev. "
    "2015;95(1):1-46. doi:10.1152/physrev.00012.2014";
const char* const eby = "Eby GA, Eby KL. Rapid recovery from major depression using magnesium treatment. Med Hypotheses. 2006;67(2):362-370.";
const char* const firoz = "Firoz M, Graber M. Bioavailability of US commercial magnesium preparations. Magnes Res. 2001;14(4):257-262.";
const char* const reddy = "Reddy P, Edwards LR. Magnesium Supplementation in Vitamin D Deficiency. Am J Ther. 2019;26(1):e124-e132.";

std::vector<std::string> labels_of(const std::vector<evidex::ReferenceEntry>& entries) {
    std::vector<std::string> labels;
    for (const auto& e : entries) labels.push_back(e.label);
    return labels;
}

std::string seed(const char* name) {
    std::string text;
    REQUIRE(evidex::read_file((evidex::test::shared_dir() / "seeds" / name).string(), text));
    return text;
}

}  // namespace

TEST_CASE("find_references takes the items after a references heading and stops at the next heading") {
    const auto page = page_of({heading("Benefits"), item("1", "Promotes Heart Health"), paragraph("Magnesium helps."),
                               heading("References"), item("1", de_baaij), item("2", eby), item("3", firoz),
                               heading("About us"), item("1", reddy)});
    const auto entries = find_references(page);
    CHECK(labels_of(entries) == std::vector<std::string>{"1", "2", "3"});
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].doi == "10.1152/physrev.00012.2014");
    CHECK(entries[1].authors.front() == "Eby");
    CHECK(entries[2].journal == "Magnes Res");
}

TEST_CASE("find_references knows the names a reference section goes by, as a heading or a short line") {
    for (const char* name : {"References", "REFERENCES:", "Reference List", "Works Cited", "Cited Works",
                             "Scientific Studies", "Studies", "Sources", "Citations", "Bibliography", "Literature",
                             "Literature Cited", "Further Reading", "7. References"}) {
        CAPTURE(std::string(name));
        CHECK(find_references(page_of({paragraph("Body text."), heading(name), item("1", eby)})).size() == 1);
        // Text pages may leave the heading as a short paragraph when the list follows at once.
        CHECK(find_references(page_of({paragraph("Body text."), paragraph(name), item("1", eby)})).size() == 1);
    }
    // Other headings over a single list item are not reference sections.
    for (const char* name : {"Benefits", "Frequently Asked Questions", "Studies show magnesium helps"}) {
        CAPTURE(std::string(name));
        CHECK(find_references(page_of({heading(name), item("1", eby)})).empty());
    }
}

TEST_CASE("find_references makes one entry of each paragraph of a two-line reference, labelled by position") {
    // Seed 002's "Works Cited": a body on one line and a quoted title on the next, one paragraph each.
    const auto page = page_of(
        {paragraph("A study published in Sleep suggests magnesium helps."), heading("Works Cited"),
         paragraph("National Center for Biotechnology Information \"Magnesium therapy for periodic leg movements\""),
         paragraph("National Institute of Neurological Disorders and Stroke (NINDS). Restless Legs Syndrome Fact Sheet: "
                   "National Institute of Neurological Disorders and Stroke (NINDS)"),
         heading("Expert Opinion"), paragraph("Quote: \"Some small studies indicate that magnesium may help.\"")});
    const auto entries = find_references(page);
    REQUIRE(entries.size() == 2);
    CHECK(labels_of(entries) == std::vector<std::string>{"1", "2"});
    CHECK(entries[0].authors == std::vector<std::string>{"National Center for Biotechnology Information"});
    CHECK(entries[0].title == "Magnesium therapy for periodic leg movements");
    CHECK(entries[1].web_page);
}

TEST_CASE("find_references ends a reference section at the page's footer and skips prose inside it") {
    const std::string prose(500, 'x');
    const auto page = page_of({heading("Sources"), paragraph(eby), paragraph("Magnesium and prose " + prose),
                               paragraph(firoz), paragraph("Sophisticated Media LLC | Copyright \xC2\xA9 2009-2014"),
                               paragraph(reddy)});
    const auto entries = find_references(page);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].authors.front() == "Eby");
    CHECK(entries[1].authors.front() == "Firoz");
}

TEST_CASE("find_references keeps a reference section's deeper sub-headings inside it") {
    const auto page = page_of({heading("References", 2), heading("Journal articles", 3), item("1", eby),
                               heading("Reviews", 3), item("2", de_baaij), heading("Comments", 2), item("1", firoz)});
    CHECK(labels_of(find_references(page)) == std::vector<std::string>{"1", "2"});
}

TEST_CASE("find_references falls back to a trailing numbered list that reads as references") {
    const auto page = page_of({paragraph("Why magnesium matters."), item("1", "Promotes Heart Health"),
                               item("2", "Improves Sleep Quality"), item("3", "Builds Stronger Bones"),
                               paragraph("Talk to your doctor."), item("1", eby), item("2", firoz), item("3", reddy),
                               item("4", de_baaij)});
    const auto entries = find_references(page);
    CHECK(labels_of(entries) == std::vector<std::string>{"1", "2", "3", "4"});
    REQUIRE(entries.size() == 4);
    CHECK(entries[3].doi == "10.1152/physrev.00012.2014");
}

TEST_CASE("find_references finds nothing on pages without a reference list") {
    CHECK(find_references(Page{}).empty());
    CHECK(find_references(page_of({paragraph("Studies have shown a correlation between magnesium and sleep.")})).empty());
    // Two references are not a list; numbered benefits are not references.
    CHECK(find_references(page_of({item("1", eby), item("2", firoz)})).empty());
    CHECK(find_references(page_of({item("1", "Promotes Heart Health"), item("2", "Improves Sleep Quality"),
                                   item("3", "Builds Stronger Bones")}))
              .empty());
    // A heading with nothing under it.
    CHECK(find_references(page_of({paragraph("Text."), heading("References")})).empty());
}

TEST_CASE("find_references reads an entry's DOI or PubMed link when its text has none") {
    PageBlock entry = item("1", "Eby GA, Eby KL. Rapid recovery from major depression. Med Hypotheses. 2006;67(2):362-370. Link PubMed");
    entry.links = {{"Link", "https://doi.org/10.1016/j.mehy.2006.01.047"}, {"PubMed", "https://pubmed.ncbi.nlm.nih.gov/16542786/"}};
    const auto entries = find_references(page_of({heading("References"), entry}));
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].doi == "10.1016/j.mehy.2006.01.047");
    CHECK(entries[0].pmid == "16542786");
}

TEST_CASE("find_references reads the 38 references of the sales page through the text loader") {
    EVIDEX_REQUIRE_SHARED();
    const auto page = evidex::load_page(seed("000_11ac764d89010b1a.txt"), "000");
    const auto entries = find_references(page);
    REQUIRE(entries.size() == 38);
    for (std::size_t i = 0; i < entries.size(); ++i) CHECK(entries[i].label == std::to_string(i + 1));
    CHECK(entries[0].authors.front() == "de Baaij");
    CHECK(entries[2].doi == "10.3390/nu9050429");
    CHECK(entries[29].doi == entries[2].doi);
    CHECK(entries[30].unpublished);
    CHECK(entries[37].web_page);
    // The numbered "benefits" list higher up is not part of it.
    for (const auto& e : entries) CHECK(e.raw.find("Promotes Heart Health") == std::string::npos);
}

TEST_CASE("find_references reads the short RLS page's Works Cited and nothing on the blog article") {
    EVIDEX_REQUIRE_SHARED();
    const auto rls = find_references(evidex::load_page(seed("002_d57e46c96e91923f.txt"), "002"));
    REQUIRE(rls.size() == 2);
    CHECK(rls[0].title == "Magnesium therapy for periodic leg movements");
    CHECK(rls[1].authors.front() == "National Institute of Neurological Disorders and Stroke (NINDS)");
    CHECK(rls[1].web_page);
    CHECK(find_references(evidex::load_page(seed("001_202e87e664587784.txt"), "001")).empty());
}

TEST_CASE("find_references reads an ordered list under a references heading in HTML") {
    const std::string html = std::string("<html><body><h1>Magnesium</h1><p>Body.</p><h2>References</h2><ol><li>") + eby +
                             "</li><li>" + firoz + "</li></ol><footer>Copyright 2024</footer></body></html>";
    const auto entries = find_references(evidex::load_page_html(html, "test.html"));
    CHECK(labels_of(entries) == std::vector<std::string>{"1", "2"});
}
