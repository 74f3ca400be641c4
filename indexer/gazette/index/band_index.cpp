/// @file
/// @brief BandIndex: linear probing from a Fibonacci hash of the key.
#include "gazette/index/band_index.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace gazette {

BandIndex::BandIndex() : keys_(std::size_t{1} << 16, free_slot), values_(keys_.size()) {}

std::size_t BandIndex::slot_of(std::uint64_t key) const noexcept {
  const std::size_t mask = keys_.size() - 1;
  // Fibonacci hashing: the high bits of key * 2^64/phi, so keys alike in their low bits spread too.
  std::size_t slot = (key * 0x9E3779B97F4A7C15ull) >> (64 - std::countr_zero(keys_.size()));
  while (keys_[slot] != free_slot && keys_[slot] != key) slot = (slot + 1) & mask;
  return slot;
}

std::span<const std::uint32_t> BandIndex::find(std::uint64_t key) const noexcept {
  const std::size_t slot = slot_of(key);
  if (keys_[slot] == free_slot) return {};
  const std::uint32_t& value = values_[slot];
  if (value & in_list) return lists_[value & ~in_list];
  return {&value, 1};
}

bool BandIndex::add(std::uint64_t key, std::uint32_t story, std::size_t cap) {
  if (key >= free_slot >> 1 || story >= in_list) throw std::length_error("BandIndex: key or story too large");
  std::size_t slot = slot_of(key);
  if (keys_[slot] == free_slot) {
    if (cap == 0) return false;
    if ((used_ + 1) * 10 > keys_.size() * 7) {
      grow();
      slot = slot_of(key);
    }
    keys_[slot] = key;
    values_[slot] = story;
    ++used_;
    return true;
  }
  std::uint32_t& value = values_[slot];
  if (!(value & in_list)) {
    if (value == story || cap <= 1) return false;
    lists_.push_back({value, story});
    value = in_list | std::uint32_t(lists_.size() - 1);
    return true;
  }
  std::vector<std::uint32_t>& list = lists_[value & ~in_list];
  if (list.size() >= cap || std::find(list.begin(), list.end(), story) != list.end()) return false;
  list.push_back(story);
  return true;
}

void BandIndex::grow() {
  std::vector<std::uint64_t> keys(keys_.size() * 2, free_slot);
  std::vector<std::uint32_t> values(keys.size());
  keys_.swap(keys);
  values_.swap(values);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (keys[i] == free_slot) continue;
    const std::size_t slot = slot_of(keys[i]);
    keys_[slot] = keys[i];
    values_[slot] = values[i];
  }
}

std::vector<std::uint64_t> BandIndex::sorted_keys() const {
  std::vector<std::uint64_t> keys;
  keys.reserve(used_);
  std::copy_if(keys_.begin(), keys_.end(), std::back_inserter(keys),
               [](std::uint64_t k) { return k != free_slot; });
  std::sort(keys.begin(), keys.end());
  return keys;
}

}  // namespace gazette
