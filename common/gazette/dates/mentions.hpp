/// @file
/// @brief Dates mentioned in an article's text ("February 12", "in March 2014", "last week"), resolved to
/// calendar periods.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/core/time.hpp"

namespace gazette::dates {

/// The unit of a resolved mention; the indexer maps them to XMD, XMM and XMY terms.
enum class Granularity { day, month, year };

/// Stable lower-case name of a granularity ("day", "month", "year").
const char* granularity_name(Granularity granularity) noexcept;

/// A date expression in a text and the period it denotes: `count` consecutive periods of `granularity`
/// starting with the one that begins on `first_day`. A week is seven days from its Monday
/// ("last week": day, Monday of the previous ISO week, count 7); "the past two years": year, count 2.
struct DateMention {
  std::size_t begin = 0;  ///< byte offset of the expression
  std::size_t end = 0;    ///< byte offset just past it
  Granularity granularity = Granularity::day;
  Day first_day{};   ///< first day of the first period (the 1st of a month, 1 January of a year)
  int count = 1;     ///< number of consecutive periods, at least 1
  std::string text;  ///< the expression as written
};

/// The date expressions in `text` (UTF-8; only ASCII English words are read), in order, not overlapping,
/// resolved against `reference` (the publication day). Recognised, precision before recall:
/// - "March 3, 2025", "Feb. 26", "12 February 2024", "12th of February", ISO "2025-03-03" (day). A month
///   and day without a year take the year that puts them nearest to the reference (ties: the past).
/// - "March 2014", "September of 1985", "in May last year" (month); a month name alone only after a cue
///   ("in March", "since May", "mid-March", "end of March"), not before a capitalised word ("in May Day")
///   or a number word; it takes the occurrence nearest to the reference month.
/// - a year only after a cue ("in 2022", "since", "by", "until", "during", "early", "late", "mid-", "end of")
///   and not before a unit or time zone ("in 1987 dlrs", "until 1800 GMT"); years outside 1800..2200 never
///   count.
/// - "today", "yesterday", "tomorrow", "tonight"; "last/this/next week|month|year" (not after "the");
///   "last Friday" (strictly before), "next Tuesday" (strictly after); "on Friday", "said Monday" (on or
///   before the reference); "the past two years" (the N periods before the current one); "three days ago".
/// Never: lower-case month names ("they will march"), month names as names ("Theresa May said"), numbers
/// in prices, phone numbers, times, versions or quantities ("$2,025", "555-2025", "14:02", "18.4").
/// Pure and thread-safe.
std::vector<DateMention> find_date_mentions(std::string_view text, Day reference);

}  // namespace gazette::dates
