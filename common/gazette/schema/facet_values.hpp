/// @file
/// @brief slot_facets: every facet value of one article packed into one value slot.
///
/// Xapian 1.4 reads a value slot of a match by decoding its value chunk from the start, so counting 18 facet
/// slots cost 18 chunk decodes per match: most of a web request (bench/RESULTS.md, issue 6). A local search
/// reads this one slot instead; a remote shard, which runs only Xapian's own spies, counts the slots
/// themselves, and both count the same values because this slot is packed from them.
///
/// Format: for each facet slot that holds a value, in slot order: the value's length (one byte; longer values
/// are cut at a UTF-8 boundary, as no facet value is that long), the slot number (one byte) and the value's
/// bytes, so the slot byte and the value form one contiguous key for counting.
#pragma once

#include <xapian.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "gazette/core/error.hpp"

namespace gazette::schema {

/// Whether a value slot holds facet values (schema::fields' slots, the publication day included).
bool is_facet_slot(Xapian::valueno slot) noexcept;

/// The slot_facets value of a document whose facet slots are set.
std::string pack_facet_values(const Xapian::Document& document);

/// One value of a packed slot_facets.
struct PackedFacetValue {
  Xapian::valueno slot;
  std::string_view value;
  std::string_view key;  ///< the slot byte then the value: distinct for every (slot, value) pair
};

/// The slot of a PackedFacetValue::key.
inline Xapian::valueno facet_key_slot(std::string_view key) noexcept {
  return Xapian::valueno(std::uint8_t(key[0]));
}

/// Calls visit(PackedFacetValue) for each value of a slot_facets value.
/// @throws gazette::Error(corrupt) when the value is cut short.
template <typename Visit>
void for_each_facet_value(std::string_view packed, Visit&& visit) {
  std::size_t at = 0;
  while (at < packed.size()) {
    const std::size_t length = std::uint8_t(packed[at]);
    if (packed.size() - at < 2 + length)
      throw Error(ErrorCode::corrupt, "a packed facet value is cut short; reindex the database");
    const std::string_view key = packed.substr(at + 1, 1 + length);
    visit(PackedFacetValue{facet_key_slot(key), key.substr(1), key});
    at += 2 + length;
  }
}

}  // namespace gazette::schema
