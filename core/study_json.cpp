#include "core/study_json.h"

#include <array>
#include <charconv>
#include <optional>
#include <span>
#include <string_view>

#include "core/text.h"

namespace evidex {

using nlohmann::json;

namespace {

// The compact form keeps an author and a reason as the list of their values in the byte order
// of their keys (an author's derived name left out), the empty ones at the end dropped.
std::array<std::string_view, 6> author_row(const Author& a) {
    return {a.collective, a.family, a.given, a.initials, a.orcid, a.suffix};
}
std::array<std::string_view, 3> reason_row(const Reason& r) { return {r.field, r.rule, r.span}; }

// Appends `s` as a JSON string the way nlohmann's dump() writes one: the two-letter escapes
// for quote, backslash, backspace, form feed, newline, carriage return and tab, \u00xx for
// the other control characters, everything else as it is. A byte that starts no valid UTF-8
// sequence becomes U+FFFD, where dump() would throw.
void append_json_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            if (const std::size_t width = utf8_sequence_at(s, i); width > 0) {
                i += width;
                continue;
            }
        }
        out.append(s.substr(run, i - run));
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += hex[c >> 4];
                    out += hex[c & 0xF];
                } else {
                    out += "\xEF\xBF\xBD";
                }
        }
        run = ++i;
    }
    out.append(s.substr(run));
    out += '"';
}

// Writes one JSON object a key at a time. The caller gives the keys in the byte order of
// their names, the order nlohmann's objects keep, so the text is what dump() would print.
// In the compact form a value that is null, false or empty is left out altogether, and so are a
// value the reader derives from the others and a field at the value a reader gives a missing
// key; a reader takes a missing key for exactly that.
class ObjectWriter {
public:
    ObjectWriter(std::string& out, RecordForm form) : out_(out), form_(form) { out_ += '{'; }
    ~ObjectWriter() { out_ += '}'; }
    ObjectWriter(const ObjectWriter&) = delete;
    ObjectWriter& operator=(const ObjectWriter&) = delete;

    // Always written, even when empty.
    void text(std::string_view name, std::string_view value) {
        key(name);
        append_json_string(out_, value);
    }
    // Left out of the compact form when it is `otherwise`, the value a reader takes then.
    void text_unless(std::string_view name, std::string_view value, std::string_view otherwise) {
        if (compact() && value == otherwise) return;
        text(name, value);
    }
    // A value the reader derives from the others: in the full form only.
    void derived_integer(std::string_view name, int value) {
        if (!compact()) integer(name, value);
    }
    // null when empty.
    void text_or_null(std::string_view name, std::string_view value) {
        if (value.empty()) {
            null(name);
        } else {
            text(name, value);
        }
    }
    void boolean(std::string_view name, bool value) {
        if (compact() && !value) return;
        key(name);
        out_ += value ? "true" : "false";
    }
    void integer(std::string_view name, std::optional<int> value) {
        if (!value) {
            null(name);
            return;
        }
        key(name);
        char digits[16];
        const auto end = std::to_chars(digits, digits + sizeof digits, *value).ptr;
        out_.append(digits, end);
    }
    void number(std::string_view name, std::optional<double> value) {
        if (!value) {
            null(name);
            return;
        }
        key(name);
        out_ += json(*value).dump();  // nlohmann's shortest form that reads back the same
    }
    void null(std::string_view name) {
        if (compact()) return;
        key(name);
        out_ += "null";
    }
    void texts(std::string_view name, const std::vector<std::string>& values) {
        if (compact() && values.empty()) return;
        key(name);
        append_texts(values);
    }
    // An array of objects, each written by `write(ObjectWriter&, const Item&)`.
    template <typename Items, typename Write>
    void objects(std::string_view name, const Items& items, Write write) {
        if (compact() && items.empty()) return;
        key(name);
        array(items, [&](const auto& item) {
            ObjectWriter inner(out_, form_);
            write(inner, item);
        });
    }
    // One object value, or null when `present` is false.
    template <typename Write>
    void object(std::string_view name, bool present, Write write) {
        if (!present) {
            null(name);
            return;
        }
        key(name);
        ObjectWriter inner(out_, form_);
        write(inner);
    }

    // Objects whose values are all text. The full form writes each with `write(ObjectWriter&,
    // const Item&)`, as objects() does; the compact form keeps them as an array of arrays, each
    // the values `values(item)` gives in the order of the objects' keys, less the empty ones at
    // the end, and nothing when there are no items.
    template <typename Items, typename Values, typename Write>
    void rows(std::string_view name, const Items& items, Values values, Write write) {
        if (!compact()) {
            objects(name, items, write);
            return;
        }
        if (items.empty()) return;
        key(name);
        array(items, [&](const auto& item) {
            const auto row = values(item);
            std::size_t used = row.size();
            while (used > 0 && row[used - 1].empty()) --used;
            append_texts(std::span(row.data(), used));
        });
    }

private:
    [[nodiscard]] bool compact() const { return form_ == RecordForm::compact; }

    // A JSON array: `each(item)` writes each item, and the commas go between.
    template <typename Items, typename Each>
    void array(const Items& items, Each each) {
        out_ += '[';
        bool first = true;
        for (const auto& item : items) {
            if (!first) out_ += ',';
            first = false;
            each(item);
        }
        out_ += ']';
    }

    template <typename Texts>
    void append_texts(const Texts& values) {
        array(values, [this](const auto& value) { append_json_string(out_, value); });
    }

    void key(std::string_view name) {
        if (!first_) out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += name;
        out_ += "\":";
    }

    std::string& out_;
    RecordForm form_;
    bool first_ = true;
};

void write_study(std::string& out, const Study& s, RecordForm form) {
    // Keys in byte order, as nlohmann sorts them: the output is the same bytes for the same
    // record, and dump() of the parsed text gives it back unchanged (test_study_json).
    ObjectWriter o(out, form);
    o.objects("abstract", s.abstract, [](ObjectWriter& w, const AbstractSection& section) {
        w.text_or_null("label", section.label);
        if (!section.nlm_category.empty()) w.text("nlm_category", section.nlm_category);
        w.text("text", section.text);
    });
    o.rows("authors", s.authors, author_row, [](ObjectWriter& w, const Author& a) {
        w.text_or_null("collective", a.collective);
        w.text_or_null("family", a.family);
        w.text_or_null("given", a.given);
        w.text_or_null("initials", a.initials);
        w.text("name", a.display());
        w.text_or_null("orcid", a.orcid);
        w.text_or_null("suffix", a.suffix);
    });
    o.text_unless("blinding", to_string(s.blinding), to_string(Blinding::unknown));
    o.boolean("book", s.book);
    o.texts("conditions", s.conditions);
    o.boolean("crossover", s.crossover);
    o.text_unless("design", to_string(s.design), to_string(Design::other));
    o.text_or_null("doi", s.doi);
    o.text_or_null("duration", s.duration);
    o.texts("flags", s.flags);
    o.object("intervention", !s.intervention.empty(), [&s](ObjectWriter& w) {
        const Intervention& i = s.intervention;
        w.number("daily_dose_mg", i.daily_dose_mg);
        w.text_or_null("form", i.form);
        w.text_or_null("route", i.route);
        w.text_or_null("span", i.span);
        w.text("substance", i.substance);
    });
    o.boolean("is_notice", s.is_notice);
    o.text_or_null("issue", s.issue);
    o.text_or_null("journal", s.journal);
    o.text_or_null("journal_abbrev", s.journal_abbrev);
    o.texts("keywords", s.keywords);
    o.text_or_null("language", s.language);
    o.derived_integer("level", s.level());
    o.objects("mesh", s.mesh, [](ObjectWriter& w, const MeshHeading& m) {
        w.text("descriptor", m.descriptor);
        w.boolean("major", m.major);
        w.texts("qualifiers", m.qualifiers);
        w.text_or_null("ui", m.ui);
    });
    o.integer("n", s.n);
    o.integer("n_studies", s.n_studies);
    o.objects("notices", s.notices, [](ObjectWriter& w, const RelatedNotice& n) {
        w.text_or_null("doi", n.doi);
        w.text("kind", n.kind);
        w.text_or_null("note", n.note);
        w.text_or_null("pmid", n.pmid);
    });
    o.text_or_null("pages", s.pages);
    o.boolean("pilot", s.pilot);
    o.boolean("placebo", s.placebo);
    o.text_or_null("pmcid", s.pmcid);
    o.text_or_null("pmid", s.pmid);
    o.texts("population", s.population);
    o.texts("publication_types", s.publication_types);
    o.rows("reasons", s.reasons, reason_row, [](ObjectWriter& w, const Reason& r) {
        w.text("field", r.field);
        w.text("rule", r.rule);
        w.text("span", r.span);
    });
    o.text_unless("result_direction", to_string(s.result_direction), to_string(ResultDirection::unclear));
    o.boolean("retracted", s.retracted);
    o.text_unless("source", to_string(s.source), to_string(Source::pubmed));
    o.text("title", s.title);
    o.text_or_null("volume", s.volume);
    o.integer("year", s.year);
}

std::string string_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::vector<std::string> strings_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? std::vector<std::string>() : it->get<std::vector<std::string>>();
}

std::optional<int> int_at(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<int>();
}

bool bool_at(const json& j, const char* key) {
    const auto it = j.find(key);
    return it != j.end() && !it->is_null() && it->get<bool>();
}

// The value at `k` of a compact row; a row is cut after its last value that is not empty.
std::string text_in_row(const json& row, std::size_t k) {
    return k < row.size() ? row[k].get<std::string>() : std::string();
}

const json& array_at(const json& j, const char* key) {
    static const json empty = json::array();
    const auto it = j.find(key);
    return it == j.end() || it->is_null() ? empty : *it;
}

}  // namespace

std::string write_study_json(const Study& study, RecordForm form) {
    std::string out;
    out.reserve(4096);
    write_study(out, study, form);
    return out;
}

json study_to_json(const Study& study) { return json::parse(write_study_json(study, RecordForm::full)); }

Study study_from_json(const json& j) {
    Study s;
    s.pmid = string_at(j, "pmid");
    s.doi = string_at(j, "doi");
    s.pmcid = string_at(j, "pmcid");
    s.title = string_at(j, "title");
    for (const auto& section : array_at(j, "abstract"))
        s.abstract.push_back({string_at(section, "label"), string_at(section, "nlm_category"), string_at(section, "text")});
    for (const auto& a : array_at(j, "authors")) {
        if (a.is_array()) {
            // The order of author_row.
            s.authors.push_back({text_in_row(a, 1), text_in_row(a, 2), text_in_row(a, 3), text_in_row(a, 5),
                                 text_in_row(a, 0), text_in_row(a, 4)});
        } else {
            s.authors.push_back({string_at(a, "family"), string_at(a, "given"), string_at(a, "initials"),
                                 string_at(a, "suffix"), string_at(a, "collective"), string_at(a, "orcid")});
        }
    }
    s.journal = string_at(j, "journal");
    s.journal_abbrev = string_at(j, "journal_abbrev");
    s.volume = string_at(j, "volume");
    s.issue = string_at(j, "issue");
    s.pages = string_at(j, "pages");
    s.year = int_at(j, "year");
    s.publication_types = strings_at(j, "publication_types");
    for (const auto& m : array_at(j, "mesh"))
        s.mesh.push_back({string_at(m, "descriptor"), string_at(m, "ui"), bool_at(m, "major"), strings_at(m, "qualifiers")});
    s.keywords = strings_at(j, "keywords");
    s.language = string_at(j, "language");
    for (const auto& n : array_at(j, "notices"))
        s.notices.push_back({string_at(n, "kind"), string_at(n, "pmid"), string_at(n, "doi"), string_at(n, "note")});
    s.retracted = bool_at(j, "retracted");
    s.is_notice = bool_at(j, "is_notice");
    s.book = bool_at(j, "book");
    s.source = parse_source(string_at(j, "source")).value_or(Source::pubmed);
    s.design = parse_design(string_at(j, "design")).value_or(Design::other);
    s.blinding = parse_blinding(string_at(j, "blinding")).value_or(Blinding::unknown);
    s.n = int_at(j, "n");
    s.population = strings_at(j, "population");
    s.placebo = bool_at(j, "placebo");
    s.pilot = bool_at(j, "pilot");
    s.crossover = bool_at(j, "crossover");
    s.n_studies = int_at(j, "n_studies");
    s.duration = string_at(j, "duration");
    if (const auto it = j.find("intervention"); it != j.end() && it->is_object()) {
        s.intervention.substance = string_at(*it, "substance");
        s.intervention.form = string_at(*it, "form");
        s.intervention.route = string_at(*it, "route");
        if (const auto dose = it->find("daily_dose_mg"); dose != it->end() && !dose->is_null())
            s.intervention.daily_dose_mg = dose->get<double>();
        s.intervention.span = string_at(*it, "span");
    }
    s.conditions = strings_at(j, "conditions");
    s.result_direction = parse_result_direction(string_at(j, "result_direction")).value_or(ResultDirection::unclear);
    s.flags = strings_at(j, "flags");
    for (const auto& r : array_at(j, "reasons")) {
        if (r.is_array()) {
            s.reasons.push_back({text_in_row(r, 0), text_in_row(r, 1), text_in_row(r, 2)});  // reason_row
        } else {
            s.reasons.push_back({string_at(r, "field"), string_at(r, "rule"), string_at(r, "span")});
        }
    }
    return s;
}

}  // namespace evidex
