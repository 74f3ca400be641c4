/// @file
/// @brief Text forms of instants and days; a strict ISO 8601 / RFC 3339 parser.
#include "gazette/core/time.hpp"

#include <charconv>
#include <cstdio>

namespace gazette {

namespace {
using namespace std::chrono;

struct Parts {
  int year, month, day, hour, minute, second;
};

Parts split(Instant t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  return {int(ymd.year()),          int(unsigned(ymd.month())), int(unsigned(ymd.day())),
          int(hms.hours().count()), int(hms.minutes().count()), int(hms.seconds().count())};
}

// Reads exactly `width` digits at text[pos]; -1 when they are not all digits.
int digits(std::string_view text, size_t pos, size_t width) {
  if (pos + width > text.size()) return -1;
  int value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}
}  // namespace

std::string format_iso8601(Instant t) {
  const Parts p = split(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year, p.month, p.day, p.hour, p.minute,
                p.second);
  return buf;
}

std::string format_iso_day(Day d) {
  return format_iso8601(Instant{d}).substr(0, 10);
}

std::string format_compact(Instant t) {
  const Parts p = split(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02d", p.year, p.month, p.day, p.hour, p.minute,
                p.second);
  return buf;
}

std::string format_compact_day(Day d) {
  return format_compact(Instant{d}).substr(0, 8);
}

std::optional<Day> parse_compact_day(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 8) return std::nullopt;
  std::from_chars(text.data(), text.data() + 4, y);
  std::from_chars(text.data() + 4, text.data() + 6, m);
  std::from_chars(text.data() + 6, text.data() + 8, d);
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

bool is_plausible_year(int year) noexcept {
  return year >= 1800 && year <= 2200;
}

std::optional<Instant> parse_iso8601(std::string_view text) {
  const int y = digits(text, 0, 4), mo = digits(text, 5, 2), d = digits(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const year_month_day ymd{year{y}, month{unsigned(mo)}, day{unsigned(d)}};
  if (!ymd.ok() || !is_plausible_year(y)) return std::nullopt;
  Instant result{sys_days{ymd}};
  if (text.size() == 10) return result;

  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return std::nullopt;
  const int h = digits(text, 11, 2), mi = digits(text, 14, 2);
  if (h < 0 || mi < 0 || text[13] != ':' || h > 23 || mi > 59) return std::nullopt;
  size_t pos = 16;
  int s = 0;
  if (pos < text.size() && text[pos] == ':') {
    s = digits(text, pos + 1, 2);
    if (s < 0 || s > 60) return std::nullopt;
    pos += 3;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
      ++pos;
      const size_t start = pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
      if (pos == start) return std::nullopt;
    }
  }
  result += hours{h} + minutes{mi} + seconds{s};
  if (pos == text.size()) return result;
  if (text[pos] == 'Z' || text[pos] == 'z')
    return pos + 1 == text.size() ? std::optional{result} : std::nullopt;
  if (text[pos] != '+' && text[pos] != '-') return std::nullopt;
  const int oh = digits(text, pos + 1, 2);
  size_t after = pos + 3;
  int om = 0;
  if (after < text.size() && text[after] == ':') ++after;
  if (after < text.size()) {
    om = digits(text, after, 2);
    after += 2;
  }
  if (oh < 0 || om < 0 || oh > 14 || om > 59 || after != text.size()) return std::nullopt;
  const auto offset = hours{oh} + minutes{om};
  return text[pos] == '+' ? result - offset : result + offset;
}

}  // namespace gazette
