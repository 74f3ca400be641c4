/// @file
/// @brief RecordCodec round trips and rejects damaged records.
#include <doctest/doctest.h>

#include "gazette/core/error.hpp"
#include "gazette/store/record.hpp"

using namespace gazette;

TEST_CASE("a stored article round-trips every stored field") {
  Article a;
  a.id = "reuters-1";
  a.title = "BAHIA COCOA REVIEW";
  a.body = std::string(5000, 'x') + " Showers continued throughout the week — São Paulo";
  a.source = "Reuters";
  a.url = "https://example.org/2025/03/03/cocoa";
  a.author = "A. Writer";
  a.language = "en";
  a.raw_date = "26-FEB-1987 15:01:01.79";
  a.published = Instant{std::chrono::seconds{541263661}};
  a.date_source = DateSource::metadata;
  a.dateline = "SALVADOR, Feb 26 -";
  a.origin = "not-stored.sgm:1";
  a.gold.places = {"usa"};
  a.entities = {{EntityType::person, "Vladimir Putin"},
                {EntityType::place, "Russia"},
                {EntityType::organization, "White House"}};

  RecordCodec codec;
  const std::string record = codec.encode(a);
  CHECK(record.size() < a.body.size());  // compressed
  const Article b = codec.decode(record);
  CHECK(b.id == a.id);
  CHECK(b.title == a.title);
  CHECK(b.body == a.body);
  CHECK(b.source == a.source);
  CHECK(b.url == a.url);
  CHECK(b.author == a.author);
  CHECK(b.language == a.language);
  CHECK(b.raw_date == a.raw_date);
  CHECK(b.published == a.published);
  CHECK(b.date_source == DateSource::metadata);
  CHECK(b.dateline == a.dateline);
  CHECK(b.origin.empty());
  CHECK(b.gold.places.empty());
  CHECK(b.entities == a.entities);
}

TEST_CASE("an article without optional fields round-trips") {
  Article a;
  a.id = "x";
  a.body = "text";
  RecordCodec codec;
  const Article b = codec.decode(codec.encode(a));
  CHECK(b.id == "x");
  CHECK(b.body == "text");
  CHECK_FALSE(b.published.has_value());
  CHECK(b.date_source == DateSource::none);
}

TEST_CASE("damaged records are reported as corrupt, never as garbage") {
  Article a;
  a.id = "x";
  a.body = "some body text";
  RecordCodec codec;
  const std::string good = codec.encode(a);
  auto code_of = [&](std::string_view record) {
    try {
      codec.decode(record);
    } catch (const Error& e) {
      return e.code();
    }
    return ErrorCode::internal;
  };
  CHECK(code_of("") == ErrorCode::corrupt);
  CHECK(code_of(std::string(1, char(record_format + 1)) + good.substr(1)) == ErrorCode::corrupt);
  CHECK(code_of(good.substr(0, good.size() / 2)) == ErrorCode::corrupt);
  std::string flipped = good;
  flipped[flipped.size() - 3] ^= 0x55;
  CHECK(code_of(flipped) == ErrorCode::corrupt);
}
