/// @file
/// @brief BandIndex: buckets of one story, side lists, the cap, growth past the first table.
#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

#include "gazette/index/band_index.hpp"

using gazette::BandIndex;

namespace {

std::vector<std::uint32_t> stories(const BandIndex& index, std::uint64_t key) {
  const auto found = index.find(key);
  return {found.begin(), found.end()};
}

}  // namespace

TEST_CASE("a bucket keeps its stories in order, once each, up to the cap") {
  BandIndex index;
  CHECK(index.find(42).empty());
  CHECK(index.add(42, 7, 3));
  CHECK_FALSE(index.add(42, 7, 3));  // already there
  CHECK(stories(index, 42) == std::vector<std::uint32_t>{7});
  CHECK(index.add(42, 3, 3));
  CHECK(index.add(42, 9, 3));
  CHECK_FALSE(index.add(42, 11, 3));  // full
  CHECK(stories(index, 42) == std::vector<std::uint32_t>{7, 3, 9});
  CHECK_FALSE(index.add(43, 1, 0));  // a cap of zero keeps nothing
  CHECK(index.find(43).empty());
  CHECK(index.size() == 1);
}

TEST_CASE("keys that share low bits, and a table grown many times, keep every bucket") {
  BandIndex index;
  constexpr std::uint64_t count = 300'000;
  // Multiples of 2^20 all start probing at slot 0 of the first table: linear probing must find them all.
  for (std::uint64_t i = 0; i < count; ++i) REQUIRE(index.add(i << 20, std::uint32_t(i % 1000), 100));
  for (std::uint64_t i = 0; i < count; i += 997) {
    CHECK(index.add(i << 20, 5000, 100));
    CHECK(stories(index, i << 20) == std::vector<std::uint32_t>{std::uint32_t(i % 1000), 5000});
  }
  CHECK(index.size() == count);
  const std::vector<std::uint64_t> keys = index.sorted_keys();
  REQUIRE(keys.size() == count);
  CHECK(std::is_sorted(keys.begin(), keys.end()));
  CHECK(keys.back() == (count - 1) << 20);
  CHECK(index.find(count << 20).empty());
}
