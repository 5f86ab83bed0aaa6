// The configuration file: $XDG_CONFIG_HOME/evidex/config, else ~/.config/evidex/config.
//
//   # comments and blank lines are skipped
//   db = /srv/evidex/index
//   email = me@example.org
//   api-key = 0123456789abcdef
//
// One `key = value` a line; the value runs to the end of the line, trimmed, optionally in double
// quotes. Keys: db, cache, offline (true/false), pubmed-url, crossref-url, doi-url, email, api-key.
// Flags override the environment, which overrides this file.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace evidex {

struct ConfigFile {
    std::filesystem::path path;
    bool found = false;  // the file exists and was read
    std::map<std::string, std::string, std::less<>> values;

    [[nodiscard]] std::optional<std::string> get(std::string_view key) const;
};

// The keys the file may set, in the order `evidex-query config` prints them.
const std::vector<std::string>& config_keys();

// Where the file is looked for (it need not exist).
std::filesystem::path config_path();

// Parses the text of a configuration file. Throws FatalError (`usage`) naming "FILE:LINE" for a
// line that is not `key = value`, an unknown key or a bad boolean.
ConfigFile parse_config(std::string_view text, const std::filesystem::path& path);

// Reads config_path(); a file that does not exist gives an empty configuration. Throws
// FatalError as parse_config does, and when the file exists but cannot be read.
ConfigFile load_config();

}  // namespace evidex
