/// @file
/// @brief Table tests of detect_publication_date: formats, order of sources, dateline years and problems.
#include <doctest/doctest.h>

#include "gazette/dates/publication_date.hpp"

namespace {

using gazette::DateSource;
using gazette::dates::DateContext;
using gazette::dates::detect_publication_date;
using gazette::dates::PublicationInputs;

gazette::Instant instant(const char* iso) {
  return *gazette::parse_iso8601(iso);
}
gazette::Day day(const char* iso) {
  return std::chrono::floor<std::chrono::days>(instant(iso));
}

struct Row {
  const char* raw_date;
  DateSource raw_source;
  const char* url;
  const char* dateline;
  const char* body;
  const char* now;        // the clock
  const char* reference;  // "" when none
  const char* published;  // ISO 8601 UTC, "" when none
  DateSource source;
  const char* problem;  // "" when none
};

constexpr auto meta = DateSource::metadata;
constexpr auto header = DateSource::header;
constexpr auto url = DateSource::url;
constexpr auto dateline = DateSource::dateline;
constexpr auto none = DateSource::none;
constexpr const char* june = "2025-06-01T00:00:00Z";

constexpr Row rows[] = {
    // Date fields and headers.
    {"2025-03-03", header, "", "", "", june, "", "2025-03-03T00:00:00Z", header, ""},
    {" 2025-03-03\n", header, "", "", "", june, "", "2025-03-03T00:00:00Z", header, ""},
    {"2025-03-03T14:02:00Z", meta, "", "", "", june, "", "2025-03-03T14:02:00Z", meta, ""},
    {"2025-03-03T14:02:00+01:00", meta, "", "", "", june, "", "2025-03-03T13:02:00Z", meta, ""},
    {"2025-03-03 14:02:00", meta, "", "", "", june, "", "2025-03-03T14:02:00Z", meta, ""},
    {"Mon, 3 Mar 2025 14:02:00 +0000", header, "", "", "", june, "", "2025-03-03T14:02:00Z", header, ""},
    {"Mon, 3 Mar 2025 14:02:00 -0500", header, "", "", "", june, "", "2025-03-03T19:02:00Z", header, ""},
    {"Mon, 03 Mar 2025 14:02:00 +0000 (UTC)", header, "", "", "", june, "", "2025-03-03T14:02:00Z", header,
     ""},
    {"3 Mar 2025 14:02 GMT", header, "", "", "", june, "", "2025-03-03T14:02:00Z", header, ""},
    {"Mon, 3 Mar 2025 09:02:00 EST", header, "", "", "", june, "", "2025-03-03T14:02:00Z", header, ""},
    {"26-FEB-1987 15:01:01.79", meta, "", "", "", june, "1987-12-31", "1987-02-26T15:01:01Z", meta, ""},
    {"March 3, 2025", meta, "", "", "", june, "", "2025-03-03T00:00:00Z", meta, ""},
    {"Monday, March 3, 2025 2:02 pm", meta, "", "", "", june, "", "2025-03-03T14:02:00Z", meta, ""},
    {"Mar. 3, 2025", meta, "", "", "", june, "", "2025-03-03T00:00:00Z", meta, ""},
    {"3 March 2025", meta, "", "", "", june, "", "2025-03-03T00:00:00Z", meta, ""},
    {"2025/03/03", meta, "", "", "", june, "", "2025-03-03T00:00:00Z", meta, ""},
    {"13/03/2025", meta, "", "", "", june, "", "2025-03-13T00:00:00Z", meta, ""},
    {"03/13/2025", meta, "", "", "", june, "", "2025-03-13T00:00:00Z", meta, ""},
    {"03/03/2025", meta, "", "", "", june, "", "2025-03-03T00:00:00Z", meta, ""},
    // Impossible, implausible, ambiguous, garbled and future dates.
    {"2025-02-30", meta, "", "", "", june, "", "", none, "impossible date '2025-02-30' in date field"},
    {"0000-01-01", meta, "", "", "", june, "", "", none, "impossible date '0000-01-01' in date field"},
    {"2025-13-01", header, "", "", "", june, "", "", none, "impossible date '2025-13-01' in date header"},
    {"31/31/2025", meta, "", "", "", june, "", "", none, "impossible date '31/31/2025' in date field"},
    {"30 Feb 2024", meta, "", "", "", june, "", "", none, "impossible date '30 Feb 2024' in date field"},
    {"February 29, 2023", meta, "", "", "", june, "", "", none,
     "impossible date 'February 29, 2023' in date field"},
    {"Mon, 3 Mar 2025 25:02:00 +0000", header, "", "", "", june, "", "", none,
     "impossible date 'Mon, 3 Mar 2025 25:02:00 +0000' in date header"},
    {"1492-10-12", meta, "", "", "", june, "", "", none,
     "implausible year in date '1492-10-12' in date field"},
    {"03/04/2025", meta, "", "", "", june, "", "", none,
     "ambiguous date '03/04/2025' in date field (day and month could be swapped)"},
    {"2031-01-01", meta, "", "", "", june, "", "", none,
     "future date '2031-01-01' in date field (more than 2 days after 2025-06-01)"},
    {"yesterday-ish", header, "", "", "", june, "", "", none,
     "unrecognised date 'yesterday-ish' in date header"},
    {"Mon, 3 Foo 2025", header, "", "", "", june, "", "", none,
     "unrecognised date 'Mon, 3 Foo 2025' in date header"},
    {"2025-03-03T14:0", meta, "", "", "", june, "", "", none,
     "unrecognised date '2025-03-03T14:0' in date field"},
    {"2025-03-03 The committee met", header, "", "", "", june, "", "", none,
     "unrecognised date '2025-03-03 The committee met' in date header"},
    {"3 Mar 25", header, "", "", "", june, "", "", none, "unrecognised date '3 Mar 25' in date header"},
    {"\x01\x02garbage", meta, "", "", "", june, "", "", none, "unrecognised date '??garbage' in date field"},
    // The future limit: two days after now, or after the end of the reference day plus two days.
    {"2025-03-05T12:00:00Z", meta, "", "", "", "2025-03-03T12:00:00Z", "", "2025-03-05T12:00:00Z", meta, ""},
    {"2025-03-05T12:00:01Z", meta, "", "", "", "2025-03-03T12:00:00Z", "", "", none,
     "future date '2025-03-05T12:00:01Z' in date field (more than 2 days after 2025-03-03)"},
    {"2025-03-05T23:59:59Z", meta, "", "", "", june, "2025-03-03", "2025-03-05T23:59:59Z", meta, ""},
    {"2025-03-06", meta, "", "", "", june, "2025-03-03", "", none,
     "future date '2025-03-06' in date field (more than 2 days after 2025-03-03)"},
    // URLs.
    {"", meta, "https://example.com/2025/03/03/story.html", "", "", june, "", "2025-03-03T00:00:00Z", url,
     ""},
    {"", meta, "https://example.com/world/2025/3/3/story", "", "", june, "", "2025-03-03T00:00:00Z", url, ""},
    {"", meta, "https://example.com/news/2025-03-03/story", "", "", june, "", "2025-03-03T00:00:00Z", url,
     ""},
    {"", meta, "https://example.com/20250303/story", "", "", june, "", "2025-03-03T00:00:00Z", url, ""},
    {"", meta, "/archive/2025/03/03", "", "", june, "", "2025-03-03T00:00:00Z", url, ""},
    {"", meta, "https://example.com/2025/02/30/story", "", "", june, "", "", none,
     "impossible date '2025/02/30' in URL"},
    {"", meta, "https://example.com/story?date=2025/03/03", "", "", june, "", "", none, ""},
    {"", meta, "https://example.com/id/123456789/story", "", "", june, "", "", none, ""},
    {"", meta, "https://2025.example.com/a", "", "", june, "", "", none, ""},
    // Datelines: the year that puts the day on or before the reference plus two days.
    {"", meta, "", "    SALVADOR, Feb 26 - ", "", june, "1987-12-31", "1987-02-26T00:00:00Z", dateline, ""},
    {"", meta, "", "NEW YORK, MARCH 2 -", "", june, "1987-12-31", "1987-03-02T00:00:00Z", dateline, ""},
    {"", meta, "", "AMSTERDAM, 2 March -", "", june, "1987-12-31", "1987-03-02T00:00:00Z", dateline, ""},
    {"", meta, "", "NEW YORK, Marc 2 -", "", june, "1987-12-31", "1987-03-02T00:00:00Z", dateline, ""},
    {"", meta, "", "TOKYO, Oct. 20 -", "", june, "1987-12-31", "1987-10-20T00:00:00Z", dateline, ""},
    {"", meta, "", "WASHINGTON -", "", june, "1987-12-31", "", none, ""},
    {"", meta, "", "LONDON, April 31 -", "", june, "1987-12-31", "", none,
     "impossible date 'April 31' in dateline"},
    {"", meta, "", "PARIS, March 119 -", "", june, "1987-12-31", "", none, ""},
    {"", meta, "", "BEIJING, Jan 2 -", "", june, "2024-12-31", "2025-01-02T00:00:00Z", dateline, ""},
    {"", meta, "", "BEIJING, Jan 5 -", "", june, "2024-12-31", "2024-01-05T00:00:00Z", dateline, ""},
    {"", meta, "", "MOSCOW, Dec 30 -", "", june, "2025-01-02", "2024-12-30T00:00:00Z", dateline, ""},
    {"", meta, "", "ROME, Feb 29 -", "", june, "2025-03-03", "2024-02-29T00:00:00Z", dateline, ""},
    {"", meta, "", "", "WASHINGTON, March 3 (Reuters) - Officials said", "2025-03-05T10:00:00Z", "",
     "2025-03-03T00:00:00Z", dateline, ""},
    {"", meta, "", "", "\nLONDON, 3 March (AP) \xE2\x80\x94 Shares", "2025-03-05T10:00:00Z", "",
     "2025-03-03T00:00:00Z", dateline, ""},
    {"", meta, "", "", "Washington, D.C., Feb. 26 - Talks", june, "", "2025-02-26T00:00:00Z", dateline, ""},
    {"", meta, "", "", "WASHINGTON (Reuters) - The", june, "", "", none, ""},
    {"", meta, "", "", "The talks on March 3 - a Monday - ended", june, "", "", none, ""},
    // Order of sources, and a rejected field that a later source makes up for.
    {"2025-03-01", meta, "https://example.com/2025/03/02/a", "PARIS, March 3 -", "", june, "",
     "2025-03-01T00:00:00Z", meta, ""},
    {"", meta, "https://example.com/2025/03/02/a", "PARIS, March 3 -", "", june, "", "2025-03-02T00:00:00Z",
     url, ""},
    {"soon", header, "https://example.com/2025/03/02/a", "", "", june, "", "2025-03-02T00:00:00Z", url,
     "unrecognised date 'soon' in date header"},
    {"2025-02-30", meta, "", "PARIS, March 3 -", "", june, "", "2025-03-03T00:00:00Z", dateline,
     "impossible date '2025-02-30' in date field"},
    {"   ", meta, "", "", "", june, "", "", none, ""},
    {"", meta, "", "", "", june, "", "", none, ""},
};

}  // namespace

TEST_CASE("publication date: table") {
  for (const Row& row : rows) {
    const std::string raw_date = row.raw_date, url_text = row.url, dateline_text = row.dateline,
                      body = row.body;
    CAPTURE(raw_date);
    CAPTURE(url_text);
    CAPTURE(dateline_text);
    CAPTURE(body);
    DateContext context{instant(row.now), std::nullopt};
    if (*row.reference) context.reference = day(row.reference);
    const auto found = detect_publication_date(
        PublicationInputs{row.raw_date, row.raw_source, row.url, row.dateline, row.body}, context);
    CHECK(found.published.has_value() == (*row.published != '\0'));
    if (found.published && *row.published) CHECK(gazette::format_iso8601(*found.published) == row.published);
    CHECK(gazette::date_source_name(found.source) == std::string(gazette::date_source_name(row.source)));
    CHECK(found.problem.value_or("") == row.problem);
  }
}

TEST_CASE("publication date: from an Article, and the reference day") {
  gazette::Article article;
  article.raw_date = "26-FEB-1987 15:01:01.79";
  article.dateline = "SALVADOR, Feb 25 -";
  const DateContext reuters{instant("2025-06-01T00:00:00Z"), day("1987-12-31")};
  auto found = detect_publication_date(article, DateSource::metadata, reuters);
  REQUIRE(found.published);
  CHECK(gazette::format_iso8601(*found.published) == "1987-02-26T15:01:01Z");
  CHECK(found.source == DateSource::metadata);

  article.raw_date.clear();
  found = detect_publication_date(article, DateSource::metadata, reuters);
  REQUIRE(found.published);
  CHECK(gazette::format_iso8601(*found.published) == "1987-02-25T00:00:00Z");
  CHECK(found.source == DateSource::dateline);

  CHECK(gazette::dates::reference_day(reuters) == day("1987-12-31"));
  CHECK(gazette::dates::reference_day({instant("2025-03-03T23:59:59Z"), std::nullopt}) == day("2025-03-03"));
}

TEST_CASE("publication date: long garbled fields are quoted short") {
  const std::string garbage(500, 'x');
  const auto found = detect_publication_date(PublicationInputs{.raw_date = garbage},
                                             DateContext{instant("2025-06-01T00:00:00Z"), std::nullopt});
  CHECK_FALSE(found.published);
  REQUIRE(found.problem);
  CHECK(*found.problem == "unrecognised date '" + std::string(60, 'x') + "...' in date field");
}
