/// @file
/// @brief KeyCounter: linear probing on the high bits of an inlined XXH3.
#include "gazette/search/key_counter.hpp"

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace gazette {

KeyCounter::KeyCounter() : slots_(1024) {}

void KeyCounter::add(std::string_view key) {
  const std::uint64_t hash = XXH3_64bits(key.data(), key.size());
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = (hash >> 32) & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (!slot.count) {
      slot = {hash, std::uint32_t(arena_.size()), std::uint32_t(key.size()), 1};
      arena_ += key;
      if (++used_ * 2 > slots_.size()) grow();  // at most half full: probes stay short
      return;
    }
    if (slot.hash == hash && std::string_view(arena_).substr(slot.offset, slot.length) == key) {
      ++slot.count;
      return;
    }
  }
}

void KeyCounter::grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (!slot.count) continue;
    std::size_t i = (slot.hash >> 32) & mask;
    while (slots_[i].count) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

}  // namespace gazette
