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

/// Adds counts to a tally of words.
void add_spellings(SpellingCounts& into, const SpellingCounts& counts);

/// Takes the words of replaced or deleted articles (`forgotten`) out of the database's spelling data, adds
/// the counted words of new ones, and replaces its synonym table with these groups (every form a key, the
/// group's other forms its synonyms). The caller commits.
void write_query_aids(Xapian::WritableDatabase& db, const SpellingCounts& words,
                      const std::vector<SynonymGroup>& groups, const SpellingCounts& forgotten = {});

/// Counts the words of the article with this id term in `articles`, if there is one, into `words`.
void count_article_spellings(const Xapian::Database& articles, const std::string& id_term, Analyzer& analyzer,
                             SpellingCounts& words);

/// Takes the words of the article with this id term in `articles`, if there is one, out of the spelling
/// data of `spellings` (the same database, or a sharded archive's control database): before a deletion, so
/// that a deleted article's words leave no trace once the database is compacted.
void forget_spellings(Xapian::WritableDatabase& spellings, const Xapian::Database& articles,
                      const std::string& id_term, Analyzer& analyzer);
/// The same where the spelling data lives in another database than the article (a sharded archive keeps
/// it in its control database).
void forget_spellings(Xapian::WritableDatabase& spellings, const Xapian::Database& articles,
                      const std::string& id_term, Analyzer& analyzer);

/// The synonym groups a database gets: the synonym file (default_synonyms_path()) and the curated entity
/// aliases. @throws gazette::Error(not_found) when a list cannot be read.
std::vector<SynonymGroup> news_synonym_groups(Analyzer& analyzer);

}  // namespace gazette
