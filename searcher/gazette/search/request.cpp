/// @file
/// @brief Parsing of the request's small vocabularies: filters, sort orders, granularities.
#include "gazette/search/request.hpp"

#include <charconv>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

Filter parse_filter(const std::string& text) {
  const auto sep = text.find_first_of("=:");
  if (sep == std::string::npos || sep == 0)
    throw Error(ErrorCode::usage, "expected FIELD=VALUE, got '" + text + "'", "filter");
  Filter filter{text.substr(0, sep), text.substr(sep + 1)};
  const schema::Field* field = schema::find_field(filter.field);
  if (!field || field->kind == schema::FieldKind::text)
    throw Error(ErrorCode::usage, "cannot filter on '" + filter.field + "'", "filter");
  if (filter.value.size() >= 2 && filter.value.front() == '"' && filter.value.back() == '"')
    filter.value = filter.value.substr(1, filter.value.size() - 2);
  if (filter.value.empty()) throw Error(ErrorCode::usage, "empty value for '" + filter.field + "'", "filter");
  return filter;
}

unsigned parse_duration_days(const std::string& text, const char* option) {
  unsigned n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  const std::string_view unit(end, text.data() + text.size() - end);
  const unsigned per = unit == "d" ? 1 : unit == "w" ? 7 : unit == "m" ? 30 : unit == "y" ? 365 : 0;
  if (ec != std::errc{} || n == 0 || per == 0 || n > 100000)
    throw Error(ErrorCode::usage, "expected a duration such as 7d, 2w, 3m or 1y, got '" + text + "'", option);
  return n * per;
}

SortOrder parse_sort(const std::string& text) {
  if (text == "relevance") return SortOrder::relevance;
  if (text == "date") return SortOrder::date;
  if (text == "date-asc") return SortOrder::date_ascending;
  throw Error(ErrorCode::usage, "unknown sort order '" + text + "' (relevance, date or date-asc)", "sort");
}

MatchMode parse_match(const std::string& text) {
  if (text == "all") return MatchMode::all;
  if (text == "any") return MatchMode::any;
  if (text == "auto") return MatchMode::automatic;
  throw Error(ErrorCode::usage, "unknown match mode '" + text + "' (all, any or auto)", "match");
}

Granularity parse_granularity(const std::string& text) {
  if (text == "auto") return Granularity::automatic;
  if (text == "day") return Granularity::day;
  if (text == "week") return Granularity::week;
  if (text == "month") return Granularity::month;
  if (text == "year") return Granularity::year;
  throw Error(ErrorCode::usage, "unknown granularity '" + text + "' (auto, day, week, month or year)",
              "granularity");
}

const char* sort_name(SortOrder sort) noexcept {
  switch (sort) {
    case SortOrder::date:
      return "date";
    case SortOrder::date_ascending:
      return "date-asc";
    case SortOrder::relevance:
      break;
  }
  return "relevance";
}

const char* match_name(MatchMode match) noexcept {
  switch (match) {
    case MatchMode::all:
      return "all";
    case MatchMode::any:
      return "any";
    case MatchMode::automatic:
      break;
  }
  return "auto";
}

const char* granularity_name(Granularity granularity) noexcept {
  switch (granularity) {
    case Granularity::day:
      return "day";
    case Granularity::week:
      return "week";
    case Granularity::month:
      return "month";
    case Granularity::year:
      return "year";
    case Granularity::automatic:
      break;
  }
  return "auto";
}

}  // namespace gazette
