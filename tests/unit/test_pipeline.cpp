#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "indexer/pipeline.h"
#include "indexer/sharded.h"
#include "support/temp_dir.h"

using evidex::PipelineShape;
using evidex::run_ordered_pipeline;

namespace {

// Runs the pipeline over 0..count-1, preparing each number as its square, and returns what the
// consumer saw.
std::vector<long> squares(int count, PipelineShape shape) {
    std::vector<long> seen;
    run_ordered_pipeline<int, long>(
        [&](const std::function<void(int&&)>& emit) {
            for (int i = 0; i < count; ++i) emit(int(i));
        },
        [](int&& i) {
            // Uneven work, so batches finish out of order on several workers.
            if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            return static_cast<long>(i) * i;
        },
        [&](long&& v) { seen.push_back(v); }, shape);
    return seen;
}

}  // namespace

TEST_CASE("the pipeline hands every item to the consumer once, in the order produced") {
    for (const std::size_t workers : {1u, 2u, 4u}) {
        for (const std::size_t batch : {1u, 3u, 64u}) {
            PipelineShape shape;
            shape.workers = workers;
            shape.batch = batch;
            const auto seen = squares(1000, shape);
            REQUIRE(seen.size() == 1000);
            bool ordered = true;
            for (long i = 0; i < 1000; ++i) ordered = ordered && seen[static_cast<std::size_t>(i)] == i * i;
            CHECK_MESSAGE(ordered, "workers " << workers << ", batch " << batch);
        }
    }
    CHECK(squares(0, PipelineShape{}).empty());
}

TEST_CASE("the pipeline never holds more batches than its window") {
    std::atomic<int> produced{0};
    std::atomic<int> consumed{0};
    int most_ahead = 0;
    PipelineShape shape;
    shape.workers = 2;
    shape.batch = 4;
    shape.window = 3;
    run_ordered_pipeline<int, int>(
        [&](const std::function<void(int&&)>& emit) {
            for (int i = 0; i < 400; ++i) {
                emit(int(i));
                ++produced;
            }
        },
        [](int&& i) { return i; },
        [&](int&&) {
            ++consumed;
            most_ahead = std::max(most_ahead, produced.load() - consumed.load());
            std::this_thread::sleep_for(std::chrono::microseconds(50));
        },
        shape);
    CHECK(consumed == 400);
    // The window, the batch being filled and the batch being consumed.
    CHECK(most_ahead <= static_cast<int>((shape.window + 2) * shape.batch));
}

TEST_CASE("what the consumer leaves in its items is freed on the workers") {
    // Each prepared item notes the thread that destroys it; the consumer reads the items and
    // leaves them where they are, as the index writer does with a study and its document.
    struct Noting {
        Noting(std::mutex* m, std::vector<std::thread::id>* d) : mutex(m), destroyed_on(d) {}
        Noting(const Noting&) = delete;
        Noting& operator=(const Noting&) = delete;
        std::mutex* mutex;
        std::vector<std::thread::id>* destroyed_on;
        ~Noting() {
            std::lock_guard lock(*mutex);
            destroyed_on->push_back(std::this_thread::get_id());
        }
    };
    std::mutex mutex;
    std::vector<std::thread::id> destroyed_on;
    PipelineShape shape;
    shape.workers = 1;
    shape.batch = 8;
    shape.window = 4;
    constexpr int count = 2000;
    int read = 0;
    run_ordered_pipeline<int, std::shared_ptr<Noting>>(
        [&](const std::function<void(int&&)>& emit) {
            for (int i = 0; i < count; ++i) emit(int(i));
        },
        [&](int&&) { return std::make_shared<Noting>(&mutex, &destroyed_on); },
        [&](std::shared_ptr<Noting>&& item) { read += item ? 1 : 0; }, shape);
    CHECK(read == count);
    REQUIRE(destroyed_on.size() == static_cast<std::size_t>(count));
    const auto on_consumer = std::count(destroyed_on.begin(), destroyed_on.end(), std::this_thread::get_id());
    // Only the batches consumed after the workers finished are freed by the calling thread:
    // the window and the batch in hand at most.
    CHECK(on_consumer <= static_cast<long>((shape.window + 1) * shape.batch));
}

TEST_CASE("an exception in any stage stops the pipeline and reaches the caller") {
    PipelineShape shape;
    shape.workers = 2;
    shape.batch = 2;
    const auto run = [&](const std::function<void(const std::function<void(int&&)>&)>& produce,
                         const std::function<int(int&&)>& prepare, const std::function<void(int&&)>& consume) {
        run_ordered_pipeline<int, int>(produce, prepare, consume, shape);
    };
    const auto endless = [](const std::function<void(int&&)>& emit) {
        for (int i = 0;; ++i) emit(int(i));
    };
    CHECK_THROWS_WITH_AS(run(
                             [](const std::function<void(int&&)>& emit) {
                                 for (int i = 0; i < 10; ++i) emit(int(i));
                                 throw std::runtime_error("parser failed");
                             },
                             [](int&& i) { return i; }, [](int&&) {}),
                         "parser failed", std::runtime_error);
    CHECK_THROWS_WITH_AS(run(
                             endless,
                             [](int&& i) {
                                 if (i == 500) throw std::runtime_error("worker failed");
                                 return i;
                             },
                             [](int&&) {}),
                         "worker failed", std::runtime_error);
    int consumed = 0;
    CHECK_THROWS_WITH_AS(run(
                             endless, [](int&& i) { return i; },
                             [&](int&& i) {
                                 if (i == 300) throw std::runtime_error("writer failed");
                                 ++consumed;
                             }),
                         "writer failed", std::runtime_error);
    CHECK(consumed == 300);
}

TEST_CASE("split_by_size balances the bytes of the shards and keeps each shard's files in order") {
    evidex::test::TempDir dir;
    std::vector<std::filesystem::path> files;
    for (const std::size_t size : {900u, 100u, 500u, 400u, 300u, 200u}) {
        files.push_back(dir / ("f" + std::to_string(files.size()) + ".xml"));
        std::ofstream(files.back()) << std::string(size, 'x');
    }
    const auto groups = evidex::split_by_size(files, 2);
    REQUIRE(groups.size() == 2);
    std::size_t count = 0;
    for (const auto& group : groups) {
        std::uintmax_t bytes = 0;
        for (const auto& file : group) bytes += std::filesystem::file_size(file);
        CHECK(bytes == 1200);  // 900 + 300 and 500 + 400 + 200 + 100
        CHECK(std::is_sorted(group.begin(), group.end()));
        count += group.size();
    }
    CHECK(count == files.size());
    CHECK(evidex::split_by_size(files, 10).size() == files.size());  // no empty shard
    CHECK(evidex::split_by_size({}, 3).empty());
}
