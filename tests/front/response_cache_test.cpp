/// @file
/// @brief ResponseCache: bounded by bytes, least recently used dropped first.
#include <doctest/doctest.h>

#include "gazette/front/response_cache.hpp"

using namespace gazette;

namespace {
HttpResponse page(std::size_t bytes) {
  return {200, "text/html", std::string(bytes, 'x')};
}
}  // namespace

TEST_CASE("an answer comes back as it was stored") {
  ResponseCache cache(1 << 20);
  CHECK_FALSE(cache.find("q=cocoa"));
  cache.store("q=cocoa", {200, "application/json", "{}"});
  const auto found = cache.find("q=cocoa");
  REQUIRE(found);
  CHECK(found->content_type == "application/json");
  CHECK(found->body == "{}");
  CHECK_FALSE(cache.find("q=coffee"));
}

TEST_CASE("past the budget the least recently used answers go first") {
  ResponseCache cache(10'000);
  cache.store("a", page(3000));
  cache.store("b", page(3000));
  cache.store("c", page(3000));
  CHECK(cache.size() == 3);
  CHECK(cache.find("a"));        // a is now the most recently used
  cache.store("d", page(3000));  // over budget: b goes
  CHECK(cache.find("a"));
  CHECK_FALSE(cache.find("b"));
  CHECK(cache.find("c"));
  CHECK(cache.find("d"));
  CHECK(cache.bytes() <= 10'000);
}

TEST_CASE("an answer larger than the budget is not kept, and a budget of 0 keeps nothing") {
  ResponseCache small(1000);
  small.store("big", page(5000));
  CHECK_FALSE(small.find("big"));
  CHECK(small.bytes() == 0);
  ResponseCache off(0);
  off.store("q", page(1));
  CHECK_FALSE(off.find("q"));
}

TEST_CASE("clear empties it") {
  ResponseCache cache(1 << 20);
  cache.store("a", page(10));
  cache.clear();
  CHECK_FALSE(cache.find("a"));
  CHECK(cache.size() == 0);
  CHECK(cache.bytes() == 0);
}
