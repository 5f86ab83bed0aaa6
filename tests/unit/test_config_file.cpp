#include <doctest/doctest.h>

#include <string>

#include "core/config_file.h"
#include "core/errors.h"

using evidex::parse_config;

TEST_CASE("parse_config reads key = value lines, comments, blank lines and quoted values") {
    const auto config = parse_config("# mine\n\ndb = /srv/evidex/index\nemail=\"me@example.org\"\r\n"
                                     "  api-key =  abc123  \noffline = true\n",
                                     "config");
    CHECK(config.get("db") == "/srv/evidex/index");
    CHECK(config.get("email") == "me@example.org");
    CHECK(config.get("api-key") == "abc123");
    CHECK(config.get("offline") == "true");
    CHECK_FALSE(config.get("cache"));
}

TEST_CASE("parse_config names the file and line of a bad line") {
    const auto message = [](const std::string& text) {
        try {
            parse_config(text, "/home/u/.config/evidex/config");
        } catch (const evidex::FatalError& e) {
            CHECK(e.code() == evidex::ExitCode::usage);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message("db = x\ndatabase = y\n").rfind("/home/u/.config/evidex/config:2: unknown key 'database'", 0) == 0);
    CHECK(message("# c\njust words\n") == "/home/u/.config/evidex/config:2: not 'key = value'");
    CHECK(message("offline = yes\n") == "/home/u/.config/evidex/config:1: offline is true or false, not 'yes'");
    // Whatever the file holds, the message stays one short printable line.
    CHECK(message("offline = " + std::string(60, 'y') + "\n") ==
          "/home/u/.config/evidex/config:1: offline is true or false, not '" + std::string(40, 'y') + "...'");
    CHECK(message("a\tb\x1b = 1\n").rfind("/home/u/.config/evidex/config:1: unknown key 'a?b?'", 0) == 0);
}
