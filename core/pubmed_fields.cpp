// PubMed field readers: all text of a node, abstracts, authors, MeSH headings.
#include <cctype>
#include <cstring>

#include "core/pubmed_xml.h"
#include "core/ids.h"
#include "core/text.h"

namespace evidex {

namespace {

bool is_no(const pugi::xml_attribute& attribute) { return std::strcmp(attribute.value(), "N") == 0; }

std::string child_text(const pugi::xml_node& node, const char* name) { return pubmed_text(node.child(name)); }

}  // namespace

std::string pubmed_text(const pugi::xml_node& node) {
    std::string raw;
    // Walks the subtree without recursion, so deep markup cannot exhaust the stack.
    pugi::xml_node current = node.first_child();
    while (current) {
        const auto type = current.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) raw += current.value();
        if (type == pugi::node_element && current.first_child()) {
            current = current.first_child();
            continue;
        }
        while (current != node && !current.next_sibling()) current = current.parent();
        if (current == node) break;
        current = current.next_sibling();
    }
    return collapse_whitespace(raw);
}

std::vector<AbstractSection> read_pubmed_abstract(const pugi::xml_node& abstract) {
    std::vector<AbstractSection> sections;
    for (const auto& text : abstract.children("AbstractText")) {
        AbstractSection section;
        section.label = collapse_whitespace(text.attribute("Label").value());
        section.nlm_category = collapse_whitespace(text.attribute("NlmCategory").value());
        section.text = pubmed_text(text);
        if (section.text.empty() && section.label.empty()) continue;
        sections.push_back(std::move(section));
    }
    return sections;
}

std::vector<Author> read_pubmed_authors(const pugi::xml_node& author_list) {
    std::vector<Author> authors;
    for (const auto& node : author_list.children("Author")) {
        if (is_no(node.attribute("ValidYN"))) continue;
        Author author;
        author.family = child_text(node, "LastName");
        author.given = child_text(node, "ForeName");
        author.initials = child_text(node, "Initials");
        author.suffix = child_text(node, "Suffix");
        author.collective = child_text(node, "CollectiveName");
        if (!author.collective.empty()) {
            // A group is named by its collective name alone (Author documents the invariant).
            author.family.clear();
            author.given.clear();
            author.initials.clear();
            author.suffix.clear();
        }
        if (author.family.empty() && author.collective.empty()) continue;
        for (const auto& identifier : node.children("Identifier")) {
            if (std::strcmp(identifier.attribute("Source").value(), "ORCID") != 0) continue;
            author.orcid = normalize_orcid(identifier.text().get());
            if (!author.orcid.empty()) break;
        }
        authors.push_back(std::move(author));
    }
    return authors;
}

std::vector<MeshHeading> read_pubmed_mesh(const pugi::xml_node& mesh_heading_list) {
    std::vector<MeshHeading> headings;
    for (const auto& node : mesh_heading_list.children("MeshHeading")) {
        const auto descriptor = node.child("DescriptorName");
        MeshHeading heading;
        heading.descriptor = pubmed_text(descriptor);
        if (heading.descriptor.empty()) continue;
        heading.ui = collapse_whitespace(descriptor.attribute("UI").value());
        heading.major = std::strcmp(descriptor.attribute("MajorTopicYN").value(), "Y") == 0;
        for (const auto& qualifier : node.children("QualifierName")) {
            auto text = pubmed_text(qualifier);
            if (!text.empty()) heading.qualifiers.push_back(std::move(text));
        }
        headings.push_back(std::move(heading));
    }
    return headings;
}

}  // namespace evidex
