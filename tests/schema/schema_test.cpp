/// @file
/// @brief The schema's prefixes and slots are distinct and its term builders are stable.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "gazette/schema/schema.hpp"

using namespace gazette;
using namespace std::chrono;

TEST_CASE("term prefixes are distinct and no prefix is an ambiguous start of another boolean prefix") {
  namespace p = schema::prefix;
  const std::set<std::string_view> all{
      p::id,       p::title,    p::day,          p::month, p::year,        p::source,        p::author,
      p::language, p::person,   p::organization, p::place, p::mention_day, p::mention_month, p::mention_year,
      p::story,    p::sample};
  CHECK(all.size() == 16);
  // Xapian's convention: multi-letter prefixes start with X, single capitals are Omega's.
  for (std::string_view prefix : all) CHECK((prefix.size() == 1 || prefix.front() == 'X'));
  // The quote marker is a term of its own: no prefixed term can equal it.
  for (std::string_view prefix : all) CHECK_FALSE(schema::quotes_term.starts_with(prefix));
}

TEST_CASE("entity slot ranges do not overlap the fixed slots or each other") {
  using namespace schema;
  CHECK(slot_person_first + entity_slots <= slot_org_first);
  CHECK(slot_org_first + entity_slots <= slot_place_first);
  CHECK(slot_age_bucket < slot_person_first);
}

TEST_CASE("field names are unique and each field can be found") {
  std::set<std::string_view> names;
  for (const auto& field : schema::fields) {
    names.insert(field.name);
    CHECK(schema::find_field(field.name) == &field);
  }
  CHECK(names.size() == schema::fields.size());
  CHECK(schema::find_field("nonesuch") == nullptr);
}

TEST_CASE("date terms") {
  const Day day = sys_days{2025y / March / 3};
  CHECK(schema::day_term(day) == "D20250303");
  CHECK(schema::month_term(day) == "M202503");
  CHECK(schema::year_term(day) == "Y2025");
}

TEST_CASE("id terms: short ids verbatim, over-long ids hashed under the term limit") {
  CHECK(schema::id_term("reuters-1") == "Qreuters-1");
  const std::string long_id(1000, 'a');
  const std::string term = schema::id_term(long_id);
  CHECK(term.size() <= schema::max_term_bytes);
  CHECK(term.rfind("Q#", 0) == 0);
  CHECK(term == schema::id_term(long_id));
  CHECK(term != schema::id_term(long_id + "b"));
}

TEST_CASE("each entity type has its field, prefix and slot range") {
  using namespace schema;
  CHECK(entity_field(EntityType::person).prefix == prefix::person);
  CHECK(entity_field(EntityType::organization).prefix == prefix::organization);
  CHECK(entity_field(EntityType::place).prefix == prefix::place);
  CHECK(entity_field(EntityType::place).slot == slot_place_first);
  CHECK(find_field("mentions")->slot_count == mention_slots);
  CHECK(mention_month_term(sys_days{2014y / March / 18}) == "XMM201403");
}
