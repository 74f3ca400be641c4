/// @file
/// @brief Spelling data and synonyms written at the end of an indexing run.
#include "gazette/index/query_aids.hpp"

#include <algorithm>

#include "gazette/store/record.hpp"

namespace gazette {

void count_spelling(SpellingCounts& counts, const std::string& word) {
  if (word.size() < 3 || word.size() > 24) return;
  if (!std::all_of(word.begin(), word.end(),
                   [](unsigned char c) { return (c >= 'a' && c <= 'z') || c >= 0x80; }))
    return;
  ++counts[word];
}

void write_query_aids(Xapian::WritableDatabase& db, const SpellingCounts& words,
                      const std::vector<SynonymGroup>& groups) {
  for (const auto& [word, count] : words) db.add_spelling(word, count);
  std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
  for (const std::string& key : old_keys) db.clear_synonyms(key);
  for (const SynonymGroup& group : groups)
    for (const std::string& key : group)
      for (const std::string& synonym : group)
        if (synonym != key) db.add_synonym(key, synonym);
}

void forget_spellings(Xapian::WritableDatabase& db, const std::string& id_term, Analyzer& analyzer) {
  const Xapian::PostingIterator it = db.postlist_begin(id_term);
  if (it == db.postlist_end(id_term)) return;
  const Article article = RecordCodec().decode(db.get_document(*it).get_data());
  std::vector<Token> tokens;
  analyzer.tokenize(article.title, tokens);
  analyzer.tokenize(article.body, tokens);
  SpellingCounts words;
  for (const Token& token : tokens) count_spelling(words, token.text);
  for (const auto& [word, count] : words) db.remove_spelling(word, count);
}

std::vector<SynonymGroup> news_synonym_groups(Analyzer& analyzer) {
  std::vector<SynonymGroup> groups = load_synonym_groups(default_synonyms_path(), analyzer);
  std::vector<SynonymGroup> aliases = entity_alias_groups(analyzer);
  groups.insert(groups.end(), std::make_move_iterator(aliases.begin()),
                std::make_move_iterator(aliases.end()));
  return groups;
}

}  // namespace gazette
