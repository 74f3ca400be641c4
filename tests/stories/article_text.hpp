/// @file
/// @brief Test articles as the story tests need them: a file's bytes, and a text article's cleaned body.
#pragma once

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "gazette/cleanup/boilerplate.hpp"
#include "gazette/readers/text_reader.hpp"

namespace gazette::test {

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in, "cannot read " << path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

/// The cleaned body of a text article, as the indexer fingerprints and stores it.
inline std::string cleaned_body(const std::filesystem::path& path) {
  static const auto rules = BoilerplateRules::load();
  const ReadItem item = parse_text_article(read_file(path), path.string());
  REQUIRE(std::holds_alternative<Article>(item));
  return clean_text(*rules, std::get<Article>(item).body).text;
}

}  // namespace gazette::test
