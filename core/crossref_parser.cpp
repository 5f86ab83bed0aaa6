// parse_crossref_json: a Crossref REST API body ("work" or "work-list") into studies. Error bodies
// (status "failed"/"error", plain text, HTML) become one error that says what the server said.
#include "core/crossref_parser.h"

#include "core/crossref_markup.h"
#include "core/crossref_work.h"
#include "core/text.h"

namespace evidex {

namespace {

// One entry of a failure's message array: {"type": "cursor-invalid", "value": "thing",
// "message": "Cursor specified but it is invalid"}.
std::string describe_failure_entry(const WorkJson& entry) {
    if (!entry.is_object()) return std::string(trim(text_of(entry)));
    std::string text = std::string(trim(member_text(entry, "message")));
    const std::string type = member_text(entry, "type");
    const std::string value = member_text(entry, "value");
    if (!type.empty()) text = text.empty() ? type : type + ": " + text;
    if (!value.empty()) text += " (value \"" + value + "\")";
    return text;
}

// Status "failed" (validation-failure, resource-failure: a message array) or "error"
// (exception: a message object with a name and a message).
std::string describe_failure(const WorkJson& doc, const std::string& status) {
    std::string said = "Crossref answered status \"" + status + "\"";
    if (const std::string type = member_text(doc, "message-type"); !type.empty()) said += " (" + type + ")";
    const auto message = doc.find("message");
    if (message == doc.end()) return said;
    std::string details;
    if (message->is_array()) {
        for (const WorkJson& entry : *message) {
            const std::string text = describe_failure_entry(entry);
            if (text.empty()) continue;
            if (!details.empty()) details += "; ";
            details += text;
        }
    } else if (message->is_object()) {
        details = std::string(trim(member_text(*message, "message")));
        if (details.empty()) details = std::string(trim(member_text(*message, "description")));
    } else {
        details = std::string(trim(text_of(*message)));
    }
    return details.empty() ? said : said + ": " + details;
}

void read_item(const WorkJson& item, const std::string& location, ParsedRecords& out) {
    std::string problem;
    if (auto study = read_work(item, WorkDialect::crossref, problem)) {
        out.studies.push_back(std::move(*study));
    } else {
        out.errors.push_back(ItemError{location, problem});
    }
}

}  // namespace

ParsedRecords parse_crossref_json(std::string_view body, std::string_view where) {
    ParsedRecords out;
    const std::string location(where);
    auto fail = [&](std::string message) {
        out.errors.push_back(ItemError{location, std::move(message)});
        return out;
    };

    std::string body_problem;
    auto parsed = parse_json_body(body, "JSON", body_problem);
    if (!parsed) return fail(body_problem);
    WorkJson doc = std::move(*parsed);
    if (!doc.is_object()) return fail("not a Crossref response: the body is a JSON array");

    const std::string status = member_text(doc, "status");
    if (!status.empty() && status != "ok") return fail(describe_failure(doc, status));

    const std::string type = member_text(doc, "message-type");
    const auto message = doc.find("message");
    if (type.empty() || message == doc.end()) return fail("not a Crossref response: no message-type and message");
    if (type == "work") {
        read_item(*message, location, out);
        return out;
    }
    if (type != "work-list") return fail("not a Crossref work: message-type " + type);

    const WorkJson* items = nullptr;
    if (message->is_object()) {
        if (const auto found = message->find("items"); found != message->end() && found->is_array()) items = &*found;
    }
    if (!items) return fail("Crossref work-list without an items array");
    std::size_t n = 0;
    for (const WorkJson& item : *items) read_item(item, item_location(where, ++n, item), out);
    return out;
}

}  // namespace evidex
