/// @file
/// @brief QuoteJoiner: candidate search, the decision on stored texts, join resolution, story moves.
#include "gazette/index/quote_joiner.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/core/error.hpp"
#include "gazette/index/document_builder.hpp"
#include "gazette/index/index_writer.hpp"
#include "gazette/index/sharded_writer.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/store/record.hpp"

namespace gazette {

namespace {

/// The databases of one pass: written one by one, searched as one.
struct Target {
  std::optional<Xapian::WritableDatabase> lock;    // a sharded archive's control database
  std::vector<Xapian::WritableDatabase> writable;  // the single database, or every shard
  Xapian::Database all;
};

Target open_target(const std::filesystem::path& db, Xapian::WritableDatabase* writer) {
  Target target;
  if (writer) {
    target.writable.push_back(*writer);
  } else if (is_sharded_archive(db)) {
    target.lock = open_existing_database(control_path(db));  // the archive's write lock
    for (const auto& shard : shard_paths(db)) target.writable.push_back(open_existing_database(shard));
  } else {
    target.writable.push_back(open_existing_database(db));
  }
  for (const Xapian::WritableDatabase& w : target.writable) target.all.add_database(w);
  return target;
}

/// Finds the story each quoting article quotes, on the databases as committed.
class Finder {
 public:
  Finder(const Xapian::Database& all, const AnalyzerSettings& settings, double threshold)
      : all_(all), analyzer_(settings), threshold_(threshold) {}

  /// The article stored as doc when it still heads its own story and qualifies; else nullopt.
  std::optional<Article> quoting_head(Xapian::docid docid) {
    const Xapian::Document doc = all_.get_document(docid);
    std::optional<Article> article = decode(doc);
    if (!article || doc.get_value(schema::slot_story) != article->id ||
        !quotes_qualify(quoted_words(article->body)))
      return std::nullopt;
    return article;
  }

  /// The story a quoting article joins, or nullopt when it quotes nothing found.
  std::optional<std::string> quoted_story(const Article& article) {
    const std::vector<std::string> quoted = quoted_words(article.body);
    Xapian::Enquire enquire(all_);
    enquire.set_query(candidate_query(article, article.id));
    const Xapian::MSet hits = enquire.get_mset(0, quote_candidates);
    std::vector<QuoteCandidate> candidates;
    std::vector<std::string> stories;
    for (auto hit = hits.begin(); hit != hits.end(); ++hit) {
      const Xapian::Document candidate = hit.get_document();
      std::string story = candidate.get_value(schema::slot_story);
      const std::optional<Article> text = decode(candidate);
      if (story.empty() || !text) continue;  // indexed without stories, or unreadable
      candidates.push_back({content_word_set(text->body), fingerprint(text->body)});
      stories.push_back(std::move(story));
    }
    const auto match = best_quoted_candidate(quoted, fingerprint(article.body), candidates, threshold_);
    if (!match) return std::nullopt;
    return stories[match->index];
  }

 private:
  std::optional<Article> decode(const Xapian::Document& doc) {
    try {
      return codec_.decode(doc.get_data());
    } catch (const Error&) {
      return std::nullopt;  // a damaged record: no evidence either way
    }
  }

  /// The index terms of the content words of the long quotes, OR-ed; within the publication window, out of
  /// the article's own story.
  Xapian::Query candidate_query(const Article& article, const std::string& story) {
    std::vector<std::string> terms;
    for (const std::string_view passage : report_quotes(article.body)) {
      tokens_.clear();
      analyzer_.tokenize(passage, tokens_);
      for (const Token& token : tokens_) {
        if (content_word_set(token.text).empty()) continue;  // stopwords: in every article
        std::string term = analyzer_.stem(token.text);
        if (!term.empty() && term.size() <= schema::max_term_bytes) terms.push_back(std::move(term));
      }
    }
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    Xapian::Query query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    if (article.published) {  // the window, and articles of unknown date ("" would match every value)
      const Day day = std::chrono::floor<std::chrono::days>(*article.published);
      const Xapian::Query window(Xapian::Query::OP_VALUE_RANGE, schema::slot_day,
                                 format_compact_day(day - std::chrono::days{quote_window_before}),
                                 format_compact_day(day + std::chrono::days{quote_window_after}));
      const Xapian::Query undated(
          Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll,
          Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_day, std::string(1, '\0')));
      query = Xapian::Query(Xapian::Query::OP_FILTER, query,
                            Xapian::Query(Xapian::Query::OP_OR, window, undated));
    }
    return Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(schema::story_term(story)));
  }

  Xapian::Database all_;
  Analyzer analyzer_;
  RecordCodec codec_;
  std::vector<Token> tokens_;
  double threshold_;
};

/// Moves every document of story `from` in db to story `to`.
void move_story(Xapian::WritableDatabase& db, const std::string& from, const std::string& to) {
  const std::string term = schema::story_term(from);
  const std::vector<Xapian::docid> docs(db.postlist_begin(term), db.postlist_end(term));
  for (const Xapian::docid id : docs) {
    Xapian::Document doc = db.get_document(id);
    doc.remove_term(term);
    set_story(doc, to);
    db.replace_document(id, doc);
  }
}

}  // namespace

void QuoteJoiner::note(const Article& article, bool check) {
  written_ = true;
  if (check) ids_.push_back(article.id);
  if (!article.published) {
    undated_ = true;
    return;
  }
  const Day day = std::chrono::floor<std::chrono::days>(*article.published);
  if (!first_day_ || day < *first_day_) first_day_ = day;
  if (!last_day_ || day > *last_day_) last_day_ = day;
}

QuoteJoiner::Result QuoteJoiner::join(const std::filesystem::path& db, Xapian::WritableDatabase* writer) {
  Result result;
  if (!written_) return result;
  try {
    Target target = open_target(db, writer);
    if (target.writable.empty()) return result;
    const Xapian::Database& all = target.all;
    std::vector<Xapian::docid> docs;  // this run's quoting articles, then earlier ones
    for (const std::string& id : ids_) {
      const std::string term = schema::id_term(id);
      if (const auto it = all.postlist_begin(term); it != all.postlist_end(term)) docs.push_back(*it);
    }
    std::sort(docs.begin(), docs.end());
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());  // an id written twice in the run
    const std::size_t from_run = docs.size();
    // Earlier quoting articles whose window holds an article of this run.
    const std::string marker(schema::quotes_term);
    const std::string first = undated_ || !first_day_
                                  ? std::string()
                                  : format_compact_day(*first_day_ - std::chrono::days{quote_window_after}),
                      last = undated_ || !last_day_
                                 ? std::string()
                                 : format_compact_day(*last_day_ + std::chrono::days{quote_window_before});
    for (auto it = all.postlist_begin(marker); it != all.postlist_end(marker); ++it) {
      if (std::binary_search(docs.begin(), docs.begin() + std::ptrdiff_t(from_run), *it)) continue;
      const std::string day =
          first.empty() ? std::string() : all.get_document(*it).get_value(schema::slot_day);
      if (day.empty() || (day >= first && day <= last)) docs.push_back(*it);
    }

    Finder finder(all, recorded_analyzer_settings(target.lock ? *target.lock : target.writable[0]),
                  threshold_);
    std::map<std::string, std::string> quotes;  // story of a quoting article -> story it quotes
    for (const Xapian::docid doc : docs) {
      const std::optional<Article> article = finder.quoting_head(doc);
      if (!article) continue;
      ++result.checked;
      if (auto story = finder.quoted_story(*article)) quotes.emplace(article->id, std::move(*story));
    }
    const auto moves = resolve_quote_joins(quotes);
    for (const auto& [from, to] : moves)
      for (Xapian::WritableDatabase& w : target.writable) move_story(w, from, to);
    for (Xapian::WritableDatabase& w : target.writable) w.commit();
    result.joined = moves.size();
    return result;
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable,
                "joining quoting articles to their stories failed: " + e.get_description() +
                    " (the articles are indexed; index them again with --force to retry)",
                db.string());
  }
}

}  // namespace gazette
