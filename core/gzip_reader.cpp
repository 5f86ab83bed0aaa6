#include "core/gzip_reader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include <zlib.h>

namespace evidex {

namespace {
constexpr std::size_t input_chunk = 256 * 1024;
constexpr unsigned char gzip_magic[2] = {0x1f, 0x8b};
}  // namespace

GzipReader::GzipReader(const std::filesystem::path& path) : stream_(std::make_unique<z_stream_s>()) {
    errno = 0;
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) open_error_ = errno != 0 ? std::strerror(errno) : "cannot open the file";
    input_.reserve(input_chunk);
}

GzipReader::~GzipReader() {
    if (inflating_) inflateEnd(stream_.get());
    if (file_) std::fclose(file_);
}

bool GzipReader::refill() {
    if (!file_ || std::feof(file_) || std::ferror(file_)) return false;
    input_.erase(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(input_pos_));
    input_pos_ = 0;
    const std::size_t kept = input_.size();
    input_.resize(kept + input_chunk);
    const std::size_t got = std::fread(input_.data() + kept, 1, input_chunk, file_);
    input_.resize(kept + got);
    file_read_ += got;
    if (got == 0 && std::ferror(file_)) fail(std::string("read error: ") + std::strerror(errno));
    return got > 0;
}

void GzipReader::fail(std::string why) {
    if (damage_.empty()) damage_ = std::move(why);
    mode_ = Mode::ended;
}

std::size_t GzipReader::read(char* out, std::size_t size) {
    if (!file_ || size == 0) return 0;
    if (mode_ == Mode::unknown) {
        while (available() < 2 && refill()) {
        }
        const bool gzip = available() >= 2 && input_[input_pos_] == gzip_magic[0] &&
                          input_[input_pos_ + 1] == gzip_magic[1];
        mode_ = gzip ? Mode::gzip : Mode::plain;
        if (gzip) {
            if (inflateInit2(stream_.get(), 15 + 16) != Z_OK) {  // 16: a gzip wrapper, not zlib's
                fail("zlib could not start inflating");
                return 0;
            }
            inflating_ = true;
        }
    }
    if (mode_ == Mode::gzip) return read_gzip(out, size);
    if (mode_ != Mode::plain) return 0;
    std::size_t done = std::min(size, available());
    std::memcpy(out, input_.data() + input_pos_, done);
    input_pos_ += done;
    if (done < size) {
        const std::size_t got = std::fread(out + done, 1, size - done, file_);
        if (got == 0 && std::ferror(file_)) fail(std::string("read error: ") + std::strerror(errno));
        file_read_ += got;
        done += got;
    }
    return done;
}

std::size_t GzipReader::read_gzip(char* out, std::size_t size) {
    stream_->next_out = reinterpret_cast<Bytef*>(out);
    stream_->avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1u << 30));
    const uInt wanted = stream_->avail_out;
    while (stream_->avail_out > 0 && mode_ == Mode::gzip) {
        if (available() == 0 && !refill()) {
            if (damage_.empty())
                fail("truncated gzip data: the file ends at byte " + std::to_string(file_read_) +
                     " inside a compressed member");
            break;
        }
        stream_->next_in = input_.data() + input_pos_;
        stream_->avail_in = static_cast<uInt>(available());
        const int code = inflate(stream_.get(), Z_NO_FLUSH);
        input_pos_ = input_.size() - stream_->avail_in;
        if (code == Z_STREAM_END) {
            if (!next_member()) mode_ = Mode::ended;
        } else if (code == Z_BUF_ERROR && stream_->avail_in == 0) {
            continue;  // wants more input
        } else if (code != Z_OK) {
            fail("corrupt gzip data at byte " + std::to_string(file_offset()) + ": " +
                 (stream_->msg ? stream_->msg : "inflate failed"));
        }
    }
    return wanted - stream_->avail_out;
}

bool GzipReader::next_member() {
    while (available() < 2 && refill()) {
    }
    if (available() == 0) return false;
    if (available() >= 2 && input_[input_pos_] == gzip_magic[0] && input_[input_pos_ + 1] == gzip_magic[1]) {
        inflateReset(stream_.get());
        return true;
    }
    // Not another member: zeros are padding; anything else is reported with its size.
    const std::uint64_t end_of_data = file_offset();
    for (;;) {
        const auto* begin = input_.data() + input_pos_;
        const bool nonzero = std::any_of(begin, begin + available(), [](unsigned char c) { return c != 0; });
        input_pos_ = input_.size();
        if (nonzero) break;
        if (!refill()) return false;
    }
    struct stat info {};
    const std::uint64_t size = fstat(fileno(file_), &info) == 0 && S_ISREG(info.st_mode)
                                   ? static_cast<std::uint64_t>(info.st_size)
                                   : file_read_;
    trailing_ = size > end_of_data ? size - end_of_data : 1;
    trailing_at_ = end_of_data;
    return false;
}

}  // namespace evidex
