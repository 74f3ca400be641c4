/// @file
/// @brief QueryHarness: a tiny archive indexed with the schema's terms and values.
#include "query_harness.hpp"

#include <chrono>

#include "fuzz_support.hpp"
#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette::fuzz {

using namespace std::chrono;

QueryHarness::QueryHarness()
    : database_(std::string(), Xapian::DB_BACKEND_INMEMORY), builder_(database_, analyzer_) {
  add_article("Cocoa prices rise", "Cocoa prices rose in New York as Brazil's harvest fell short.", "Reuters",
              1987y / February / 26, "brazil");
  add_article("Coffee exports", "Colombia's coffee exports grew 5.93 pct in March, the U.S. said.", "AFP",
              2025y / March / 3, "colombia");
  add_article("Interest rates", "The central bank kept interest rates unchanged last week.", "Reuters",
              2014y / March / 18, "united states");
}

void QueryHarness::add_article(std::string_view title, std::string_view body, std::string_view source,
                               Day day, std::string_view place) {
  Xapian::Document document;
  std::vector<Token> tokens;
  analyzer_.tokenize(title, tokens);
  Xapian::termpos position = 0;
  for (const Token& token : tokens) {
    const std::string stem = analyzer_.stem(token.text);
    document.add_posting(stem, ++position, schema::title_wdf);
    document.add_posting(std::string(schema::prefix::title) + stem, position);
  }
  tokens.clear();
  analyzer_.tokenize(body, tokens);
  position += schema::body_position_gap;
  for (const Token& token : tokens) document.add_posting(analyzer_.stem(token.text), ++position);
  document.add_boolean_term(std::string(schema::prefix::source) + schema::canonical_filter_value(source));
  document.add_boolean_term(std::string(schema::prefix::place) + schema::canonical_filter_value(place));
  document.add_boolean_term(schema::day_term(day));
  document.add_boolean_term(schema::month_term(day));
  document.add_boolean_term(schema::year_term(day));
  document.add_value(schema::slot_day, format_compact_day(day));
  document.add_value(schema::slot_source, std::string(source));
  database_.add_document(document);
}

void QueryHarness::run(const SearchRequest& request) {
  try {
    const Xapian::Query query = builder_.build(request);
    QueryBuilder::highlight_terms(query);
    Xapian::Enquire enquire(database_);
    enquire.set_query(query);
    enquire.get_mset(0, 10);
  } catch (const Error& e) {
    FUZZ_CHECK(e.code() == ErrorCode::usage || e.code() == ErrorCode::bad_query);
  }
}

}  // namespace gazette::fuzz
