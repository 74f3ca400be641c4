/// @file
/// @brief Builds the Xapian query of a request: QueryParser over analysed text, fields, date and filters.
#pragma once

#include <exception>
#include <set>
#include <string>

#include <xapian.h>

#include <memory>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/entities/extractor.hpp"
#include "gazette/search/request.hpp"

namespace gazette {

/// Canonical entity names for filters; the entity lists load on first use (most queries never need them).
class EntityNames {
 public:
  /// The canonical name of an alias ("US" -> "United States"), or the name itself when unknown.
  std::string canonical(EntityType type, const std::string& name);

 private:
  std::shared_ptr<const EntityModel> model_;
};

/// The query of one filter (a boolean term, an entity, or a date expression).
/// @throws gazette::Error(usage) for an unknown field, (bad_query) for an unreadable date.
Xapian::Query filter_query(const Filter& filter, EntityNames& names);

/// Turns requests into Xapian queries. Holds a QueryParser and uses an Analyzer: one per thread.
class QueryBuilder {
 public:
  /// database: for wildcard expansion; analyzer: the database's analyzer settings.
  QueryBuilder(const Xapian::Database& database, Analyzer& analyzer);

  /// The query for the request's text and filters (MatchAll when both are empty).
  /// @throws gazette::Error(bad_query) with the parser's message when the text cannot be parsed.
  Xapian::Query build(const SearchRequest& request);

  /// The unprefixed stems a query looks for, to highlight in headlines and snippets.
  static std::set<std::string> highlight_terms(const Xapian::Query& query);

 private:
  Xapian::Database database_;  // its synonym table
  Analyzer& analyzer_;
  EntityNames names_;
  std::exception_ptr field_failure_;  // the first error of a field processor during parse_query
  Xapian::QueryParser parser_;
};

}  // namespace gazette
