/// @file
/// @brief FeedClock: the most common neighbouring day pulls a dateline day one off it.
#include "gazette/dates/feed_clock.hpp"

#include <iterator>
#include <map>

namespace gazette::dates {

namespace {

/// The most common day in [first, last), the earliest on a tie; nullopt when none has a day.
template <typename Iterator>
std::optional<Day> most_common_day(Iterator first, Iterator last) {
  std::map<Day, int> counts;
  for (; first != last; ++first)
    if (*first) ++counts[**first];
  std::optional<Day> best;
  int best_count = 0;
  for (const auto& [day, count] : counts)
    if (count > best_count) best = day, best_count = count;
  return best;
}

}  // namespace

void FeedClock::push(std::optional<Day> day) {
  pending_.push_back(day);
}

std::optional<Day> FeedClock::pop() {
  const std::optional<Day> own = pending_.front();
  std::optional<Day> result = own;
  if (own) {
    const auto end_of_window =
        std::next(pending_.begin(), std::ptrdiff_t(std::min(pending_.size(), window_ + 1)));
    const auto after = most_common_day(std::next(pending_.begin()), end_of_window);
    const auto before = most_common_day(settled_.begin(), settled_.end());
    if (after && *own - *after == std::chrono::days{1})
      result = after;
    else if (before && *before - *own == std::chrono::days{1})
      result = before;
  }
  settled_.push_back(result);
  if (settled_.size() > window_) settled_.pop_front();
  pending_.pop_front();
  if (pending_.empty() && finished_) {
    settled_.clear();
    finished_ = false;
  }
  return result;
}

}  // namespace gazette::dates
