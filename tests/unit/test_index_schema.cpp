#include <doctest/doctest.h>

#include <map>
#include <regex>
#include <sstream>

#include "core/index_schema.h"
#include "core/text.h"
#include "support/paths.h"

namespace {

// Rows of the Markdown table that follows `heading` in INDEX.md, as lists of cells.
std::vector<std::vector<std::string>> table_after(const std::string& doc, const std::string& heading) {
    std::vector<std::vector<std::string>> rows;
    const auto start = doc.find("\n" + heading + "\n");
    REQUIRE_MESSAGE(start != std::string::npos, "INDEX.md has no section " << heading);
    std::istringstream lines(doc.substr(start + heading.size() + 2));
    std::string line;
    bool in_table = false;
    while (std::getline(lines, line)) {
        if (line.rfind("|", 0) != 0) {
            if (in_table) break;
            if (line.rfind("#", 0) == 0) break;
            continue;
        }
        in_table = true;
        std::vector<std::string> cells;
        for (auto cell : evidex::split(line, '|')) cells.emplace_back(evidex::trim(cell));
        // Leading and trailing pipes give empty first and last cells.
        cells = std::vector<std::string>(cells.begin() + 1, cells.end() - 1);
        if (cells.empty() || cells[0].rfind("---", 0) == 0) continue;
        rows.push_back(cells);
    }
    REQUIRE(rows.size() > 1);
    rows.erase(rows.begin());  // the header row
    return rows;
}

std::string unquote(const std::string& cell) {
    return cell.size() >= 2 && cell.front() == '`' && cell.back() == '`' ? cell.substr(1, cell.size() - 2) : cell;
}

std::string index_md() {
    std::string doc;
    REQUIRE(evidex::read_file((evidex::test::source_dir() / "schemas" / "INDEX.md").string(), doc));
    return doc;
}

}  // namespace

TEST_CASE("INDEX.md documents exactly the term prefixes the code uses") {
    std::map<std::string, std::string> documented;  // name -> prefix
    for (const auto& row : table_after(index_md(), "## Term prefixes")) {
        REQUIRE(row.size() >= 2);
        documented[row[1]] = unquote(row[0]);
    }
    std::map<std::string, std::string> in_code;
    for (const auto& entry : evidex::schema::prefixes()) in_code[std::string(entry.name)] = std::string(entry.prefix);
    CHECK(documented == in_code);
}

TEST_CASE("INDEX.md documents exactly the value slots the code uses, and the retired ones") {
    std::map<std::string, std::string> documented;  // name -> slot
    for (const auto& row : table_after(index_md(), "## Value slots"))
        if (!row[2].starts_with("retired")) documented[row[1]] = row[0];
    std::map<std::string, std::string> in_code;
    for (const auto& entry : evidex::schema::slots()) in_code[std::string(entry.name)] = std::to_string(entry.slot);
    CHECK(documented == in_code);
}

TEST_CASE("INDEX.md states the schema version the code writes") {
    const auto rows = table_after(index_md(), "## Metadata");
    REQUIRE(rows.size() == 1);
    CHECK(unquote(rows[0][0]) == evidex::schema::version_key);
    CHECK(rows[0][1].find("`" + std::to_string(evidex::schema::version) + "`") != std::string::npos);
}

TEST_CASE("prefixes are distinct and none is a prefix of another boolean prefix with an upper-case start") {
    std::map<std::string, int> seen;
    for (const auto& entry : evidex::schema::prefixes()) CHECK(++seen[std::string(entry.prefix)] == 1);
}

TEST_CASE("make_term keeps short terms and hashes long ones into 245 bytes") {
    CHECK(evidex::schema::make_term("XDOI", "10.1000/x") == "XDOI10.1000/x");
    const std::string long_a(400, 'a');
    std::string long_b = long_a;
    long_b.back() = 'b';
    const auto term_a = evidex::schema::make_term("Q", long_a);
    const auto term_b = evidex::schema::make_term("Q", long_b);
    CHECK(term_a.size() <= 245);
    CHECK(term_a != term_b);
    CHECK(term_a == evidex::schema::make_term("Q", long_a));
    // A cut never splits a UTF-8 character: "é" is two bytes.
    std::string accented;
    for (int i = 0; i < 200; ++i) accented += "\xC3\xA9";
    const auto term_c = evidex::schema::make_term("Q", accented);
    const auto hash_at = term_c.find('#');
    REQUIRE(hash_at != std::string::npos);
    CHECK((hash_at - 1) % 2 == 0);
}

TEST_CASE("the stored schema version is read only from plain digits") {
    CHECK(evidex::schema::stored_version("5") == 5);
    CHECK(evidex::schema::stored_version("4") == 4);
    CHECK(evidex::schema::stored_version("") == 0);
    CHECK(evidex::schema::stored_version("4abc") == 0);
    CHECK(evidex::schema::stored_version(" 4") == 0);
    CHECK(evidex::schema::stored_version("99999999999") == 0);
    CHECK(evidex::schema::read_as_is(4));
    CHECK(evidex::schema::read_as_is(evidex::schema::version));
    CHECK_FALSE(evidex::schema::read_as_is(3));
    CHECK_FALSE(evidex::schema::read_as_is(evidex::schema::version + 1));
}
