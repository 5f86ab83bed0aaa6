#include "core/memory_room.h"

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iterator>

#include "core/text.h"

namespace evidex {

namespace {

std::optional<std::string> read_small_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<std::uint64_t> parse_count(std::string_view text) {
    text = trim(text);
    if (text.empty()) return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') return std::nullopt;
        if (value > (UINT64_MAX - 9) / 10) return std::nullopt;
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

// What the process has mapped now (the first field of /proc/self/statm, in pages).
std::optional<std::uint64_t> mapped_bytes() {
    const auto statm = read_small_file("/proc/self/statm");
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
    std::size_t at = 0;
    while (at < meminfo.size()) {
        std::size_t end = meminfo.find('\n', at);
        if (end == std::string_view::npos) end = meminfo.size();
        std::string_view line = meminfo.substr(at, end - at);
        at = end + 1;
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
    std::size_t at = 0;
    while (at < proc_self_cgroup.size()) {
        std::size_t end = proc_self_cgroup.find('\n', at);
        if (end == std::string_view::npos) end = proc_self_cgroup.size();
        const std::string_view line = proc_self_cgroup.substr(at, end - at);
        at = end + 1;
        if (line.starts_with("0::/")) {
            const std::string_view path = trim(line.substr(3));
            if (path.find("..") != std::string_view::npos) return std::nullopt;
            return std::string(path);
        }
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
    if (const auto meminfo = read_small_file("/proc/meminfo"))
        if (const auto available = meminfo_available(*meminfo)) keep_tighter(room, *available, "available memory");

    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        const std::uint64_t cap = limit.rlim_cur;
        const std::uint64_t mapped = mapped_bytes().value_or(0);
        keep_tighter(room, cap > mapped ? cap - mapped : 0, "the address-space limit (ulimit -v)");
    }

    if (const auto cgroup = read_small_file("/proc/self/cgroup"))
        if (const auto path = cgroup_v2_path(*cgroup)) {
            const std::string dir = "/sys/fs/cgroup" + (*path == "/" ? std::string() : *path);
            const auto max = read_small_file(dir + "/memory.max");
            const auto current = read_small_file(dir + "/memory.current");
            if (max && current)
                if (const auto left = cgroup_room(*max, *current)) keep_tighter(room, *left, "the cgroup's memory.max");
        }
    return room;
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
