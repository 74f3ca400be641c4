/// @file
/// @brief Date periods and ranges as Xapian queries over the D/M/Y terms and the day slot.
#include "gazette/search/date_query.hpp"

#include <charconv>
#include <string>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace {
using namespace std::chrono;

bool read_number(std::string_view text, int& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc{} && end == text.data() + text.size();
}
}  // namespace

std::optional<DatePeriod> parse_date_period(std::string_view text) {
  int y = 0, m = 1, d = 1;
  if (text.size() < 4 || !read_number(text.substr(0, 4), y) || !is_plausible_year(y)) return std::nullopt;
  if (text.size() == 4) {
    return DatePeriod{sys_days{year{y} / January / 1}, sys_days{year{y} / December / 31}, Granularity::year};
  }
  if (text.size() < 7 || text[4] != '-' || !read_number(text.substr(5, 2), m) || m < 1 || m > 12)
    return std::nullopt;
  const year_month ym{year{y}, month{unsigned(m)}};
  if (text.size() == 7) return DatePeriod{sys_days{ym / 1}, sys_days{ym / last}, Granularity::month};
  if (text.size() != 10 || text[7] != '-' || !read_number(text.substr(8, 2), d)) return std::nullopt;
  const year_month_day ymd{ym / day{unsigned(d)}};
  if (!ymd.ok()) return std::nullopt;
  return DatePeriod{sys_days{ymd}, sys_days{ymd}, Granularity::day};
}

Xapian::Query date_query(std::string_view expression) {
  auto bad = [&](const std::string& why) -> Error {
    return Error(ErrorCode::bad_query,
                 "cannot read date '" + std::string(expression) + "': " + why +
                     " (use 1987, 1987-02, 1987-02-26 or a range such as 1987-02-01..1987-03-31)",
                 "date");
  };
  const auto dots = expression.find("..");
  if (dots == std::string_view::npos) {
    const auto period = parse_date_period(expression);
    if (!period) throw bad("not a year, month or day");
    switch (period->granularity) {
      case Granularity::year:
        return Xapian::Query(schema::year_term(period->first));
      case Granularity::month:
        return Xapian::Query(schema::month_term(period->first));
      default:
        return Xapian::Query(schema::day_term(period->first));
    }
  }
  const std::string_view from_text = expression.substr(0, dots), to_text = expression.substr(dots + 2);
  if (from_text.empty() && to_text.empty()) throw bad("a range needs at least one end");
  std::optional<DatePeriod> from, to;
  if (!from_text.empty() && !(from = parse_date_period(from_text))) throw bad("the start is not a date");
  if (!to_text.empty() && !(to = parse_date_period(to_text))) throw bad("the end is not a date");
  if (from && to && from->first > to->last) throw bad("the range ends before it starts");
  // The day slot holds "YYYYMMDD", so string comparison is date order and both ends are inclusive.
  if (!to)
    return Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_day, format_compact_day(from->first));
  if (!from) return Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::slot_day, format_compact_day(to->last));
  return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::slot_day, format_compact_day(from->first),
                       format_compact_day(to->last));
}

}  // namespace gazette
