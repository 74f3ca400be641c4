/// @file
/// @brief slot_facets: the packed facet values carry exactly the facet slots' values.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/schema/facet_values.hpp"
#include "gazette/schema/schema.hpp"

using namespace gazette;

namespace {
std::vector<std::pair<Xapian::valueno, std::string>> unpack(std::string_view packed) {
  std::vector<std::pair<Xapian::valueno, std::string>> values;
  schema::for_each_facet_value(packed, [&](const schema::PackedFacetValue& v) {
    CHECK(schema::facet_key_slot(v.key) == v.slot);
    CHECK(v.key.substr(1) == v.value);
    values.emplace_back(v.slot, std::string(v.value));
  });
  return values;
}
}  // namespace

TEST_CASE("every facet slot's value, in slot order, and nothing else") {
  Xapian::Document doc;
  doc.add_value(schema::slot_place_first + 1, "Ivory Coast");
  doc.add_value(schema::slot_source, "Reuters");
  doc.add_value(schema::slot_day, "19870226");
  doc.add_value(schema::slot_person_first, "Denis Bra Kanon");
  doc.add_value(schema::slot_mention_first, "1987-03");
  doc.add_value(schema::slot_story, "s1");             // collapse key, not a facet
  doc.add_value(schema::slot_date, "19870226000000");  // sort key, not a facet
  const auto values = unpack(schema::pack_facet_values(doc));
  const std::vector<std::pair<Xapian::valueno, std::string>> expected{
      {schema::slot_source, "Reuters"},
      {schema::slot_day, "19870226"},
      {schema::slot_person_first, "Denis Bra Kanon"},
      {schema::slot_place_first + 1, "Ivory Coast"},
      {schema::slot_mention_first, "1987-03"}};
  CHECK(values == expected);
  CHECK(schema::is_facet_slot(schema::slot_org_first + 3));
  CHECK_FALSE(schema::is_facet_slot(schema::slot_org_first + schema::entity_slots));
  CHECK_FALSE(schema::is_facet_slot(schema::slot_facets));
}

TEST_CASE("an article without facet values packs to nothing") {
  CHECK(schema::pack_facet_values(Xapian::Document()).empty());
  CHECK(unpack("").empty());
}

TEST_CASE("a value longer than 255 bytes is cut at a UTF-8 boundary") {
  Xapian::Document doc;
  const std::string long_name = std::string(254, 'a') + "é" + "tail";  // é spans bytes 254 and 255
  doc.add_value(schema::slot_org_first, long_name);
  const auto values = unpack(schema::pack_facet_values(doc));
  REQUIRE(values.size() == 1);
  CHECK(values[0].second == std::string(254, 'a'));
}

TEST_CASE("a packed value cut short is reported as corrupt, never read past its end") {
  Xapian::Document doc;
  doc.add_value(schema::slot_source, "Reuters");
  const std::string packed = schema::pack_facet_values(doc);
  for (std::size_t size = 1; size < packed.size(); ++size) {
    CAPTURE(size);
    CHECK_THROWS_AS(unpack(packed.substr(0, size)), Error);
  }
}
