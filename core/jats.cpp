// parse_jats_abstract: Crossref's JATS abstract fragments as labelled plain-text sections.
#include <pugixml.hpp>

#include "core/crossref_markup.h"
#include "core/crossref_parser.h"
#include "core/text.h"

namespace evidex {

namespace {

// "jats:sec" -> "sec": Crossref writes the JATS prefix, some publishers leave it out.
std::string_view local_name(const pugi::xml_node& node) {
    std::string_view name = node.name();
    if (const auto colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
    return name;
}

bool is_block(std::string_view name) {
    for (std::string_view block : {"p", "title", "sec", "list", "list-item", "label", "disp-quote", "table-wrap",
                                   "table", "tr", "td", "th", "caption", "break", "def-list", "def-item"})
        if (name == block) return true;
    return false;
}

// All text below `node`; block elements are kept apart by a space, inline ones (italic, sup, sub)
// run into their neighbours as printed. Entities are still raw here (see clean_text).
void append_text(const pugi::xml_node& node, std::string& out) {
    for (const pugi::xml_node& child : node.children()) {
        const auto type = child.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            out += child.value();
        } else if (type == pugi::node_element) {
            const bool block = is_block(local_name(child));
            if (block) out += ' ';
            append_text(child, out);
            if (block) out += ' ';
        }
    }
}

std::string clean_text(std::string_view raw) { return collapse_whitespace(decode_entities(raw)); }

std::string text_of(const pugi::xml_node& node) {
    std::string raw;
    append_text(node, raw);
    return clean_text(raw);
}

// A leading "Abstract" heading names the whole thing, not a section.
bool is_abstract_heading(std::string_view title) {
    std::string lower = ascii_lower(title);
    while (!lower.empty() && (lower.back() == ':' || lower.back() == '.')) lower.pop_back();
    return lower == "abstract";
}

class SectionCollector {
public:
    void read_top(const pugi::xml_node& root) {
        for (const pugi::xml_node& child : root.children()) {
            const std::string_view name = child.type() == pugi::node_element ? local_name(child) : "";
            if (name == "sec") {
                flush();
                read_sec(child);
                label_.clear();
            } else if (name == "title") {
                flush();
                std::string title = text_of(child);
                label_ = is_abstract_heading(title) ? std::string() : std::move(title);
            } else {
                append_node(child);
            }
        }
        flush();
    }

    std::vector<AbstractSection> take() { return std::move(sections_); }

private:
    // One <sec>: its first <title> is the label; nested sections become sections of their own.
    void read_sec(const pugi::xml_node& sec) {
        std::string label;
        bool have_title = false;
        for (const pugi::xml_node& child : sec.children()) {
            const std::string_view name = child.type() == pugi::node_element ? local_name(child) : "";
            if (name == "title" && !have_title) {
                label = text_of(child);
                have_title = true;
            } else if (name == "sec") {
                label_ = label;
                flush();
                read_sec(child);
            } else {
                append_node(child);
            }
        }
        label_ = label;
        flush();
    }

    void append_node(const pugi::xml_node& node) {
        const auto type = node.type();
        if (type == pugi::node_pcdata || type == pugi::node_cdata) {
            text_ += node.value();
        } else if (type == pugi::node_element) {
            text_ += ' ';
            append_text(node, text_);
            text_ += ' ';
        }
    }

    void flush() {
        std::string text = clean_text(text_);
        text_.clear();
        if (text.empty()) return;
        sections_.push_back(AbstractSection{label_, "", std::move(text)});
    }

    std::vector<AbstractSection> sections_;
    std::string label_;  // label of the text being gathered
    std::string text_;   // raw text gathered since the last flush
};

}  // namespace

std::vector<AbstractSection> parse_jats_abstract(std::string_view jats) {
    const std::string_view body = trim(jats);
    if (body.empty()) return {};
    if (body.find('<') == std::string_view::npos) {
        std::string text = clean_text(body);
        if (text.empty()) return {};
        return {AbstractSection{"", "", std::move(text)}};
    }

    // A fragment has no single root: wrap it. Escapes are left to decode_entities so that HTML
    // names (&nbsp;, &ndash;) that XML does not know are decoded too, and only once.
    const std::string wrapped = "<abstract>" + std::string(body) + "</abstract>";
    pugi::xml_document doc;
    const unsigned flags = (pugi::parse_default & ~pugi::parse_escapes) | pugi::parse_ws_pcdata;
    const pugi::xml_parse_result parsed = doc.load_buffer(wrapped.data(), wrapped.size(), flags, pugi::encoding_utf8);
    if (!parsed) {
        // Not well-formed (an unescaped '<' in prose, a stray tag): keep the text anyway.
        std::string text = strip_markup(body);
        if (text.empty()) return {};
        return {AbstractSection{"", "", std::move(text)}};
    }
    SectionCollector collector;
    collector.read_top(doc.document_element());
    return collector.take();
}

}  // namespace evidex
