/// @file
/// @brief FeedClock: dateline days of a wire feed settled onto the feed's own clock.
#pragma once

#include <cstddef>
#include <deque>
#include <optional>

#include "gazette/core/time.hpp"

namespace gazette::dates {

/// A wire feed lists its articles in transmission order on one clock, but a dateline carries the local day
/// of its city: "TOKYO, March 3" is often still March 2 on a New York wire. FeedClock takes the dateline
/// days of one file's articles in feed order and settles each onto the feed's day: a day one ahead of the
/// most common day of the `window` articles after it, or one behind that of the `window` articles before
/// it, becomes that day. Other days, and differences of more than one day (typos, stale datelines), are
/// kept. Streaming: a day is settled once `window` later days are known, or at finish().
class FeedClock {
 public:
  explicit FeedClock(std::size_t window = 10) : window_(window) {}

  /// The next article's dateline day (nullopt: the article has none; it still counts for the order).
  void push(std::optional<Day> day);
  /// The end of the file: every pending day can be settled.
  void finish() noexcept { finished_ = true; }
  /// Whether the oldest pending day can be settled now.
  bool ready() const noexcept { return !pending_.empty() && (finished_ || pending_.size() > window_); }
  /// The oldest pending day, settled (call only when ready()); after the last one of a finished file the
  /// clock starts afresh for the next file.
  std::optional<Day> pop();

 private:
  std::size_t window_;
  std::deque<std::optional<Day>> pending_;  ///< the day to settle next, then the ones after it
  std::deque<std::optional<Day>> settled_;  ///< up to `window` days before it, as settled
  bool finished_ = false;
};

}  // namespace gazette::dates
