// Runs `produce(i)` for i in [0, count) on up to `jobs` threads and hands each result to
// `consume` on the calling thread, in order. Producers do the slow part (network, parsing);
// the consumer owns the index writer, so only one thread ever writes.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace evidex {

template <typename T, typename Produce, typename Consume>
void for_each_ordered(std::size_t count, std::size_t jobs, Produce produce, Consume consume) {
    jobs = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(count, 1));
    if (jobs == 1) {
        for (std::size_t i = 0; i < count; ++i) consume(produce(i));
        return;
    }
    std::vector<std::optional<T>> slots(count);
    std::vector<std::exception_ptr> failures(count);
    std::mutex mutex;
    std::condition_variable ready;
    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    // Producers stay at most `window` items ahead of the consumer, so memory stays bounded.
    const std::size_t window = jobs * 4;
    std::size_t consumed = 0;

    auto worker = [&] {
        for (;;) {
            const std::size_t i = next.fetch_add(1);
            if (i >= count || stop) return;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return i < consumed + window || stop; });
                if (stop) return;
            }
            std::optional<T> value;
            std::exception_ptr failure;
            try {
                value.emplace(produce(i));
            } catch (...) {
                failure = std::current_exception();  // rethrown on the consumer's thread
            }
            {
                std::lock_guard lock(mutex);
                slots[i] = std::move(value);
                failures[i] = failure;
            }
            ready.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < jobs; ++t) threads.emplace_back(worker);
    std::exception_ptr first_failure;
    try {
        for (std::size_t i = 0; i < count; ++i) {
            std::optional<T> value;
            {
                std::unique_lock lock(mutex);
                ready.wait(lock, [&] { return slots[i].has_value() || failures[i]; });
                if (failures[i]) std::rethrow_exception(failures[i]);
                value = std::move(slots[i]);
                slots[i].reset();
                ++consumed;
            }
            ready.notify_all();
            consume(std::move(*value));
        }
    } catch (...) {
        first_failure = std::current_exception();
        stop = true;
        ready.notify_all();
    }
    for (auto& thread : threads) thread.join();
    if (first_failure) std::rethrow_exception(first_failure);
}

}  // namespace evidex
