// read_pubmed_file: a PubMed XML file (.xml or .xml.gz) streamed element by element.
//
// GzipReader reads the file in chunks (plain files pass through unchanged). The text is scanned
// for complete <PubmedArticle>, <PubmedBookArticle> and <DeleteCitation> elements; each one is
// parsed on its own and dropped from the buffer, so memory holds one chunk plus the element in
// progress, however large the file is. These elements never nest, so the first matching end tag
// closes the element.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>

#include "core/gzip_reader.h"
#include "core/pubmed_parser.h"
#include "core/pubmed_xml.h"

namespace evidex {

namespace {

constexpr std::size_t chunk_size = std::size_t{1} << 20;
constexpr std::size_t max_element_size = std::size_t{64} << 20;

enum class ElementKind { article, deletion };

struct ElementTag {
    std::string_view open;
    std::string_view close;
    ElementKind kind;
};

constexpr ElementTag element_tags[] = {
    {"<PubmedArticle", "</PubmedArticle>", ElementKind::article},
    {"<PubmedBookArticle", "</PubmedBookArticle>", ElementKind::article},
    {"<DeleteCitation", "</DeleteCitation>", ElementKind::deletion},
};
constexpr std::string_view set_open = "<PubmedArticleSet";
constexpr std::string_view set_close = "</PubmedArticleSet";
// Bytes needed after a '<' to tell which tag starts there: the longest name and one delimiter.
constexpr std::size_t tag_lookahead = 19;

bool ends_name(char c) { return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Does `text` hold `name` at `at`, followed by the end of the tag name?
bool tag_at(std::string_view text, std::size_t at, std::string_view name) {
    return text.compare(at, name.size(), name) == 0 && at + name.size() < text.size() &&
           ends_name(text[at + name.size()]);
}

class PubmedFileReader {
public:
    PubmedFileReader(GzipReader& file, std::string where, const PubmedSink& sink)
        : file_(file), where_(std::move(where)), sink_(sink) {}

    void run() {
        for (;;) {
            scan();
            compact();
            if (!read_chunk()) break;
        }
        if (!damaged_) report_end_of_file();
        if (file_.trailing_bytes() > 0)
            report(where_, std::to_string(file_.trailing_bytes()) + " bytes after the end of the gzip data (at byte " +
                               std::to_string(file_.trailing_offset()) + ") are not gzip data and were not read");
    }

private:
    // Appends the next chunk; false at the end of the file or when the data is damaged.
    bool read_chunk() {
        const auto old_size = buffer_.size();
        buffer_.resize(old_size + chunk_size);
        const std::size_t got = file_.read(buffer_.data() + old_size, chunk_size);
        buffer_.resize(old_size + got);
        if (got > 0) return true;
        if (!file_.damage().empty()) {
            damaged_ = true;
            report(where_, "corrupt or truncated data at uncompressed byte offset " + std::to_string(end_offset()) +
                               ": " + file_.damage());
            return false;
        }
        at_eof_ = true;
        scan();
        return false;
    }

    std::uint64_t end_offset() const { return buffer_offset_ + buffer_.size(); }

    // Drops the text before whatever is still needed.
    void compact() {
        std::size_t keep = open_ ? element_start_ : scan_from_;
        if (open_ && skipping_) keep = close_search_from_;
        if (keep == 0) return;
        buffer_.erase(0, keep);
        buffer_offset_ += keep;
        scan_from_ -= std::min(scan_from_, keep);
        element_start_ -= std::min(element_start_, keep);
        close_search_from_ -= std::min(close_search_from_, keep);
    }

    // Delivers every complete element in the buffer.
    void scan() {
        const std::string_view text(buffer_);
        for (;;) {
            if (open_) {
                if (!finish_element(text)) return;
                continue;
            }
            const auto lt = text.find('<', scan_from_);
            if (lt == std::string_view::npos) {
                scan_from_ = text.size();
                return;
            }
            if (!at_eof_ && text.size() - lt < tag_lookahead) {
                scan_from_ = lt;  // cannot tell yet which tag this is
                return;
            }
            scan_from_ = lt + 1;
            if (tag_at(text, lt, set_open)) saw_set_open_ = true;
            if (tag_at(text, lt, set_close)) saw_set_close_ = true;
            for (const auto& tag : element_tags) {
                if (!tag_at(text, lt, tag.open)) continue;
                open_ = &tag;
                element_start_ = lt;
                close_search_from_ = lt;
                start_tag_read_ = false;
                ordinal_ = tag.kind == ElementKind::article ? ordinal_ + 1 : ordinal_;
                break;
            }
        }
    }

    // Finds the end of the open element; false when more text is needed.
    bool finish_element(std::string_view text) {
        std::size_t end = std::string_view::npos;
        if (!start_tag_read_) {
            const auto tag_end = text.find('>', element_start_);
            if (tag_end != std::string_view::npos) {
                start_tag_read_ = true;
                if (text[tag_end - 1] == '/') end = tag_end + 1;  // an empty element, <DeleteCitation/>
            }
        }
        if (end == std::string_view::npos) {
            if (const auto close = text.find(open_->close, close_search_from_); close != std::string_view::npos)
                end = close + open_->close.size();
        }
        if (end == std::string_view::npos) {
            const auto tail = open_->close.size() - 1;
            close_search_from_ = std::max(element_start_, text.size() > tail ? text.size() - tail : 0);
            if (!skipping_ && text.size() - element_start_ > max_element_size) {
                skipping_ = true;
                report(element_where(), "element larger than 64 MiB, skipped");
            }
            return false;
        }
        if (!skipping_) deliver(*open_, text.substr(element_start_, end - element_start_));
        open_ = nullptr;
        skipping_ = false;
        scan_from_ = end;
        return true;
    }

    std::string element_where() const {
        if (open_->kind == ElementKind::article) return pubmed_article_where(where_, ordinal_, "");
        return where_ + ": DeleteCitation";
    }

    void deliver(const ElementTag& tag, std::string_view element) {
        if (tag.kind == ElementKind::deletion) {
            deliver_deletion(element);
            return;
        }
        Study study;
        ItemError error;
        if (parse_pubmed_article(element, where_, ordinal_, study, error)) {
            if (sink_.study) sink_.study(std::move(study));
        } else {
            report(std::move(error));
        }
    }

    void deliver_deletion(std::string_view element) {
        pugi::xml_document document;
        const auto result = document.load_buffer(element.data(), element.size(), pubmed_parse_options,
                                                 pugi::encoding_utf8);
        if (!result) {
            report(element_where(), "malformed XML at offset " + std::to_string(result.offset) +
                                        " of the element: " + result.description());
            return;
        }
        std::vector<std::string> unreadable;
        for (const auto& pmid : read_deleted_pmids(document.document_element(), unreadable))
            if (sink_.deleted) sink_.deleted(pmid);
        for (const auto& text : unreadable) report(element_where(), "invalid PMID '" + text + "'");
    }

    void report_end_of_file() {
        const auto at = std::to_string(end_offset());
        if (open_) {
            report(element_where(), "file ends at byte offset " + at + " inside the element (truncated file?)");
        } else if (!saw_set_open_) {
            report(where_, "not PubMed XML: no <PubmedArticleSet> element");
        } else if (!saw_set_close_) {
            report(where_, "file ends at byte offset " + at + " before </PubmedArticleSet> (truncated file?)");
        }
    }

    void report(std::string where, std::string message) { report(ItemError{std::move(where), std::move(message)}); }
    void report(ItemError&& error) {
        if (sink_.error) sink_.error(std::move(error));
    }

    GzipReader& file_;
    std::string where_;
    const PubmedSink& sink_;

    std::string buffer_;
    std::uint64_t buffer_offset_ = 0;  // uncompressed offset of buffer_[0] in the file
    std::size_t scan_from_ = 0;        // where to look for the next element
    const ElementTag* open_ = nullptr; // the element being read, if any
    std::size_t element_start_ = 0;
    std::size_t close_search_from_ = 0;
    bool start_tag_read_ = false;      // the '>' of the open element's start tag has been seen
    bool skipping_ = false;            // the open element is too large: discard it
    std::int64_t ordinal_ = 0;         // articles seen so far, 1-based in messages
    bool saw_set_open_ = false;
    bool saw_set_close_ = false;
    bool at_eof_ = false;
    bool damaged_ = false;
};

}  // namespace

bool read_pubmed_file(const std::filesystem::path& path, const PubmedSink& sink) {
    const auto where = path.string();
    auto cannot_open = [&](const std::string& why) {
        if (sink.error) sink.error(ItemError{where, "cannot open: " + why});
        return false;
    };
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return cannot_open("is a directory");
    GzipReader file(path);
    if (!file.is_open()) return cannot_open(file.open_error());
    PubmedFileReader reader(file, where, sink);
    reader.run();
    return true;
}

}  // namespace evidex
