/// @file
/// @brief Article metadata in HTML pages that is not tied to the element tree: JSON-LD objects and headlines
/// carrying the site's name.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace gazette {

/// The fields of a schema.org article object (NewsArticle, Article, BlogPosting, ...) found in JSON-LD.
struct JsonLdArticle {
  std::string headline;
  std::string date_published;
  std::string author;     ///< author names joined by ", "
  std::string publisher;  ///< publisher.name
  std::string url;        ///< url, else mainEntityOfPage (a string or its @id)
};

/// The first article object in the text of one `<script type="application/ld+json">`, searched through
/// arrays and @graph; nullopt when the text is not JSON, nests deeper than 64 levels, or holds no article.
/// Never throws except std::bad_alloc.
std::optional<JsonLdArticle> parse_json_ld_article(std::string_view text);

/// A headline without the site's name that pages append or prepend: "Title | Site", "Site - Title",
/// "Title | Section | Site". A part is dropped when it equals `site` (ASCII case-insensitive), or when it
/// follows a strong separator (" | ", " :: ", " · ", " • ") and has at most four words while the rest keeps
/// at least three. White space runs collapse to one space. Never throws except std::bad_alloc.
std::string strip_site_name(std::string_view title, std::string_view site);

}  // namespace gazette
