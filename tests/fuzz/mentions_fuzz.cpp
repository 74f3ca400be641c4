/// @file
/// @brief Fuzz target: the dates a text mentions ("February 12", "last week", "the past two years").
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "gazette/dates/mentions.hpp"

namespace {

using namespace std::chrono;
using gazette::dates::Granularity;

/// Mentions are in order, do not overlap, quote the text they cover and denote whole periods.
void check_mentions(std::string_view text, sys_days reference) {
  std::size_t previous_end = 0;
  for (const auto& mention : gazette::dates::find_date_mentions(text, reference)) {
    FUZZ_CHECK(previous_end <= mention.begin && mention.begin < mention.end && mention.end <= text.size());
    FUZZ_CHECK(mention.text == text.substr(mention.begin, mention.end - mention.begin));
    FUZZ_CHECK(mention.count >= 1);
    const year_month_day first{mention.first_day};
    FUZZ_CHECK(first.ok());
    if (mention.granularity != Granularity::day) FUZZ_CHECK(first.day() == day{1});
    if (mention.granularity == Granularity::year) FUZZ_CHECK(first.month() == January);
    previous_end = mention.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_mentions(text, 2025y / March / 3);
  check_mentions(text, 1987y / February / 28);  // a year without 29 February
  return 0;
}
