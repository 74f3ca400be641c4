/// @file
/// @brief Packing of the facet slots into slot_facets.
#include "gazette/schema/facet_values.hpp"

#include "gazette/schema/schema.hpp"

namespace gazette::schema {

namespace {

/// The longest prefix of text of at most max bytes that does not end inside a UTF-8 sequence.
std::string_view cut_at_boundary(std::string_view text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (std::uint8_t(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

}  // namespace

bool is_facet_slot(Xapian::valueno slot) noexcept {
  for (const Field& field : fields)
    if (field.slot && slot >= *field.slot && slot < *field.slot + field.slot_count) return true;
  return false;
}

std::string pack_facet_values(const Xapian::Document& document) {
  static_assert(slot_mention_first + mention_slots <= 256, "a facet slot number must fit in one byte");
  std::string packed;
  for (auto it = document.values_begin(); it != document.values_end(); ++it) {
    if (!is_facet_slot(it.get_valueno())) continue;
    const std::string value = *it;
    const std::string_view kept = cut_at_boundary(value, 255);
    packed += char(kept.size());
    packed += char(it.get_valueno());
    packed += kept;
  }
  return packed;
}

}  // namespace gazette::schema
