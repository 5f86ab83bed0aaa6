// load_page_html: an HTML page through libgumbo into blocks.
// The tree is walked with an explicit stack, so a page nested 10,000 deep cannot overflow ours.
#include <gumbo.h>

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/html_nesting.h"
#include "core/page.h"
#include "core/page_block.h"
#include "core/page_html_roles.h"
#include "core/text.h"

namespace evidex {

namespace {

constexpr std::size_t no_frame = std::numeric_limits<std::size_t>::max();
constexpr int sup_marker_max = 9999;  // a superscript number is a marker whatever its size

bool starts_with_space(std::string_view s) { return !s.empty() && (is_space(s.front()) || s.substr(0, 2) == "\xC2\xA0"); }
bool ends_with_space(std::string_view s) {
    return !s.empty() && (is_space(s.back()) || (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0"));
}

// The text of one block as it is gathered, white space collapsed on the way, so that link and
// marker offsets are offsets into the final text.
struct BlockBuilder {
    PageBlock block;
    bool pending_space = false;
    bool holds_paragraphs = false;  // li, td, dd, ...: a <p> inside is part of the block
    unsigned serial = 0;  // how many blocks it has given out: a later <a> or <sup> finds its text gone

    // Where the next character will go.
    std::size_t mark() const { return block.text.size() + (pending_space && !block.text.empty() ? 1 : 0); }

    void append(std::string_view raw) {
        if (starts_with_space(raw)) pending_space = true;
        const std::string text = collapse_whitespace(raw);
        if (text.empty()) return;
        if (pending_space && !block.text.empty()) block.text += ' ';
        block.text += text;
        pending_space = ends_with_space(raw);
    }
};

enum class Exit { none, block, section, list, anchor, sup, article };

struct Frame {
    const GumboNode* node = nullptr;
    unsigned next_child = 0;
    Exit exit = Exit::none;
    // <a> and <sup>: where their text starts.
    std::size_t builder = 0;
    unsigned serial = 0;
    std::size_t text_start = 0;
    std::size_t blocks_before = 0;
    const char* href = nullptr;   // <a>: the link; <sup>: a "#ref3" link inside
    std::size_t outer_sup = no_frame;  // <sup>: the frame of the <sup> around it
};

struct ListLevel {
    bool ordered = false;
    long next = 1;
};

// "12" -> 12; nullopt for anything else.
std::optional<long> parse_long(const char* text) {
    if (!text) return std::nullopt;
    const std::string_view s = trim(text);
    if (s.empty() || s.size() > 9 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    return std::strtol(std::string(s).c_str(), nullptr, 10);
}

// "#cite_note-12" -> "12"; "#ref3" -> "3".
std::optional<std::vector<std::string>> labels_from_fragment(std::string_view href) {
    std::size_t start = href.size();
    while (start > 0 && href[start - 1] >= '0' && href[start - 1] <= '9') --start;
    return parse_marker_labels(href.substr(start), sup_marker_max);
}

std::string_view strip_brackets(std::string_view s) {
    if (s.size() >= 2 && ((s.front() == '[' && s.back() == ']') || (s.front() == '(' && s.back() == ')')))
        return trim(s.substr(1, s.size() - 2));
    return s;
}

const GumboVector* children_of(const GumboNode* node) {
    if (node->type == GUMBO_NODE_DOCUMENT) return &node->v.document.children;
    if (node->type == GUMBO_NODE_ELEMENT) return &node->v.element.children;
    return nullptr;
}

class HtmlWalker {
public:
    explicit HtmlWalker(Page& page) : page_(page), builders_(1) {}

    void walk(const GumboNode* root) {
        frames_.push_back(Frame{root});
        while (!frames_.empty()) {
            Frame& top = frames_.back();
            const GumboVector* children = children_of(top.node);
            if (children && top.next_child < children->length) {
                visit(static_cast<const GumboNode*>(children->data[top.next_child++]));
            } else {
                const Frame done = top;
                frames_.pop_back();
                leave(done);
            }
        }
        emit(builders_.front());
        if (page_.title.empty()) {
            const auto h1 = std::find_if(page_.blocks.begin(), page_.blocks.end(),
                                         [](const PageBlock& b) { return b.kind == BlockKind::heading && b.level == 1; });
            if (h1 != page_.blocks.end()) page_.title = h1->text;
        }
    }

private:
    BlockBuilder& current() { return builders_.back(); }
    bool inside_block() const { return builders_.size() > 1; }

    void visit(const GumboNode* node) {
        switch (node->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_CDATA:
                current().append(node->v.text.text);
                return;
            case GUMBO_NODE_WHITESPACE:
                current().pending_space = true;
                return;
            case GUMBO_NODE_ELEMENT:
                enter(node);
                return;
            default:  // comments, <template> contents
                return;
        }
    }

    void enter(const GumboNode* node) {
        const GumboElement& element = node->v.element;
        Frame frame{node};
        switch (role_of(element, RoleContext{article_depth_ > 0})) {
            case HtmlRole::skip:
                return;
            case HtmlRole::title:
                read_title(element);
                return;
            case HtmlRole::line_break:
                current().pending_space = true;
                return;
            case HtmlRole::inline_run:
                enter_inline(element, frame);
                break;
            case HtmlRole::section:
                break_text(false);
                frame.exit = Exit::section;
                if (element.tag == GUMBO_TAG_ARTICLE || element.tag == GUMBO_TAG_MAIN) {
                    ++article_depth_;
                    frame.exit = Exit::article;
                }
                break;
            case HtmlRole::list:
                break_text(true);
                frame.exit = Exit::list;
                enter_list(element);
                break;
            case HtmlRole::block:
                // A <p> inside a list item or a cell is part of it; inside an unclosed heading it is not.
                if (current().holds_paragraphs && block_kind_of(element.tag) == BlockKind::paragraph) {
                    break_text(false);
                    frame.exit = Exit::section;
                    break;
                }
                break_text(true);
                frame.exit = Exit::block;
                start_block(element);
                break;
        }
        frames_.push_back(frame);
    }

    void leave(const Frame& frame) {
        switch (frame.exit) {
            case Exit::none:
                return;
            case Exit::article:
                --article_depth_;
                break_text(false);
                return;
            case Exit::section:
                break_text(false);
                return;
            case Exit::list:
                break_text(true);
                if (frame.node->v.element.tag != GUMBO_TAG_DL && frame.node->v.element.tag != GUMBO_TAG_TABLE)
                    lists_.pop_back();
                return;
            case Exit::block:
                emit(current());
                builders_.pop_back();
                return;
            case Exit::anchor:
                leave_anchor(frame);
                return;
            case Exit::sup:
                open_sup_ = frame.outer_sup;
                leave_sup(frame);
                return;
        }
    }

    void enter_inline(const GumboElement& element, Frame& frame) {
        frame.builder = builders_.size() - 1;
        frame.serial = current().serial;
        frame.text_start = current().mark();
        frame.blocks_before = page_.blocks.size();
        if (element.tag == GUMBO_TAG_SUP) {
            frame.exit = Exit::sup;
            frame.outer_sup = open_sup_;
            open_sup_ = frames_.size();  // the index this frame is about to get
        } else if (element.tag == GUMBO_TAG_A) {
            const char* href = attribute(element, "href");
            const std::string_view link = href ? trim(href) : std::string_view();
            if (link.empty() || starts_with_icase(link, "javascript:")) return;
            if (link.front() == '#') {  // a jump within the page: a marker when inside <sup>
                if (open_sup_ != no_frame && !frames_[open_sup_].href) frames_[open_sup_].href = href;
                return;
            }
            frame.exit = Exit::anchor;
            frame.href = href;
        }
    }

    void enter_list(const GumboElement& element) {
        if (element.tag == GUMBO_TAG_DL || element.tag == GUMBO_TAG_TABLE) return;
        ListLevel level;
        level.ordered = element.tag == GUMBO_TAG_OL;
        if (const auto start = parse_long(attribute(element, "start"))) level.next = *start;
        lists_.push_back(level);
    }

    void start_block(const GumboElement& element) {
        BlockBuilder builder;
        builder.block.kind = block_kind_of(element.tag);
        builder.block.level = heading_level_of(element.tag);
        builder.holds_paragraphs = element.tag != GUMBO_TAG_P && builder.block.kind != BlockKind::heading &&
                                   builder.block.kind != BlockKind::preformatted;
        if (element.tag == GUMBO_TAG_LI && !lists_.empty() && lists_.back().ordered) {
            ListLevel& list = lists_.back();
            if (const auto value = parse_long(attribute(element, "value"))) list.next = *value;
            builder.block.list_label = std::to_string(list.next++);
        }
        builders_.push_back(std::move(builder));
    }

    // Text before a section stays apart from the text after it. A list or a block inside a block
    // (a list inside an item, a table inside a cell) ends the outer block's text so far; what
    // follows the inner one is a plain paragraph.
    void break_text(bool splits_block) {
        BlockBuilder& builder = current();
        if (!inside_block()) {
            emit(builder);
        } else if (!splits_block) {
            builder.pending_space = true;
        } else if (emit(builder)) {
            builder.block.kind = BlockKind::paragraph;
            builder.block.level = 0;
            builder.block.list_label.clear();
        }
    }

    // Moves the builder's text out as a block; false when it had none.
    bool emit(BlockBuilder& builder) {
        builder.pending_space = false;
        if (builder.block.text.empty()) {
            builder.block.links.clear();
            builder.block.markers.clear();
            return false;
        }
        PageBlock block;
        block.kind = builder.block.kind;
        block.level = builder.block.level;
        block.list_label = builder.block.list_label;
        std::swap(block.text, builder.block.text);
        std::swap(block.links, builder.block.links);
        std::swap(block.markers, builder.block.markers);
        finish_block(block);
        page_.blocks.push_back(std::move(block));
        ++builder.serial;
        return true;
    }

    void read_title(const GumboElement& element) {
        if (!page_.title.empty()) return;
        BlockBuilder title;
        for (unsigned i = 0; i < element.children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(element.children.data[i]);
            if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) title.append(child->v.text.text);
        }
        page_.title = std::move(title.block.text);
    }

    // The text an <a> or <sup> wrapped, if its block is still being gathered: its offset and text.
    std::optional<std::pair<std::size_t, std::string_view>> wrapped_text(const Frame& frame) {
        if (frame.builder >= builders_.size() || builders_[frame.builder].serial != frame.serial) return std::nullopt;
        const std::string_view text = builders_[frame.builder].block.text;
        const std::size_t start = std::min(frame.text_start, text.size());
        const std::string_view wrapped = text.substr(start);
        const auto first = wrapped.find_first_not_of(' ');
        if (first == std::string_view::npos) return std::nullopt;
        const auto last = wrapped.find_last_not_of(' ');
        return std::make_pair(start + first, wrapped.substr(first, last - first + 1));
    }

    void leave_anchor(const Frame& frame) {
        const std::string href(trim(frame.href));
        if (const auto wrapped = wrapped_text(frame)) {
            builders_[frame.builder].block.links.push_back(PageLink{std::string(wrapped->second), href});
            return;
        }
        // <a href><h3>Title</h3></a>: the link belongs to the block it wrapped.
        if (page_.blocks.size() > frame.blocks_before) {
            PageBlock& block = page_.blocks[frame.blocks_before];
            const bool known = std::any_of(block.links.begin(), block.links.end(),
                                           [&](const PageLink& link) { return link.href == href; });
            if (!known) block.links.push_back(PageLink{block.text, href});
            return;
        }
        current().block.links.push_back(PageLink{std::string(), href});  // an image or an empty link
    }

    void leave_sup(const Frame& frame) {
        const auto wrapped = wrapped_text(frame);
        if (!wrapped) return;
        const auto [offset, text] = *wrapped;
        auto labels = parse_marker_labels(strip_brackets(text), sup_marker_max);
        if (!labels && frame.href) labels = labels_from_fragment(frame.href);
        if (!labels) return;
        const std::string_view block_text = builders_[frame.builder].block.text;
        const bool after_digit = offset > 0 && block_text[offset - 1] >= '0' && block_text[offset - 1] <= '9';
        if (after_digit && !frame.href) return;  // 10<sup>6</sup> is a power, not a marker
        builders_[frame.builder].block.markers.push_back(
            CitationMarker{std::move(*labels), move_before_stop(builders_[frame.builder].block.text, offset, text.size())});
    }

    // "placebo.<sup>1</sup> NightCalm ..." reads as "placebo.1 NightCalm", one sentence with a
    // stray number. A marker glued after a full stop moves before it, bracketed, so the
    // sentence ends where it did and keeps its marker: "placebo [1]. NightCalm". Returns the
    // marker's new offset.
    static std::size_t move_before_stop(std::string& text, std::size_t offset, std::size_t length) {
        if (offset == 0 || offset + length > text.size()) return offset;
        const char stop = text[offset - 1];
        if (stop != '.' && stop != '!' && stop != '?') return offset;
        if (text.find_first_not_of(' ', offset + length) != std::string::npos) return offset;
        const std::string marker = text.substr(offset, length);
        const std::string trailing = text.substr(offset + length);
        text.erase(offset - 1);
        const bool space = !text.empty() && text.back() != ' ';
        if (space) text += ' ';
        const std::size_t moved = text.size();
        text += "[" + marker + "]" + stop + trailing;
        return moved;
    }

    Page& page_;
    std::vector<BlockBuilder> builders_;  // [0] gathers text outside any block
    std::vector<Frame> frames_;
    std::vector<ListLevel> lists_;
    std::size_t open_sup_ = no_frame;
    int article_depth_ = 0;
};

}  // namespace

Page load_page_html(std::string_view html, std::string source) {
    Page page;
    page.source = std::move(source);
    html = skip_bom(html);
    // Nesting past any real page's is flattened first: Gumbo's time grows with its square.
    const auto flattened = flatten_deep_html(html);
    if (flattened) html = *flattened;
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // a broken 50 MB page would otherwise fill memory with parse errors
    const auto destroy = [&options](GumboOutput* output) { gumbo_destroy_output(&options, output); };
    const std::unique_ptr<GumboOutput, decltype(destroy)> output(
        gumbo_parse_with_options(&options, html.data(), html.size()), destroy);
    HtmlWalker(page).walk(output->document);
    return page;
}

}  // namespace evidex
