/// @file
/// @brief ShardScheme: option values, the recorded form, and where articles go.
#include <doctest/doctest.h>

#include <set>

#include "gazette/core/error.hpp"
#include "gazette/index/shard_scheme.hpp"

using namespace gazette;

namespace {
Article dated(const std::string& id, std::optional<std::string> date) {
  Article a;
  a.id = id;
  if (date) a.published = parse_iso8601(*date);
  return a;
}
}  // namespace

TEST_CASE("schemes by year and month route by the publication date; undated articles have their shard") {
  const ShardScheme year = ShardScheme::parse("year"), month = ShardScheme::parse("month");
  CHECK(year.shard_for(dated("a", "1987-03-02T23:59:59Z")) == "shard-1987");
  CHECK(month.shard_for(dated("a", "1987-03-02T23:59:59Z")) == "shard-1987-03");
  CHECK(year.shard_for(dated("a", std::nullopt)) == "shard-undated");
  CHECK(year.routes_by_date());
  CHECK(ShardScheme::parse(month.recorded()) == month);
}

TEST_CASE("a fixed number of shards by id: stable, zero-padded, every shard used") {
  const ShardScheme twelve = ShardScheme::parse("12");
  CHECK(twelve.recorded() == "id:12");
  CHECK(ShardScheme::parse("id:12") == twelve);
  CHECK(!twelve.routes_by_date());
  std::set<std::string> used;
  for (int i = 0; i < 500; ++i)
    used.insert(twelve.shard_for(dated("article-" + std::to_string(i), std::nullopt)));
  CHECK(used.size() == 12);
  CHECK(*used.begin() == "shard-00");
  CHECK(*used.rbegin() == "shard-11");
  // The date plays no part: a corrected date never moves an article between id shards.
  CHECK(twelve.shard_for(dated("x", "1990-01-01")) == twelve.shard_for(dated("x", "2020-01-01")));
}

TEST_CASE("other values are usage errors naming --shards") {
  for (const char* bad : {"", "1", "0", "1025", "weekly", "4x", "id:"}) {
    INFO(bad);
    try {
      ShardScheme::parse(bad);
      FAIL("expected an error");
    } catch (const Error& e) {
      CHECK(e.code() == ErrorCode::usage);
      CHECK(e.where() == "--shards");
    }
  }
}
