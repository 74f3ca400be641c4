/// @file
/// @brief expand_synonyms and suggest_spelling over the free words of a query.
#include "gazette/search/query_help.hpp"

#include <vector>

#include "gazette/search/query_words.hpp"

namespace gazette {

namespace {

/// A replacement of query bytes [begin, end).
struct Edit {
  std::size_t begin, end;
  std::string text;
};

std::string apply_edits(std::string_view query, const std::vector<Edit>& edits) {
  std::string out;
  std::size_t at = 0;
  for (const Edit& edit : edits) {
    out.append(query.substr(at, edit.begin - at)).append(edit.text);
    at = edit.end;
  }
  return out.append(query.substr(at));
}

std::string quoted_if_phrase(const std::string& form) {
  return form.find(' ') == std::string::npos ? form : '"' + form + '"';
}

/// The synonyms of key in the database, or none.
std::vector<std::string> synonyms_of(const std::string& key, const Xapian::Database& db) {
  return {db.synonyms_begin(key), db.synonyms_end(key)};
}

}  // namespace

std::string expand_synonyms(std::string_view query, Analyzer& analyzer, const Xapian::Database& db) {
  if (db.synonym_keys_begin() == db.synonym_keys_end()) return std::string(query);
  const std::vector<QueryWord> words = free_query_words(query, analyzer);
  std::vector<Edit> edits;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t matched = 0;
    std::vector<std::string> synonyms;
    std::string key;
    for (std::size_t n = 1; n <= max_synonym_words && i + n <= words.size(); ++n) {
      if (n > 1 && !words[i + n - 1].follows_word) break;
      key.append(n > 1 ? " " : "").append(words[i + n - 1].text);
      if (auto found = synonyms_of(key, db); !found.empty()) matched = n, synonyms = std::move(found);
    }
    if (!matched) {
      ++i;
      continue;
    }
    const std::size_t begin = words[i].begin, end = words[i + matched - 1].end;
    std::string group = "(" + quoted_if_phrase(std::string(query.substr(begin, end - begin)));
    for (const std::string& synonym : synonyms) group += " OR " + quoted_if_phrase(synonym);
    edits.push_back({begin, end, group + ")"});
    i += matched;
  }
  return apply_edits(query, edits);
}

std::optional<std::string> suggest_spelling(std::string_view query, Analyzer& analyzer,
                                            const Xapian::Database& db) {
  std::vector<Edit> edits;
  for (const QueryWord& word : free_query_words(query, analyzer)) {
    if (db.term_exists(analyzer.stem(word.text))) continue;
    const std::string correction = db.get_spelling_suggestion(word.text);
    if (!correction.empty() && correction != word.text) edits.push_back({word.begin, word.end, correction});
  }
  if (edits.empty()) return std::nullopt;
  return apply_edits(query, edits);
}

}  // namespace gazette
