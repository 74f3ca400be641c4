/// @file
/// @brief Term builders and the field table lookup of the index schema.
#include "gazette/schema/schema.hpp"

#include "gazette/core/hash.hpp"

namespace gazette::schema {

std::string id_term(std::string_view id) {
  std::string term(prefix::id);
  // A hashed id keeps a marker so it cannot collide with an input id that looks like a hash.
  if (prefix::id.size() + id.size() > max_term_bytes)
    term.append("#").append(hash_hex128(id));
  else
    term.append(id);
  return term;
}

std::string story_term(std::string_view story) {
  std::string term(prefix::story);
  if (prefix::story.size() + story.size() > max_term_bytes)
    term.append("#").append(hash_hex128(story));
  else
    term.append(story);
  return term;
}

std::string day_term(Day day) {
  return std::string(prefix::day) + format_compact_day(day);
}
std::string month_term(Day day) {
  return std::string(prefix::month) + format_compact_day(day).substr(0, 6);
}
std::string year_term(Day day) {
  return std::string(prefix::year) + format_compact_day(day).substr(0, 4);
}

std::string mention_day_term(Day day) {
  return std::string(prefix::mention_day) + format_compact_day(day);
}
std::string mention_month_term(Day day) {
  return std::string(prefix::mention_month) + format_compact_day(day).substr(0, 6);
}
std::string mention_year_term(Day day) {
  return std::string(prefix::mention_year) + format_compact_day(day).substr(0, 4);
}

const Field& entity_field(EntityType type) noexcept {
  const std::string_view name = type == EntityType::person         ? "person"
                                : type == EntityType::organization ? "org"
                                                                   : "place";
  return *find_field(name);  // the table has all three; a schema test checks it
}

const Field* find_field(std::string_view name) noexcept {
  for (const Field& field : fields)
    if (field.name == name) return &field;
  return nullptr;
}

}  // namespace gazette::schema
