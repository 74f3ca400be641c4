/// @file
/// @brief Dates in the words of a query ("election last week") taken out as date filters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gazette/core/time.hpp"
#include "gazette/search/request.hpp"

namespace gazette {

/// A date filter read from a query: the words as written (cue included) and the filter they became.
struct QueryDate {
  std::string text;  ///< "since 2020", "last week", "in March 1987"
  Filter filter;     ///< {"date", "2020-01-01.."}
};

/// A query's words without its date expressions, and the filters those became.
struct QueryWithDates {
  std::string text;
  std::vector<QueryDate> dates;
};

/// Finds the date expressions of a query's free text (those dates::find_date_mentions() reads, with month
/// names also in lower case before a number, "march 1987"), resolved against `reference` (the newest
/// article's day or --now; a month or day without a year that would fall after it is taken a year
/// earlier). "since"/"from" X keeps X and after it, "after" X after it, "before" X before it,
/// "until"/"by" X up to its end; other cues ("in", "on", "during") and none keep the period itself.
/// Quoted phrases and field values are left alone, so a headline in quotes keeps its "May".
QueryWithDates take_query_dates(std::string_view query, Day reference);

}  // namespace gazette
