// How much more memory this process may take before the system or a limit stops it: the
// kernel's estimate of available memory, the address-space limit (ulimit -v) less what the
// process has mapped, and the memory.max of its cgroup (v2) less what the cgroup uses. Inputs
// read whole (JSON, BibTeX) are refused when they would not fit, instead of ending in an
// out-of-memory kill or an allocation failure inside a parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace evidex {

struct MemoryRoom {
    std::uint64_t bytes = 0;
    std::string bound;  // what sets it, for messages: "available memory", "ulimit -v", "the cgroup's memory.max"
};

// The tightest of the bounds this system reports; nullopt when it reports none.
std::optional<MemoryRoom> memory_room();

// When `needed` bytes do not fit in memory_room(): "takes about 1.6 GiB of memory, and the
// address-space limit (ulimit -v) leaves 1.1 GiB", for the caller's message. Nullopt otherwise.
std::optional<std::string> memory_shortfall(std::uint64_t needed);

// The parts, on the text of the files they read; each nullopt when the text does not say.
std::optional<std::uint64_t> meminfo_available(std::string_view meminfo);          // /proc/meminfo
std::optional<std::string> cgroup_v2_path(std::string_view proc_self_cgroup);      // /proc/self/cgroup
std::optional<std::uint64_t> cgroup_room(std::string_view max, std::string_view current);  // memory.max, memory.current

// "1.5 GiB", "200 MiB", "12 KiB": a size for a message.
std::string describe_bytes(std::uint64_t bytes);

}  // namespace evidex
