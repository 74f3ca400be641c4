/// @file
/// @brief take_query_dates: mentions of the query text become date filters, their words leave the text.
#include "gazette/search/query_dates.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "gazette/dates/calendar.hpp"
#include "gazette/dates/mentions.hpp"

namespace gazette {

namespace {

using namespace std::chrono;

bool is_letter(char c) {
  return std::isalpha(static_cast<unsigned char>(c));
}

/// The query with lower-case month names capitalised where a number follows ("march 1987", "feb 26"), so
/// the mention finder, which ignores lower-case months ("they march"), reads them. Same length.
std::string capitalise_dated_months(std::string_view query) {
  std::string text(query);
  for (std::size_t i = 0; i < text.size();) {
    if (!is_letter(text[i]) || (i > 0 && is_letter(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && is_letter(text[end])) ++end;
    std::size_t next = end + (end < text.size() && text[end] == '.');
    const bool number_follows = next + 1 < text.size() && text[next] == ' ' &&
                                std::isdigit(static_cast<unsigned char>(text[next + 1]));
    if (number_follows && std::islower(static_cast<unsigned char>(text[i])) &&
        dates::month_from_name(std::string_view(text).substr(i, end - i)) != 0)
      text[i] = char(std::toupper(static_cast<unsigned char>(text[i])));
    i = end;
  }
  return text;
}

/// The word just before byte `at`, lower-cased, and where it begins.
std::pair<std::string, std::size_t> word_before(std::string_view text, std::size_t at) {
  std::size_t end = at;
  while (end > 0 && text[end - 1] == ' ') --end;
  std::size_t begin = end;
  while (begin > 0 && is_letter(text[begin - 1])) --begin;
  std::string word(text.substr(begin, end - begin));
  for (char& c : word) c = char(std::tolower(static_cast<unsigned char>(c)));
  return {word, begin};
}

/// The first day after the mention's last period.
Day end_of(const dates::DateMention& m) {
  const year_month_day first{m.first_day};
  switch (m.granularity) {
    case dates::Granularity::day:
      return m.first_day + days{m.count};
    case dates::Granularity::month:
      return sys_days{(first.year() / first.month() + months{m.count}) / 1};
    case dates::Granularity::year:
      break;
  }
  return sys_days{(first.year() + years{m.count}) / January / 1};
}

/// Whether bytes [begin, end) are free text: outside quotes and not in a `field:value` chunk.
bool in_free_text(std::string_view query, std::size_t begin) {
  if (std::count(query.begin(), query.begin() + begin, '"') % 2 == 1) return false;
  std::size_t chunk = begin;
  while (chunk > 0 && query[chunk - 1] != ' ') --chunk;
  return query.substr(chunk, begin - chunk).find(':') == std::string_view::npos;
}

/// Whether the expression writes its year ("March 1987", "2025-03-03": four digits or more).
bool names_a_year(std::string_view text) {
  return std::count_if(text.begin(), text.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) >= 4;
}

}  // namespace

QueryWithDates take_query_dates(std::string_view query, Day reference) {
  const std::string readable = capitalise_dated_months(query);
  QueryWithDates result;
  std::size_t copied = 0;
  for (dates::DateMention m : dates::find_date_mentions(readable, reference)) {
    if (!in_free_text(query, m.begin)) continue;
    if (m.granularity != dates::Granularity::year && m.first_day > reference && !names_a_year(m.text))
      m.first_day = sys_days{year_month_day{m.first_day} - years{1}};  // "since May": the last May
    const auto [cue, cue_begin] = word_before(readable, m.begin);
    constexpr std::array<std::string_view, 10> cues{"since", "from", "after", "before", "until",
                                                    "till",  "by",   "in",    "on",     "during"};
    const bool has_cue = std::find(cues.begin(), cues.end(), cue) != cues.end();
    const std::string first = format_iso_day(m.first_day), last = format_iso_day(end_of(m) - days{1});
    std::string value = first == last ? first : first + ".." + last;
    if (cue == "since" || cue == "from")
      value = first + "..";
    else if (cue == "after")
      value = format_iso_day(end_of(m)) + "..";
    else if (cue == "before")
      value = ".." + format_iso_day(m.first_day - days{1});
    else if (cue == "until" || cue == "till" || cue == "by")
      value = ".." + last;
    const std::size_t begin = has_cue ? cue_begin : m.begin;
    result.text.append(query.substr(copied, begin - copied));
    copied = m.end;
    result.dates.push_back({std::string(query.substr(begin, m.end - begin)), Filter{"date", value}});
  }
  result.text.append(query.substr(copied));
  // One space between the words that are left.
  std::string tidy;
  for (char c : result.text)
    if (c != ' ' || (!tidy.empty() && tidy.back() != ' ')) tidy += c;
  while (!tidy.empty() && tidy.back() == ' ') tidy.pop_back();
  result.text = std::move(tidy);
  return result;
}

}  // namespace gazette
