/// @file
/// @brief The JSON renderer: the public response contract (schemas/search-response.schema.json).
#include <nlohmann/json.hpp>

#include "gazette/search/markup.hpp"
#include "gazette/search/render.hpp"

namespace gazette {

namespace {
using nlohmann::json;

json optional_string(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

json highlighted_json(const HighlightedText& t) {
  json spans = json::array();
  for (const Span& span : t.highlights) spans.push_back({span.begin, span.end});
  return {{"text", t.text},
          {"html", highlighted_html(t)},
          {"highlights", spans},
          {"starts_inside", t.starts_inside},
          {"ends_inside", t.ends_inside}};
}

json entities_json(const std::vector<NamedEntity>& entities) {
  json out = json::array();
  for (const NamedEntity& e : entities) out.push_back({{"type", entity_type_name(e.type)}, {"name", e.name}});
  return out;
}

/// The article fields every hit and article carries (no body).
json article_fields(const Article& a) {
  return {{"id", a.id},
          {"entities", entities_json(a.entities)},
          {"title", a.title},
          {"date", a.published ? json(format_iso8601(*a.published)) : json(nullptr)},
          {"date_source", date_source_name(a.date_source)},
          {"source", optional_string(a.source)},
          {"url", optional_string(a.url)},
          {"author", optional_string(a.author)},
          {"language", optional_string(a.language)}};
}
}  // namespace

json article_json(const Article& article) {
  json out = article_fields(article);
  out["body"] = article.body;
  out["dateline"] = optional_string(article.dateline);
  return out;
}

json response_json(const SearchResponse& r) {
  json filters = json::array();
  for (const Filter& f : r.request.filters) filters.push_back({{"field", f.field}, {"value", f.value}});
  json hits = json::array();
  for (const Hit& hit : r.hits) {
    json h = article_fields(hit.article);
    h["rank"] = hit.rank;
    h["weight"] = hit.weight;
    h["percent"] = hit.percent;
    h["title_highlighted"] = highlighted_json(hit.title);
    h["snippet"] = r.request.snippets ? highlighted_json(hit.snippet) : json(nullptr);
    json versions = json::array();
    for (const Version& v : hit.other_versions)
      versions.push_back({{"id", v.id},
                          {"title", v.title},
                          {"source", optional_string(v.source)},
                          {"date", v.published ? json(format_iso8601(*v.published)) : json(nullptr)}});
    h["story"] = {{"id", hit.story}, {"versions", hit.story_size}, {"other_versions", versions}};
    hits.push_back(std::move(h));
  }
  json out = {{"query", r.request.query},
              {"filters", filters},
              {"sort", sort_name(r.request.sort)},
              {"offset", r.request.offset},
              {"limit", r.request.limit},
              {"parsed_query", r.parsed_query},
              {"total",
               {{"estimate", r.total},
                {"lower_bound", r.total_lower},
                {"upper_bound", r.total_upper},
                {"exact", r.total_exact}}},
              {"took_ms", r.seconds * 1000.0},
              {"hits", hits},
              {"facets", nullptr},
              {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
              {"like", r.request.like_id.empty() ? json(nullptr) : json(r.request.like_id)},
              {"match", match_name(r.matched)}};
  json query_dates = json::array();
  for (const QueryDate& date : r.query_dates)
    query_dates.push_back({{"text", date.text}, {"field", date.filter.field}, {"value", date.filter.value}});
  out["query_dates"] = {{"searched_text", r.query_text}, {"filters", query_dates}};
  if (!r.missing_shards.empty()) out["partial"] = {{"missing_shards", r.missing_shards}};
  if (r.facets) {
    json buckets = json::array();
    for (const auto& b : r.facets->dates.buckets)
      buckets.push_back({{"key", b.key}, {"start", format_iso_day(b.first_day)}, {"count", b.count}});
    json fields = json::object();
    for (const FieldFacet& facet : r.facets->fields) {
      json values = json::array();
      for (const auto& v : facet.values) values.push_back({{"value", v.value}, {"count", v.count}});
      fields[facet.field] = std::move(values);
    }
    out["facets"] = {
        {"estimated", r.facets->estimated},
        {"counts", "articles"},
        {"date", {{"granularity", granularity_name(r.facets->dates.granularity)}, {"buckets", buckets}}},
        {"fields", fields}};
  }
  return out;
}

json error_json(const Error& error) {
  return {{"error",
           {{"code", error_code_name(error.code())}, {"message", error.what()}, {"where", error.where()}}}};
}

}  // namespace gazette
