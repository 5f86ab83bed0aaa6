// parse_csl_json: CSL-JSON as doi.org serves it and as citation tools store it.
#include "core/crossref_markup.h"
#include "core/crossref_parser.h"
#include "core/crossref_work.h"
#include "core/text.h"

namespace evidex {

namespace {

// citation-js keeps {"10.1021/JA01577A030": [ {item} ], ...}: an object whose every member is an
// array. A single item has string members ("title", "type") beside its arrays.
bool is_keyed_by_doi(const WorkJson& doc) {
    if (!doc.is_object() || doc.empty()) return false;
    for (const auto& member : doc.items())
        if (!member.value().is_array()) return false;
    return true;
}

}  // namespace

ParsedRecords parse_csl_json(std::string_view body, std::string_view where) {
    ParsedRecords out;
    const std::string location(where);
    auto fail = [&](std::string message) {
        out.errors.push_back(ItemError{location, std::move(message)});
        return out;
    };

    std::string body_problem;
    auto parsed = parse_json_body(body, "CSL-JSON", body_problem);
    if (!parsed) return fail(body_problem);
    WorkJson doc = std::move(*parsed);

    auto read = [&](const WorkJson& item, const std::string& item_where) {
        std::string problem;
        if (auto study = read_work(item, WorkDialect::csl, problem)) {
            out.studies.push_back(std::move(*study));
        } else {
            out.errors.push_back(ItemError{item_where, problem});
        }
    };

    std::size_t n = 0;
    if (doc.is_array()) {
        for (const WorkJson& item : doc) read(item, item_location(where, ++n, item));
    } else if (doc.is_object() && doc.contains("message-type")) {
        return fail("not CSL-JSON: a Crossref API response (message-type " + member_text(doc, "message-type") + ")");
    } else if (is_keyed_by_doi(doc)) {
        for (const auto& member : doc.items())
            for (const WorkJson& item : member.value()) read(item, item_location(where, ++n, item));
    } else if (doc.is_object()) {
        read(doc, location);
    } else {
        return fail("not CSL-JSON: the body is neither an item nor a list of items");
    }
    return out;
}

}  // namespace evidex
