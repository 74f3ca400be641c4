/// @file
/// @brief Seed acceptance: the date header of seed 002 and the dates the other seeds mention, read from
/// ../shared/seeds.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "../test_paths.hpp"
#include "gazette/dates/mentions.hpp"
#include "gazette/dates/publication_date.hpp"

namespace {

namespace fs = std::filesystem;
using gazette::dates::DateMention;
using gazette::dates::Granularity;

// The one seed file whose name starts with `prefix`, or an empty path.
fs::path seed(std::string_view prefix) {
  const fs::path dir = gazette::test::seeds_dir();
  if (!fs::is_directory(dir)) return {};
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename().string().starts_with(prefix)) return entry.path();
  return {};
}

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The mention whose text is `text`, or nullptr.
const DateMention* mention(const std::vector<DateMention>& found, std::string_view text) {
  for (const auto& m : found)
    if (m.text == text) return &m;
  return nullptr;
}

}  // namespace

TEST_CASE("seeds: header date of 002, then the dates mentioned in 000 and 001") {
  const fs::path header_seed = seed("002_"), first = seed("000_"), second = seed("001_");
  if (header_seed.empty() || first.empty() || second.empty()) {
    MESSAGE("seeds not found in " << gazette::test::seeds_dir() << ": skipped");
    return;
  }

  // 002's first line is " date 2025-03-03 <text...>": the header value is the word after "date".
  std::istringstream header_line(slurp(header_seed).substr(0, 200));
  std::string keyword, value;
  header_line >> keyword >> value;
  REQUIRE(keyword == "date");
  const auto published = gazette::dates::detect_publication_date(
      gazette::dates::PublicationInputs{.raw_date = value, .raw_date_source = gazette::DateSource::header},
      gazette::dates::DateContext{*gazette::parse_iso8601("2025-06-01T00:00:00Z"), std::nullopt});
  REQUIRE(published.published);
  CHECK(gazette::format_iso8601(*published.published) == "2025-03-03T00:00:00Z");
  CHECK(published.source == gazette::DateSource::header);
  CHECK_FALSE(published.problem);
  const gazette::Day reference = std::chrono::floor<std::chrono::days>(*published.published);

  for (const fs::path& path : {first, second}) {
    CAPTURE(path.string());
    const std::string text = slurp(path);
    const auto found = gazette::dates::find_date_mentions(text, reference);

    const DateMention* call = mention(found, "February 12");
    REQUIRE(call);
    CHECK(text.substr(call->end, 11) == " phone call");
    CHECK(call->granularity == Granularity::day);
    CHECK(gazette::format_iso_day(call->first_day) == "2025-02-12");

    const DateMention* crimea = mention(found, "March 2014");
    REQUIRE(crimea);
    CHECK(crimea->granularity == Granularity::month);
    CHECK(gazette::format_iso_day(crimea->first_day) == "2014-03-01");

    const DateMention* interview = mention(found, "February 20");
    REQUIRE(interview);
    CHECK(gazette::format_iso_day(interview->first_day) == "2025-02-20");

    for (const auto& m : found) {  // nothing from prices or version numbers ("$2.5 Million", "iOS 18.4")
      CAPTURE(m.text);
      CHECK(m.text.find('.') == std::string::npos);
      CHECK(m.text.find('$') == std::string::npos);
    }
  }

  const auto in_000 = gazette::dates::find_date_mentions(slurp(first), reference);
  const DateMention* war = mention(in_000, "2022");
  REQUIRE(war);
  CHECK(war->granularity == Granularity::year);
  const DateMention* last_week = mention(in_000, "last week");
  REQUIRE(last_week);
  CHECK(gazette::format_iso_day(last_week->first_day) == "2025-02-24");

  const auto in_001 = gazette::dates::find_date_mentions(slurp(second), reference);
  const DateMention* oval_office = mention(in_001, "Friday");
  REQUIRE(oval_office);
  CHECK(gazette::format_iso_day(oval_office->first_day) == "2025-02-28");
}
