/// @file
/// @brief Query help from the database's own data: synonym expansion and did-you-mean.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "gazette/analysis/analyzer.hpp"

namespace gazette {

/// Longest synonym key, in words ("organization of the petroleum exporting countries" is six).
constexpr std::size_t max_synonym_words = 6;

/// The query with each run of free words that is a key of the database's synonym table replaced by the
/// group: "fed rates" -> `(fed OR "federal reserve") rates`. Longest keys first; phrases, field values,
/// operators and signed words are left alone.
std::string expand_synonyms(std::string_view query, Analyzer& analyzer, const Xapian::Database& db);

/// The query with each free word that no article contains replaced by the closest word of the database's
/// spelling data ("cocao prices" -> "cocoa prices"), or nullopt when no word changes. A word any article
/// contains is never replaced, however rare.
std::optional<std::string> suggest_spelling(std::string_view query, Analyzer& analyzer,
                                            const Xapian::Database& db);

}  // namespace gazette
