/// @file
/// @brief Histogram granularity, ISO week keys and empty buckets.
#include <doctest/doctest.h>

#include "gazette/search/date_histogram.hpp"

using namespace gazette;
using namespace std::chrono;

TEST_CASE("automatic granularity is the finest with at most 60 buckets") {
  const Day start = sys_days{2025y / March / 1};
  CHECK(choose_granularity(start, start) == Granularity::day);
  CHECK(choose_granularity(start, start + days{59}) == Granularity::day);
  CHECK(choose_granularity(start, start + days{61}) == Granularity::week);
  CHECK(choose_granularity(start, start + days{400}) == Granularity::week);  // 58 weeks
  CHECK(choose_granularity(start, start + days{430}) == Granularity::month);
  CHECK(choose_granularity(start, start + days{366 * 4}) == Granularity::month);
  CHECK(choose_granularity(start, start + days{366 * 6}) == Granularity::year);
}

TEST_CASE("bucket keys and starts") {
  const Day d = sys_days{2025y / March / 5};  // a Wednesday
  CHECK(bucket_key(bucket_start(d, Granularity::day), Granularity::day) == "2025-03-05");
  CHECK(bucket_start(d, Granularity::week) == sys_days{2025y / March / 3});
  CHECK(bucket_key(bucket_start(d, Granularity::week), Granularity::week) == "2025-W10");
  CHECK(bucket_key(bucket_start(d, Granularity::month), Granularity::month) == "2025-03");
  CHECK(bucket_key(bucket_start(d, Granularity::year), Granularity::year) == "2025");
  // ISO weeks: 2021-01-01 is a Friday in week 53 of 2020; 2024-12-30 starts week 1 of 2025.
  CHECK(bucket_key(bucket_start(sys_days{2021y / January / 1}, Granularity::week), Granularity::week) ==
        "2020-W53");
  CHECK(bucket_key(bucket_start(sys_days{2024y / December / 31}, Granularity::week), Granularity::week) ==
        "2025-W01");
}

TEST_CASE("histograms include empty buckets and add up") {
  std::map<Day, std::size_t> per_day{{sys_days{1987y / February / 26}, 3},
                                     {sys_days{1987y / February / 27}, 1},
                                     {sys_days{1987y / April / 7}, 2}};
  const DateHistogram h = build_date_histogram(per_day, Granularity::month);
  REQUIRE(h.buckets.size() == 3);
  CHECK(h.buckets[0].key == "1987-02");
  CHECK(h.buckets[0].count == 4);
  CHECK(h.buckets[1].key == "1987-03");
  CHECK(h.buckets[1].count == 0);
  CHECK(h.buckets[2].count == 2);
  const DateHistogram automatic = build_date_histogram(per_day, Granularity::automatic);
  CHECK(automatic.granularity == Granularity::day);
  std::size_t total = 0;
  for (const auto& b : automatic.buckets) total += b.count;
  CHECK(total == 6);
  CHECK(automatic.buckets.size() == 41);  // 26 Feb .. 7 Apr
  CHECK(build_date_histogram({}, Granularity::automatic).buckets.empty());
}
