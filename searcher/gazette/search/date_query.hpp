/// @file
/// @brief Date expressions of queries and filters: a year, month or day, or a range A..B of them.
#pragma once

#include <optional>
#include <string_view>

#include <xapian.h>

#include "gazette/core/time.hpp"
#include "gazette/search/request.hpp"

namespace gazette {

/// A calendar period: a year, a month or a day.
struct DatePeriod {
  Day first, last;          ///< inclusive
  Granularity granularity;  ///< year, month or day
};

/// Parses "1987", "1987-02" or "1987-02-26"; nullopt for anything else or an impossible date.
std::optional<DatePeriod> parse_date_period(std::string_view text);

/// The query for a date expression: a period ("2025-03") becomes its Y/M/D term; a range ("A..B", "A..",
/// "..B") becomes a range over the day slot, inclusive at both ends.
/// @throws gazette::Error(bad_query) naming the expression when it cannot be read.
Xapian::Query date_query(std::string_view expression);

}  // namespace gazette
