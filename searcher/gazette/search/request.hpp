/// @file
/// @brief SearchRequest: everything a front end (CLI, REPL, CGI) can ask of a search.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gazette/core/time.hpp"

namespace gazette {

/// A drill-down filter: an exact value of a boolean field, or a date expression for "date".
struct Filter {
  std::string field;  ///< a schema field name: "source", "date", "place", ...
  std::string value;  ///< as the user wrote it; canonicalised when the query is built
};

/// Result order.
enum class SortOrder {
  relevance,       ///< BM25, best first
  date,            ///< newest first (relevance breaks ties)
  date_ascending,  ///< oldest first (relevance breaks ties)
};

/// How the words of a query combine.
enum class MatchMode {
  all,        ///< every word (Xapian's OP_AND)
  any,        ///< any word, the more the better (OP_OR, BM25 sums)
  automatic,  ///< all; when that finds fewer than relax_below articles, any
};

/// Bucket size of the date histogram.
enum class Granularity { automatic, day, week, month, year };

/// One search, independent of the front end that asked for it.
struct SearchRequest {
  std::string query;            ///< Xapian QueryParser syntax; empty matches every article
  std::vector<Filter> filters;  ///< all must match
  SortOrder sort = SortOrder::relevance;
  std::size_t offset = 0;  ///< first hit to return (0-based)
  std::size_t limit = 10;  ///< hits to return
  bool facets = true;      ///< count facets over the whole match set
  Granularity granularity = Granularity::automatic;
  bool snippets = true;
  bool collapse = true;  ///< one hit per story
  std::size_t snippet_words = 40;
  /// Seconds the match may take (0: no limit). Enquire::set_time_limit is not a hard limit, so the search
  /// fails with Error(unavailable) once this has passed (added for the web front ends).
  double time_limit = 0;
  std::size_t facet_values = 10;  ///< values listed per field facet
  /// Past 1,000 matches, count facets over a sample and scale (false: count every match, as exports do).
  bool sample_facets = true;

  /// "now" for relative dates (--since) and recency; unset means the newest article's date.
  std::optional<Instant> now;
  /// Only articles published in the last N days before `now` (--since 7d; 0 means no limit).
  unsigned since_days = 0;
  /// Recency boost half-life in days (0: off). Score = BM25 + recency_weight * 2^(-age / half_life).
  double recency_half_life_days = 0;
  double recency_weight = 5.0;

  MatchMode match = MatchMode::automatic;
  std::size_t relax_below = 30;  ///< automatic: fewer than three pages of articles with all words -> any

  /// Query help: a group of the database's synonym table for words that name one of its forms.
  bool synonyms = true;
  /// Date expressions in the text ("election last week") become date filters (see take_query_dates).
  bool query_dates = true;
  /// Did-you-mean: when a query finds fewer than this many articles, a spelling correction is offered.
  std::size_t suggest_below = 3;
  /// More like this: articles similar to the one with this id (other versions of its story excluded);
  /// the text, when given too, must also match.
  std::string like_id;
};

/// Parses a duration such as "7d", "2w", "3m" (30-day months) or "1y" (365 days) into days.
/// @throws gazette::Error(usage) otherwise.
unsigned parse_duration_days(const std::string& text, const char* option);

/// Parses "field=value" or "field:value" (as given to --filter, f= and the REPL's :filter).
/// @throws gazette::Error(usage) when there is no separator or the field is unknown or not filterable.
Filter parse_filter(const std::string& text);

/// Parses "all", "any" or "auto". @throws gazette::Error(usage) otherwise.
MatchMode parse_match(const std::string& text);

/// Parses "relevance", "date" or "date-asc". @throws gazette::Error(usage) otherwise.
SortOrder parse_sort(const std::string& text);

/// Parses "auto", "day", "week", "month" or "year". @throws gazette::Error(usage) otherwise.
Granularity parse_granularity(const std::string& text);

/// Lower-case names of the enums, as used in options, CGI parameters and JSON.
const char* sort_name(SortOrder sort) noexcept;
const char* granularity_name(Granularity granularity) noexcept;
const char* match_name(MatchMode match) noexcept;

}  // namespace gazette
