#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/http_client.h"

using Clock = std::chrono::steady_clock;

TEST_CASE("RateLimiter holds back a request already waiting for its slot when a Retry-After comes") {
    // Seen in the network-faults trial: with two threads, the one sleeping towards its slot went
    // out 0.37 s after the other's 429 said "Retry-After: 1".
    evidex::RateLimiter limiter(4);  // slots 0.25 s apart
    const auto start = Clock::now();
    limiter.acquire();  // the first slot is now
    Clock::time_point second_sent;
    std::thread waiting([&] {
        limiter.acquire();  // its slot is at +0.25 s
        second_sent = Clock::now();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    limiter.hold_until(start + std::chrono::milliseconds(800));
    waiting.join();
    CHECK(second_sent - start >= std::chrono::milliseconds(800));
}

TEST_CASE("RateLimiter spaces requests by its rate") {
    evidex::RateLimiter limiter(20);  // 50 ms apart
    const auto start = Clock::now();
    for (int i = 0; i < 4; ++i) limiter.acquire();
    CHECK(Clock::now() - start >= std::chrono::milliseconds(150));
}
