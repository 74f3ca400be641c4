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

void add_spellings(SpellingCounts& into, const SpellingCounts& counts) {
  for (const auto& [word, count] : counts) into[word] += count;
}

void write_query_aids(Xapian::WritableDatabase& db, const SpellingCounts& words,
                      const std::vector<SynonymGroup>& groups, const SpellingCounts& forgotten) {
  // Net changes: a word both forgotten and added (a replaced article) must not be clamped at zero first.
  std::unordered_map<std::string, long long> change;
  for (const auto& [word, count] : words) change[word] += count;
  for (const auto& [word, count] : forgotten) change[word] -= count;
  for (const auto& [word, delta] : change)
    if (delta > 0)
      db.add_spelling(word, Xapian::termcount(delta));
    else if (delta < 0)
      db.remove_spelling(word, Xapian::termcount(-delta));
  std::vector<std::string> old_keys(db.synonym_keys_begin(), db.synonym_keys_end());
  for (const std::string& key : old_keys) db.clear_synonyms(key);
  for (const SynonymGroup& group : groups)
    for (const std::string& key : group)
      for (const std::string& synonym : group)
        if (synonym != key) db.add_synonym(key, synonym);
}

void count_article_spellings(const Xapian::Database& articles, const std::string& id_term, Analyzer& analyzer,
                             SpellingCounts& words) {
  const Xapian::PostingIterator it = articles.postlist_begin(id_term);
  if (it == articles.postlist_end(id_term)) return;
  const Article article = RecordCodec().decode(articles.get_document(*it).get_data());
  std::vector<Token> tokens;
  analyzer.tokenize(article.title, tokens);
  analyzer.tokenize(article.body, tokens);
  for (const Token& token : tokens) count_spelling(words, token.text);
}

void forget_spellings(Xapian::WritableDatabase& spellings, const Xapian::Database& articles,
                      const std::string& id_term, Analyzer& analyzer) {
  SpellingCounts words;
  count_article_spellings(articles, id_term, analyzer, words);
  for (const auto& [word, count] : words) spellings.remove_spelling(word, count);
}

std::vector<SynonymGroup> news_synonym_groups(Analyzer& analyzer) {
  std::vector<SynonymGroup> groups = load_synonym_groups(default_synonyms_path(), analyzer);
  std::vector<SynonymGroup> aliases = entity_alias_groups(analyzer);
  groups.insert(groups.end(), std::make_move_iterator(aliases.begin()),
                std::make_move_iterator(aliases.end()));
  return groups;
}

}  // namespace gazette
