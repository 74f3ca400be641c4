/// @file
/// @brief FeedClock: dateline days one off their neighbours settle on the feed's day; others stay.
#include <doctest/doctest.h>

#include <vector>

#include "gazette/dates/feed_clock.hpp"

using namespace std::chrono;
using gazette::Day;
using gazette::dates::FeedClock;

namespace {

constexpr Day march(unsigned day) {
  return sys_days{2025y / March / day};
}

/// The days of one file pushed through a clock of `window`, settled in order.
std::vector<std::optional<Day>> settle(const std::vector<std::optional<Day>>& days, std::size_t window = 3) {
  FeedClock clock(window);
  std::vector<std::optional<Day>> settled;
  for (const auto& day : days) {
    clock.push(day);
    while (clock.ready()) settled.push_back(clock.pop());
  }
  clock.finish();
  while (clock.ready()) settled.push_back(clock.pop());
  return settled;
}

}  // namespace

TEST_CASE("a dateline a day ahead of the articles after it takes their day") {
  // TOKYO, March 3 filed among New York's March 2 articles.
  const auto settled = settle({march(2), march(2), march(3), march(2), march(2), march(2)});
  CHECK(settled == std::vector<std::optional<Day>>(6, march(2)));
}

TEST_CASE("a dateline a day behind the articles before it takes their day") {
  const auto settled = settle({march(3), march(3), march(3), march(2), march(4), march(4)});
  CHECK(settled[3] == march(3));
}

TEST_CASE("the feed's own change of day is kept") {
  const std::vector<std::optional<Day>> days{march(2), march(2), march(2), march(3), march(3), march(3)};
  CHECK(settle(days) == days);
}

TEST_CASE("differences over a day and articles without a dateline are kept") {
  const std::vector<std::optional<Day>> days{march(2), std::nullopt, march(9), march(2), march(2), march(2)};
  CHECK(settle(days) == days);
}

TEST_CASE("a settled day waits for the window after it, and each file starts afresh") {
  FeedClock clock(2);
  clock.push(march(3));
  clock.push(march(2));
  CHECK_FALSE(clock.ready());
  clock.push(march(2));
  REQUIRE(clock.ready());
  CHECK(clock.pop() == march(2));
  clock.finish();
  CHECK(clock.pop() == march(2));
  CHECK(clock.pop() == march(2));
  CHECK_FALSE(clock.ready());
  clock.push(march(2));  // the next file knows nothing of the last one's days
  clock.finish();
  CHECK(clock.pop() == march(2));
}
