// evidex-query claims [QUERY]: the claims saved by `audit --save` — about a condition, with a
// verdict, or citing a study — so a reviewer finds what pages say about a topic and which pages
// lean on a given study.
#include <iostream>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "core/conditions.h"
#include "core/data_dirs.h"
#include "core/index_reader.h"
#include "core/index_schema.h"
#include "query/audit.h"
#include "indexer/run.h"
#include "query/commands.h"

namespace po = boost::program_options;

namespace evidex {

namespace {

namespace prefix = schema::prefix;

Xapian::Query term(std::string_view p, std::string_view value) { return Xapian::Query(schema::make_term(p, value)); }

Verdict parse_verdict_or_fail(const std::string& name) {
    for (const auto verdict : all_verdicts())
        if (to_string(verdict) == name) return verdict;
    throw FatalError(ExitCode::usage, "claims: unknown verdict '" + name +
                                          "' (supported, overstated, unsupported, contradicted, unverifiable)");
}

}  // namespace

ExitCode run_query_claims(const CommandLine& line) {
    po::options_description options("evidex-query claims [QUERY] [options]: claims saved by audit --save");
    options.add_options()
        ("condition", po::value<std::string>()->value_name("C"), "only claims about this condition (id, name or synonym)")
        ("verdict", po::value<std::string>()->value_name("V"), "only claims with this verdict")
        ("cites", po::value<std::string>()->value_name("ID"), "only claims citing this study (pmid:N, doi:X or title:HASH)")
        ("limit", po::value<int>()->default_value(50)->value_name("N"), "show at most N claims")
        ("format", po::value<std::string>()->default_value("table")->value_name("FORMAT"), "table or json");
    Settings settings;
    const auto parsed = parse_subcommand(line, options, "query",
                                         "  evidex-query claims --condition rls --verdict overstated\n"
                                         "  evidex-query claims --cites pmid:9703590 --format json\n",
                                         settings);
    if (!parsed) return ExitCode::ok;
    const auto& vm = *parsed;
    const std::string format = vm["format"].as<std::string>();
    if (format != "table" && format != "json") throw FatalError(ExitCode::usage, "claims: unknown --format '" + format + "' (table or json)");
    const int limit = vm["limit"].as<int>();
    if (limit < 0) throw FatalError(ExitCode::usage, "claims: --limit cannot be negative");

    std::vector<Xapian::Query> filters{term(prefix::doc_type, "claim")};
    if (vm.count("condition")) {
        const ConditionVocabulary conditions = ConditionVocabulary::load(schemas_dir() / "conditions.tsv");
        filters.push_back(term(prefix::condition, require_condition(conditions, vm["condition"].as<std::string>(), "claims").id));
    }
    if (vm.count("verdict")) filters.push_back(term(prefix::verdict, to_string(parse_verdict_or_fail(vm["verdict"].as<std::string>()))));
    if (vm.count("cites")) {
        const std::string id = vm["cites"].as<std::string>();
        const auto key = parse_study_key(id);
        if (!key) throw FatalError(ExitCode::usage, "claims: '" + id + "' " + not_a_study_key);
        filters.push_back(term(prefix::cites, *key));
    }

    IndexReader reader(all_dbs(settings));
    const Xapian::Database& db = reader.database();
    Xapian::Query query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    std::string text;
    if (vm.count("query"))
        for (const auto& word : vm["query"].as<std::vector<std::string>>()) text += (text.empty() ? "" : " ") + word;
    try {
        if (!text.empty()) {
            Xapian::QueryParser parser;
            parser.set_database(db);
            parser.set_stemmer(Xapian::Stem("english"));
            parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
            parser.set_default_op(Xapian::Query::OP_AND);
            query = Xapian::Query(Xapian::Query::OP_FILTER, parser.parse_query(text, Xapian::QueryParser::FLAG_DEFAULT, std::string(prefix::claim_text)), query);
        }
        Xapian::Enquire enquire(db);
        enquire.set_query(query);
        if (text.empty()) enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        const Xapian::MSet matches = enquire.get_mset(0, static_cast<Xapian::doccount>(limit), db.get_doccount());
        nlohmann::json found = nlohmann::json::array();
        for (auto it = matches.begin(); it != matches.end(); ++it) found.push_back(nlohmann::json::parse(it.get_document().get_data()));
        if (format == "json") {
            std::cout << nlohmann::json{{"total", matches.get_matches_estimated()}, {"claims", found}}.dump(2) << '\n';
        } else {
            for (const auto& c : found) {
                const std::string id = c["page"]["id"].get<std::string>() + ":" + c["id"].get<std::string>();
                std::cout << id << "  " << c["verdict"].get<std::string>() << "  "
                          << (c["condition"].is_null() ? "-" : c["condition"].get<std::string>()) << "  "
                          << c["page"]["source"].get<std::string>() << "\n    " << c["text"].get<std::string>() << '\n';
            }
        }
        if (!settings.quiet) std::cerr << matches.get_matches_estimated() << " saved claims match\n";
    } catch (const Xapian::QueryParserError& e) {
        throw FatalError(ExitCode::usage, "claims: cannot read the query '" + text + "': " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw FatalError(ExitCode::failed, "claims: " + settings.db.string() + ": " + e.get_description());
    } catch (const nlohmann::json::exception& e) {
        throw FatalError(ExitCode::failed, "claims: a saved claim is not valid JSON: " + std::string(e.what()));
    }
    return ExitCode::ok;
}

}  // namespace evidex
