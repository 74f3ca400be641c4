/// @file
/// @brief What the searcher's query help reads from a database: spelling data and the synonym table.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "gazette/analysis/synonyms.hpp"

namespace gazette {

/// Words of the indexed text and how often they occur: the spelling dictionary of did-you-mean.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

/// Counts a word for the spelling dictionary when it can be a correction: letters only, 3 to 24 bytes.
void count_spelling(SpellingCounts& counts, const std::string& word);

/// Adds the counted words to the database's spelling data and replaces its synonym table with these
/// groups (every form a key, the group's other forms its synonyms). The caller commits.
void write_query_aids(Xapian::WritableDatabase& db, const SpellingCounts& words,
                      const std::vector<SynonymGroup>& groups);

/// Takes the words of the article with this id term, if there is one, out of the spelling data: call it
/// before the article is deleted or replaced, so that a deleted article's words leave no trace once the
/// database is compacted. `analyzer` must have the database's settings.
void forget_spellings(Xapian::WritableDatabase& db, const std::string& id_term, Analyzer& analyzer);

/// The synonym groups a database gets: the synonym file (default_synonyms_path()) and the curated entity
/// aliases. @throws gazette::Error(not_found) when a list cannot be read.
std::vector<SynonymGroup> news_synonym_groups(Analyzer& analyzer);

}  // namespace gazette
