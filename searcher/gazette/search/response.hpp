/// @file
/// @brief SearchResponse: what every renderer (text, JSON, HTML) shows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gazette/core/article.hpp"
#include "gazette/search/query_dates.hpp"
#include "gazette/search/request.hpp"

namespace gazette {

/// A highlighted range of a text, in bytes.
struct Span {
  std::size_t begin, end;
};

/// A piece of stored text with the query's words marked.
struct HighlightedText {
  std::string text;              ///< plain text (not escaped)
  std::vector<Span> highlights;  ///< sorted, non-overlapping
  bool starts_inside = false;    ///< the passage starts after the start of the text (show an ellipsis)
  bool ends_inside = false;      ///< the passage stops before the end of the text
};

/// Another version of a hit's story.
struct Version {
  std::string id, title, source;
  std::optional<Instant> published;
};

/// One result.
struct Hit {
  std::size_t rank;  ///< 1-based position in the whole result list
  double weight;     ///< BM25 weight
  int percent;       ///< Xapian's percentage score
  Article article;   ///< the stored article (body cleared unless asked for)
  HighlightedText title;
  HighlightedText snippet;
  std::string story;                    ///< story id (the id of its first version)
  std::vector<Version> other_versions;  ///< the story's other versions, newest first (at most a few)
  std::size_t story_size = 1;           ///< versions of the story in the archive
};

/// A value and how many matching articles carry it.
struct FacetValue {
  std::string value;
  std::size_t count;
};

/// The date histogram: one bucket per period from the first to the last matching date, empty ones included.
struct DateHistogram {
  Granularity granularity = Granularity::year;  ///< never automatic once computed
  struct Bucket {
    std::string key;  ///< "1987", "1987-02", "1987-W09" or "1987-02-26"
    Day first_day;    ///< first day of the bucket
    std::size_t count;
  };
  std::vector<Bucket> buckets;
};

/// The most frequent values of one field among the matches.
struct FieldFacet {
  std::string field;  ///< a schema field name ("source", "place", ...): drill down with field=value
  std::vector<FacetValue> values;  ///< most frequent first
};

/// Facet counts over the whole match set (not only the page shown).
struct Facets {
  DateHistogram dates;
  std::vector<FieldFacet> fields;  ///< in display order
  bool estimated = false;          ///< counts were scaled from a sample

  /// The facet of a field, or nullptr.
  const FieldFacet* find(std::string_view field) const noexcept {
    for (const FieldFacet& f : fields)
      if (f.field == field) return &f;
    return nullptr;
  }
};

/// The answer to a SearchRequest.
struct SearchResponse {
  SearchRequest request;
  std::string parsed_query;  ///< Xapian's description of the query that ran
  std::size_t total = 0;     ///< matches (estimated by Xapian when not exact)
  std::size_t total_lower = 0, total_upper = 0;
  bool total_exact = true;
  std::vector<Hit> hits;
  std::optional<Facets> facets;
  double seconds = 0;
  /// Shards that did not answer (ArchiveOptions::partial): the results are those of the others.
  std::vector<std::string> missing_shards;
  /// Did-you-mean: the query with misspelt words corrected, when that finds more articles.
  std::optional<std::string> suggestion;
  /// Date filters read from the query's words (request.query_dates); the words searched are query_text.
  std::vector<QueryDate> query_dates;
  std::string query_text;  ///< the text searched: request.query without the date expressions
  /// How the words were combined: all, or any when MatchMode::automatic found too few with all.
  MatchMode matched = MatchMode::all;
};

}  // namespace gazette
