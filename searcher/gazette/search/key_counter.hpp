/// @file
/// @brief KeyCounter: how often each short byte string was seen, in an open-addressing table.
///
/// Facet counting adds about fifteen keys per match (bench/RESULTS.md, issue 6): a node-based map spent a
/// hash call, a division and a pointer chase per key, half of the count. Here a key costs an inlined XXH3
/// of a few bytes and, almost always, one probe of a flat array; the keys live once in an arena.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

class KeyCounter {
 public:
  KeyCounter();

  /// Counts one more occurrence of `key`.
  void add(std::string_view key);

  /// Calls visit(key, count) for every key seen, in no particular order.
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (const Slot& slot : slots_)
      if (slot.count) visit(std::string_view(arena_).substr(slot.offset, slot.length), slot.count);
  }

  /// How many distinct keys.
  std::size_t size() const noexcept { return used_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0;  // of the key in arena_
    std::uint32_t length = 0;
    std::uint32_t count = 0;  // 0: a free slot
  };
  void grow();

  std::vector<Slot> slots_;
  std::string arena_;
  std::size_t used_ = 0;
};

}  // namespace gazette
