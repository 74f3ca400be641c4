/// @file
/// @brief Calendar types shared by the whole engine: UTC instants and days, and their text forms.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace gazette {

using Instant = std::chrono::sys_seconds;  ///< a UTC instant, to the second
using Day = std::chrono::sys_days;         ///< a UTC calendar day

/// "2025-03-03T14:02:00Z".
std::string format_iso8601(Instant t);
/// "2025-03-03".
std::string format_iso_day(Day d);
/// "YYYYMMDDhhmmss", the sortable form of the date value slot.
std::string format_compact(Instant t);
/// "YYYYMMDD".
std::string format_compact_day(Day d);
/// The day of a "YYYYMMDD" text, or nullopt when it is not one.
std::optional<Day> parse_compact_day(std::string_view text);

/// Parses "YYYY-MM-DD", "YYYY-MM-DDThh:mm[:ss][.fff](Z|±hh:mm)" and "YYYY-MM-DD hh:mm:ss" (UTC when no
/// offset). Returns nullopt for anything else or an impossible date (2025-02-30, month 13, year 0).
std::optional<Instant> parse_iso8601(std::string_view text);

/// A plausible year for a news article: 1800..2200. Dates outside are treated as absent.
bool is_plausible_year(int year) noexcept;

}  // namespace gazette
