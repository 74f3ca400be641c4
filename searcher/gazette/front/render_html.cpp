/// @file
/// @brief HTML pages: everything written is escaped with escape_html, every link built with percent_encode.
#include "gazette/front/render_html.hpp"

#include <algorithm>
#include <cstdio>

#include "gazette/schema/schema.hpp"
#include "gazette/search/markup.hpp"

namespace gazette {

namespace {

constexpr std::string_view style_sheet = R"(
:root{--fg:#1d232a;--muted:#5b6670;--accent:#0b5cad;--mark:#ffe27a;--line:#dde3e8;--panel:#f5f7f9}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff}
header{background:#12304f;padding:.75rem 1rem}
header form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;max-width:72rem;margin:0 auto}
.brand{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none;margin-right:.5rem}
header input[type=search]{flex:1 1 14rem;min-width:0;padding:.5rem .75rem;font-size:1rem;border:0;border-radius:4px}
header select,header button{padding:.5rem .75rem;font-size:1rem;border:0;border-radius:4px}
header button{background:#f0b429;font-weight:600;cursor:pointer}
main{display:grid;grid-template-columns:minmax(0,1fr) 17rem;gap:2rem;max-width:72rem;margin:0 auto;padding:1rem}
@media (max-width:48rem){main{grid-template-columns:minmax(0,1fr);gap:1rem}}
a{color:var(--accent)}
.summary{color:var(--muted);margin:.25rem 0 .75rem}
.active{display:flex;flex-wrap:wrap;gap:.4rem;margin:0 0 1rem}
.chip{background:var(--panel);border:1px solid var(--line);border-radius:1rem;padding:.1rem .7rem;
 text-decoration:none;color:var(--fg);font-size:.9rem}
.suggestion,.query-dates,.relaxed,.like-of{margin:.25rem 0 .5rem}
.suggestion a{font-weight:600;font-style:italic}
.relaxed{color:var(--muted);font-size:.9rem}
.like{margin:.2rem 0 0;font-size:.85rem}
.hits{list-style:none;padding:0;margin:0}
.hit{padding:.8rem 0;border-bottom:1px solid var(--line)}
.hit h2{font-size:1.15rem;line-height:1.3;margin:0 0 .2rem;font-weight:600}
.hit h2 a{text-decoration:none}
.meta{color:var(--muted);font-size:.875rem;margin:0 0 .3rem}
.meta a{color:inherit}
.snippet{margin:0;overflow-wrap:anywhere}
mark{background:var(--mark);color:inherit;padding:0 .1em;border-radius:2px}
.facets section{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:.75rem;margin:0 0 1rem}
.facets h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:0 0 .5rem}
.facets ul{list-style:none;margin:0;padding:0}
.facets li a{display:flex;justify-content:space-between;gap:.5rem;text-decoration:none;color:var(--fg);padding:.1rem 0}
.facets li a.on{font-weight:700}
.count{color:var(--muted);font-variant-numeric:tabular-nums}
.histogram{display:flex;align-items:flex-end;gap:1px;height:6rem;border-bottom:1px solid var(--muted)}
.histogram .bar{flex:1;display:flex;align-items:flex-end;height:100%}
.histogram .bar span{display:block;width:100%;background:var(--accent)}
.histogram a.bar:hover span{background:#f0b429}
.axis{display:flex;justify-content:space-between;font-size:.75rem;color:var(--muted)}
.pages{display:flex;flex-wrap:wrap;gap:.3rem;margin:1.5rem 0;padding:0;list-style:none}
.pages a,.pages span{display:inline-block;padding:.3rem .7rem;border:1px solid var(--line);border-radius:4px;text-decoration:none}
.pages .current{background:var(--accent);color:#fff;border-color:var(--accent)}
article.full{max-width:44rem}
article.full h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
article.full .body{white-space:pre-line;overflow-wrap:anywhere}
.problem{max-width:44rem}
footer{max-width:72rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.8rem}
)";

/// Section titles of the facet sidebar; a field not listed shows its own name.
constexpr std::pair<std::string_view, std::string_view> facet_titles[] = {
    {"source", "Sources"},           {"person", "People"},  {"org", "Organisations"}, {"place", "Places"},
    {"mentions", "Dates mentioned"}, {"author", "Authors"}, {"lang", "Languages"},
};

std::string_view facet_title(std::string_view field) {
  for (const auto& [name, title] : facet_titles)
    if (name == field) return title;
  return field;
}

std::string number(std::size_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string with_filters(const SearchRequest& request, std::size_t size, std::vector<Filter> filters) {
  SearchRequest copy = request;
  copy.filters = std::move(filters);
  return escape_html(search_href(copy, size, 1));
}

/// Filters are equal when they select the same thing: values compared in canonical form (dates verbatim).
bool same_filter(const Filter& a, const Filter& b) {
  if (a.field != b.field) return false;
  return a.field == "date"
             ? a.value == b.value
             : schema::canonical_filter_value(a.value) == schema::canonical_filter_value(b.value);
}

/// The drill-down link for a filter: adds it, or removes it when it is already active (a toggle).
std::string toggle_href(const SearchRequest& request, std::size_t size, const Filter& filter, bool& active) {
  std::vector<Filter> filters;
  active = false;
  for (const Filter& f : request.filters) {
    if (same_filter(f, filter))
      active = true;
    else
      filters.push_back(f);
  }
  if (!active) filters.push_back(filter);
  SearchRequest copy = request;
  copy.filters = std::move(filters);
  return escape_html(search_href(copy, size, 1));
}

void open_page(std::string& out, std::string_view title, std::string_view query,
               const SearchRequest* request) {
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta name=\"robots\" content=\"noindex\"><title>";
  out += escape_html(title);
  out += "</title><style>";
  out += style_sheet;
  out +=
      "</style></head><body><header><form method=\"get\" action=\"\" role=\"search\">"
      "<a class=\"brand\" href=\"?\">Gazette</a><input type=\"search\" name=\"q\" value=\"";
  out += escape_html(query);
  out += "\" placeholder=\"Search the archive\" aria-label=\"Search the archive\">";
  const bool by_date = request && request->sort == SortOrder::date;
  out +=
      "<select name=\"sort\" aria-label=\"Order\"><option value=\"relevance\">Best match</option>"
      "<option value=\"date\"";
  out += by_date ? " selected" : "";
  out += ">Newest</option></select>";
  if (request)  // a new query keeps the active filters (each is removable on the results page)
    for (const Filter& f : request->filters)
      out += "<input type=\"hidden\" name=\"f\" value=\"" + escape_html(f.field + ":" + f.value) + "\">";
  out += "<button type=\"submit\">Search</button></form></header>\n";
}

void close_page(std::string& out, std::string_view footer) {
  out += "<footer>";
  out += escape_html(footer);
  out += "</footer></body></html>\n";
}

std::string day_text(const Article& a) {
  return a.published ? format_iso_day(std::chrono::floor<std::chrono::days>(*a.published)) : std::string();
}

// ---- one hit: a function per part, so new parts (entities, other versions) slot in beside these ----

void render_hit_headline(std::string& out, const Hit& hit, const WebQuery& web) {
  out += "<h2><a href=\"?id=" + escape_html(percent_encode(hit.article.id));
  if (!web.request.query.empty()) out += "&amp;q=" + escape_html(percent_encode(web.request.query));
  out += "\">";
  out += hit.title.text.empty() ? std::string("(no headline)") : highlighted_html(hit.title);
  out += "</a></h2>";
}

void render_hit_meta(std::string& out, const Hit& hit, const WebQuery& web) {
  const Article& a = hit.article;
  out += "<p class=\"meta\">";
  const std::string day = day_text(a);
  if (!day.empty()) out += "<time datetime=\"" + day + "\">" + day + "</time>";
  if (!a.source.empty()) {
    bool active = false;
    const std::string href = toggle_href(web.request, web.size, Filter{"source", a.source}, active);
    out += day.empty() ? "" : " \u00b7 ";
    out += "<a class=\"source\" href=\"" + href + "\">" + escape_html(a.source) + "</a>";
  }
  if (!a.author.empty()) out += " \u00b7 " + escape_html(a.author);
  out += "</p>";
}

void render_hit_snippet(std::string& out, const Hit& hit) {
  if (hit.snippet.text.empty()) return;
  out += "<p class=\"snippet\">" + highlighted_html(hit.snippet) + "</p>";
}

/// The hit's first entities, each a drill-down link.
void render_hit_entities(std::string& out, const Hit& hit, const WebQuery& web) {
  constexpr std::size_t shown = 6;
  const auto& entities = hit.article.entities;
  if (entities.empty()) return;
  out += "<p class=\"entities\">";
  for (std::size_t i = 0; i < entities.size() && i < shown; ++i) {
    bool active = false;
    const Filter filter{std::string(schema::entity_field(entities[i].type).name), entities[i].name};
    out += (i ? " \u00b7 " : "");
    out += "<a href=\"" + toggle_href(web.request, web.size, filter, active) + "\">" +
           escape_html(entities[i].name) + "</a>";
  }
  out += "</p>";
}

/// "2 other versions": the story's other versions with their source and date, and a link to all of them.
void render_hit_versions(std::string& out, const Hit& hit) {
  if (hit.story_size < 2) return;
  out += "<details class=\"versions\"><summary>" + number(hit.story_size - 1) + " other version" +
         (hit.story_size > 2 ? "s" : "") + "</summary><ul>";
  for (const Version& v : hit.other_versions) {
    out += "<li><a href=\"?id=" + escape_html(percent_encode(v.id)) + "\">" +
           escape_html(v.title.empty() ? std::string("(no headline)") : v.title) + "</a>";
    if (!v.source.empty()) out += " \u00b7 " + escape_html(v.source);
    if (v.published) out += " \u00b7 " + format_iso_day(std::chrono::floor<std::chrono::days>(*v.published));
    out += "</li>";
  }
  out += "</ul><a href=\"?sort=date&amp;f=" + escape_html(percent_encode("story:" + hit.story)) +
         "\">all versions</a></details>";
}

void render_hit_like_link(std::string& out, const Hit& hit) {
  out += "<p class=\"like\"><a href=\"?like=" + escape_html(percent_encode(hit.article.id)) +
         "\">more like this</a></p>";
}

void render_hit(std::string& out, const Hit& hit, const WebQuery& web) {
  out += "<li class=\"hit\">";
  render_hit_headline(out, hit, web);
  render_hit_meta(out, hit, web);
  render_hit_snippet(out, hit);
  render_hit_entities(out, hit, web);
  render_hit_versions(out, hit);
  render_hit_like_link(out, hit);
  out += "</li>\n";
}

// ---- facets ----

/// The filter that selects one histogram bucket: the year, month or day itself, a week as a range.
std::string bucket_filter_value(const DateHistogram& h, const DateHistogram::Bucket& b) {
  const std::string first = format_iso_day(b.first_day);
  switch (h.granularity) {
    case Granularity::year:
      return first.substr(0, 4);
    case Granularity::month:
      return first.substr(0, 7);
    case Granularity::week:
      return first + ".." + format_iso_day(b.first_day + std::chrono::days(6));
    case Granularity::day:
    case Granularity::automatic:
      break;
  }
  return first;
}

void render_histogram(std::string& out, const DateHistogram& h, const WebQuery& web) {
  if (h.buckets.empty()) return;
  std::size_t peak = 1;
  for (const auto& b : h.buckets) peak = std::max(peak, b.count);
  out += "<section class=\"dates\"><h3>Dates (by ";
  out += granularity_name(h.granularity);
  out += ")</h3><div class=\"histogram\">";
  for (const auto& b : h.buckets) {
    const std::string label = escape_html(b.key) + ": " + number(b.count);
    char height[32];
    std::snprintf(height, sizeof height, "%.1f%%", 100.0 * double(b.count) / double(peak));
    if (b.count == 0) {
      out += "<span class=\"bar\" title=\"" + label + "\"><span style=\"height:0\"></span></span>";
      continue;
    }
    bool active = false;
    const std::string href =
        toggle_href(web.request, web.size, Filter{"date", bucket_filter_value(h, b)}, active);
    out += "<a class=\"bar\" href=\"" + href + "\" title=\"" + label + "\" aria-label=\"" + label +
           "\"><span style=\"height:" + height + "\"></span></a>";
  }
  out += "</div><div class=\"axis\"><span>" + escape_html(h.buckets.front().key) + "</span><span>" +
         escape_html(h.buckets.back().key) + "</span></div></section>";
}

void render_field_facet(std::string& out, const FieldFacet& facet, const WebQuery& web) {
  if (facet.values.empty()) return;
  out += "<section class=\"facet\" data-field=\"" + escape_html(facet.field) + "\"><h3>";
  out += escape_html(facet_title(facet.field));
  out += "</h3><ul>";
  for (const FacetValue& v : facet.values) {
    bool active = false;
    const std::string href = toggle_href(web.request, web.size, Filter{facet.field, v.value}, active);
    out +=
        "<li><a href=\"" + href + "\"" + (active ? " class=\"on\" title=\"remove this filter\"" : "") + ">";
    out += "<span>" + escape_html(v.value) + "</span><span class=\"count\">" + number(v.count) +
           "</span></a></li>";
  }
  out += "</ul></section>";
}

void render_facets(std::string& out, const Facets& facets, const WebQuery& web) {
  out += "<aside class=\"facets\" id=\"facets\" aria-label=\"Refine\">";
  render_histogram(out, facets.dates, web);
  for (const FieldFacet& facet : facets.fields) render_field_facet(out, facet, web);
  if (facets.estimated) out += "<p class=\"count\">Counts are estimated from a sample.</p>";
  out += "</aside>";
}

// ---- the rest of the results column ----

void render_active_filters(std::string& out, const SearchRequest& request, std::size_t size) {
  if (request.filters.empty()) return;
  out += "<p class=\"active\" id=\"active-filters\">";
  for (std::size_t i = 0; i < request.filters.size(); ++i) {
    std::vector<Filter> rest = request.filters;
    rest.erase(rest.begin() + std::ptrdiff_t(i));
    const Filter& f = request.filters[i];
    out += "<a class=\"chip\" href=\"" + with_filters(request, size, rest) +
           "\" title=\"remove this filter\">" + escape_html(f.field + ": " + f.value) + " \u00d7</a>";
  }
  if (request.filters.size() > 1)
    out += "<a class=\"chip\" href=\"" + with_filters(request, size, {}) + "\">clear all</a>";
  out += "</p>";
}

/// Did-you-mean, the date filters read from the query's words (each removable: search the words as
/// words), and what a more-like-this search is like.
void render_query_help(std::string& out, const SearchResponse& r, std::size_t size) {
  if (r.suggestion) {
    SearchRequest corrected = r.request;
    corrected.query = *r.suggestion;
    out += "<p class=\"suggestion\" id=\"suggestion\">Did you mean <a href=\"" +
           escape_html(search_href(corrected, size, 1)) + "\">" + escape_html(*r.suggestion) + "</a>?</p>";
  }
  if (!r.query_dates.empty()) {
    SearchRequest words = r.request;
    words.query_dates = false;
    out += "<p class=\"query-dates\" id=\"query-dates\">Dates from your words:";
    for (const QueryDate& date : r.query_dates)
      out += " <a class=\"chip\" href=\"" + escape_html(search_href(words, size, 1)) +
             "\" title=\"search these words as words\">" +
             escape_html(date.text + " \u2192 " + date.filter.field + ": " + date.filter.value) +
             " \u00d7</a>";
    out += "</p>";
  }
  if (r.matched == MatchMode::any && r.request.match == MatchMode::automatic)
    out +=
        "<p class=\"relaxed\" id=\"relaxed\">Few articles have all your words: these have some of them, "
        "best first.</p>";
  if (!r.request.like_id.empty())
    out +=
        "<p class=\"like-of\">Articles like <a href=\"?id=" + escape_html(percent_encode(r.request.like_id)) +
        "\">" + escape_html(r.request.like_id) + "</a>, other versions of its story left out.</p>";
}

void render_summary(std::string& out, const SearchResponse& r) {
  out += "<p class=\"summary\">";
  if (!r.missing_shards
           .empty())  // names the shards for whoever runs the site; the reader learns it is partial
    out += "<strong>Partial results: part of the archive did not answer (" + number(r.missing_shards.size()) +
           (r.missing_shards.size() == 1 ? " shard" : " shards") + ").</strong> ";
  if (r.total == 0) {
    out += "No articles match";
    if (!r.request.query.empty()) out += " <strong>" + escape_html(r.request.query) + "</strong>";
    out += ".";
  } else {
    out += (r.total_exact ? "" : "About ") + number(r.total) + (r.total == 1 ? " article" : " articles");
    if (r.request.query.empty()) out += ", newest first";
    if (!r.hits.empty())
      out += "; showing " + number(r.hits.front().rank) + "\u2013" + number(r.hits.back().rank);
    out += ".";
  }
  out += "</p>";
}

void render_pagination(std::string& out, const SearchResponse& r, const WebQuery& web,
                       const WebLimits& limits) {
  const std::size_t size = web.size;
  const std::size_t reachable = std::min(r.total, limits.max_offset + size);
  const std::size_t last = std::max<std::size_t>(1, (reachable + size - 1) / size);
  if (last == 1 && web.page == 1) return;
  auto link = [&](std::size_t page, const std::string& text, const char* rel) {
    out += "<li><a href=\"" + escape_html(search_href(web.request, size, page, limits)) + "\"";
    if (rel) out += std::string(" rel=\"") + rel + "\"";
    out += ">" + text + "</a></li>";
  };
  out += "<nav aria-label=\"Pages\"><ul class=\"pages\">";
  if (web.page > 1) link(web.page - 1, "\u2039 Previous", "prev");
  const std::size_t from = web.page > 3 ? web.page - 3 : 1, to = std::min(last, web.page + 3);
  for (std::size_t p = from; p <= to; ++p) {
    if (p == web.page)
      out += "<li><span class=\"current\" aria-current=\"page\">" + number(p) + "</span></li>";
    else
      link(p, number(p), nullptr);
  }
  if (web.page < last) link(web.page + 1, "Next \u203a", "next");
  out += "</ul></nav>";
}

std::string took(const SearchResponse& r) {
  char text[64];
  std::snprintf(text, sizeof text, "Searched in %.1f ms.", r.seconds * 1000.0);
  return text;
}

}  // namespace

std::string search_href(const SearchRequest& request, std::size_t size, std::size_t page,
                        const WebLimits& limits) {
  std::string href = "?q=" + percent_encode(request.query);
  for (const Filter& f : request.filters) href += "&f=" + percent_encode(f.field + ":" + f.value);
  if (request.sort != SortOrder::relevance) href += std::string("&sort=") + sort_name(request.sort);
  if (request.match != MatchMode::automatic) href += std::string("&match=") + match_name(request.match);
  if (!request.like_id.empty()) href += "&like=" + percent_encode(request.like_id);
  if (!request.query_dates) href += "&qd=0";
  if (!request.synonyms) href += "&syn=0";
  if (size != 0 && size != limits.default_page_size) href += "&size=" + std::to_string(size);
  if (page > 1) href += "&page=" + std::to_string(page);
  return href;
}

std::string render_search_page(const SearchResponse& r, const WebQuery& web, const WebLimits& limits) {
  std::string out;
  out.reserve(16384);
  const std::string title = r.request.query.empty() ? "Gazette" : r.request.query + " \u2013 Gazette";
  open_page(out, title, r.request.query, &r.request);
  out += "<main><section class=\"results\" id=\"results\">";
  render_active_filters(out, r.request, web.size);
  render_query_help(out, r, web.size);
  render_summary(out, r);
  if (!r.hits.empty()) {
    out += "<ol class=\"hits\" start=\"" + std::to_string(r.hits.front().rank) + "\">\n";
    for (const Hit& hit : r.hits) render_hit(out, hit, web);
    out += "</ol>";
  }
  render_pagination(out, r, web, limits);
  out += "</section>";
  if (r.facets) render_facets(out, *r.facets, web);
  out += "</main>";
  close_page(out, took(r));
  return out;
}

std::string render_article_page(const ArticleView& view, const WebQuery& web, const WebLimits& limits) {
  const Article& a = view.article;
  std::string out;
  out.reserve(a.body.size() * 2 + 8192);
  open_page(out, (a.title.empty() ? a.id : a.title) + " \u2013 Gazette", web.request.query, nullptr);
  out += "<main><article class=\"full\"><p><a href=\"" +
         escape_html(search_href(web.request, web.size, 1, limits)) +
         "\">\u2039 Back to the results</a></p><h1>";
  out += view.title.text.empty() ? escape_html(a.title.empty() ? "(no headline)" : a.title)
                                 : highlighted_html(view.title);
  out += "</h1><p class=\"meta\">";
  const std::string day = day_text(a);
  std::vector<std::string> parts;
  if (!day.empty()) parts.push_back("<time datetime=\"" + day + "\">" + day + "</time>");
  if (!a.source.empty()) parts.push_back(escape_html(a.source));
  if (!a.author.empty()) parts.push_back(escape_html(a.author));
  parts.push_back("id " + escape_html(a.id));
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? " \u00b7 " : "") + parts[i];
  out += "</p>";
  // Only web URLs become links: a stored "javascript:" URL must never be clickable.
  if (a.url.rfind("http://", 0) == 0 || a.url.rfind("https://", 0) == 0)
    out += "<p class=\"meta\"><a href=\"" + escape_html(a.url) + "\" rel=\"noopener noreferrer\">" +
           escape_html(a.url) + "</a></p>";
  out += "<div class=\"body\">";
  out += view.body.text.empty() ? escape_html(a.body) : highlighted_html(view.body);
  out += "</div></article></main>";
  close_page(out, "");
  return out;
}

std::string render_error_page(int status, std::string_view message, std::string_view query) {
  std::string out;
  const std::string heading = status == 404   ? "Not found"
                              : status == 400 ? "This request cannot be answered"
                              : status == 503 ? "The archive is unavailable"
                                              : "Something went wrong";
  open_page(out, heading + " \u2013 Gazette", query, nullptr);
  out += "<main><section class=\"problem\" id=\"error\"><h1>" + escape_html(heading) + "</h1><p>" +
         escape_html(message) + "</p><p class=\"meta\">HTTP " + std::to_string(status) +
         "</p><p><a href=\"?\">Start a new search</a></p></section></main>";
  close_page(out, "");
  return out;
}

}  // namespace gazette
