/// @file
/// @brief ISO 8601 parsing and the text forms of instants.
#include <doctest/doctest.h>

#include "gazette/core/time.hpp"

using namespace gazette;
using namespace std::chrono;

TEST_CASE("parse_iso8601 accepts dates and RFC 3339 times, in UTC") {
  struct Case {
    const char* text;
    const char* expected;  // format_iso8601 of the result, or nullptr
  };
  const Case cases[] = {
      {"2025-03-03", "2025-03-03T00:00:00Z"},
      {"2025-03-03T14:02:00Z", "2025-03-03T14:02:00Z"},
      {"2025-03-03T14:02Z", "2025-03-03T14:02:00Z"},
      {"2025-03-03 14:02:05", "2025-03-03T14:02:05Z"},
      {"2025-03-03T14:02:00.123+01:00", "2025-03-03T13:02:00Z"},
      {"2025-03-03T23:30:00-05:00", "2025-03-04T04:30:00Z"},
      {"2025-03-03T14:02:00+0530", "2025-03-03T08:32:00Z"},
      {"2024-02-29", "2024-02-29T00:00:00Z"},
      {"2025-02-30", nullptr},
      {"2025-13-01", nullptr},
      {"0000-01-01", nullptr},
      {"2025-3-3", nullptr},
      {"2025-03-03T25:00Z", nullptr},
      {"2025-03-03Tjunk", nullptr},
      {"2025-03-03Z junk", nullptr},
      {"", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const auto parsed = parse_iso8601(c.text);
    if (c.expected) {
      REQUIRE(parsed.has_value());
      CHECK(format_iso8601(*parsed) == c.expected);
    } else {
      CHECK_FALSE(parsed.has_value());
    }
  }
}

TEST_CASE("compact forms sort like the instants they encode") {
  const Instant t = sys_days{1987y / February / 26} + 15h + 1min + 1s;
  CHECK(format_compact(t) == "19870226150101");
  CHECK(format_compact_day(floor<days>(t)) == "19870226");
  CHECK(format_iso_day(floor<days>(t)) == "1987-02-26");
}
