/// @file
/// @brief Fuzz target: publication-date detection. The input's lines are the date field, the URL and the
/// dateline; the rest is the body.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_support.hpp"
#include "gazette/dates/publication_date.hpp"

namespace {

using namespace std::chrono;
using gazette::DateSource;
using gazette::Instant;
using gazette::dates::DateContext;

/// A date is reported exactly when one was found, and never at or past the first too-future instant.
void check(const gazette::dates::PublicationDate& found, Instant too_late) {
  FUZZ_CHECK(found.published.has_value() == (found.source != DateSource::none));
  if (found.published) FUZZ_CHECK(*found.published < too_late);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto fields = gazette::fuzz::split_fields({reinterpret_cast<const char*>(data), size}, 4);
  gazette::dates::PublicationInputs inputs{fields[0], DateSource::metadata, fields[1], fields[2], fields[3]};
  const Instant now = sys_days{2025y / March / 3} + 12h;
  const sys_days reference = 1987y / February / 26;
  for (const DateSource source : {DateSource::metadata, DateSource::header}) {
    inputs.raw_date_source = source;
    // Without a reference day the limit is two days after now; with one, the end of its second next day.
    check(detect_publication_date(inputs, DateContext{now, std::nullopt}), now + hours{48} + seconds{1});
    check(detect_publication_date(inputs, DateContext{now, reference}), Instant{reference + days{3}});
  }
  return 0;
}
