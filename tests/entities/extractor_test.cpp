/// @file
/// @brief Entity extraction rules: aliases, coreference, places and countries, organisations, capitals, bad
/// input.
#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "gazette/core/error.hpp"
#include "gazette/entities/extractor.hpp"
#include "shared_model.hpp"

namespace {

using gazette::Entity;
using gazette::EntityType;

std::vector<Entity> extract(std::string_view title, std::string_view body) {
  return gazette::extract_entities(gazette::test::entity_model(), title, body);
}

const Entity* find(const std::vector<Entity>& entities, EntityType type, std::string_view name) {
  const auto it = std::find_if(entities.begin(), entities.end(),
                               [&](const Entity& e) { return e.type == type && e.canonical == name; });
  return it == entities.end() ? nullptr : &*it;
}

std::size_t count_type(const std::vector<Entity>& entities, EntityType type) {
  return static_cast<std::size_t>(
      std::count_if(entities.begin(), entities.end(), [&](const Entity& e) { return e.type == type; }));
}

bool has_name(const std::vector<Entity>& entities, std::string_view name) {
  return std::any_of(entities.begin(), entities.end(), [&](const Entity& e) { return e.canonical == name; });
}

}  // namespace

TEST_CASE("spelling variants of a person fold into one canonical name") {
  const auto e = extract("",
                         "Ukrainian President Volodymyr Zelenskiy met officials. Later Zelensky said no deal "
                         "was reached, and Zelenskyy left.");
  const Entity* z = find(e, EntityType::person, "Volodymyr Zelensky");
  REQUIRE(z != nullptr);
  CHECK(z->mentions == 3);
  CHECK(count_type(e, EntityType::person) == 1);
}

TEST_CASE("a later surname resolves to the full name used earlier in the article") {
  const auto e = extract("Bessent sees relief",
                         "Treasury Secretary Scott Bessent spoke on Monday. Analysts said "
                         "Bessent was cautious, and Mr. Bessent declined to comment.");
  const Entity* b = find(e, EntityType::person, "Scott Bessent");
  REQUIRE(b != nullptr);
  CHECK(b->mentions == 4);
  CHECK(b->in_title);
  CHECK(count_type(e, EntityType::person) == 1);
}

TEST_CASE("U.S., US, United States and USA are one place") {
  const auto e =
      extract("", "The U.S. and Japan met. US officials said the United States and the USA agree.");
  const Entity* us = find(e, EntityType::place, "United States");
  REQUIRE(us != nullptr);
  CHECK(us->mentions == 4);
  CHECK(find(e, EntityType::place, "Japan") != nullptr);
  CHECK(count_type(e, EntityType::place) == 2);
}

TEST_CASE("a city or region also yields its country") {
  const auto e = extract("", "Talks were held in Riyadh and Istanbul. Russia annexed Crimea in 2014.");
  for (const char* place : {"Riyadh", "Saudi Arabia", "Istanbul", "Turkey", "Crimea", "Ukraine", "Russia"})
    CHECK_MESSAGE(find(e, EntityType::place, place) != nullptr, std::string(place));
}

TEST_CASE("demonyms are not places") {
  const auto e = extract("", "Russian oligarchs and American investors met Ukrainian officials.");
  CHECK(count_type(e, EntityType::place) == 0);
}

TEST_CASE("the Kremlin and the White House are organisations") {
  const auto e = extract("The White House rejects the plan",
                         "The Kremlin said on Friday that the White House had "
                         "not called. The White House declined to comment.");
  const Entity* wh = find(e, EntityType::organization, "White House");
  REQUIRE(wh != nullptr);
  CHECK(wh->in_title);
  CHECK(wh->mentions == 3);
  CHECK(find(e, EntityType::organization, "Kremlin") != nullptr);
  CHECK(count_type(e, EntityType::person) == 0);
  CHECK(count_type(e, EntityType::place) == 0);
  CHECK_FALSE(has_name(e, "The White House"));
  CHECK_FALSE(has_name(e, "Friday"));
}

TEST_CASE("organisation cues and coordinated departments") {
  const auto e = extract("",
                         "The White House asked the State and Treasury Departments to act. The Bank of Japan "
                         "and Acme Widgets Corp agreed, according to the Office of Foreign Assets Control.");
  for (const char* org : {"State Department", "Treasury Department", "Bank of Japan", "Acme Widgets Corp",
                          "Office of Foreign Assets Control"})
    CHECK_MESSAGE(find(e, EntityType::organization, org) != nullptr, std::string(org));
  CHECK(find(e, EntityType::place, "Japan") != nullptr);
}

TEST_CASE("people are found by titles, first names, speech and apposition") {
  const auto e = extract("",
                         "According to John Smith, a partner at the Morrison Foerster law firm, economist "
                         "Jane Roe agreed. Kiichi Miyazawa said prices rose.");
  for (const char* person : {"John Smith", "Jane Roe", "Kiichi Miyazawa"})
    CHECK_MESSAGE(find(e, EntityType::person, person) != nullptr, std::string(person));
  CHECK(find(e, EntityType::organization, "Morrison Foerster") != nullptr);
}

TEST_CASE("an ALL-CAPS headline yields places and known names, not its ordinary words") {
  const auto e = extract("JAPAN AND U.S. AGREE ON TRADE, BAKER SAYS",
                         "Treasury Secretary James Baker said the accord with Tokyo would hold.");
  const Entity* japan = find(e, EntityType::place, "Japan");
  REQUIRE(japan != nullptr);
  CHECK(japan->in_title);
  CHECK(find(e, EntityType::place, "United States") != nullptr);
  const Entity* baker = find(e, EntityType::person, "James Baker");
  REQUIRE(baker != nullptr);
  CHECK(baker->in_title);
  for (const char* word : {"AGREE", "TRADE", "SAYS", "Agree", "Trade"}) CHECK_FALSE(has_name(e, word));
  CHECK(e.front().in_title);
}

TEST_CASE("a dateline places the article") {
  const auto e = extract("COFFEE RAINS", "SALVADOR, Feb 26 - Showers continued throughout the week.");
  CHECK(find(e, EntityType::place, "Brazil") != nullptr);
  const auto us = extract("", "MIDLAND, Mich., March 3 - The company said sales rose.");
  CHECK(find(us, EntityType::place, "United States") != nullptr);
}

TEST_CASE("sentence-initial capitals and title-case lines are not entities") {
  const auto e =
      extract("",
              "Last year the company grew. However, analysts doubt it. Also, February was weak.\n\n"
              "Also Read | Economic Considerations and Strategic Interests\n\nRecent News\n");
  CHECK(e.empty());
}

TEST_CASE("odd input never throws and yields fewer entities") {
  std::string control;
  for (int c = 0; c < 32; ++c) control += static_cast<char>(c), control += "Moscow ";
  CHECK_NOTHROW(extract(control, control));
  CHECK(find(extract("", control), EntityType::place, "Moscow") != nullptr);

  std::string huge;
  huge.reserve(10u << 20);
  while (huge.size() < (10u << 20)) huge += "President Vladimir Putin met officials in Moscow and the IMF; ";
  std::vector<Entity> big;
  CHECK_NOTHROW(big = extract("", huge));
  CHECK(find(big, EntityType::person, "Vladimir Putin") != nullptr);

  CHECK_NOTHROW(extract("", "no capitals at all in this text, not even in moscow or russia."));
  CHECK(extract("", "no capitals at all in this text, not even in moscow or russia.").empty());
  CHECK_NOTHROW(
      extract("ONLY CAPITALS HERE", "RUSSIA AND THE KREMLIN SAID THE TALKS WITH MOSCOW WILL GO ON."));
  const auto caps =
      extract("ONLY CAPITALS HERE", "RUSSIA AND THE KREMLIN SAID THE TALKS WITH MOSCOW WILL GO ON.");
  CHECK(find(caps, EntityType::place, "Russia") != nullptr);
  CHECK(find(caps, EntityType::organization, "Kremlin") != nullptr);

  const std::string invalid = "Caf\xc3 \xff\xfe Paris \xe2\x82 London \xed\xa0\x80 end";
  CHECK_NOTHROW(extract(invalid, invalid));
  CHECK_NOTHROW(extract("", ""));
  CHECK_NOTHROW(extract("'s", "- , . 's ' ( ) \"\"\n\n\n"));
}

TEST_CASE("one model serves concurrent extractors") {
  const std::string body = "Treasury Secretary Scott Bessent met Vladimir Putin in Moscow and Riyadh.";
  const auto expected = extract("", body);
  std::vector<std::vector<Entity>> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results)
    threads.emplace_back([&r, &body] {
      gazette::Extractor extractor(gazette::test::entity_model());
      for (int i = 0; i < 200; ++i) r = extractor.extract("", body);
    });
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("a missing data directory is a clear error") {
  CHECK_THROWS_AS(gazette::EntityModel::load(gazette::test::data_dir() / "no-such-entities"), gazette::Error);
}

TEST_CASE("a headline speaker is a person in a headline-only brief, the body's entity otherwise") {
  const auto brief = extract("VOLCKER SEES NO CLEAR EVIDENCE OF A TURN", "Blah blah blah.");
  CHECK(find(brief, EntityType::person, "Volcker") != nullptr);
  const auto company =
      extract("WESTINGHOUSE SEES HIGHER EARNINGS",
              "Westinghouse Electric Corp said it expects earnings to rise by at least ten pct in "
              "each of the next three years, its chairman told a meeting of analysts in New York.");
  CHECK(find(company, EntityType::organization, "Westinghouse Electric Corp") != nullptr);
  CHECK(count_type(company, EntityType::person) == 0);
}
