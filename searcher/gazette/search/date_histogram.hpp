/// @file
/// @brief The date histogram facet: per-day counts rolled up to day, week, month or year buckets.
#pragma once

#include <cstddef>
#include <map>

#include "gazette/search/response.hpp"

namespace gazette {

/// Most buckets an automatic histogram may have; the finest granularity within it is chosen.
inline constexpr std::size_t max_auto_buckets = 60;

/// The granularity `automatic` resolves to for matches from first to last: the finest of day, week,
/// month and year that needs at most max_auto_buckets buckets.
Granularity choose_granularity(Day first, Day last);

/// Buckets from the first to the last day with a count, empty buckets included.
DateHistogram build_date_histogram(const std::map<Day, std::size_t>& per_day, Granularity granularity);

/// The first day of the bucket holding d ("1987-W09" starts on a Monday) and the bucket's key.
Day bucket_start(Day d, Granularity granularity);
std::string bucket_key(Day first_day, Granularity granularity);

}  // namespace gazette
