/// @file
/// @brief The search path gazette-search takes for a request's text and filters, over a small in-memory
/// archive: rewrite, QueryParser with the field processors, filters, highlight terms, the match.
#pragma once

#include <xapian.h>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/search/query_builder.hpp"
#include "gazette/search/request.hpp"

namespace gazette::fuzz {

class QueryHarness {
 public:
  /// Indexes a few articles (words, headline words, dates, sources, places) into an in-memory database.
  QueryHarness();

  /// Builds and runs the request's query. The only errors a request may cause are Error(usage) and
  /// Error(bad_query), the ones gazette-search reports as a bad request; anything else escapes.
  void run(const SearchRequest& request);

 private:
  void add_article(std::string_view title, std::string_view body, std::string_view source, Day day,
                   std::string_view place);

  Xapian::WritableDatabase database_;
  Analyzer analyzer_;
  QueryBuilder builder_;
};

}  // namespace gazette::fuzz
