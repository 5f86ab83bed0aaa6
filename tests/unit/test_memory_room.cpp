#include <doctest/doctest.h>

#include "core/memory_room.h"

using namespace evidex;

TEST_CASE("memory room: MemAvailable of /proc/meminfo, in bytes") {
    const char* meminfo =
        "MemTotal:       24684856 kB\n"
        "MemFree:        21281452 kB\n"
        "MemAvailable:   23582836 kB\n"
        "Buffers:          120436 kB\n";
    CHECK(meminfo_available(meminfo) == 23582836ull * 1024);
    CHECK_FALSE(meminfo_available("MemTotal: 100 kB\nMemFree: 50 kB\n").has_value());  // an old kernel
    CHECK_FALSE(meminfo_available("MemAvailable: lots\n").has_value());
    CHECK_FALSE(meminfo_available("MemAvailable: 12 MB\n").has_value());
    CHECK_FALSE(meminfo_available("").has_value());
}

TEST_CASE("memory room: the cgroup v2 path and what memory.max leaves") {
    CHECK(cgroup_v2_path("0::/user.slice/user-0.slice/session-3.scope\n") ==
          std::optional<std::string>("/user.slice/user-0.slice/session-3.scope"));
    CHECK(cgroup_v2_path("0::/\n") == std::optional<std::string>("/"));
    // cgroup v1: controllers by name, no unified line.
    CHECK_FALSE(cgroup_v2_path("12:memory:/docker/abc\n11:cpu:/docker/abc\n").has_value());
    CHECK_FALSE(cgroup_v2_path("0::/../../etc\n").has_value());

    CHECK(cgroup_room("1073741824\n", "268435456\n") == std::optional<std::uint64_t>(805306368));
    CHECK(cgroup_room("1000\n", "4000\n") == std::optional<std::uint64_t>(0));  // over its limit already
    CHECK_FALSE(cgroup_room("max\n", "268435456\n").has_value());                // no limit
    CHECK_FALSE(cgroup_room("", "1").has_value());
}

TEST_CASE("memory room: this process has some, and says what bounds it") {
    const auto room = memory_room();
    REQUIRE(room.has_value());  // Linux reports MemAvailable at least
    CHECK(room->bytes > 0);
    CHECK_FALSE(room->bound.empty());
}

TEST_CASE("memory room: sizes for messages") {
    CHECK(describe_bytes(512) == "512 bytes");
    CHECK(describe_bytes(1536) == "1.5 KiB");
    CHECK(describe_bytes(200ull << 20) == "200 MiB");
    CHECK(describe_bytes(1717986918) == "1.6 GiB");
}
