/// @file
/// @brief Calendar helpers shared by the date detectors: English month and weekday names, day validation,
/// year choice.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "gazette/core/time.hpp"

namespace gazette::dates {

/// ASCII case-insensitive equality of `word` with a lower-case `lower` ("MArch" equals "march").
inline bool equals_lower(std::string_view word, std::string_view lower) noexcept {
  if (word.size() != lower.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if ((word[i] | 0x20) != lower[i]) return false;
  return true;
}

/// How a month name may be spelled.
enum class MonthSpelling {
  standard,  ///< full name or the usual abbreviation ("March", "Mar", "Sept"), any case
  prefix,    ///< also any prefix of three or more letters of the full name ("Marc", "Apri": wire typos)
};

/// The month 1..12 an English month name denotes (case-insensitive), or 0.
int month_from_name(std::string_view word, MonthSpelling spelling = MonthSpelling::standard) noexcept;

/// The ISO weekday 1 (Monday) .. 7 (Sunday) an English weekday name or its 3-letter abbreviation denotes, or
/// 0.
int weekday_from_name(std::string_view word) noexcept;

/// The day year-month-day when it exists in the proleptic Gregorian calendar (year 0 never does), else
/// nullopt.
std::optional<Day> make_day(int year, int month, int day) noexcept;

/// The latest occurrence of month/day on or before `limit` (looking back up to eight years, for 29 February).
std::optional<Day> latest_on_or_before(int month, int day, Day limit) noexcept;

/// The occurrence of month/day nearest to `reference` (the year before, of or after it); ties go to the past.
std::optional<Day> nearest_occurrence(int month, int day, Day reference) noexcept;

/// The first day of the occurrence of `month` nearest to `reference`'s month; ties go to the past.
Day nearest_month(int month, Day reference) noexcept;

/// The Monday of the ISO week that contains `day`.
Day monday_of_week(Day day) noexcept;

/// The first day of the month that contains `day`, moved by `months` (negative: back).
Day month_start(Day day, int months = 0) noexcept;

/// The first day of the year that contains `day`, moved by `years` (negative: back).
Day year_start(Day day, int years = 0) noexcept;

/// The calendar year of `day`.
int year_of(Day day) noexcept;

}  // namespace gazette::dates
