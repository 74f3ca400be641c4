/// @file
/// @brief Searcher: query, match with facet spies, stored articles, highlights.
#include "gazette/search/searcher.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/search/facet_spies.hpp"
#include "gazette/search/highlighter.hpp"
#include "gazette/search/query_builder.hpp"
#include "gazette/search/query_help.hpp"
#include "gazette/store/record.hpp"

namespace gazette {

namespace {

/// Stops a match that runs past its deadline. Enquire::set_time_limit is not a hard limit (it only stops
/// collecting past check_at_least), so this spy checks the clock every 256 documents and throws.
class DeadlineSpy : public Xapian::MatchSpy {
 public:
  explicit DeadlineSpy(std::chrono::steady_clock::time_point deadline) : deadline_(deadline) {}
  void operator()(const Xapian::Document&, double) override {
    if ((++seen_ & 0xff) == 0 && std::chrono::steady_clock::now() > deadline_)
      throw Error(ErrorCode::unavailable, "the search took longer than its time limit; narrow the query");
  }

 private:
  std::chrono::steady_clock::time_point deadline_;
  unsigned seen_ = 0;
};

/// BM25 with k1 = 1.2 (the textbook value) and length normalisation b = 0.3, weaker than Xapian's 0.5: a
/// wire story's length says little about how much of it is on the subject. Tuned on
/// bench/relevance_eval (bench/RESULTS.md); built into Xapian, so remote shards use it too.
Xapian::BM25Weight ranking_weight() {
  return Xapian::BM25Weight(1.2, 0, 1, 0.3, 0.5);
}

/// Most matches whose facets are counted one by one; larger match sets are sampled.
constexpr Xapian::doccount facet_sample_target = 1000;

/// The instant relative dates count from: the request's `now`, else the newest article's date.
Instant reference_now(const SearchRequest& request, const Xapian::Database& db) {
  if (request.now) return *request.now;
  const std::string newest = db.get_value_upper_bound(schema::slot_date);
  if (const auto day = parse_compact_day(newest.substr(0, 8))) return Instant{*day} + std::chrono::days{1};
  return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

/// Weights 2^(-age/half_life) for each publication month (the age bucket slot), scaled by weight. A
/// ValueMapPostingSource is built into Xapian, so the boost also runs on remote shards.
std::unique_ptr<Xapian::ValueMapPostingSource> recency_source(const SearchRequest& request,
                                                              const Xapian::Database& db, Instant now) {
  using namespace std::chrono;
  auto source = std::make_unique<Xapian::ValueMapPostingSource>(schema::slot_age_bucket);
  const auto first = parse_compact_day(db.get_value_lower_bound(schema::slot_age_bucket) + "01");
  const auto last = parse_compact_day(db.get_value_upper_bound(schema::slot_age_bucket) + "01");
  if (!first || !last) return source;
  for (year_month ym{year_month_day{*first}.year(), year_month_day{*first}.month()};
       sys_days{ym / 1} <= *last; ym += months{1}) {
    const Day middle = sys_days{ym / 15};
    const double age_days = std::max(0.0, double((floor<days>(now) - middle).count()));
    const double boost = request.recency_weight * std::exp2(-age_days / request.recency_half_life_days);
    source->add_mapping(format_compact_day(sys_days{ym / 1}).substr(0, 6), boost);
  }
  return source;
}

/// Sorts an Enquire by the request's order. With no words (an empty query or only filters) there is no
/// relevance: newest first is the useful order.
void set_order(Xapian::Enquire& enquire, SortOrder sort, bool has_words) {
  if (sort == SortOrder::date_ascending)
    enquire.set_sort_by_value_then_relevance(schema::slot_date, false);
  else if (sort == SortOrder::date || !has_words)
    enquire.set_sort_by_value_then_relevance(schema::slot_date, true);
}

/// The query a request runs (text, filters, dates from the words, --since, more like this, recency
/// boost) and the words it looks for.
struct PreparedQuery {
  Xapian::Query query;
  std::set<std::string> terms;
  std::unique_ptr<Xapian::ValueMapPostingSource> recency;  ///< referenced by query: keep it as long
  std::vector<QueryDate> query_dates;                      ///< date filters taken from the text
  std::string text;                                        ///< the text searched
};

/// Terms of an article worth looking for in others: words, not filter terms, numbers or short words.
class SimilarTermDecider : public Xapian::ExpandDecider {
 public:
  bool operator()(const std::string& term) const override {
    return term.size() >= 3 && std::islower(static_cast<unsigned char>(term[0]));
  }
};

/// Words of a more-like-this query: the most distinctive of the article's.
constexpr Xapian::termcount similar_terms = 25;

/// Matches per page (and per date window) of for_each_match.
constexpr Xapian::doccount export_chunk = 1000;

}  // namespace

struct Searcher::Impl {
  Archive archive;
  Analyzer analyzer;
  QueryBuilder queries;
  Highlighter highlighter;
  RecordCodec codec;

  explicit Impl(Archive a)
      : archive(std::move(a)),
        analyzer(archive.analyzer),
        queries(archive.database, analyzer),
        highlighter(analyzer) {}

  PreparedQuery prepare(const SearchRequest& request);
  SearchResponse run_matching(const SearchRequest& request);
  Xapian::doccount count_matches(const SearchRequest& request, Xapian::doccount at_least);
  Xapian::Query more_like_this(const std::string& id);
  std::optional<std::string> suggestion(const SearchRequest& request, Xapian::doccount found);
  SearchResponse run(const SearchRequest& request);
  std::size_t for_each_match(const SearchRequest& request, const MatchVisitor& visit);
  bool visit_pages(const Xapian::Query& query, const SearchRequest& request, bool has_words,
                   const MatchVisitor& visit, std::size_t& visited);
  void list_other_versions(Hit& hit);
  Facets count_facets(const Xapian::Query& query, Xapian::doccount matches, const SearchRequest& request,
                      DeadlineSpy& deadline);
};

/// How many other versions a hit lists.
constexpr Xapian::doccount listed_versions = 5;

void Searcher::Impl::list_other_versions(Hit& hit) {
  if (hit.story.empty()) return;
  const std::string term = schema::story_term(hit.story);
  hit.story_size = archive.database.get_termfreq(term);
  if (hit.story_size < 2) return;
  Xapian::Enquire enquire(archive.database);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(term),
                                  Xapian::Query(schema::id_term(hit.article.id))));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_sort_by_value(schema::slot_date, true);
  const Xapian::MSet versions = enquire.get_mset(0, listed_versions);
  for (auto it = versions.begin(); it != versions.end(); ++it) {
    const Article a = codec.decode(it.get_document().get_data());
    hit.other_versions.push_back({a.id, a.title, a.source, a.published});
  }
}

Facets Searcher::Impl::count_facets(const Xapian::Query& query, Xapian::doccount matches,
                                    const SearchRequest& request, DeadlineSpy& deadline) {
  // Exact counting reads every facet slot of every match; past facet_sample_target matches, count only the
  // nested sample (schema::sample_term) of the level that brings them under it, and scale.
  unsigned level = 0;
  while (request.sample_facets && level < schema::sample_levels && (matches >> level) > facet_sample_target)
    ++level;
  const Xapian::Query counted =
      level == 0 ? query
                 : Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(schema::sample_term(level)));
  Xapian::Enquire enquire(archive.database);
  enquire.set_query(counted);
  enquire.set_weighting_scheme(Xapian::BoolWeight());  // counting needs no scores
  FacetSpies spies(!archive.has_remote());
  spies.attach(enquire);
  if (request.time_limit > 0 && !archive.has_remote()) enquire.add_matchspy(&deadline);
  enquire.get_mset(0, 0, archive.database.get_doccount());
  Facets facets = spies.collect(request.granularity, request.facet_values, std::size_t{1} << level);
  facets.estimated = level > 0;
  return facets;
}

Searcher::Searcher(const std::filesystem::path& path) : Searcher(open_archive(path)) {}
Searcher::Searcher(Archive archive) : impl_(std::make_unique<Impl>(std::move(archive))) {}
Searcher::~Searcher() = default;

std::size_t Searcher::size() const {
  return impl_->archive.database.get_doccount();
}

/// The article's most distinctive words (Xapian's relevance-set expansion), OR-ed, without the article
/// and the other versions of its story.
Xapian::Query Searcher::Impl::more_like_this(const std::string& id) {
  Xapian::Database& db = archive.database;
  const std::string id_term = schema::id_term(id);
  Xapian::PostingIterator it = db.postlist_begin(id_term);
  if (it == db.postlist_end(id_term))
    throw Error(ErrorCode::not_found, "no article with id '" + id + "' to find others like", "like");
  Xapian::RSet relevant;
  relevant.add_document(*it);
  Xapian::Enquire enquire(db);
  const SimilarTermDecider words_only;
  const Xapian::ESet words = enquire.get_eset(similar_terms, relevant, &words_only);
  const Xapian::Query similar(Xapian::Query::OP_OR, words.begin(), words.end());
  const std::string story = db.get_document(*it).get_value(schema::slot_story);
  const Xapian::Query own = story.empty() ? Xapian::Query(id_term)
                                          : Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(id_term),
                                                          Xapian::Query(schema::story_term(story)));
  return Xapian::Query(Xapian::Query::OP_AND_NOT, similar, own);
}

std::optional<std::string> Searcher::Impl::suggestion(const SearchRequest& request, Xapian::doccount found) {
  const auto text = suggest_spelling(request.query, analyzer, archive.database);
  if (!text) return std::nullopt;
  SearchRequest corrected = request;
  corrected.query = *text;
  return count_matches(corrected, found + 1) > found ? text : std::nullopt;
}

PreparedQuery Searcher::Impl::prepare(const SearchRequest& request) {
  PreparedQuery prepared;
  Xapian::Database& db = archive.database;
  Xapian::Query& query = prepared.query;
  const Instant now = reference_now(request, db);
  SearchRequest effective = request;
  if (request.query_dates) {
    // Relative to --now, or to the newest article's day (reference_now is the end of that day).
    const Day today = std::chrono::floor<std::chrono::days>(now) - std::chrono::days{request.now ? 0 : 1};
    QueryWithDates taken = take_query_dates(request.query, today);
    effective.query = std::move(taken.text);
    for (const QueryDate& date : taken.dates) effective.filters.push_back(date.filter);
    prepared.query_dates = std::move(taken.dates);
  }
  prepared.text = effective.query;
  query = queries.build(effective);
  if (!request.like_id.empty())
    query = Xapian::Query(Xapian::Query::OP_AND, query, more_like_this(request.like_id));
  if (request.since_days) {
    const Day from = std::chrono::floor<std::chrono::days>(now) - std::chrono::days{request.since_days};
    query =
        Xapian::Query(Xapian::Query::OP_FILTER, query,
                      Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_day, format_compact_day(from)));
  }
  prepared.terms = QueryBuilder::highlight_terms(query);
  if (request.recency_half_life_days > 0) {
    prepared.recency = recency_source(request, db, now);
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(prepared.recency.get()));
  }
  return prepared;
}

SearchResponse Searcher::Impl::run(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  SearchRequest chosen = request;
  if (request.match == MatchMode::automatic) {
    // Count first, so only one full search (facets, snippets, versions) runs.
    chosen.match = MatchMode::all;
    const Xapian::doccount with_all = count_matches(chosen, Xapian::doccount(request.relax_below));
    SearchRequest any = request;
    any.match = MatchMode::any;
    if (with_all < request.relax_below && count_matches(any, with_all + 1) > with_all)
      chosen = std::move(any);
  }
  SearchResponse response = run_matching(chosen);
  response.request.match = request.match;
  // Did-you-mean looks at what all the words found: a misspelt word is why they found little.
  SearchRequest all = request;
  all.match = MatchMode::all;
  const Xapian::doccount found = chosen.match == MatchMode::any
                                     ? count_matches(all, Xapian::doccount(request.suggest_below))
                                     : Xapian::doccount(response.total);
  if (found < request.suggest_below && request.like_id.empty()) response.suggestion = suggestion(all, found);
  response.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return response;
}

/// The matches of a request, counted exactly up to at_least.
Xapian::doccount Searcher::Impl::count_matches(const SearchRequest& request, Xapian::doccount at_least) {
  Xapian::Enquire enquire(archive.database);
  enquire.set_query(prepare(request).query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, at_least).get_matches_estimated();
}

SearchResponse Searcher::Impl::run_matching(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  SearchResponse response;
  response.request = request;
  Xapian::Database& db = archive.database;
  const PreparedQuery prepared = prepare(request);
  const Xapian::Query& query = prepared.query;
  const std::set<std::string>& terms = prepared.terms;
  response.parsed_query = query.get_description();
  response.query_dates = prepared.query_dates;
  response.query_text = prepared.text;
  response.matched = request.match;

  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(ranking_weight());
  set_order(enquire, request.sort, !terms.empty());
  // A story filter asks for the versions themselves: collapsing them would leave one.
  const bool collapse = request.collapse && std::none_of(request.filters.begin(), request.filters.end(),
                                                         [](const Filter& f) { return f.field == "story"; });
  if (collapse) enquire.set_collapse_key(schema::slot_story);

  DeadlineSpy deadline(start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                   std::chrono::duration<double>(request.time_limit)));
  // Not Enquire::set_time_limit: it would silently drop check_at_least and so truncate the facet counts.
  // A custom spy cannot run on xapian-tcpsrv: with remote shards the remote timeout is the time limit.
  if (request.time_limit > 0 && !archive.has_remote()) enquire.add_matchspy(&deadline);
  // Xapian's bounds before matching: with at most facet_sample_target matches the ranking pass visits them
  // all (exact totals) and the local facet spy rides on it, stopping past the target should the bound be
  // wrong; with more, the ranking pass stops as early as Xapian can and count_facets samples.
  const bool few = enquire.get_mset(0, 0).get_matches_upper_bound() <= facet_sample_target;
  std::optional<FacetSpies> ranking_spies;
  if (few && request.facets && !archive.has_remote())
    ranking_spies.emplace(true, facet_sample_target).attach(enquire);
  const Xapian::MSet mset = enquire.get_mset(Xapian::doccount(request.offset),
                                             Xapian::doccount(request.limit), few ? facet_sample_target : 0);

  response.total = mset.get_matches_estimated();
  response.total_lower = mset.get_matches_lower_bound();
  response.total_upper = mset.get_matches_upper_bound();
  response.total_exact = response.total_lower == response.total_upper;

  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.weight = it.get_weight();
    hit.percent = it.get_percent();
    hit.article = codec.decode(it.get_document().get_data());
    hit.title = highlighter.mark(hit.article.title, terms);
    if (request.snippets)
      hit.snippet = highlighter.best_passage(hit.article.body, terms, request.snippet_words);
    hit.article.body.clear();
    hit.story = collapse ? it.get_collapse_key() : it.get_document().get_value(schema::slot_story);
    if (collapse) list_other_versions(hit);
    response.hits.push_back(std::move(hit));
  }
  // The spy saw every match when Xapian's bounds say so, or when it saw fewer than the check_at_least the
  // ranking pass ran with: Xapian stops early only after that many. (Its upper bound stays loose for an OR
  // with a phrase, "crude oil": 433 matches seen, bounds 433..866.)
  const bool visited_all =
      ranking_spies && (ranking_spies->seen() < facet_sample_target ||
                        (mset.get_uncollapsed_matches_lower_bound() == ranking_spies->seen() &&
                         mset.get_uncollapsed_matches_upper_bound() == ranking_spies->seen()));
  if (visited_all)
    response.facets = ranking_spies->collect(request.granularity, request.facet_values, 1);
  else if (request.facets)
    response.facets = count_facets(query, few ? mset.get_matches_upper_bound() : mset.get_matches_estimated(),
                                   request, deadline);
  response.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  response.missing_shards = archive.missing;
  return response;
}

bool Searcher::Impl::visit_pages(const Xapian::Query& query, const SearchRequest& request, bool has_words,
                                 const MatchVisitor& visit, std::size_t& visited) {
  Xapian::Enquire enquire(archive.database);
  enquire.set_query(query);
  enquire.set_weighting_scheme(ranking_weight());
  set_order(enquire, request.sort, has_words);
  for (Xapian::doccount offset = 0;; offset += export_chunk) {
    const Xapian::MSet page = enquire.get_mset(offset, export_chunk);
    for (auto it = page.begin(); it != page.end(); ++it) {
      const Xapian::Document document = it.get_document();
      ++visited;
      if (!visit(codec.decode(document.get_data()), document.get_value(schema::slot_story))) return false;
    }
    if (page.size() < export_chunk) return true;
  }
}

std::size_t Searcher::Impl::for_each_match(const SearchRequest& request, const MatchVisitor& visit) {
  const PreparedQuery prepared = prepare(request);
  const bool has_words = !prepared.terms.empty();
  std::size_t visited = 0;
  if (request.sort == SortOrder::relevance && has_words) {
    visit_pages(prepared.query, request, has_words, visit, visited);
    return visited;
  }
  // Date orders: count the matches per day (one pass, memory per distinct day), then read windows of whole
  // days of about export_chunk matches each through their D terms, so no page sits deep in a ranking.
  Xapian::Database& db = archive.database;
  Xapian::Enquire counter(db);
  counter.set_query(prepared.query);
  counter.set_weighting_scheme(Xapian::BoolWeight());
  Xapian::ValueCountMatchSpy per_day(schema::slot_day);
  counter.add_matchspy(&per_day);
  const Xapian::doccount matches = counter.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
  std::vector<std::pair<std::string, Xapian::doccount>> days;
  Xapian::doccount dated = 0;
  for (auto it = per_day.values_begin(); it != per_day.values_end(); ++it) {
    days.emplace_back(std::string(schema::prefix::day) + *it, it.get_termfreq());
    dated += it.get_termfreq();
  }
  const bool ascending = request.sort == SortOrder::date_ascending;
  if (!ascending) std::reverse(days.begin(), days.end());
  // Undated articles have no date value: they sort first oldest-first and last newest-first.
  const Xapian::Query undated(Xapian::Query::OP_AND_NOT, prepared.query,
                              Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::slot_day, "0"));
  if (ascending && dated < matches && !visit_pages(undated, request, has_words, visit, visited))
    return visited;
  for (std::size_t i = 0; i < days.size();) {
    std::vector<Xapian::Query> window;
    for (Xapian::doccount size = 0; i < days.size() && size < export_chunk; ++i) {
      window.emplace_back(days[i].first);
      size += days[i].second;
    }
    const Xapian::Query query(Xapian::Query::OP_FILTER, prepared.query,
                              Xapian::Query(Xapian::Query::OP_OR, window.begin(), window.end()));
    if (!visit_pages(query, request, has_words, visit, visited)) return visited;
  }
  if (!ascending && dated < matches) visit_pages(undated, request, has_words, visit, visited);
  return visited;
}

/// Searches an indexer's commits can overtake: each one reopens at the newest revision and tries again.
constexpr int max_search_attempts = 5;

SearchResponse Searcher::search(const SearchRequest& request) {
  try {
    for (int attempt = 1;; ++attempt) {
      try {
        return impl_->run(request);
      } catch (const Xapian::DatabaseModifiedError&) {
        // An indexer committed (and a later commit discarded our revision) while we read.
        if (attempt == max_search_attempts) throw;
        reopen_database();
      } catch (const Xapian::NetworkError& e) {
        // A remote shard went away or stalled: fail naming it, or (partial) go on without it.
        impl_ = std::make_unique<Impl>(without_unreachable_shards(impl_->archive, e.get_msg()));
        ++generation_;
        return impl_->run(request);
      }
    }
  } catch (const Xapian::DatabaseError& e) {
    throw Error(ErrorCode::unavailable, "database error: " + e.get_msg(), impl_->archive.path);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::internal, e.get_description(), impl_->archive.path);
  }
}

std::size_t Searcher::for_each_match(const SearchRequest& request, const MatchVisitor& visit) {
  try {
    return impl_->for_each_match(request, visit);
  } catch (const Xapian::DatabaseModifiedError&) {
    // Retrying would repeat what was already visited.
    throw Error(ErrorCode::unavailable, "the database changed too much during the export; run it again",
                impl_->archive.path);
  } catch (const Xapian::DatabaseError& e) {
    throw Error(ErrorCode::unavailable, "database error: " + e.get_msg(), impl_->archive.path);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::internal, e.get_description(), impl_->archive.path);
  }
}

void Searcher::reopen_database() {
  if (impl_->archive.database.reopen()) ++generation_;
}

void Searcher::reopen() {
  try {
    reopen_database();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot reopen the database: " + e.get_msg(), impl_->archive.path);
  }
}

std::optional<Article> Searcher::get(const std::string& id) {
  Xapian::Database& db = impl_->archive.database;
  const std::string term = schema::id_term(id);
  for (int attempt = 1;; ++attempt) {
    try {
      auto it = db.postlist_begin(term);
      if (it == db.postlist_end(term)) return std::nullopt;
      return impl_->codec.decode(db.get_document(*it).get_data());
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt == max_search_attempts) throw;
      reopen_database();
    }
  }
}

}  // namespace gazette
