/// @file
/// @brief Synonym expansion and did-you-mean against a real in-memory database's synonym and spelling data.
#include <doctest/doctest.h>

#include "../temp_dir.hpp"
#include "gazette/search/query_help.hpp"
#include "gazette/search/query_words.hpp"

using namespace gazette;

namespace {

/// A database with a few words, their spellings, and the Fed and U.S. synonym groups (the in-memory
/// backend keeps neither spellings nor synonyms).
Xapian::WritableDatabase small_database(const test::TempDir& dir) {
  Xapian::WritableDatabase db((dir / "db").string(), Xapian::DB_CREATE);
  Xapian::Document doc;
  for (const char* word : {"cocoa", "price", "ghana", "rate", "ardent"}) doc.add_term(word);
  db.add_document(doc);
  for (const char* word : {"cocoa", "prices", "ghana", "rates", "ardent"}) db.add_spelling(word, 5);
  db.add_synonym("fed", "federal reserve");
  db.add_synonym("federal reserve", "fed");
  db.add_synonym("us", "united states");
  db.add_synonym("united states", "us");
  db.commit();
  return db;
}

}  // namespace

TEST_CASE("free words leave out phrases, fields, operators, signs and wildcards") {
  Analyzer analyzer;
  std::string words;
  for (const QueryWord& w :
       free_query_words(R"(oil "crude price" source:reuters AND -opec +iran gas* U.S. rates)", analyzer))
    words += w.text + (w.follows_word ? "+ " : " ");
  CHECK(words == "oil us rates+ ");
}

TEST_CASE("synonyms: the longest key wins and the group joins the query") {
  Analyzer analyzer;
  test::TempDir dir;
  const auto db = small_database(dir);
  CHECK(expand_synonyms("fed rates", analyzer, db) == R"((fed OR "federal reserve") rates)");
  CHECK(expand_synonyms("United States trade", analyzer, db) == R"(("United States" OR us) trade)");
  CHECK(expand_synonyms("\"fed rates\" source:fed", analyzer, db) == "\"fed rates\" source:fed");
  CHECK(expand_synonyms("cocoa", analyzer, db) == "cocoa");
}

TEST_CASE("did-you-mean corrects only words no article contains") {
  Analyzer analyzer;
  test::TempDir dir;
  const auto db = small_database(dir);
  CHECK(suggest_spelling("cocao prices", analyzer, db) == "cocoa prices");
  CHECK(suggest_spelling("gahna cocoa", analyzer, db) == "ghana cocoa");
  CHECK_FALSE(suggest_spelling("cocoa prices", analyzer, db));
  CHECK_FALSE(suggest_spelling("ardent", analyzer, db));  // a rare real word that matches stays
  CHECK_FALSE(suggest_spelling("zzzqqq", analyzer, db));  // nothing close: no suggestion
}
