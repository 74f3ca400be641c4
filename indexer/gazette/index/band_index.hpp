/// @file
/// @brief The LSH buckets of one indexing run in memory: band key -> stories, in an open-addressing table.
///
/// A run keeps every band key it saw (40 an article: 40 million at a million articles), and almost every
/// bucket holds one story. A node-based map spent about 90 bytes an entry (node, vector, bucket array); this
/// table spends 12 bytes a slot at most 70% full, and moves a bucket to a side list when a second story
/// joins it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace gazette {

class BandIndex {
 public:
  BandIndex();

  /// The stories of a band key's bucket, oldest first (empty when unknown). Valid until the next add().
  std::span<const std::uint32_t> find(std::uint64_t key) const noexcept;

  /// Adds the story to the key's bucket unless it is there or the bucket holds `cap` stories; true when
  /// added. Keys must be below 2^63 (band keys have band_key_bits).
  bool add(std::uint64_t key, std::uint32_t story, std::size_t cap);

  /// Every key, ascending.
  std::vector<std::uint64_t> sorted_keys() const;

  /// How many keys.
  std::size_t size() const noexcept { return used_; }

 private:
  static constexpr std::uint64_t free_slot = UINT64_MAX;
  static constexpr std::uint32_t in_list = 0x80000000u;  // the value is an index into lists_

  std::size_t slot_of(std::uint64_t key) const noexcept;
  void grow();

  std::vector<std::uint64_t> keys_;
  std::vector<std::uint32_t> values_;  // a story, or in_list | index into lists_
  std::vector<std::vector<std::uint32_t>> lists_;
  std::size_t used_ = 0;
};

}  // namespace gazette
