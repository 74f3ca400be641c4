/// @file
/// @brief Acceptance of entity extraction on the three seed articles in ../shared/seeds.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>
#include <string>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "gazette/entities/extractor.hpp"
#include "shared_model.hpp"

namespace {

using gazette::Entity;
using gazette::EntityType;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// A seed file as the text reader sees it: the first line is the headline unless it starts with a header.
std::pair<std::string, std::string> split_seed(const std::string& text) {
  const auto newline = text.find('\n');
  const std::string first = text.substr(0, newline);
  if (first.find(" date ") == 0 || newline == std::string::npos) return {"", text};
  return {first, text.substr(newline + 1)};
}

}  // namespace

TEST_CASE("seed articles: the extracted set holds the expected people, organisations and places") {
  const auto dir = gazette::test::seeds_dir();
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("seeds not found at " << dir << ": skipped");
    return;
  }
  std::set<std::pair<EntityType, std::string>> found;
  std::set<std::string> any_type;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    const auto [title, body] = split_seed(read_file(entry.path()));
    const auto entities = gazette::extract_entities(gazette::test::entity_model(), title, body);
    std::ostringstream listing;
    for (const Entity& e : entities) {
      found.emplace(e.type, e.canonical);
      any_type.insert(e.canonical);
      listing << gazette::entity_type_name(e.type) << ':' << e.canonical << " x" << e.mentions
              << (e.in_title ? " (title)" : "") << "; ";
    }
    MESSAGE(entry.path().filename().string() << ": " << listing.str());
  }
  for (const char* person : {"Donald Trump", "Vladimir Putin", "Scott Bessent", "Joe Biden", "Barack Obama",
                             "Volodymyr Zelensky", "John Smith"})
    CHECK_MESSAGE(found.count({EntityType::person, person}) == 1, std::string(person));
  for (const char* org : {"White House", "State Department", "Treasury Department",
                          "Office of Foreign Assets Control", "Morrison Foerster"})
    CHECK_MESSAGE(found.count({EntityType::organization, org}) == 1, std::string(org));
  for (const char* place : {"Russia", "Ukraine", "Moscow", "Saudi Arabia", "Turkey", "Crimea"})
    CHECK_MESSAGE(found.count({EntityType::place, place}) == 1, std::string(place));
  CHECK(found.count({EntityType::person, "The White House"}) == 0);
  CHECK(found.count({EntityType::person, "White House"}) == 0);
  for (const char* never : {"February", "Last", "However", "Also Read", "Also", "The White House"})
    CHECK_MESSAGE(any_type.count(never) == 0, std::string(never));
  // One entity for both spellings of Zelensky.
  CHECK(std::none_of(found.begin(), found.end(), [](const auto& e) {
    return e.second.find("Zelenskiy") != std::string::npos || e.second == "Zelensky";
  }));
}
