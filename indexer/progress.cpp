#include "indexer/progress.h"

#include <cstdio>
#include <unistd.h>

namespace evidex {

ProgressLine::ProgressLine(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}

void ProgressLine::update(const IngestSummary& summary) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    drawn_ = true;
    std::fprintf(stderr, "\r\033[Kevidex-index: %zu read, %zu added, %zu replaced, %zu failed", summary.read,
                 summary.added, summary.replaced, summary.failed());
    std::fflush(stderr);
}

void ProgressLine::finish() {
    if (!drawn_) return;
    std::fputs("\r\033[K", stderr);
    drawn_ = false;
}

}  // namespace evidex
