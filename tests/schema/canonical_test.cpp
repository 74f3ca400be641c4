/// @file
/// @brief Tests of schema::canonical_filter_value, the one canonical form of filter values.
#include <doctest/doctest.h>

#include <string>

#include "gazette/schema/schema.hpp"

namespace gazette::schema {

TEST_CASE("canonical_filter_value") {
  struct Case {
    const char* value;
    const char* expected;
  };
  const Case cases[] = {
      {"  New   York Times ", "new york times"},
      {"São Paulo", "sao paulo"},
      {"Zürich", "zurich"},
      {"REUTERS", "reuters"},
      {"reuters", "reuters"},
      {"Straße", "strasse"},
      {"\uFF32\uFF45\uFF55\uFF54\uFF45\uFF52\uFF53", "reuters"},  // full-width
      {"\uFB01nancial Times", "financial times"},                 // ligature
      {"New\u00A0York\tTimes\n", "new york times"},               // no-break space, tab, newline
      {"New\u3000York", "new york"},                              // ideographic space
      {"O\u2019Brien", "o'brien"},
      {"Ka\u00ADren", "karen"},                        // soft hyphen vanishes
      {"Κυριάκος Μητσοτάκης", "κυριακοσ μητσοτακησ"},  // case folding makes final sigma σ
      {"Зеленский", "зеленский"},                      // Cyrillic й is a letter: kept
      {"Île-de-France", "ile-de-france"},
      {"Line\x01"
       "Feed",
       "line feed"},
      {"   ", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    const std::string value = c.value;
    CAPTURE(value);
    CHECK(canonical_filter_value(value) == std::string(c.expected));
  }
}

TEST_CASE("canonical_filter_value is idempotent") {
  for (const char* value : {"  New   York Times ", "São Paulo", "Κυριάκος", "O\u2019Brien", "Straße"}) {
    const std::string once = canonical_filter_value(value);
    CHECK(canonical_filter_value(once) == once);
  }
}

}  // namespace gazette::schema
