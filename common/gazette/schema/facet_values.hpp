/// @file
/// @brief slot_facets: every facet value of one article packed into one value slot.
///
/// Xapian 1.4 reads a value slot of a match by decoding its value chunk from the start, so counting 18 facet
/// slots cost 18 chunk decodes per match: most of a web request (bench/RESULTS.md, issue 6). A local search
/// reads this one slot instead; a remote shard, which runs only Xapian's own spies, counts the slots
/// themselves, and both count the same values because this slot is packed from them.
///
/// Format: for each facet slot that holds a value, in slot order: the slot number (one byte), the value's
/// length (one byte; longer values are cut at a UTF-8 boundary, as no facet value is that long) and its
/// bytes.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "gazette/core/error.hpp"

namespace gazette::schema {

/// Whether a value slot holds facet values (schema::fields' slots, the publication day included).
bool is_facet_slot(Xapian::valueno slot) noexcept;

/// The slot_facets value of a document whose facet slots are set.
std::string pack_facet_values(const Xapian::Document& document);

/// Calls visit(slot, value) for each value of a slot_facets value.
/// @throws gazette::Error(corrupt) when the value is cut short.
template <typename Visit>
void for_each_facet_value(std::string_view packed, Visit&& visit) {
  std::size_t at = 0;
  while (at < packed.size()) {
    if (packed.size() - at < 2 || packed.size() - at - 2 < std::uint8_t(packed[at + 1]))
      throw Error(ErrorCode::corrupt, "a packed facet value is cut short; reindex the database");
    const auto slot = Xapian::valueno(std::uint8_t(packed[at]));
    const std::size_t length = std::uint8_t(packed[at + 1]);
    visit(slot, packed.substr(at + 2, length));
    at += 2 + length;
  }
}

}  // namespace gazette::schema
