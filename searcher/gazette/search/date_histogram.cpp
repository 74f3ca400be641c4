/// @file
/// @brief Date histogram bucketing with ISO weeks.
#include "gazette/search/date_histogram.hpp"

#include <cstdio>

namespace gazette {

namespace {
using namespace std::chrono;

Day next_bucket(Day start, Granularity g) {
  const year_month_day ymd{start};
  switch (g) {
    case Granularity::day:
      return start + days{1};
    case Granularity::week:
      return start + days{7};
    case Granularity::month:
      return sys_days{(ymd.year() / ymd.month() + months{1}) / 1};
    default:
      return sys_days{(ymd.year() + years{1}) / January / 1};
  }
}

std::size_t bucket_count(Day first, Day last, Granularity g) {
  std::size_t n = 0;
  for (Day d = bucket_start(first, g); d <= last && n <= max_auto_buckets; d = next_bucket(d, g)) ++n;
  return n;
}
}  // namespace

Day bucket_start(Day d, Granularity g) {
  const year_month_day ymd{d};
  switch (g) {
    case Granularity::day:
      return d;
    case Granularity::week:
      return d - (weekday{d} - Monday);
    case Granularity::month:
      return sys_days{ymd.year() / ymd.month() / 1};
    default:
      return sys_days{ymd.year() / January / 1};
  }
}

std::string bucket_key(Day first_day, Granularity g) {
  const year_month_day ymd{first_day};
  char buf[32];
  switch (g) {
    case Granularity::day:
      std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                    unsigned(ymd.day()));
      break;
    case Granularity::week: {
      // ISO 8601: the week belongs to the year of its Thursday; week 1 holds the year's first Thursday.
      const year_month_day thursday{first_day + days{3}};
      const Day year_start = sys_days{thursday.year() / January / 1};
      const int week = int((sys_days{thursday} - year_start).count() / 7) + 1;
      std::snprintf(buf, sizeof buf, "%04d-W%02d", int(thursday.year()), week);
      break;
    }
    case Granularity::month:
      std::snprintf(buf, sizeof buf, "%04d-%02u", int(ymd.year()), unsigned(ymd.month()));
      break;
    default:
      std::snprintf(buf, sizeof buf, "%04d", int(ymd.year()));
      break;
  }
  return buf;
}

Granularity choose_granularity(Day first, Day last) {
  for (Granularity g : {Granularity::day, Granularity::week, Granularity::month})
    if (bucket_count(first, last, g) <= max_auto_buckets) return g;
  return Granularity::year;
}

DateHistogram build_date_histogram(const std::map<Day, std::size_t>& per_day, Granularity granularity) {
  DateHistogram histogram;
  if (per_day.empty()) {
    histogram.granularity = granularity == Granularity::automatic ? Granularity::year : granularity;
    return histogram;
  }
  const Day first = per_day.begin()->first, last = per_day.rbegin()->first;
  histogram.granularity =
      granularity == Granularity::automatic ? choose_granularity(first, last) : granularity;
  const Granularity g = histogram.granularity;
  auto day_it = per_day.begin();
  for (Day start = bucket_start(first, g); start <= last; start = next_bucket(start, g)) {
    const Day end = next_bucket(start, g);
    std::size_t count = 0;
    for (; day_it != per_day.end() && day_it->first < end; ++day_it) count += day_it->second;
    histogram.buckets.push_back({bucket_key(start, g), start, count});
  }
  return histogram;
}

}  // namespace gazette
