/// @file
/// @brief KeyCounter against std::map over many keys (table growth), empty and binary keys.
#include <doctest/doctest.h>

#include <map>
#include <string>

#include "gazette/search/key_counter.hpp"

using namespace gazette;

namespace {

std::map<std::string, std::uint32_t> counted(const KeyCounter& counter) {
  std::map<std::string, std::uint32_t> out;
  counter.for_each([&](std::string_view key, std::uint32_t count) { CHECK(out.emplace(key, count).second); });
  return out;
}

}  // namespace

TEST_CASE("KeyCounter counts like a map, past many table growths") {
  KeyCounter counter;
  std::map<std::string, std::uint32_t> expected;
  for (int i = 0; i < 20000; ++i) {
    // Keys shaped like packed facet keys (a slot byte, then a name): 5,000 distinct, each seen four times.
    const std::string key = std::string(1, char(20 + i % 5)) + "name " + std::to_string(i % 5000);
    counter.add(key);
    ++expected[key];
  }
  CHECK(counter.size() == expected.size());
  CHECK(counted(counter) == expected);
}

TEST_CASE("KeyCounter keeps empty keys and keys with zero bytes apart") {
  KeyCounter counter;
  counter.add("");
  counter.add(std::string_view("\0a", 2));
  counter.add(std::string_view("\0a", 2));
  counter.add(std::string_view("\0b", 2));
  const auto out = counted(counter);
  CHECK(out.size() == 3);
  CHECK(out.at("") == 1);
  CHECK(out.at(std::string("\0a", 2)) == 2);
  CHECK(out.at(std::string("\0b", 2)) == 1);
}
