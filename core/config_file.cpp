#include "core/config_file.h"

#include <algorithm>
#include <cstdlib>

#include "core/errors.h"
#include "core/text.h"

namespace evidex {

std::optional<std::string> ConfigFile::get(std::string_view key) const {
    const auto it = values.find(key);
    if (it == values.end()) return std::nullopt;
    return it->second;
}

const std::vector<std::string>& config_keys() {
    static const std::vector<std::string> keys{"db",       "cache",   "offline", "pubmed-url",
                                               "crossref-url", "doi-url", "email",   "api-key"};
    return keys;
}

std::filesystem::path config_path() {
    if (const char* config = std::getenv("XDG_CONFIG_HOME"); config && *config)
        return std::filesystem::path(config) / "evidex" / "config";
    if (const char* home = std::getenv("HOME"); home && *home)
        return std::filesystem::path(home) / ".config" / "evidex" / "config";
    return std::filesystem::current_path() / ".evidex" / "config";
}

namespace {

// Text of the file quoted in a message: one short line whatever the file holds.
std::string shown(std::string_view text) {
    constexpr std::size_t most = 40;
    std::string out;
    for (const char c : text.substr(0, most)) out += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    if (text.size() > most) out += "...";
    return out;
}

}  // namespace

ConfigFile parse_config(std::string_view text, const std::filesystem::path& path) {
    ConfigFile config;
    config.path = path;
    config.found = true;
    std::size_t number = 0;
    for (const auto raw : split(skip_bom(text), '\n')) {
        ++number;
        const std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') continue;
        const std::string where = path.string() + ":" + std::to_string(number);
        const auto equals = line.find('=');
        if (equals == std::string_view::npos)
            throw FatalError(ExitCode::usage, where + ": not 'key = value'");
        const std::string key(trim(line.substr(0, equals)));
        std::string_view value = trim(line.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
        const auto& keys = config_keys();
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            throw FatalError(ExitCode::usage, where + ": unknown key '" + shown(key) + "' (known: db, cache, offline, "
                                                      "pubmed-url, crossref-url, doi-url, email, api-key)");
        if (key == "offline" && value != "true" && value != "false")
            throw FatalError(ExitCode::usage, where + ": offline is true or false, not '" + shown(value) + "'");
        config.values[key] = std::string(value);
    }
    return config;
}

ConfigFile load_config() {
    const auto path = config_path();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return ConfigFile{path, false, {}};
    if (std::filesystem::is_directory(path, ec))
        throw FatalError(ExitCode::usage, path.string() + ": a directory, not the configuration file");
    std::string text;
    if (!read_file(path.string(), text)) throw FatalError(ExitCode::usage, path.string() + ": cannot read the configuration file");
    return parse_config(text, path);
}

}  // namespace evidex
