// An ordered three-stage pipeline: one thread produces items (a file parser), worker threads
// prepare them in batches (classify, build documents), and the calling thread consumes the
// prepared items in the order they were produced (the one index writer). At most `window`
// batches are in flight, so memory stays bounded however long the input. A consumed batch goes
// back to the workers to be freed: the consumer, the stage that bounds the whole, spends no
// time releasing what it leaves in the items.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include <pthread.h>

namespace evidex {

// Names the calling thread (up to 15 characters), so that top -H and perf tell the stages apart.
inline void name_this_thread(const char* name) {
#ifdef __linux__
    pthread_setname_np(pthread_self(), name);
#else
    (void)name;
#endif
}

struct PipelineShape {
    std::size_t workers = 1;     // threads running `prepare`
    std::size_t batch = 64;      // items handed to a worker at a time
    std::size_t window = 8;      // batches produced but not yet consumed, at most
};

// `produce(emit)` calls `emit(item)` for each item, in order. `prepare(item)` turns an item into
// what `consume` takes; it runs on the workers and must not touch what the consumer owns.
// `consume` may move from the item it is given or leave it; what it leaves is destroyed on a
// worker (or, for the last batches, once the workers have finished, on the calling thread).
// An exception from any stage stops the others and is rethrown here, the first one winning.
template <typename Item, typename Prepared>
void run_ordered_pipeline(const std::function<void(const std::function<void(Item&&)>&)>& produce,
                          const std::function<Prepared(Item&&)>& prepare,
                          const std::function<void(Prepared&&)>& consume, PipelineShape shape) {
    shape.workers = std::max<std::size_t>(shape.workers, 1);
    shape.batch = std::max<std::size_t>(shape.batch, 1);
    shape.window = std::max(shape.window, shape.workers + 1);

    std::mutex mutex;
    std::condition_variable changed;
    std::deque<std::pair<std::size_t, std::vector<Item>>> to_prepare;  // by sequence number
    std::map<std::size_t, std::vector<Prepared>> prepared;
    std::vector<std::vector<Prepared>> retired;  // consumed batches, for a worker to free
    std::size_t produced = 0;   // batches handed on by the producer
    std::size_t consumed = 0;   // batches taken by the consumer
    bool producer_done = false;
    bool stopping = false;
    std::exception_ptr failure;

    const auto fail = [&](std::exception_ptr error) {
        std::lock_guard lock(mutex);
        if (!failure) failure = error;
        stopping = true;
        changed.notify_all();
    };
    // Thrown inside the producer's emit to unwind its parser when the pipeline stops.
    struct Stopped {};

    std::thread producer([&] {
        name_this_thread("evidex-read");
        std::vector<Item> batch;
        const auto hand_on = [&] {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return stopping || produced - consumed < shape.window; });
            if (stopping) throw Stopped{};
            to_prepare.emplace_back(produced++, std::move(batch));
            batch = {};
            changed.notify_all();
        };
        try {
            produce([&](Item&& item) {
                batch.push_back(std::move(item));
                if (batch.size() == shape.batch) hand_on();
            });
            if (!batch.empty()) hand_on();
            std::lock_guard lock(mutex);
            producer_done = true;
            changed.notify_all();
        } catch (const Stopped&) {
        } catch (...) {
            fail(std::current_exception());
        }
    });

    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < shape.workers; ++w) {
        workers.emplace_back([&] {
            name_this_thread("evidex-prepare");
            try {
                for (;;) {
                    std::optional<std::pair<std::size_t, std::vector<Item>>> job;
                    std::vector<std::vector<Prepared>> spent;
                    {
                        std::unique_lock lock(mutex);
                        changed.wait(lock, [&] {
                            return stopping || !to_prepare.empty() || !retired.empty() || producer_done;
                        });
                        if (stopping) return;
                        spent.swap(retired);
                        if (!to_prepare.empty()) {
                            job = std::move(to_prepare.front());
                            to_prepare.pop_front();
                        } else if (spent.empty()) {
                            return;  // the producer is done and nothing is left to prepare
                        }
                    }
                    spent.clear();
                    if (!job) continue;
                    std::vector<Prepared> out;
                    out.reserve(job->second.size());
                    for (auto& item : job->second) out.push_back(prepare(std::move(item)));
                    std::lock_guard lock(mutex);
                    prepared.emplace(job->first, std::move(out));
                    changed.notify_all();
                }
            } catch (...) {
                fail(std::current_exception());
            }
        });
    }

    const auto join_all = [&] {
        producer.join();
        for (auto& worker : workers) worker.join();
    };
    try {
        for (;;) {
            std::vector<Prepared> batch;
            {
                std::unique_lock lock(mutex);
                changed.wait(lock, [&] {
                    return stopping || prepared.count(consumed) > 0 || (producer_done && consumed == produced);
                });
                if (stopping) break;
                if (producer_done && consumed == produced) break;
                auto node = prepared.extract(consumed);
                batch = std::move(node.mapped());
            }
            for (auto& item : batch) consume(std::move(item));
            std::lock_guard lock(mutex);
            ++consumed;
            retired.push_back(std::move(batch));
            changed.notify_all();
        }
    } catch (...) {
        fail(std::current_exception());
    }
    {
        std::lock_guard lock(mutex);
        stopping = true;
        changed.notify_all();
    }
    join_all();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace evidex
