/// @file
/// @brief DocumentBuilder writes the terms, values and data the schema promises.
#include <doctest/doctest.h>

#include <set>

#include "gazette/index/document_builder.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/store/record.hpp"

using namespace gazette;
using namespace std::chrono;

namespace {
std::set<std::string> terms_of(const Xapian::Document& doc) {
  std::set<std::string> terms;
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) terms.insert(*it);
  return terms;
}
Xapian::termcount wdf_of(const Xapian::Document& doc, const std::string& term) {
  auto it = doc.termlist_begin();
  it.skip_to(term);
  return it != doc.termlist_end() && *it == term ? it.get_wdf() : 0;
}
}  // namespace

TEST_CASE("an article becomes id, word, headline, date and filter terms, values and its record") {
  Article a;
  a.id = "gz-1";
  a.title = "Cocoa prices climb";
  a.body = "Cocoa futures rose in London.";
  a.source = "Market Wire";
  a.language = "en";
  a.published = sys_days{2024y / March / 18} + 16h + 5min;
  a.date_source = DateSource::metadata;

  DocumentBuilder builder{AnalyzerSettings{}};
  const Xapian::Document doc = builder.build(a);
  const auto terms = terms_of(doc);
  for (const char* t : {"Qgz-1", "cocoa", "price", "climb", "Scocoa", "Sprice", "futur", "london",
                        "D20240318", "M202403", "Y2024", "XSRCmarket wire", "Len"})
    CHECK_MESSAGE(terms.count(t), t);
  CHECK(wdf_of(doc, "cocoa") == schema::title_wdf + 1);  // headline (weighted) + body
  CHECK(wdf_of(doc, "Scocoa") == 1);
  CHECK(doc.get_value(schema::slot_date) == "20240318160500");
  CHECK(doc.get_value(schema::slot_day) == "20240318");
  CHECK(doc.get_value(schema::slot_source) == "Market Wire");
  CHECK(doc.get_value(schema::slot_story).empty());  // set by the story stage
  Xapian::Document with_story = doc;
  set_story(with_story, "gz-0");
  CHECK(with_story.get_value(schema::slot_story) == "gz-0");
  CHECK(terms_of(with_story).count("XCLgz-0"));

  // Headline and body positions never touch, so a phrase cannot span them.
  auto last_title = doc.termlist_begin();
  last_title.skip_to("climb");
  auto first_body = doc.termlist_begin();
  first_body.skip_to("futur");
  CHECK(*first_body.positionlist_begin() >= *last_title.positionlist_begin() + schema::body_position_gap);

  RecordCodec codec;
  CHECK(codec.decode(doc.get_data()).body == a.body);
}

TEST_CASE("an article without date, source or language gets no such terms or values") {
  Article a;
  a.id = "bare";
  a.body = "Only words.";
  DocumentBuilder builder{AnalyzerSettings{}};
  const Xapian::Document doc = builder.build(a);
  for (const std::string& t : terms_of(doc)) {
    CHECK(t.rfind("D", 0) != 0);
    CHECK(t.rfind("XSRC", 0) != 0);
  }
  CHECK(doc.get_value(schema::slot_date).empty());
}
