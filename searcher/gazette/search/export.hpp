/// @file
/// @brief Exports of a whole match set: articles as JSON Lines or CSV, facet counts as CSV.
#pragma once

#include <cstddef>
#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "gazette/core/article.hpp"
#include "gazette/search/request.hpp"

namespace gazette {

class Searcher;

/// What --export writes.
enum class ExportFormat {
  jsonl,   ///< one JSON object per article
  csv,     ///< RFC 4180: a header line, then one record per article
  facets,  ///< CSV "kind,field,value,count": every facet value and the date histogram
};

/// Parses "jsonl", "csv" or "facets". @throws gazette::Error(usage) otherwise.
ExportFormat parse_export_format(const std::string& text);

/// How an export ended.
struct ExportResult {
  std::size_t rows = 0;   ///< articles (or facet rows) written
  bool complete = false;  ///< false when the output failed (a closed pipe, a full disk) and writing stopped
};

/// Writes every match of the request (in its sort order, uncollapsed) or, for ExportFormat::facets, the
/// exact facet counts and date histogram of the whole match set; body: include the article text. Stops at the
/// first failed write of out and says so in the result. @throws gazette::Error as Searcher::search does.
ExportResult export_matches(Searcher& searcher, const SearchRequest& request, ExportFormat format, bool body,
                            std::ostream& out);

/// One exported article as a JSON object with keys in this order: id, date, source, url, title, entities,
/// story (and body).
nlohmann::ordered_json export_json(const Article& article, const std::string& story, bool body);

/// A CSV field, quoted (with inner quotes doubled) when it holds a comma, a quote or a line break.
std::string csv_field(std::string_view text);

}  // namespace gazette
