// GzipReader: the content of a file that may be gzip-compressed, read chunk by chunk.
//
// A file that starts with the gzip magic bytes is inflated member after member (as gzip -d
// does with concatenated members); any other file is passed through as it is. Unlike zlib's
// gzread, the reader tells apart the three ways compressed data can go wrong: damaged data,
// data cut short, and bytes after the last member that are not another member (which gzread
// drops without a word). Zero bytes after the last member (tape or block padding) are allowed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

struct z_stream_s;

namespace evidex {

class GzipReader {
public:
    // Opens the file; is_open() says whether that worked, open_error() why not.
    explicit GzipReader(const std::filesystem::path& path);
    ~GzipReader();
    GzipReader(const GzipReader&) = delete;
    GzipReader& operator=(const GzipReader&) = delete;

    [[nodiscard]] bool is_open() const { return file_ != nullptr; }
    [[nodiscard]] const std::string& open_error() const { return open_error_; }
    // Whether the file is gzip data (known after the first read()).
    [[nodiscard]] bool compressed() const { return inflating_; }

    // Reads up to `size` bytes of content into `out`; returns how many. 0 means the end: of the
    // content, or of what could be read (then damage() says what is wrong).
    std::size_t read(char* out, std::size_t size);

    // Empty while the data is sound; else why reading stopped ("truncated gzip data", zlib's
    // message for corrupt data, a read error).
    [[nodiscard]] const std::string& damage() const { return damage_; }
    // Bytes after the end of the last gzip member that are neither another member nor zeros;
    // known at the end of the content. The content read is whole.
    [[nodiscard]] std::uint64_t trailing_bytes() const { return trailing_; }
    // Where those bytes start in the file.
    [[nodiscard]] std::uint64_t trailing_offset() const { return trailing_at_; }
    // Bytes of the file consumed so far (compressed bytes for gzip data).
    [[nodiscard]] std::uint64_t file_offset() const { return file_read_ - available(); }

private:
    enum class Mode { unknown, plain, gzip, ended };

    [[nodiscard]] std::size_t available() const { return input_.size() - input_pos_; }
    // Reads more of the file into the input buffer, keeping what is unread; false when nothing
    // more could be read.
    bool refill();
    std::size_t read_gzip(char* out, std::size_t size);
    // After a member's end: starts the next member, or ends the content (counting trailing
    // bytes). Returns whether another member follows.
    bool next_member();
    void fail(std::string why);

    std::FILE* file_ = nullptr;
    std::string open_error_;
    Mode mode_ = Mode::unknown;
    std::unique_ptr<z_stream_s> stream_;
    bool inflating_ = false;   // inflateInit2 succeeded: inflateEnd is due
    std::vector<unsigned char> input_;
    std::size_t input_pos_ = 0;   // next unread byte of input_
    std::uint64_t file_read_ = 0;  // bytes read from the file into input_ so far
    std::uint64_t trailing_ = 0;
    std::uint64_t trailing_at_ = 0;
    std::string damage_;
};

}  // namespace evidex
