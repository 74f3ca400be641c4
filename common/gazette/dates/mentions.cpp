/// @file
/// @brief A hand-written scanner for date expressions in running text, resolved against a reference day.
///
/// Hand-written rather than a regex set because every rule needs its context (the word before a year,
/// the word after a month, the character before a number), and one pass over the bytes with a table
/// lookup per byte keeps the scan in the hundreds of MB/s.
#include "gazette/dates/mentions.hpp"

#include <array>
#include <initializer_list>
#include <optional>
#include <span>

#include "gazette/dates/calendar.hpp"

namespace gazette::dates {

namespace {
using namespace std::chrono;

// --- characters and words ----------------------------------------------------------------------------

enum CharClass : unsigned char { other = 0, letter = 1, digit = 2, space = 4 };

constexpr std::array<unsigned char, 256> make_classes() {
  std::array<unsigned char, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[c] = letter;
  for (int c = 'A'; c <= 'Z'; ++c) classes[c] = letter;
  for (int c = '0'; c <= '9'; ++c) classes[c] = digit;
  for (const int c : {' ', '\t', '\r', '\n'}) classes[c] = space;
  return classes;
}
constexpr std::array<unsigned char, 256> char_classes = make_classes();

unsigned char class_of(char c) noexcept {
  return char_classes[static_cast<unsigned char>(c)];
}
bool is_letter(char c) noexcept {
  return class_of(c) == letter;
}
bool is_digit(char c) noexcept {
  return class_of(c) == digit;
}
bool is_alnum(char c) noexcept {
  return (class_of(c) & (letter | digit)) != 0;
}
bool is_upper(char c) noexcept {
  return c >= 'A' && c <= 'Z';
}

bool is_one_of(std::string_view word, std::span<const std::string_view> lower_words) noexcept {
  for (const std::string_view w : lower_words)
    if (equals_lower(word, w)) return true;
  return false;
}

enum class Case { lower, capitalised, upper, mixed };

Case case_of(std::string_view word) noexcept {
  bool rest_lower = true, rest_upper = true;
  for (std::size_t i = 1; i < word.size(); ++i) (is_upper(word[i]) ? rest_lower : rest_upper) = false;
  if (!is_upper(word[0])) return rest_lower ? Case::lower : Case::mixed;
  if (rest_lower) return Case::capitalised;
  return rest_upper ? Case::upper : Case::mixed;
}

// Month and weekday names must look like names: "March", "MARCH", never "march" (a verb) or "mArch".
bool is_name_case(std::string_view word) noexcept {
  const Case c = case_of(word);
  return c == Case::capitalised || c == Case::upper;
}

// --- the words that start an expression --------------------------------------------------------------

enum class Kind : unsigned char {
  month,
  month_abbreviation,
  weekday,
  relative_day,
  last,
  this_,
  next,
  past,
  ago
};

struct Trigger {
  std::string_view word;  // lower case
  Kind kind;
  int value;  // month 1..12, ISO weekday 1..7, or a day offset
};

// Sorted by first letter so that bucket_start can index them.
constexpr Trigger triggers[] = {
    {"ago", Kind::ago, 0},
    {"apr", Kind::month_abbreviation, 4},
    {"april", Kind::month, 4},
    {"aug", Kind::month_abbreviation, 8},
    {"august", Kind::month, 8},
    {"dec", Kind::month_abbreviation, 12},
    {"december", Kind::month, 12},
    {"feb", Kind::month_abbreviation, 2},
    {"february", Kind::month, 2},
    {"friday", Kind::weekday, 5},
    {"jan", Kind::month_abbreviation, 1},
    {"january", Kind::month, 1},
    {"jul", Kind::month_abbreviation, 7},
    {"july", Kind::month, 7},
    {"jun", Kind::month_abbreviation, 6},
    {"june", Kind::month, 6},
    {"last", Kind::last, 0},
    {"mar", Kind::month_abbreviation, 3},
    {"march", Kind::month, 3},
    {"may", Kind::month, 5},
    {"monday", Kind::weekday, 1},
    {"next", Kind::next, 0},
    {"nov", Kind::month_abbreviation, 11},
    {"november", Kind::month, 11},
    {"oct", Kind::month_abbreviation, 10},
    {"october", Kind::month, 10},
    {"past", Kind::past, 0},
    {"saturday", Kind::weekday, 6},
    {"sep", Kind::month_abbreviation, 9},
    {"sept", Kind::month_abbreviation, 9},
    {"september", Kind::month, 9},
    {"sunday", Kind::weekday, 7},
    {"this", Kind::this_, 0},
    {"thursday", Kind::weekday, 4},
    {"today", Kind::relative_day, 0},
    {"tomorrow", Kind::relative_day, 1},
    {"tonight", Kind::relative_day, 0},
    {"tuesday", Kind::weekday, 2},
    {"wednesday", Kind::weekday, 3},
    {"yesterday", Kind::relative_day, -1},
};
constexpr std::size_t trigger_count = sizeof triggers / sizeof triggers[0];

// bucket_start[c - 'a'] .. bucket_start[c - 'a' + 1]: the triggers starting with letter c.
constexpr std::array<unsigned char, 27> make_buckets() {
  std::array<unsigned char, 27> start{};
  std::size_t t = 0;
  for (int c = 0; c < 26; ++c) {
    start[c] = static_cast<unsigned char>(t);
    while (t < trigger_count && triggers[t].word[0] == 'a' + c) ++t;
  }
  start[26] = static_cast<unsigned char>(t);
  return start;
}
constexpr std::array<unsigned char, 27> bucket_start = make_buckets();
static_assert(bucket_start[26] == trigger_count, "triggers must be sorted by first letter");

const Trigger* find_trigger(std::string_view word) noexcept {
  if (word.size() < 3 || word.size() > 9) return nullptr;
  const int first = (word[0] | 0x20) - 'a';
  if (first < 0 || first >= 26) return nullptr;
  for (std::size_t t = bucket_start[first]; t < bucket_start[first + 1]; ++t)
    if (equals_lower(word, triggers[t].word)) return &triggers[t];
  return nullptr;
}

constexpr std::string_view ordinal_suffixes[] = {"st", "nd", "rd", "th"};
// Words after which a bare year or month name is a date: "in 2022", "since March".
constexpr std::string_view period_cues[] = {"in",     "since",   "by",        "until", "till",
                                            "during", "from",    "before",    "after", "early",
                                            "late",   "through", "throughout"};
// Words before "of" that make "of 1987" / "of March" a date: "the end of 1986", "first half of 1987".
constexpr std::string_view of_cues[] = {"end",     "start",  "beginning", "middle", "half",
                                        "quarter", "spring", "summer",    "autumn", "fall",
                                        "winter",  "rest",   "remainder", "course", "month"};
// Words after which a weekday name is a date: "on Friday", "said Monday".
constexpr std::string_view weekday_cues[] = {"on",   "since", "late",      "early",    "said",
                                             "says", "told",  "announced", "reported", "reports"};
// Words that make the number before them a quantity, not a year or day: "1987 dlrs", "2000 tonnes".
constexpr std::string_view units[] = {
    "dlrs",   "dlr",      "dollars", "dollar",    "usd",     "pct",    "percent",   "cts",       "cents",
    "stg",    "sterling", "pounds",  "yen",       "marks",   "francs", "lire",      "pesos",     "rupees",
    "yuan",   "roubles",  "rubles",  "euros",     "tonnes",  "tonne",  "tons",      "ton",       "barrels",
    "bpd",    "bags",     "bales",   "bushels",   "ounces",  "oz",     "lbs",       "kilos",     "kg",
    "km",     "miles",    "metres",  "meters",    "feet",    "acres",  "hectares",  "units",     "shares",
    "people", "persons",  "points",  "votes",     "seats",   "troops", "workers",   "employees", "jobs",
    "cars",   "vehicles", "mln",     "million",   "billion", "bln",    "thousand",  "hours",     "minutes",
    "times",  "pages",    "gallons", "litres",    "liters",  "mw",     "megawatts", "yards",     "homes",
    "houses", "notes",    "bonds",   "contracts", "lots",    "head",   "cattle",    "hogs",      "gmt",
    "utc",    "hrs",      "local",   "est",       "edt",     "cst",    "cdt",       "pst",       "pdt",
    "bst",    "cet",      "jst"};

// 1..12 for "one".."twelve" ("a"/"an" too when `article_counts`), the value of 1-2 digits, else 0.
int count_of(std::string_view word, bool article_counts) noexcept {
  static constexpr std::string_view numbers[] = {"one",   "two",   "three", "four", "five",   "six",
                                                 "seven", "eight", "nine",  "ten",  "eleven", "twelve"};
  if (word.empty()) return 0;
  if (is_digit(word[0])) {
    if (word.size() > 2 || (word.size() == 2 && !is_digit(word[1]))) return 0;
    return word.size() == 1 ? word[0] - '0' : (word[0] - '0') * 10 + (word[1] - '0');
  }
  if (article_counts && (equals_lower(word, "a") || equals_lower(word, "an"))) return 1;
  for (int i = 0; i < 12; ++i)
    if (equals_lower(word, numbers[i])) return i + 1;
  return 0;
}

enum class Unit { none, day, week, month, year };

// "day"/"days" ... "year"/"years"; `plural` says which form is wanted.
Unit unit_of(std::string_view word, bool plural) noexcept {
  if (plural) {
    if (word.size() < 2 || (word.back() | 0x20) != 's') return Unit::none;
    word.remove_suffix(1);
  }
  if (equals_lower(word, "day")) return Unit::day;
  if (equals_lower(word, "week")) return Unit::week;
  if (equals_lower(word, "month")) return Unit::month;
  if (equals_lower(word, "year")) return Unit::year;
  return Unit::none;
}

// --- the scanner -------------------------------------------------------------------------------------

struct Span {
  std::size_t begin = 0, end = 0;
  bool empty() const noexcept { return begin == end; }
};

struct Number {
  int value = 0;
  std::size_t end = 0;
};

class Scanner {
 public:
  Scanner(std::string_view text, Day reference) : text_(text), reference_(reference) {}

  std::vector<DateMention> run() {
    const std::size_t n = text_.size();
    std::size_t i = 0;
    while (i < n) {
      if (!is_alnum(text_[i])) {
        ++i;
        continue;
      }
      std::size_t e = i + 1;
      while (e < n && is_alnum(text_[e])) ++e;
      i = is_letter(text_[i]) ? on_word(i, e) : on_number(i, e);
    }
    return std::move(found_);
  }

 private:
  std::string_view slice(std::size_t begin, std::size_t end) const noexcept {
    return text_.substr(begin, end - begin);
  }
  std::string_view slice(Span s) const noexcept { return slice(s.begin, s.end); }

  // Past blanks (any run of spaces and tabs, no-break spaces, at most one line break).
  std::size_t skip_blank(std::size_t p) const noexcept {
    int newlines = 0;
    while (p < text_.size()) {
      const char c = text_[p];
      if (c == '\n' && ++newlines > 1) break;
      if (class_of(c) == space)
        ++p;
      else if (c == '\xC2' && p + 1 < text_.size() && text_[p + 1] == '\xA0')
        p += 2;
      else
        break;
    }
    return p;
  }

  std::size_t skip_blank_back(std::size_t p) const noexcept {
    while (p > 0) {
      if (class_of(text_[p - 1]) == space)
        --p;
      else if (p >= 2 && text_[p - 1] == '\xA0' && text_[p - 2] == '\xC2')
        p -= 2;
      else
        break;
    }
    return p;
  }

  // The alphanumeric token that starts at p.
  Span token_at(std::size_t p) const noexcept {
    std::size_t e = p;
    while (e < text_.size() && is_alnum(text_[e])) ++e;
    return {p, e};
  }

  // The token after `p` across blanks (at least one), or an empty span.
  Span token_after(std::size_t p) const noexcept {
    const std::size_t q = skip_blank(p);
    return q > p ? token_at(q) : Span{q, q};
  }

  // The token before `p` across blanks (at least one), or an empty span.
  Span token_before(std::size_t p) const noexcept {
    const std::size_t q = skip_blank_back(p);
    if (q == p || q == 0 || !is_alnum(text_[q - 1])) return {q, q};
    std::size_t b = q;
    while (b > 0 && is_alnum(text_[b - 1])) --b;
    return {b, q};
  }

  // A number starting at b stands alone on its left: not "$2025", "555-2025", "1.2025", "+1 202".
  bool number_left_ok(std::size_t b) const noexcept {
    if (b == 0) return true;
    const char c = text_[b - 1];
    if (is_alnum(c) || c == '$' || c == '#' || c == '+') return false;
    if (b >= 2 && text_[b - 2] == '\xC2' && c == '\xA3') return false;                            // £
    if (b >= 3 && text_[b - 3] == '\xE2' && text_[b - 2] == '\x82' && c == '\xAC') return false;  // €
    const bool joiner = c == ',' || c == '.' || c == ':' || c == '/' || c == '-';
    return !(joiner && b >= 2 && is_digit(text_[b - 2]));
  }

  // A number ending at e stands alone on its right: not "2,025", "18.4", "14:02", "1986/87", "20%".
  bool number_right_ok(std::size_t e) const noexcept {
    if (e == text_.size()) return true;
    const char c = text_[e];
    if (is_alnum(c) || c == '%') return false;
    const bool joiner = c == ',' || c == '.' || c == ':' || c == '/' || c == '-';
    return !(joiner && e + 1 < text_.size() && is_digit(text_[e + 1]));
  }

  // A unit word or another number follows the number that ends at e ("1987 dlrs", "2000 tonnes").
  bool quantity_follows(std::size_t e) const noexcept {
    const Span next = token_after(e);
    if (next.empty()) return false;
    return is_digit(text_[next.begin]) || is_one_of(slice(next), units);
  }

  // "mid-" glued before b ("mid-March", "mid-2022"): its start, else b.
  std::size_t mid_prefix(std::size_t b) const noexcept {
    if (b >= 4 && text_[b - 1] == '-' && equals_lower(slice(b - 4, b - 1), "mid") &&
        (b == 4 || !is_alnum(text_[b - 5])))
      return b - 4;
    return b;
  }

  // The word before b that makes a bare year or month at b a date ("in", "since", ..., the "of" of
  // "end of"), or "".
  std::string_view period_cue_before(std::size_t b) const noexcept {
    const Span previous = token_before(b);
    if (previous.empty()) return {};
    const std::string_view word = slice(previous);
    if (is_one_of(word, period_cues)) return word;
    if (!equals_lower(word, "of")) return {};
    const Span before_of = token_before(previous.begin);
    return !before_of.empty() && is_one_of(slice(before_of), of_cues) ? word : std::string_view{};
  }

  // A day of the month at p: 1-2 digits, an optional ordinal suffix, standing alone.
  std::optional<Number> read_day(std::size_t p) const noexcept {
    std::size_t e = p;
    while (e < text_.size() && is_digit(text_[e]) && e - p < 3) ++e;
    if (e == p || e - p > 2) return std::nullopt;
    const int value = e - p == 1 ? text_[p] - '0' : (text_[p] - '0') * 10 + (text_[p + 1] - '0');
    if (value < 1 || value > 31) return std::nullopt;
    if (e + 2 <= text_.size() && is_one_of(slice(e, e + 2), ordinal_suffixes)) e += 2;
    if (!number_right_ok(e)) return std::nullopt;
    return Number{value, e};
  }

  // A year at p: exactly four digits standing alone, 1800..2200, not a quantity.
  std::optional<Number> read_year(std::size_t p) const noexcept {
    const Span token = token_at(p);
    if (token.end - token.begin != 4) return std::nullopt;
    int value = 0;
    for (std::size_t i = p; i < token.end; ++i) {
      if (!is_digit(text_[i])) return std::nullopt;
      value = value * 10 + (text_[i] - '0');
    }
    if (!is_plausible_year(value) || !number_right_ok(token.end) || quantity_follows(token.end))
      return std::nullopt;
    return Number{value, token.end};
  }

  void add(std::size_t begin, std::size_t end, Granularity granularity, Day first_day, int count = 1) {
    if (begin < last_end_) return;
    found_.push_back({begin, end, granularity, first_day, count, std::string(slice(begin, end))});
    last_end_ = end;
  }

  // The expression at a month name ("March 3, 2025", "March 3", "March 2014", "in March"); returns
  // where scanning continues.
  std::size_t on_month(std::size_t b, std::size_t e, int month, bool full_name) {
    std::size_t p = e;
    if (!full_name && p < text_.size() && text_[p] == '.') ++p;  // "Feb."
    const std::size_t q = skip_blank(p);
    if (q > p && q < text_.size() && is_digit(text_[q])) {
      if (const auto day = read_day(q)) {
        std::size_t after = day->end < text_.size() && text_[day->end] == ',' ? day->end + 1 : day->end;
        if (const std::size_t y = skip_blank(after); y > after) {
          if (const auto year = read_year(y)) {
            if (const auto date = make_day(year->value, month, day->value))
              add(b, year->end, Granularity::day, *date);
            return year->end;
          }
        }
        if (quantity_follows(day->end)) return e;
        if (const auto date = nearest_occurrence(month, day->value, reference_))
          add(b, day->end, Granularity::day, *date);
        return day->end;
      }
      if (const auto year = read_year(q)) {
        add(b, year->end, Granularity::month,
            Day{std::chrono::year{year->value} / std::chrono::month(month) / 1});
        return year->end;
      }
      return e;
    }
    if (!full_name) return e;
    // "September of 1985".
    if (const Span of = token_after(e); !of.empty() && equals_lower(slice(of), "of")) {
      if (const Span y = token_after(of.end); !y.empty() && is_digit(text_[y.begin])) {
        if (const auto year = read_year(y.begin)) {
          add(b, year->end, Granularity::month,
              Day{std::chrono::year{year->value} / std::chrono::month(month) / 1});
          return year->end;
        }
      }
    }
    // A month name alone is a date only after a cue, and not as part of a name ("in May Day").
    const std::size_t begin = mid_prefix(b);
    if (begin == b && period_cue_before(b).empty()) return e;
    if (case_of(slice(b, e)) == Case::capitalised && q > p && q < text_.size() && is_upper(text_[q]))
      return e;
    const Span next = token_after(e);
    if (!next.empty() && count_of(slice(next), false) > 0) return e;  // "from March one, 1988"
    // "in May last year": the month of that year.
    if (const Trigger* modifier = next.empty() ? nullptr : find_trigger(slice(next));
        modifier &&
        (modifier->kind == Kind::last || modifier->kind == Kind::this_ || modifier->kind == Kind::next)) {
      const Span unit = token_after(next.end);
      if (!unit.empty() && unit_of(slice(unit), false) == Unit::year) {
        const int step = modifier->kind == Kind::last ? -1 : modifier->kind == Kind::next ? 1 : 0;
        add(begin, unit.end, Granularity::month,
            Day{(year_month_day{year_start(reference_, step)}.year()) / std::chrono::month(month) / 1});
        return unit.end;
      }
    }
    add(begin, e, Granularity::month, nearest_month(month, reference_));
    return e;
  }

  // "on Friday", "said Monday": the latest such weekday on or before the reference. A weekday that opens
  // a full date ("Monday, March 3") leaves the date to the month name.
  std::size_t on_weekday(std::size_t b, std::size_t e, int weekday) {
    const Span previous = token_before(b);
    if (previous.empty() || !is_one_of(slice(previous), weekday_cues)) return e;
    const Span next = token_after(e < text_.size() && text_[e] == ',' ? e + 1 : e);
    if (const Trigger* trigger = next.empty() ? nullptr : find_trigger(slice(next));
        trigger && (trigger->kind == Kind::month || trigger->kind == Kind::month_abbreviation))
      return e;
    const int back = (int(std::chrono::weekday{reference_}.iso_encoding()) - weekday + 7) % 7;
    add(b, e, Granularity::day, reference_ - days{back});
    return e;
  }

  // "last week", "next month", "this year", "last Friday", "next Tuesday", "the past two years".
  std::size_t on_modifier(std::size_t b, std::size_t e, Kind kind) {
    const Span next = token_after(e);
    if (next.empty()) return e;
    const std::string_view word = slice(next);
    const int step = kind == Kind::last ? -1 : kind == Kind::next ? 1 : 0;

    if (const Unit unit = unit_of(word, false); unit != Unit::none) {
      // "the last year" and "the next month" are spans of time, not calendar periods.
      const Span previous = token_before(b);
      if (kind == Kind::past || unit == Unit::day ||
          (!previous.empty() && equals_lower(slice(previous), "the")))
        return e;
      if (unit == Unit::week)
        add(b, next.end, Granularity::day, monday_of_week(reference_) + days{7 * step}, 7);
      if (unit == Unit::month) add(b, next.end, Granularity::month, month_start(reference_, step));
      if (unit == Unit::year) add(b, next.end, Granularity::year, year_start(reference_, step));
      return next.end;
    }

    if (const Trigger* trigger = find_trigger(word);
        trigger && trigger->kind == Kind::weekday && step != 0 && is_name_case(word)) {
      const int today = int(std::chrono::weekday{reference_}.iso_encoding());
      const int distance =
          step < 0 ? (today - trigger->value + 6) % 7 + 1 : (trigger->value - today + 6) % 7 + 1;
      add(b, next.end, Granularity::day, reference_ + days{step * distance});
      return next.end;
    }

    if (kind != Kind::last && kind != Kind::past) return e;
    const int count = count_of(word, false);
    if (count < 2 || (is_digit(word[0]) && !number_right_ok(next.end))) return e;
    const Span unit_word = token_after(next.end);
    const Unit unit = unit_word.empty() ? Unit::none : unit_of(slice(unit_word), true);
    switch (unit) {
      case Unit::none:
        return e;
      case Unit::day:
        add(b, unit_word.end, Granularity::day, reference_ - days{count}, count);
        break;
      case Unit::week:
        add(b, unit_word.end, Granularity::day, monday_of_week(reference_) - days{7 * count}, 7 * count);
        break;
      case Unit::month:
        add(b, unit_word.end, Granularity::month, month_start(reference_, -count), count);
        break;
      case Unit::year:
        add(b, unit_word.end, Granularity::year, year_start(reference_, -count), count);
        break;
    }
    return unit_word.end;
  }

  // "three days ago", "a year ago", "2 weeks ago", found from their last word.
  void on_ago(std::size_t b) {
    const Span unit_word = token_before(b);
    if (unit_word.empty()) return;
    const Span count_word = token_before(unit_word.begin);
    if (count_word.empty()) return;
    const int count = count_of(slice(count_word), true);
    if (count < 1 || (is_digit(text_[count_word.begin]) && !number_left_ok(count_word.begin))) return;
    const Unit unit = unit_of(slice(unit_word), count > 1);
    const std::size_t end = b + 3;
    switch (unit) {
      case Unit::none:
        return;
      case Unit::day:
        add(count_word.begin, end, Granularity::day, reference_ - days{count});
        break;
      case Unit::week:
        add(count_word.begin, end, Granularity::day, monday_of_week(reference_ - days{7 * count}), 7);
        break;
      case Unit::month:
        add(count_word.begin, end, Granularity::month, month_start(reference_, -count));
        break;
      case Unit::year:
        add(count_word.begin, end, Granularity::year, year_start(reference_, -count));
        break;
    }
  }

  std::size_t on_word(std::size_t b, std::size_t e) {
    const std::string_view word = slice(b, e);
    const Trigger* trigger = find_trigger(word);
    if (!trigger) return e;
    const Case word_case = case_of(word);
    switch (trigger->kind) {
      case Kind::month:
      case Kind::month_abbreviation:
        return is_name_case(word) ? on_month(b, e, trigger->value, trigger->kind == Kind::month) : e;
      case Kind::weekday:
        return is_name_case(word) ? on_weekday(b, e, trigger->value) : e;
      case Kind::relative_day:
        if (word_case != Case::mixed) add(b, e, Granularity::day, reference_ + days{trigger->value});
        return e;
      case Kind::ago:
        if (word_case == Case::lower) on_ago(b);
        return e;
      default:
        return word_case == Case::mixed ? e : on_modifier(b, e, trigger->kind);
    }
  }

  // ISO "2025-03-03" / "2025/03/03" at a 4-digit token; its end, or 0 when it is not one.
  std::size_t on_iso_date(std::size_t b, std::size_t e) {
    const std::size_t n = text_.size();
    if (e + 6 > n || (text_[e] != '-' && text_[e] != '/') || text_[e + 3] != text_[e]) return 0;
    for (const std::size_t i : {e + 1, e + 2, e + 4, e + 5})
      if (!is_digit(text_[i])) return 0;
    const std::size_t end = e + 6;
    const bool time_follows = end + 1 < n && text_[end] == 'T' && is_digit(text_[end + 1]);
    if (!number_left_ok(b) || (!time_follows && !number_right_ok(end))) return 0;
    const int y = (text_[b] - '0') * 1000 + (text_[b + 1] - '0') * 100 + (text_[b + 2] - '0') * 10 +
                  (text_[b + 3] - '0');
    const auto date = make_day(y, (text_[e + 1] - '0') * 10 + (text_[e + 2] - '0'),
                               (text_[e + 4] - '0') * 10 + (text_[e + 5] - '0'));
    if (date && is_plausible_year(y)) add(b, end, Granularity::day, *date);
    return end;
  }

  // "12 February 2024", "12 February", "12th of February".
  std::size_t on_day_first(std::size_t b, std::size_t e) {
    if (!number_left_ok(b)) return e;
    const auto day = read_day(b);
    if (!day || day->end != e) return e;
    Span next = token_after(e);
    const bool ordinal = is_letter(text_[e - 1]);
    if (ordinal && !next.empty() && equals_lower(slice(next), "of"))
      next = token_after(next.end);  // "12th of"
    if (next.empty()) return e;
    const std::string_view word = slice(next);
    const Trigger* trigger = find_trigger(word);
    if (!trigger || (trigger->kind != Kind::month && trigger->kind != Kind::month_abbreviation) ||
        !is_name_case(word))
      return e;
    std::size_t month_end = next.end;
    if (trigger->kind == Kind::month_abbreviation && month_end < text_.size() && text_[month_end] == '.')
      ++month_end;
    if (const std::size_t y = skip_blank(month_end); y > month_end) {
      if (const auto year = read_year(y)) {
        if (const auto date = make_day(year->value, trigger->value, day->value))
          add(b, year->end, Granularity::day, *date);
        return year->end;
      }
    }
    if (const auto date = nearest_occurrence(trigger->value, day->value, reference_))
      add(b, next.end, Granularity::day, *date);
    return next.end;
  }

  std::size_t on_number(std::size_t b, std::size_t e) {
    const std::size_t digits_end = [&] {
      std::size_t d = b;
      while (d < e && is_digit(text_[d])) ++d;
      return d;
    }();
    if (digits_end - b <= 2) return on_day_first(b, e);
    if (digits_end != e || e - b != 4) return e;
    if (const std::size_t iso_end = on_iso_date(b, e)) return iso_end;
    // A bare year needs a cue: "in 2022", "mid-2022", "the end of 1986".
    const std::size_t begin = mid_prefix(b);
    const std::string_view cue = begin == b ? period_cue_before(b) : std::string_view("mid");
    if (cue.empty() || !number_left_ok(b)) return e;
    const auto year = read_year(b);
    if (!year) return e;
    // "from 1800 to 2100 local time": after "from", the end of the range must be a year too.
    if (equals_lower(cue, "from")) {
      const Span to = token_after(e);
      const Span other = to.empty() || !equals_lower(slice(to), "to") ? Span{} : token_after(to.end);
      if (!other.empty() && is_digit(text_[other.begin]) && !read_year(other.begin)) return e;
    }
    add(begin, e, Granularity::year, Day{std::chrono::year{year->value} / January / 1});
    return e;
  }

  std::string_view text_;
  Day reference_;
  std::vector<DateMention> found_;
  std::size_t last_end_ = 0;
};

}  // namespace

const char* granularity_name(Granularity granularity) noexcept {
  switch (granularity) {
    case Granularity::day:
      return "day";
    case Granularity::month:
      return "month";
    case Granularity::year:
      return "year";
  }
  return "day";
}

std::vector<DateMention> find_date_mentions(std::string_view text, Day reference) {
  return Scanner(text, reference).run();
}

}  // namespace gazette::dates
