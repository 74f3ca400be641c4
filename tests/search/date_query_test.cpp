/// @file
/// @brief Date expressions become D/M/Y terms or inclusive day-slot ranges.
#include <doctest/doctest.h>

#include "gazette/core/error.hpp"
#include "gazette/search/date_query.hpp"

using namespace gazette;

TEST_CASE("date expressions as queries") {
  struct Case {
    const char* expression;
    const char* description;  // Xapian's Query::get_description(), or nullptr for an error
  };
  const Case cases[] = {
      {"1987", "Query(Y1987)"},
      {"1987-02", "Query(M198702)"},
      {"1987-02-26", "Query(D19870226)"},
      {"2025-03-01..2025-03-31", "Query(VALUE_RANGE 2 20250301 20250331)"},
      {"2025-03..2025-04", "Query(VALUE_RANGE 2 20250301 20250430)"},
      {"2024..2025", "Query(VALUE_RANGE 2 20240101 20251231)"},
      {"2024-02..", "Query(VALUE_GE 2 20240201)"},
      {"..2024-02", "Query(VALUE_LE 2 20240229)"},
      {"..", nullptr},
      {"2025-13", nullptr},
      {"2025-02-30", nullptr},
      {"0000", nullptr},
      {"87", nullptr},
      {"yesterday", nullptr},
      {"2025-03-31..2025-03-01", nullptr},
      {"2025-03-01..junk", nullptr},
  };
  for (const Case& c : cases) {
    CAPTURE(c.expression);
    if (c.description) {
      CHECK(date_query(c.expression).get_description() == c.description);
    } else {
      CHECK_THROWS_AS(date_query(c.expression), Error);
    }
  }
}

TEST_CASE("the error names the expression and the accepted forms") {
  try {
    date_query("2025-13");
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::bad_query);
    CHECK(std::string(e.what()).find("'2025-13'") != std::string::npos);
    CHECK(std::string(e.what()).find("1987-02-26") != std::string::npos);
  }
}
