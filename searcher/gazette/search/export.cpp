/// @file
/// @brief Exports: every match streamed through Searcher::for_each_match, facet counts from one search.
#include "gazette/search/export.hpp"

#include <limits>
#include <ostream>

#include "gazette/core/error.hpp"
#include "gazette/search/searcher.hpp"

namespace gazette {

namespace {
using json = nlohmann::ordered_json;

/// RFC 4180 ends records with CRLF.
constexpr std::string_view csv_end = "\r\n";

json optional_string(const std::string& s) {
  return s.empty() ? json(nullptr) : json(s);
}

/// "place:United States; person:Vladimir Putin": the entities in one CSV field.
std::string entities_csv(const std::vector<NamedEntity>& entities) {
  std::string text;
  for (const NamedEntity& e : entities) {
    if (!text.empty()) text += "; ";
    text.append(entity_type_name(e.type)).append(":").append(e.name);
  }
  return text;
}

void write_csv_article(const Article& a, const std::string& story, bool body, std::ostream& out) {
  out << csv_field(a.id) << ',' << (a.published ? format_iso8601(*a.published) : "") << ','
      << csv_field(a.source) << ',' << csv_field(a.url) << ',' << csv_field(a.title) << ','
      << csv_field(entities_csv(a.entities)) << ',' << csv_field(story);
  if (body) out << ',' << csv_field(a.body);
  out << csv_end;
}

ExportResult export_facets(Searcher& searcher, SearchRequest request, std::ostream& out) {
  request.offset = 0;
  request.limit = 0;
  request.facets = true;
  request.sample_facets = false;
  request.snippets = false;
  request.collapse = false;
  request.facet_values = std::numeric_limits<std::size_t>::max();
  const SearchResponse response = searcher.search(request);
  ExportResult result;
  out << "kind,field,value,count" << csv_end;
  for (const FieldFacet& facet : response.facets->fields)
    for (const FacetValue& v : facet.values) {
      if (!(out << "facet," << csv_field(facet.field) << ',' << csv_field(v.value) << ',' << v.count
                << csv_end))
        return result;
      ++result.rows;
    }
  const char* granularity = granularity_name(response.facets->dates.granularity);
  for (const DateHistogram::Bucket& b : response.facets->dates.buckets) {
    if (!(out << "date," << granularity << ',' << b.key << ',' << b.count << csv_end)) return result;
    ++result.rows;
  }
  result.complete = bool(out.flush());
  return result;
}
}  // namespace

ExportFormat parse_export_format(const std::string& text) {
  if (text == "jsonl") return ExportFormat::jsonl;
  if (text == "csv") return ExportFormat::csv;
  if (text == "facets") return ExportFormat::facets;
  throw Error(ErrorCode::usage, "unknown export format '" + text + "' (jsonl, csv or facets)", "--export");
}

json export_json(const Article& a, const std::string& story, bool body) {
  json entities = json::array();
  for (const NamedEntity& e : a.entities)
    entities.push_back({{"type", entity_type_name(e.type)}, {"name", e.name}});
  json out = {{"id", a.id},
              {"date", a.published ? json(format_iso8601(*a.published)) : json(nullptr)},
              {"source", optional_string(a.source)},
              {"url", optional_string(a.url)},
              {"title", a.title},
              {"entities", std::move(entities)},
              {"story", optional_string(story)}};
  if (body) out["body"] = a.body;
  return out;
}

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted += '"';
}

ExportResult export_matches(Searcher& searcher, const SearchRequest& request, ExportFormat format, bool body,
                            std::ostream& out) {
  if (format == ExportFormat::facets) return export_facets(searcher, request, out);
  ExportResult result;
  if (format == ExportFormat::csv) {
    out << "id,date,source,url,title,entities,story" << (body ? ",body" : "") << csv_end;
    if (!out) return result;
  }
  bool failed = false;
  searcher.for_each_match(request, [&](const Article& article, const std::string& story) {
    if (format == ExportFormat::csv)
      write_csv_article(article, story, body, out);
    else
      out << export_json(article, story, body).dump(-1, ' ', false, json::error_handler_t::replace) << '\n';
    failed = !out;
    if (!failed) ++result.rows;
    return !failed;
  });
  result.complete = !failed && out.flush();
  return result;
}

}  // namespace gazette
