#include "core/memory_room.h"

#include <sys/resource.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <iterator>

#include "core/text.h"

namespace evidex {

namespace {

std::optional<std::string> read_text(const std::string& path) {
    std::string text;
    if (!read_file(path, text)) return std::nullopt;
    return text;
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
    text = trim(text);
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

// What the process has mapped now (the first field of /proc/self/statm, in pages).
std::optional<std::uint64_t> mapped_bytes() {
    const auto statm = read_text("/proc/self/statm");
    if (!statm) return std::nullopt;
    const auto pages = parse_count(statm->substr(0, statm->find(' ')));
    const long page = sysconf(_SC_PAGESIZE);
    if (!pages || page <= 0) return std::nullopt;
    return *pages * static_cast<std::uint64_t>(page);
}

void keep_tighter(std::optional<MemoryRoom>& room, std::uint64_t bytes, const char* bound) {
    if (!room || bytes < room->bytes) room = MemoryRoom{bytes, bound};
}

}  // namespace

std::optional<std::uint64_t> meminfo_available(std::string_view meminfo) {
    constexpr std::string_view key = "MemAvailable:";
    for (std::string_view line : split(meminfo, '\n')) {
        if (!line.starts_with(key)) continue;
        line = trim(line.substr(key.size()));
        if (!line.ends_with("kB")) return std::nullopt;
        const auto kib = parse_count(line.substr(0, line.size() - 2));
        if (!kib || *kib > UINT64_MAX / 1024) return std::nullopt;
        return *kib * 1024;
    }
    return std::nullopt;
}

std::optional<std::string> cgroup_v2_path(std::string_view proc_self_cgroup) {
    // cgroup v2 has one line, "0::/path"; v1 lines name their controllers and are not read here.
    for (const std::string_view line : split(proc_self_cgroup, '\n')) {
        if (!line.starts_with("0::/")) continue;
        const std::string_view path = trim(line.substr(3));
        if (path.find("..") != std::string_view::npos) return std::nullopt;
        return std::string(path);
    }
    return std::nullopt;
}

std::optional<std::uint64_t> cgroup_room(std::string_view max, std::string_view current) {
    if (trim(max) == "max") return std::nullopt;
    const auto limit = parse_count(max);
    const auto used = parse_count(current);
    if (!limit || !used) return std::nullopt;
    return *limit > *used ? *limit - *used : 0;
}

std::optional<MemoryRoom> memory_room() {
    std::optional<MemoryRoom> room;
    if (const auto meminfo = read_text("/proc/meminfo"))
        if (const auto available = meminfo_available(*meminfo)) keep_tighter(room, *available, "available memory");

    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const std::uint64_t cap = limit.rlim_cur;
        const std::uint64_t mapped = mapped_bytes().value_or(0);
        keep_tighter(room, cap > mapped ? cap - mapped : 0, "the address-space limit (ulimit -v)");
    }

    if (const auto cgroup = read_text("/proc/self/cgroup"))
        if (const auto path = cgroup_v2_path(*cgroup)) {
            const std::string dir = "/sys/fs/cgroup" + (*path == "/" ? std::string() : *path);
            const auto max = read_text(dir + "/memory.max");
            const auto current = read_text(dir + "/memory.current");
            if (max && current)
                if (const auto left = cgroup_room(*max, *current)) keep_tighter(room, *left, "the cgroup's memory.max");
        }
    return room;
}

std::optional<std::string> memory_shortfall(std::uint64_t needed) {
    const auto room = memory_room();
    if (!room || needed <= room->bytes) return std::nullopt;
    return "takes about " + describe_bytes(needed) + " of memory, and " + room->bound + " leaves " +
           describe_bytes(room->bytes);
}

std::string describe_bytes(std::uint64_t bytes) {
    constexpr const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
    double value = static_cast<double>(bytes);
    std::size_t unit = 0;
    while (value >= 1024 && unit + 1 < std::size(units)) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    if (unit == 0) std::snprintf(text, sizeof text, "%llu bytes", static_cast<unsigned long long>(bytes));
    else if (value < 10) std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    else std::snprintf(text, sizeof text, "%.0f %s", value, units[unit]);
    return text;
}

}  // namespace evidex
