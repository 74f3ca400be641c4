/// @file
/// @brief Table tests of find_date_mentions: what resolves, to which period, and what must never match.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "gazette/dates/mentions.hpp"

namespace {

using gazette::Day;
using gazette::dates::find_date_mentions;

Day day(const char* iso) {
  return std::chrono::floor<std::chrono::days>(*gazette::parse_iso8601(iso));
}

// "text=granularity first-day[xcount]" for each mention, joined by "; " ("" when none).
std::string describe(std::string_view text, Day reference) {
  std::string out;
  for (const auto& m : find_date_mentions(text, reference)) {
    if (!out.empty()) out += "; ";
    out += m.text + "=" + gazette::dates::granularity_name(m.granularity) + " " +
           gazette::format_iso_day(m.first_day);
    if (m.count != 1) out += "x" + std::to_string(m.count);
  }
  return out;
}

struct Row {
  const char* text;
  const char* reference;
  const char* expected;  // describe() of the mentions; "" means no match
};

// Reference 2025-03-03 is a Monday (the seeds' publication day).
constexpr Row rows[] = {
    // Days.
    {"after a February 12 meeting", "2025-03-03", "February 12=day 2025-02-12"},
    {"signed on Feb. 26 in Riyadh", "2025-03-03", "Feb. 26=day 2025-02-26"},
    {"due on Feb 26.", "2025-03-03", "Feb 26=day 2025-02-26"},
    {"talks on 12 February 2024, then", "2025-03-03", "12 February 2024=day 2024-02-12"},
    {"published March 3, 2025, by", "2025-03-03", "March 3, 2025=day 2025-03-03"},
    {"On Monday, March 3, 2025 the", "2025-03-03", "March 3, 2025=day 2025-03-03"},
    {"the Sept. 11, 2001 attacks", "2025-03-03", "Sept. 11, 2001=day 2001-09-11"},
    {"the 12th of February", "2025-03-03", "12th of February=day 2025-02-12"},
    {"on February 12th", "2025-03-03", "February 12th=day 2025-02-12"},
    {"by 3 Mar the fund", "2025-03-03", "3 Mar=day 2025-03-03"},
    {"stamp 2025-03-03 in the log", "2025-03-03", "2025-03-03=day 2025-03-03"},
    {"at 2025-03-03T14:02:00Z", "2025-03-03", "2025-03-03=day 2025-03-03"},
    {"filed 2024/12/31.", "2025-03-03", "2024/12/31=day 2024-12-31"},
    {"SEEN ON MARCH 3", "2025-03-03", "MARCH 3=day 2025-03-03"},
    {"since December 20", "2025-03-03", "December 20=day 2024-12-20"},  // nearer in the past
    {"vote on November 5", "2024-10-01", "November 5=day 2024-11-05"},  // nearer ahead
    {"on February 29 the", "2025-03-03", "February 29=day 2024-02-29"},
    {"Monday, March 3 the", "2025-03-03", "March 3=day 2025-03-03"},
    {"Feb 26 close", "1987-02-26", "Feb 26=day 1987-02-26"},
    // Months.
    {"in force since March 2014 when", "2025-03-03", "March 2014=month 2014-03-01"},
    {"due for release in December 2026", "2025-03-03", "December 2026=month 2026-12-01"},
    {"elected in May 2024.", "2025-03-03", "May 2024=month 2024-05-01"},
    {"In January, the bank said", "2025-03-03", "January=month 2025-01-01"},
    {"rose 2.5 pct in March", "2025-03-03", "March=month 2025-03-01"},
    {"unchanged since October.", "2025-03-03", "October=month 2024-10-01"},
    {"in December, prices", "2025-03-03", "December=month 2024-12-01"},
    {"expected by June", "2025-03-03", "June=month 2025-06-01"},
    {"from mid-March on", "2025-03-03", "mid-March=month 2025-03-01"},
    {"at the end of April", "2025-03-03", "April=month 2025-04-01"},
    {"acquired in September of 1985.", "1987-03-02", "September of 1985=month 1985-09-01"},
    {"During May last year the judge", "1987-03-02", "May last year=month 1986-05-01"},
    {"in March next year", "2025-03-03", "March next year=month 2026-03-01"},
    {"from March one, 1988", "1987-03-02", ""},
    {"in early May.", "2025-03-03", "May=month 2025-05-01"},
    // Years.
    {"the merger closed in 2022.", "2025-03-03", "2022=year 2022-01-01"},
    {"Since 2022, prices have", "2025-03-03", "2022=year 2022-01-01"},
    {"profits fell in 1986 and", "1987-03-02", "1986=year 1986-01-01"},
    {"by mid-2022 the", "2025-03-03", "mid-2022=year 2022-01-01"},
    {"at the end of 1986 the", "1987-03-02", "1986=year 1986-01-01"},
    {"in the first half of 1987,", "1987-03-02", "1987=year 1987-01-01"},
    {"in early 2022", "2025-03-03", "2022=year 2022-01-01"},
    {"rates from 1985 to 1987", "1987-03-02", "1985=year 1985-01-01"},
    // Relative days, weeks, months, years.
    {"Yesterday, the", "2025-03-03", "Yesterday=day 2025-03-02"},
    {"said today's", "2025-03-03", "today=day 2025-03-03"},
    {"the vote tomorrow", "2025-03-03", "tomorrow=day 2025-03-04"},
    {"the board met on Friday and", "2025-03-03", "Friday=day 2025-02-28"},
    {"the agency reported Monday that", "2025-03-03", "Monday=day 2025-03-03"},
    {"the company said Wednesday", "2025-03-03", "Wednesday=day 2025-02-26"},
    {"last Monday", "2025-03-03", "last Monday=day 2025-02-24"},
    {"next Tuesday", "2025-03-03", "next Tuesday=day 2025-03-04"},
    {"next Monday", "2025-03-03", "next Monday=day 2025-03-10"},
    {"was signed last week", "2025-03-03", "last week=day 2025-02-24x7"},
    {"Last week, the ministry", "2025-03-05", "Last week=day 2025-02-24x7"},
    {"this week", "2025-03-05", "this week=day 2025-03-03x7"},
    {"next week", "2025-03-03", "next week=day 2025-03-10x7"},
    {"last month", "2025-03-03", "last month=month 2025-02-01"},
    {"next month's vote", "2025-12-15", "next month=month 2026-01-01"},
    {"Last year, exports", "2025-03-03", "Last year=year 2024-01-01"},
    {"earlier this year", "2025-03-03", "this year=year 2025-01-01"},
    {"next year", "2025-03-03", "next year=year 2026-01-01"},
    {"over the past two years", "2025-03-03", "past two years=year 2023-01-01x2"},
    {"in the last three days", "2025-03-03", "last three days=day 2025-02-28x3"},
    {"the past 12 months", "2025-03-03", "past 12 months=month 2024-03-01x12"},
    {"three days ago", "2025-03-03", "three days ago=day 2025-02-28"},
    {"two weeks ago", "2025-03-05", "two weeks ago=day 2025-02-17x7"},
    {"a year ago", "1987-04-07", "a year ago=year 1986-01-01"},
    {"On March 3, 2025, a day after yesterday's talks", "2025-03-03",
     "March 3, 2025=day 2025-03-03; yesterday=day 2025-03-02"},
    // Must not resolve.
    {"Theresa May said", "2025-03-03", ""},
    {"May Day rallies", "2025-03-03", ""},
    {"interest in May Department Stores", "2025-03-03", ""},
    {"they will march on the capital", "2025-03-03", ""},
    {"March to the sea", "2025-03-03", ""},
    {"prices may 5 times", "2025-03-03", ""},
    {"EXPORTS MAY 5 PCT", "2025-03-03", ""},
    {"mar 3 the lawn", "2025-03-03", ""},
    {"the Mar-a-Lago club", "2025-03-03", ""},
    {"call 555-2025 now", "2025-03-03", ""},
    {"call +1 202 555 0199", "2025-03-03", ""},
    {"it costs $2,025", "2025-03-03", ""},
    {"paid $2025 in cash", "2025-03-03", ""},
    {"1987 dlrs", "1987-03-02", ""},
    {"in 1987 dlrs", "1987-03-02", ""},
    {"2,000 tonnes", "1987-03-02", ""},
    {"in 2000 tonnes", "1987-03-02", ""},
    {"at 14:02 GMT", "2025-03-03", ""},
    {"the phone runs iOS 18.4", "2025-03-03", ""},
    {"in 3000", "2025-03-03", ""},
    {"1234 bags", "1987-03-02", ""},
    {"see Page 2012", "2025-03-03", ""},
    {"Room 2025 in", "2025-03-03", ""},
    {"the 1980s boom", "2025-03-03", ""},
    {"in 1986/87 the crop", "1987-03-02", ""},
    {"the 2024-25 season", "2025-03-03", ""},
    {"on Good Friday", "2025-03-03", ""},
    {"Friday's meeting", "2025-03-03", ""},
    {"in the last year", "2025-03-03", ""},
    {"over the past year", "2025-03-03", ""},
    {"for the next month", "2025-03-03", ""},
    {"dated 2025-02-30 here", "2025-03-03", ""},
    {"on February 30", "2025-03-03", ""},
    {"by 1,990 to", "1987-03-02", ""},
    {"in 2022-23 budget", "2025-03-03", ""},
    {"version 2.2025", "2025-03-03", ""},
    {"trading from 1800 to 2100 local time", "1987-03-02", ""},
    {"until 1800 GMT", "1987-03-02", ""},
    {"Freights 2 of March 6, brokers", "1987-03-02", "March 6=day 1987-03-06"},
};

}  // namespace

TEST_CASE("date mentions: expression table") {
  CHECK(std::size(rows) >= 60);
  for (const Row& row : rows) {
    const std::string text = row.text, reference = row.reference;
    CAPTURE(text);
    CAPTURE(reference);
    CHECK(describe(row.text, day(row.reference)) == row.expected);
  }
}

TEST_CASE("date mentions: offsets and text point into the input") {
  const std::string text = "The minister called on February 12 and again last week.";
  const auto found = find_date_mentions(text, day("2025-03-03"));
  REQUIRE(found.size() == 2);
  CHECK(text.substr(found[0].begin, found[0].end - found[0].begin) == "February 12");
  CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "last week");
  CHECK(found[1].granularity == gazette::dates::Granularity::day);
  CHECK(found[1].count == 7);
}

TEST_CASE("date mentions: empty, non-ASCII and truncated input") {
  CHECK(find_date_mentions("", day("2025-03-03")).empty());
  CHECK(describe("\xC2\xA0March\xC2\xA0"
                 "3 \xE2\x80\x94 in 2022",
                 day("2025-03-03")) ==
        "March\xC2\xA0"
        "3=day 2025-03-03; 2022=year 2022-01-01");
  CHECK(describe("in", day("2025-03-03")).empty());
  CHECK(describe("March", day("2025-03-03")).empty());
  CHECK(describe("2025-03", day("2025-03-03")).empty());
  CHECK(describe("\xE2\x82\xAC"
                 "2025",
                 day("2025-03-03"))
            .empty());
}

TEST_CASE("date mentions: concurrent calls agree") {
  const std::string text = "On Friday, February 12 and in March 2014, last week and since 2022.";
  const auto expected = describe(text, day("2025-03-03"));
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (auto& result : results)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) result = describe(text, day("2025-03-03"));
    });
  for (auto& thread : threads) thread.join();
  for (const auto& result : results) CHECK(result == expected);
}
