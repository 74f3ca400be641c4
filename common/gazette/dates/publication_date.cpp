/// @file
/// @brief Publication date detection: date-field formats, URL paths and datelines, each validated.
#include "gazette/dates/publication_date.hpp"

#include <re2/re2.h>

#include <initializer_list>

#include "gazette/dates/calendar.hpp"

namespace gazette::dates {

namespace {
using namespace std::chrono;

// --- reading a date field ----------------------------------------------------------------------------

// The parts of a date as written, before any validation.
struct Fields {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  int offset_minutes = 0;  // local time minus UTC
  bool ambiguous = false;  // day and month could be swapped
};

// Why a candidate was rejected.
enum class Verdict { ok, impossible, implausible, ambiguous, unrecognised, future };

// A left-to-right reader over a short text. Hand-written because the formats are few and fixed, and a
// failed shape must be told apart from a well-shaped but impossible date.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool at_end() const noexcept { return pos_ == text_.size(); }
  std::size_t pos() const noexcept { return pos_; }
  void reset(std::size_t pos) noexcept { pos_ = pos; }

  bool eat(char c) noexcept {
    if (at_end() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }

  // Consumes spaces and tabs; true when there was at least one.
  bool skip_spaces() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
    return pos_ > start;
  }

  // A run of min..max digits not followed by another digit; consumes nothing otherwise.
  std::optional<int> number(std::size_t min, std::size_t max) noexcept {
    std::size_t end = pos_;
    int value = 0;
    while (end < text_.size() && text_[end] >= '0' && text_[end] <= '9') {
      if (end - pos_ == max) return std::nullopt;
      value = value * 10 + (text_[end] - '0');
      ++end;
    }
    if (end - pos_ < min) return std::nullopt;
    pos_ = end;
    return value;
  }

  // A run of ASCII letters (possibly empty).
  std::string_view word() noexcept {
    const std::size_t start = pos_;
    while (!at_end() && ((text_[pos_] | 0x20) >= 'a' && (text_[pos_] | 0x20) <= 'z')) ++pos_;
    return text_.substr(start, pos_ - start);
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::string_view trim(std::string_view text) noexcept {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

// A time-zone designator: Z, UT, UTC, GMT, North American abbreviations, +hhmm, +hh:mm or +hh, then an
// optional RFC 2822 comment "(UTC)".
bool parse_zone(Cursor& c, Fields& f) {
  int sign = 0;
  if (c.eat('+'))
    sign = 1;
  else if (c.eat('-'))
    sign = -1;
  if (sign != 0) {
    int hours_part = 0, minutes_part = 0;
    if (const auto hhmm = c.number(4, 4)) {
      hours_part = *hhmm / 100, minutes_part = *hhmm % 100;
    } else {
      const auto hh = c.number(2, 2);
      if (!hh) return false;
      hours_part = *hh;
      if (c.eat(':')) {
        const auto mm = c.number(2, 2);
        if (!mm) return false;
        minutes_part = *mm;
      }
    }
    if (hours_part > 14 || minutes_part > 59) return false;
    f.offset_minutes = sign * (hours_part * 60 + minutes_part);
  } else {
    static constexpr struct {
      std::string_view name;
      int offset_hours;
    } zones[] = {{"z", 0},    {"ut", 0},   {"utc", 0},  {"gmt", 0},  {"est", -5}, {"edt", -4},
                 {"cst", -6}, {"cdt", -5}, {"mst", -7}, {"mdt", -6}, {"pst", -8}, {"pdt", -7}};
    const std::string_view name = c.word();
    bool known = false;
    for (const auto& zone : zones)
      if (equals_lower(name, zone.name)) f.offset_minutes = zone.offset_hours * 60, known = true;
    if (!known) return false;
  }
  c.skip_spaces();
  if (c.eat('(')) {
    c.word();
    if (!c.eat(')')) return false;
  }
  return true;
}

// An optional "[,] hh:mm[:ss[.fff]] [am|pm] [zone]" after a date; false when anything else follows.
bool parse_time_tail(Cursor& c, Fields& f) {
  c.skip_spaces();
  if (c.eat(',')) c.skip_spaces();
  if (c.at_end()) return true;
  const auto h = c.number(1, 2);
  if (!h || !c.eat(':')) return false;
  const auto m = c.number(2, 2);
  if (!m) return false;
  f.hour = *h;
  f.minute = *m;
  if (c.eat(':')) {
    const auto s = c.number(2, 2);
    if (!s) return false;
    f.second = *s;
    if ((c.eat('.') || c.eat(',')) && !c.number(1, 9)) return false;
  }
  c.skip_spaces();
  const std::size_t before_word = c.pos();
  const std::string_view meridiem = c.word();
  if (equals_lower(meridiem, "am") || equals_lower(meridiem, "pm")) {
    if (f.hour < 1 || f.hour > 12)
      f.hour = 99;  // "13:00 pm": impossible
    else
      f.hour = f.hour % 12 + (equals_lower(meridiem, "pm") ? 12 : 0);
    c.skip_spaces();
  } else {
    c.reset(before_word);
  }
  if (c.at_end()) return true;
  if (!parse_zone(c, f)) return false;
  c.skip_spaces();
  return c.at_end();
}

// An optional leading weekday: "Mon, " or "Monday ". False when a word other than a weekday is there.
bool skip_weekday(Cursor& c) {
  const std::size_t start = c.pos();
  const std::string_view name = c.word();
  if (name.empty()) return true;
  if (weekday_from_name(name) == 0) {
    c.reset(start);
    return month_from_name(name) != 0;  // a month name starts the date itself
  }
  c.eat(',');
  c.skip_spaces();
  return true;
}

void skip_ordinal(Cursor& c) {
  const std::size_t start = c.pos();
  const std::string_view suffix = c.word();
  if (!(equals_lower(suffix, "st") || equals_lower(suffix, "nd") || equals_lower(suffix, "rd") ||
        equals_lower(suffix, "th")))
    c.reset(start);
}

// "2025/03/03" with an optional time.
std::optional<Fields> parse_slashed_ymd(std::string_view text) {
  Cursor c(text);
  Fields f;
  const auto y = c.number(4, 4);
  if (!y || !c.eat('/')) return std::nullopt;
  const auto m = c.number(1, 2);
  if (!m || !c.eat('/')) return std::nullopt;
  const auto d = c.number(1, 2);
  if (!d) return std::nullopt;
  f.year = *y, f.month = *m, f.day = *d;
  if (!parse_time_tail(c, f)) return std::nullopt;
  return f;
}

// "[Mon, ]3 Mar 2025[ 14:02:00 +0000]" (RFC 2822), "3 March 2025", Reuters "26-FEB-1987 15:01:01.79".
std::optional<Fields> parse_day_month_year(std::string_view text) {
  Cursor c(text);
  Fields f;
  if (!skip_weekday(c)) return std::nullopt;
  const auto d = c.number(1, 2);
  if (!d) return std::nullopt;
  skip_ordinal(c);
  if (!c.eat('-') && !c.skip_spaces()) return std::nullopt;
  f.month = month_from_name(c.word());
  if (f.month == 0) return std::nullopt;
  c.eat('.');
  if (!c.eat('-') && !c.skip_spaces()) return std::nullopt;
  const auto y = c.number(4, 4);
  if (!y) return std::nullopt;
  f.year = *y, f.day = *d;
  if (!parse_time_tail(c, f)) return std::nullopt;
  return f;
}

// "[Monday, ]March 3, 2025[ 14:02]", "Mar. 3 2025".
std::optional<Fields> parse_month_day_year(std::string_view text) {
  Cursor c(text);
  Fields f;
  if (!skip_weekday(c)) return std::nullopt;
  f.month = month_from_name(c.word());
  if (f.month == 0) return std::nullopt;
  c.eat('.');
  c.skip_spaces();
  const auto d = c.number(1, 2);
  if (!d) return std::nullopt;
  skip_ordinal(c);
  c.eat(',');
  if (!c.skip_spaces()) return std::nullopt;
  const auto y = c.number(4, 4);
  if (!y) return std::nullopt;
  f.year = *y, f.day = *d;
  if (!parse_time_tail(c, f)) return std::nullopt;
  return f;
}

// "13/03/2025" or "03/13/2025": the order is whichever makes sense; when both do and differ
// ("03/04/2025") the date is ambiguous and refused rather than guessed.
std::optional<Fields> parse_numeric_dmy(std::string_view text) {
  Cursor c(text);
  Fields f;
  const auto a = c.number(1, 2);
  if (!a) return std::nullopt;
  const char separator = c.eat('/') ? '/' : (c.eat('-') ? '-' : '\0');
  if (separator == '\0') return std::nullopt;
  const auto b = c.number(1, 2);
  if (!b || !c.eat(separator)) return std::nullopt;
  const auto y = c.number(4, 4);
  if (!y) return std::nullopt;
  f.year = *y;
  if (*a > 12 && *b <= 12)
    f.day = *a, f.month = *b;
  else if (*b > 12 && *a <= 12)
    f.month = *a, f.day = *b;
  else
    f.month = *a, f.day = *b, f.ambiguous = *a != *b && *a <= 12;
  if (!parse_time_tail(c, f)) return std::nullopt;
  return f;
}

Verdict check(const Fields& f) {
  if (!make_day(f.year, f.month, f.day) || f.hour > 23 || f.minute > 59 || f.second > 60)
    return Verdict::impossible;
  if (!is_plausible_year(f.year)) return Verdict::implausible;
  if (f.ambiguous) return Verdict::ambiguous;
  return Verdict::ok;
}

Instant to_instant(const Fields& f) {
  return Instant{*make_day(f.year, f.month, f.day)} + hours{f.hour} + minutes{f.minute - f.offset_minutes} +
         seconds{f.second};
}

struct Parsed {
  Verdict verdict = Verdict::unrecognised;
  Instant value{};
};

// "YYYY-MM-DD..." goes to gazette::parse_iso8601; its date part alone tells an impossible date from a garbled
// time.
std::optional<Parsed> parse_iso_field(std::string_view text) {
  Cursor c(text);
  Fields f;
  const auto y = c.number(4, 4);
  if (!y || !c.eat('-')) return std::nullopt;
  const auto m = c.number(2, 2);
  if (!m || !c.eat('-')) return Parsed{};
  const auto d = c.number(2, 2);
  if (!d) return Parsed{};
  f.year = *y, f.month = *m, f.day = *d;
  if (const Verdict verdict = check(f); verdict != Verdict::ok) return Parsed{verdict};
  if (const auto t = parse_iso8601(text)) return Parsed{Verdict::ok, *t};
  return Parsed{};
}

Parsed parse_date_field(std::string_view text) {
  if (const auto iso = parse_iso_field(text)) return *iso;
  for (const auto parser :
       {parse_slashed_ymd, parse_day_month_year, parse_month_day_year, parse_numeric_dmy}) {
    if (const auto f = parser(text)) {
      const Verdict verdict = check(*f);
      return verdict == Verdict::ok ? Parsed{verdict, to_instant(*f)} : Parsed{verdict};
    }
  }
  return Parsed{};
}

// --- URL paths ---------------------------------------------------------------------------------------

struct Found {
  Verdict verdict = Verdict::unrecognised;
  Instant value{};
  std::string_view text;
};

bool is_digit(char c) noexcept {
  return c >= '0' && c <= '9';
}

// Digits text[pos, pos+width) as a number, or -1.
int digits_at(std::string_view text, std::size_t pos, std::size_t width) noexcept {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!is_digit(text[i])) return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

// What may follow a date in a path: the end, a slash, or a slug separator.
bool ends_path_date(std::string_view path, std::size_t pos) noexcept {
  return pos == path.size() || path[pos] == '/' || path[pos] == '-' || path[pos] == '_' || path[pos] == '.';
}

// The first /YYYY/MM/DD/, /YYYY-MM-DD/ or /YYYYMMDD/ in a URL's path with a plausible year.
std::optional<Found> find_url_date(std::string_view url) {
  std::string_view path = url;
  if (const auto scheme = path.find("://"); scheme != std::string_view::npos) {
    const auto slash = path.find('/', scheme + 3);
    path = slash == std::string_view::npos ? std::string_view{} : path.substr(slash);
  }
  path = path.substr(0, path.find_first_of("?#"));
  for (std::size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', slash + 1)) {
    const std::size_t p = slash + 1;
    const int y = digits_at(path, p, 4);
    if (y < 0 || !is_plausible_year(y)) continue;
    Fields f{.year = y};
    std::size_t end = 0;
    if (path.size() > p + 4 && path[p + 4] == '/') {  // /YYYY/M[M]/D[D]
      std::size_t q = p + 5;
      const auto read = [&](int& out) {
        const std::size_t width = q + 1 < path.size() && is_digit(path[q + 1]) ? 2 : 1;
        out = digits_at(path, q, width);
        q += width;
        return out >= 0;
      };
      if (!read(f.month) || q >= path.size() || path[q] != '/') continue;
      ++q;
      if (!read(f.day) || !ends_path_date(path, q)) continue;
      end = q;
    } else if (path.size() > p + 4 && path[p + 4] == '-') {  // /YYYY-MM-DD
      f.month = digits_at(path, p + 5, 2);
      f.day = digits_at(path, p + 8, 2);
      if (f.month < 0 || f.day < 0 || path[p + 7] != '-' || !ends_path_date(path, p + 10)) continue;
      end = p + 10;
    } else {  // /YYYYMMDD
      f.month = digits_at(path, p + 4, 2);
      f.day = digits_at(path, p + 6, 2);
      if (f.month < 0 || f.day < 0 || !ends_path_date(path, p + 8)) continue;
      end = p + 8;
    }
    const Verdict verdict = check(f);
    return Found{verdict, verdict == Verdict::ok ? to_instant(f) : Instant{}, path.substr(p, end - p)};
  }
  return std::nullopt;
}

// --- datelines ---------------------------------------------------------------------------------------

struct MonthDay {
  int month = 0, day = 0;
  std::string_view text;
};

bool is_letter(char c) noexcept {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// The first "Month D" or "D Month" in a dateline field, case-insensitive, tolerating truncated month
// names ("Marc 2", "Apri 7") as the wire does.
std::optional<MonthDay> find_month_day(std::string_view text) {
  const auto skip_blank = [&](std::size_t p) {
    while (p < text.size() && (text[p] == ' ' || text[p] == '\t')) ++p;
    return p;
  };
  const auto day_at = [&](std::size_t p, std::size_t& end) {
    end = p;
    while (end < text.size() && is_digit(text[end])) ++end;
    return end - p >= 1 && end - p <= 2 &&
                   (end == text.size() || !is_letter(text[end]) || text.substr(end, 2) == "st" ||
                    text.substr(end, 2) == "nd" || text.substr(end, 2) == "rd" || text.substr(end, 2) == "th")
               ? digits_at(text, p, end - p)
               : -1;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (is_letter(text[i])) {
      std::size_t end = i;
      while (end < text.size() && is_letter(text[end])) ++end;
      const int month = month_from_name(text.substr(i, end - i), MonthSpelling::prefix);
      if (month != 0 && (end == text.size() || !is_digit(text[end]))) {
        std::size_t p = end < text.size() && text[end] == '.' ? end + 1 : end;
        p = skip_blank(p);
        std::size_t day_end = 0;
        if (const int day = day_at(p, day_end); day >= 0)
          return MonthDay{month, day, text.substr(i, day_end - i)};
      }
      i = end;
    } else if (is_digit(text[i])) {
      std::size_t end = 0;
      const int day = day_at(i, end);
      if (day >= 0 && (i == 0 || !is_digit(text[i - 1]))) {
        std::size_t p = skip_blank(end);
        std::size_t word_end = p;
        while (word_end < text.size() && is_letter(text[word_end])) ++word_end;
        if (p > end && (word_end == text.size() || !is_digit(text[word_end])))
          if (const int month = month_from_name(text.substr(p, word_end - p), MonthSpelling::prefix);
              month != 0)
            return MonthDay{month, day, text.substr(i, word_end - i)};
      }
      i = end > i ? end : i + 1;
    } else {
      ++i;
    }
  }
  return std::nullopt;
}

// A dateline opening the body: "WASHINGTON, March 3 (Reuters) - ", "LONDON, 3 March (AP) -".
std::optional<MonthDay> find_body_dateline(std::string_view body) {
  static const RE2 pattern(
      R"(^\s*[A-Z][^,\n]{1,60}(?:,[^,\n]{1,40}){0,2},[ \t]*)"
      R"(([A-Za-z]{3,9}\.?[ \t]+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}[ \t]+[A-Za-z]{3,9}),?[ \t]*)"
      R"((?:\([^()\n]{1,30}\)[ \t]*)?(?:-|\x{2013}|\x{2014}))");
  re2::StringPiece month_day;
  const std::string_view head = body.substr(0, 300);
  if (!RE2::PartialMatch(re2::StringPiece(head.data(), head.size()), pattern, &month_day))
    return std::nullopt;
  return find_month_day(std::string_view(month_day.data(), month_day.size()));
}

// --- putting it together -----------------------------------------------------------------------------

const char* place_of(DateSource source) noexcept {
  switch (source) {
    case DateSource::header:
      return "date header";
    case DateSource::url:
      return "URL";
    case DateSource::dateline:
      return "dateline";
    default:
      return "date field";
  }
}

// The quoted text of a problem: printable, at most 60 bytes, cut on a UTF-8 boundary.
std::string quote(std::string_view text) {
  constexpr std::size_t max_bytes = 60;
  std::string out = "'";
  std::size_t n = text.size();
  if (n > max_bytes) {
    n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  }
  for (std::size_t i = 0; i < n; ++i) out += static_cast<unsigned char>(text[i]) < 0x20 ? '?' : text[i];
  if (n < text.size()) out += "...";
  return out + "'";
}

std::string describe(Verdict verdict, std::string_view text, DateSource source, Day reference) {
  const std::string where = std::string(" in ") + place_of(source);
  switch (verdict) {
    case Verdict::impossible:
      return "impossible date " + quote(text) + where;
    case Verdict::implausible:
      return "implausible year in date " + quote(text) + where;
    case Verdict::ambiguous:
      return "ambiguous date " + quote(text) + where + " (day and month could be swapped)";
    case Verdict::future:
      return "future date " + quote(text) + where + " (more than 2 days after " + format_iso_day(reference) +
             ")";
    default:
      return "unrecognised date " + quote(text) + where;
  }
}

// Collects the outcome: the first accepted date wins, the first rejection is kept as the problem.
class Outcome {
 public:
  explicit Outcome(const DateContext& context)
      : reference_(reference_day(context)),
        limit_(context.reference ? Instant{*context.reference + days{3}}
                                 : context.now + hours{48} + seconds{1}) {}

  Day reference() const noexcept { return reference_; }
  bool done() const noexcept { return result_.published.has_value(); }

  void offer(Verdict verdict, Instant value, std::string_view text, DateSource source) {
    if (verdict == Verdict::ok && value >= limit_) verdict = Verdict::future;
    if (verdict == Verdict::ok) {
      result_.published = value;
      result_.source = source;
    } else if (!result_.problem) {
      result_.problem = describe(verdict, text, source, reference_);
    }
  }

  void offer_dateline(const MonthDay& found) {
    if (const auto day = latest_on_or_before(found.month, found.day, reference_ + days{2}))
      offer(Verdict::ok, Instant{*day}, found.text, DateSource::dateline);
    else
      offer(Verdict::impossible, {}, found.text, DateSource::dateline);
  }

  PublicationDate take() { return std::move(result_); }

 private:
  Day reference_;
  Instant limit_;  // the first instant too far in the future
  PublicationDate result_;
};

}  // namespace

Day reference_day(const DateContext& context) noexcept {
  return context.reference ? *context.reference : floor<days>(context.now);
}

PublicationDate detect_publication_date(const PublicationInputs& inputs, const DateContext& context) {
  Outcome outcome(context);
  if (const std::string_view raw = trim(inputs.raw_date); !raw.empty()) {
    const Parsed parsed = parse_date_field(raw);
    outcome.offer(parsed.verdict, parsed.value, raw, inputs.raw_date_source);
  }
  if (!outcome.done() && !inputs.url.empty())
    if (const auto found = find_url_date(inputs.url))
      outcome.offer(found->verdict, found->value, found->text, DateSource::url);
  if (!outcome.done())
    if (const auto found = find_month_day(inputs.dateline)) outcome.offer_dateline(*found);
  if (!outcome.done())
    if (const auto found = find_body_dateline(inputs.body)) outcome.offer_dateline(*found);
  return outcome.take();
}

PublicationDate detect_publication_date(const Article& article, DateSource raw_date_source,
                                        const DateContext& context) {
  return detect_publication_date(PublicationInputs{.raw_date = article.raw_date,
                                                   .raw_date_source = raw_date_source,
                                                   .url = article.url,
                                                   .dateline = article.dateline,
                                                   .body = article.body},
                                 context);
}

}  // namespace gazette::dates
