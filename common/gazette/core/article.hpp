/// @file
/// @brief The Article model: one news article as read from input and enriched by analysis.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "gazette/core/time.hpp"

namespace gazette {

/// How an article's publication date was found. Stored with the article and shown in JSON.
enum class DateSource {
  none,      ///< no date was found
  metadata,  ///< the input's own date field (JSON "date", SGML <DATE>)
  header,    ///< a header line of a text file ("date 2025-03-03", "Date: Mon, 3 Mar 2025 ...")
  url,       ///< a date in the URL path (/2025/03/03/)
  dateline,  ///< a dateline such as "WASHINGTON, March 3 (Reuters) -"
};

/// Stable lower-case names ("metadata", ...) used in JSON and stored records.
const char* date_source_name(DateSource source) noexcept;
/// The DateSource for a name; DateSource::none for an unknown one.
DateSource date_source_from_name(std::string_view name) noexcept;

/// The kinds of named entity Gazette extracts.
enum class EntityType : std::uint8_t { person, organization, place };

/// Stable lower-case names: "person", "organization", "place" (also the query and facet field names).
const char* entity_type_name(EntityType type) noexcept;

/// A named entity of an article under its canonical name ("Vladimir Putin", "United States").
struct NamedEntity {
  EntityType type;
  std::string name;
  friend bool operator==(const NamedEntity&, const NamedEntity&) = default;
};

/// Labels a corpus ships for evaluation (Reuters-21578 TOPICS, PLACES, PEOPLE, ORGS). They stay on the
/// Article for benchmarks and are never indexed as text, terms or facets.
struct GoldLabels {
  std::vector<std::string> topics, places, people, orgs, exchanges, companies;
};

/// One article. Readers fill what the input says; analysis and enrichment fill the rest.
struct Article {
  std::string id;     ///< the input's own id, or one derived by derive_article_id(); never empty when indexed
  std::string title;  ///< headline, may be empty
  std::string body;   ///< text of the article
  std::string source;  ///< outlet ("Reuters")
  std::string url;     ///< canonical URL
  std::string author;
  std::string language;  ///< ISO 639-1 code; empty means the indexer's default

  std::string raw_date;  ///< the input's own date field, verbatim ("" when none): part of the id hash
  DateSource raw_date_source =
      DateSource::metadata;          ///< whether raw_date is a metadata field or a text header
  std::optional<Instant> published;  ///< publication time (UTC)
  DateSource date_source = DateSource::none;
  std::string dateline;  ///< a dateline the input marks as such (Reuters <DATELINE>), verbatim

  std::vector<NamedEntity> entities;  ///< extracted at indexing, most salient first (per type order kept)

  std::string origin;  ///< where it came from, for messages: "path:line" or "path#n"
  GoldLabels gold;     ///< evaluation labels only
};

/// The id for an article whose input has none: a hash of (source, url) when there is a url, else of
/// (source, title or else the body's first 200 bytes, raw_date). Only input fields are hashed, never
/// anything Gazette derives (a detected date, cleaned text).
std::string derive_article_id(const Article& article);

}  // namespace gazette
