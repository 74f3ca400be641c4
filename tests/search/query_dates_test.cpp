/// @file
/// @brief Date words of queries become date filters; names, verbs, phrases and field values stay words.
#include <doctest/doctest.h>

#include "gazette/search/query_dates.hpp"

using namespace gazette;
using namespace std::chrono;

namespace {

constexpr Day reference = sys_days{2025y / March / 3};  // a Monday

/// "remaining text | filter value" of a query, or "remaining text" when no date was taken.
std::string taken(std::string_view query) {
  const QueryWithDates result = take_query_dates(query, reference);
  std::string out = result.text;
  for (const QueryDate& date : result.dates) out += " | " + date.filter.value + " <" + date.text + ">";
  return out;
}

}  // namespace

TEST_CASE("relative and absolute date words become date filters") {
  CHECK(taken("election last week") == "election | 2025-02-24..2025-03-02 <last week>");
  CHECK(taken("oil prices in March 1987") == "oil prices | 1987-03-01..1987-03-31 <in March 1987>");
  CHECK(taken("oil prices in march 1987") == "oil prices | 1987-03-01..1987-03-31 <in march 1987>");
  CHECK(taken("inflation since 2020") == "inflation | 2020-01-01.. <since 2020>");
  CHECK(taken("yesterday") == " | 2025-03-02 <yesterday>");
  CHECK(taken("strikes before 2024") == "strikes | ..2023-12-31 <before 2024>");
  CHECK(taken("strikes after 2024") == "strikes | 2025-01-01.. <after 2024>");
  CHECK(taken("tariffs feb 26") == "tariffs | 2025-02-26 <feb 26>");
}

TEST_CASE("a month without a year is the last one, not a future one") {
  CHECK(taken("storms since May") == "storms | 2024-05-01.. <since May>");
}

TEST_CASE("words that only look like dates stay words") {
  CHECK(taken("theresa may brexit") == "theresa may brexit");
  CHECK(taken("Theresa May brexit") == "Theresa May brexit");
  CHECK(taken("protesters march on parliament") == "protesters march on parliament");
  CHECK(taken("\"cocoa prices in March 1987\"") == "\"cocoa prices in March 1987\"");
  CHECK(taken("mentions:2014-03 oil") == "mentions:2014-03 oil");
  CHECK(taken("boeing 747 order") == "boeing 747 order");
  CHECK(taken("price $2,025 cut") == "price $2,025 cut");
}
