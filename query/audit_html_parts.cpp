#include "query/audit_html_parts.h"

#include <charconv>
#include <cmath>

#include "query/grading_rules.h"

namespace evidex::html {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\0': out += "\xEF\xBF\xBD"; break;  // U+FFFD: NUL is not allowed in HTML text
            default: out += c;
        }
    }
    return out;
}

std::string number(double value) {
    char buffer[32];
    const double rounded = std::round(value * 100) / 100;
    const bool whole = rounded == std::floor(rounded);
    const auto result = whole ? std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 0)
                              : std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::general);
    return std::string(buffer, result.ptr);
}

std::string pubmed_url(std::string_view pmid) {
    if (pmid.empty() || pmid.find_first_not_of("0123456789") != std::string_view::npos) return {};
    return "https://pubmed.ncbi.nlm.nih.gov/" + std::string(pmid) + "/";
}

std::string doi_url(std::string_view doi) {
    if (doi.empty()) return {};
    // doi.org takes the DOI as the path: keep what a path allows, percent-encode the rest
    // ('#', '?', '%', spaces, quotes, angle brackets and every byte >= 0x80).
    static constexpr std::string_view keep =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/:;()[]+,=@!$*";
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string url = "https://doi.org/";
    for (const char c : doi) {
        if (keep.find(c) != std::string_view::npos) {
            url += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            url += '%';
            url += hex[byte >> 4];
            url += hex[byte & 0x0F];
        }
    }
    return url;
}

std::string study_link(const Study& study) {
    std::string url = pubmed_url(study.pmid);
    if (url.empty()) url = doi_url(study.doi);
    if (url.empty()) return escape(study.key());
    return "<a href=\"" + escape(url) + "\">" + escape(study.key()) + "</a>";
}

std::string badge(std::string_view kind, std::string_view id) {
    return "<span class=\"badge " + escape(kind) + "-" + escape(id) + "\">" + escape(id) + "</span>";
}

std::string chips(const std::vector<std::string>& flags, std::string_view none) {
    if (flags.empty()) return "<span class=\"none\">" + escape(none) + "</span>";
    std::string out = "<ul class=\"chips\">";
    for (const auto& flag : flags) out += "<li>" + escape(flag) + "</li>";
    return out + "</ul>";
}

std::string level_bar(std::optional<int> best, int needs, std::string_view strength) {
    constexpr int left = 8, cell = 56, top = 6, height = 24;
    std::string label = "Evidence level scale 1 (strongest) to 5; a " + std::string(strength) +
                        " claim needs level " + std::to_string(needs) + " or stronger; ";
    label += best ? "the best cited study that addresses it is level " + std::to_string(*best)
                  : "no cited study addresses it";
    std::string svg = "<svg class=\"levels\" width=\"296\" height=\"48\" viewBox=\"0 0 296 48\" role=\"img\" aria-label=\"" +
                      escape(label) + "\"><title>" + escape(label) + "</title>";
    for (int level = 1; level <= 5; ++level) {
        const int x = left + (level - 1) * cell;
        svg += "<rect class=\"" + std::string(level <= needs ? "enough" : "weaker") + "\" x=\"" + std::to_string(x) +
               "\" y=\"" + std::to_string(top) + "\" width=\"" + std::to_string(cell - 2) + "\" height=\"" +
               std::to_string(height) + "\" rx=\"3\"/>";
        svg += "<text x=\"" + std::to_string(x + cell / 2 - 1) + "\" y=\"" + std::to_string(top + 16) +
               "\" text-anchor=\"middle\">" + std::to_string(level) + "</text>";
    }
    const int edge = left + needs * cell - 1;
    svg += "<line class=\"needs\" x1=\"" + std::to_string(edge) + "\" y1=\"2\" x2=\"" + std::to_string(edge) +
           "\" y2=\"" + std::to_string(top + height + 4) + "\"/>";
    if (best && *best >= 1 && *best <= 5) {
        const int middle = left + (*best - 1) * cell + cell / 2 - 1;
        svg += "<path class=\"best\" d=\"M" + std::to_string(middle) + " " + std::to_string(top + height + 2) + "l-8 14h16z\"/>";
    }
    return svg + "</svg>";
}

std::string verdict_bar(const std::vector<std::pair<std::string, std::size_t>>& counts) {
    constexpr std::size_t width = 600;
    std::size_t total = 0;
    for (const auto& [id, count] : counts) total += count;
    if (total == 0) return {};
    std::string svg = "<svg class=\"verdict-bar\" width=\"600\" height=\"18\" viewBox=\"0 0 600 18\" role=\"img\" "
                      "aria-label=\"Claims by verdict\">";
    std::size_t before = 0;
    for (const auto& [id, count] : counts) {
        if (count == 0) continue;
        const std::size_t x = before * width / total, end = (before + count) * width / total;
        svg += "<rect class=\"v-" + escape(id) + "\" x=\"" + std::to_string(x) + "\" y=\"0\" width=\"" +
               std::to_string(end - x) + "\" height=\"18\"><title>" + escape(id) + ": " + std::to_string(count) +
               "</title></rect>";
        before += count;
    }
    return svg + "</svg>";
}

std::string_view style_sheet() {
    return R"css(:root{--supported:#1a7f37;--overstated:#b45309;--unsupported:#7c3aed;--contradicted:#c62828;
--unverifiable:#57606a;--line:#d0d7de;--soft:#f6f8fa;--ink:#1f2328;--muted:#59636e}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:var(--ink);
margin:0 auto;max-width:1280px;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2rem}
h3{margin:0;font-size:1.05rem}a{color:#0550ae}.muted,.none{color:var(--muted)}
.badge{display:inline-block;border-radius:999px;padding:0 .6em;font-size:.8rem;font-weight:600;color:#fff;
background:var(--unverifiable);white-space:nowrap}
.v-supported,.s-supports{background:var(--supported)}.v-overstated{background:var(--overstated)}
.v-unsupported{background:var(--unsupported)}.v-contradicted,.s-contradicts{background:var(--contradicted)}
.v-unverifiable,.s-does-not-address{background:var(--unverifiable)}.s-not-resolved{background:#8c959f}
.badge[class*=" l-"]{background:#fff;color:var(--ink);border:1px solid var(--line);font-weight:500}
svg rect.v-supported{fill:var(--supported)}svg rect.v-overstated{fill:var(--overstated)}
svg rect.v-unsupported{fill:var(--unsupported)}svg rect.v-contradicted{fill:var(--contradicted)}
svg rect.v-unverifiable{fill:var(--unverifiable)}
#summary .counts{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;list-style:none;padding:0}
#summary dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}#summary dt{font-weight:600}
#summary dd{margin:0}.index a{margin-right:.35em}
ul.chips{display:inline-flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
ul.chips li{white-space:nowrap;background:#fff1e5;border:1px solid #f0c8a0;border-radius:4px;padding:0 .4em;font-size:.8rem}
article.claim{border:1px solid var(--line);border-left:6px solid var(--unverifiable);border-radius:6px;
padding:.75rem 1rem;margin:1rem 0;break-inside:avoid}
article.claim[data-verdict=supported]{border-left-color:var(--supported)}
article.claim[data-verdict=overstated]{border-left-color:var(--overstated)}
article.claim[data-verdict=unsupported]{border-left-color:var(--unsupported)}
article.claim[data-verdict=contradicted]{border-left-color:var(--contradicted)}
article.claim header{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem}
blockquote{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid var(--line);background:var(--soft)}
dl.facts{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:.2rem 1rem;margin:.5rem 0}
dl.facts div{display:flex;gap:.4rem}dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
figure.levels{margin:.5rem 0;display:flex;align-items:center;gap:1rem;flex-wrap:wrap}
figure.levels figcaption{color:var(--muted);font-size:.85rem}
svg.levels text{font-size:12px;fill:var(--ink)}svg.levels rect.enough{fill:#d1f0da}
svg.levels rect.weaker{fill:#eaeef2}svg.levels line.needs{stroke:var(--ink);stroke-width:2;stroke-dasharray:4 2}
svg.levels path.best{fill:var(--ink)}
table{border-collapse:collapse;width:100%;font-size:.88rem;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:break-word}
th{background:var(--soft)}.wide{overflow-x:auto}td.id,table.citations a[href^="https:"]{white-space:nowrap}
#references td:last-child{min-width:11em}#references td a{overflow-wrap:anywhere}td.num{text-align:right;white-space:nowrap}
div.flags{margin:.25rem 0}.rationale{margin:.5rem 0}ul.notes{margin:.25rem 0;padding-left:1.2rem;color:var(--muted)}
@media print{body{max-width:none;padding:0}a{color:inherit}})css";
}

}  // namespace evidex::html
