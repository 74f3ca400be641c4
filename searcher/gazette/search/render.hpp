/// @file
/// @brief Renderers of a SearchResponse: JSON (the public contract) and human-readable text.
#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "gazette/core/error.hpp"
#include "gazette/search/response.hpp"

namespace gazette {

/// The response as JSON, valid against schemas/search-response.schema.json.
nlohmann::json response_json(const SearchResponse& response);

/// One stored article as JSON (the "article" object of the schema, body included).
nlohmann::json article_json(const Article& article);

/// An error as JSON: {"error": {"code": "bad_query", "message": ..., "where": ...}}.
nlohmann::json error_json(const Error& error);

/// Options of the text renderer.
struct TextStyle {
  bool color = false;  ///< ANSI bold for highlights and headlines
  std::size_t width = 80;
};

/// Date, source, author and id on one line ("2025-03-03 · Reuters · id x"), skipping what the article lacks.
std::string byline(const Article& article);

/// The response for a person reading a terminal: hits with snippets, then the facets.
void render_text(const SearchResponse& response, const TextStyle& style, std::ostream& out);

/// One article in full, for a person.
void render_article_text(const Article& article, const TextStyle& style, std::ostream& out);

}  // namespace gazette
