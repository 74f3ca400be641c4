/// @file
/// @brief Synonym groups: interchangeable words and phrases, in the analyzer's token forms.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/analysis/analyzer.hpp"

namespace gazette {

/// Forms that mean the same ("U.S.", "United States", "America"), each as its analyzer tokens joined by one
/// space ("us", "united states", "america"): the keys and values of a database's synonym table.
using SynonymGroup = std::vector<std::string>;

/// The analyzer tokens of text joined by one space ("U.S. Federal-Reserve" -> "us federal reserve").
std::string synonym_form(std::string_view text, Analyzer& analyzer);

/// $GAZETTE_SYNONYMS, else common/data/synonyms/news.tsv.
std::filesystem::path default_synonyms_path();

/// The groups of a synonym file: one group a line, forms separated by tabs, '#' comments. Groups with
/// fewer than two distinct forms are skipped.
/// @throws gazette::Error(not_found) when the file cannot be read.
std::vector<SynonymGroup> load_synonym_groups(const std::filesystem::path& path, Analyzer& analyzer);

/// The name and aliases of each curated person and organisation (common/data/entities), one group each, so
/// a free-text query for "Zelenskiy" also finds "Zelensky".
/// @throws gazette::Error(not_found) when the lists cannot be read.
std::vector<SynonymGroup> entity_alias_groups(Analyzer& analyzer);

}  // namespace gazette
