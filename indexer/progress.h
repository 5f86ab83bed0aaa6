// A one-line progress display on stderr, drawn only when stderr is a terminal.
#pragma once

#include <chrono>

#include "indexer/ingest.h"

namespace evidex {

class ProgressLine {
public:
    explicit ProgressLine(bool enabled);
    void update(const IngestSummary& summary);
    // Clears the line before the closing summary is printed.
    void finish();

private:
    bool enabled_;
    bool drawn_ = false;
    std::chrono::steady_clock::time_point last_{};
};

}  // namespace evidex
