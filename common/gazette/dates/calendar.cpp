/// @file
/// @brief English month and weekday names and the calendar arithmetic of the date detectors.
#include "gazette/dates/calendar.hpp"

#include <array>
#include <cstdlib>

namespace gazette::dates {

namespace {
using namespace std::chrono;

constexpr std::array<std::string_view, 12> month_names = {"january",   "february", "march",    "april",
                                                          "may",       "june",     "july",     "august",
                                                          "september", "october",  "november", "december"};
constexpr std::array<std::string_view, 7> weekday_names = {"monday", "tuesday",  "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};

bool is_ascii_word(std::string_view word) noexcept {
  for (const char c : word)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return !word.empty();
}
}  // namespace

int month_from_name(std::string_view word, MonthSpelling spelling) noexcept {
  if (word.size() < 3 || word.size() > 9 || !is_ascii_word(word)) return 0;
  if (equals_lower(word, "sept")) return 9;
  for (int m = 0; m < 12; ++m) {
    const std::string_view name = month_names[m];
    if (equals_lower(word, name)) return m + 1;
    const bool prefix_ok = word.size() == 3 || spelling == MonthSpelling::prefix;
    if (prefix_ok && word.size() < name.size() && equals_lower(word, name.substr(0, word.size())))
      return m + 1;
  }
  return 0;
}

int weekday_from_name(std::string_view word) noexcept {
  if (!is_ascii_word(word)) return 0;
  for (int d = 0; d < 7; ++d) {
    const std::string_view name = weekday_names[d];
    if (equals_lower(word, name) || (word.size() == 3 && equals_lower(word, name.substr(0, 3)))) return d + 1;
  }
  return 0;
}

std::optional<Day> make_day(int y, int m, int d) noexcept {
  if (y == 0 || y < -32767 || y > 32767 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(m)}, day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Day{ymd};
}

std::optional<Day> latest_on_or_before(int m, int d, Day limit) noexcept {
  const int last_year = year_of(limit);
  for (int y = last_year; y >= last_year - 8; --y)
    if (const auto candidate = make_day(y, m, d); candidate && *candidate <= limit) return candidate;
  return std::nullopt;
}

std::optional<Day> nearest_occurrence(int m, int d, Day reference) noexcept {
  std::optional<Day> best;
  const int ref_year = year_of(reference);
  for (int y = ref_year - 1; y <= ref_year + 1; ++y) {
    const auto candidate = make_day(y, m, d);
    if (!candidate) continue;
    // Candidates come in increasing order, so a later candidate must be strictly nearer to win a tie.
    if (!best || std::abs((*candidate - reference).count()) < std::abs((*best - reference).count()))
      best = candidate;
  }
  return best;
}

Day nearest_month(int m, Day reference) noexcept {
  const year_month_day ref{reference};
  const int ref_index = int(ref.year()) * 12 + int(unsigned(ref.month())) - 1;
  int best = 0;
  bool have = false;
  for (int y = int(ref.year()) - 1; y <= int(ref.year()) + 1; ++y) {
    const int index = y * 12 + m - 1;
    if (!have || std::abs(index - ref_index) < std::abs(best - ref_index)) best = index, have = true;
  }
  return Day{year{best / 12} / month{unsigned(best % 12 + 1)} / 1};
}

Day monday_of_week(Day d) noexcept {
  return d - days{weekday{d}.iso_encoding() - 1};
}

Day month_start(Day d, int n) noexcept {
  const year_month_day ymd{d};
  return Day{(ymd.year() / ymd.month() + months{n}) / 1};
}

Day year_start(Day d, int n) noexcept {
  return Day{(year_month_day{d}.year() + years{n}) / January / 1};
}

int year_of(Day d) noexcept {
  return int(year_month_day{d}.year());
}

}  // namespace gazette::dates
