/// @file
/// @brief Searcher: query, match with facet spies, stored articles, highlights.
#include "gazette/search/searcher.hpp"

#include <charconv>
#include <chrono>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/search/date_histogram.hpp"
#include "gazette/search/highlighter.hpp"
#include "gazette/search/query_builder.hpp"
#include "gazette/store/record.hpp"

namespace gazette {

namespace {

/// How many source facet values a response lists.
constexpr std::size_t top_sources = 10;

std::optional<Day> parse_compact_day(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (text.size() != 8) return std::nullopt;
  std::from_chars(text.data(), text.data() + 4, y);
  std::from_chars(text.data() + 4, text.data() + 6, m);
  std::from_chars(text.data() + 6, text.data() + 8, d);
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days{ymd};
}

Facets collect_facets(const Xapian::ValueCountMatchSpy& days, const Xapian::ValueCountMatchSpy& sources,
                      Granularity granularity) {
  Facets facets;
  std::map<Day, std::size_t> per_day;
  for (auto it = days.values_begin(); it != days.values_end(); ++it)
    if (const auto day = parse_compact_day(*it)) per_day[*day] += it.get_termfreq();
  facets.dates = build_date_histogram(per_day, granularity);
  FieldFacet& source = facets.fields.emplace_back(FieldFacet{"source", {}});
  for (auto it = sources.top_values_begin(top_sources); it != sources.top_values_end(top_sources); ++it)
    source.values.push_back({*it, it.get_termfreq()});
  return facets;
}

}  // namespace

struct Searcher::Impl {
  Archive archive;
  Analyzer analyzer;
  QueryBuilder queries;
  Highlighter highlighter;
  RecordCodec codec;

  explicit Impl(Archive a)
      : archive(std::move(a)), analyzer(archive.analyzer), queries(archive.database, analyzer), highlighter(analyzer) {}

  SearchResponse run(const SearchRequest& request);
};

Searcher::Searcher(const std::filesystem::path& path) : Searcher(open_archive(path)) {}
Searcher::Searcher(Archive archive) : impl_(std::make_unique<Impl>(std::move(archive))) {}
Searcher::~Searcher() = default;

std::size_t Searcher::size() const { return impl_->archive.database.get_doccount(); }

SearchResponse Searcher::Impl::run(const SearchRequest& request) {
  const auto start = std::chrono::steady_clock::now();
  SearchResponse response;
  response.request = request;
  const Xapian::Query query = queries.build(request);
  response.parsed_query = query.get_description();

  Xapian::Database& db = archive.database;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  const bool no_text = request.query.find_first_not_of(" \t\r\n") == std::string::npos;
  // With no words there is no relevance: newest first is the only useful order.
  if (request.sort == SortOrder::date || no_text)
    enquire.set_sort_by_value_then_relevance(schema::slot_date, true);
  if (request.collapse) enquire.set_collapse_key(schema::slot_story);

  Xapian::ValueCountMatchSpy day_spy(schema::slot_day), source_spy(schema::slot_source);
  if (request.facets) {
    enquire.add_matchspy(&day_spy);
    enquire.add_matchspy(&source_spy);
  }
  // Facets count the whole match set, so the matcher must see every match.
  const Xapian::doccount check_at_least = request.facets ? db.get_doccount() : 0;
  const Xapian::MSet mset = enquire.get_mset(Xapian::doccount(request.offset), Xapian::doccount(request.limit),
                                             check_at_least);

  response.total = mset.get_matches_estimated();
  response.total_lower = mset.get_matches_lower_bound();
  response.total_upper = mset.get_matches_upper_bound();
  response.total_exact = response.total_lower == response.total_upper;

  const std::set<std::string> terms = QueryBuilder::highlight_terms(query);
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    Hit hit;
    hit.rank = it.get_rank() + 1;
    hit.weight = it.get_weight();
    hit.percent = it.get_percent();
    hit.article = codec.decode(it.get_document().get_data());
    hit.title = highlighter.mark(hit.article.title, terms);
    if (request.snippets) hit.snippet = highlighter.best_passage(hit.article.body, terms, request.snippet_words);
    hit.article.body.clear();
    response.hits.push_back(std::move(hit));
  }
  if (request.facets) response.facets = collect_facets(day_spy, source_spy, request.granularity);
  response.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return response;
}

SearchResponse Searcher::search(const SearchRequest& request) {
  try {
    try {
      return impl_->run(request);
    } catch (const Xapian::DatabaseModifiedError&) {
      // An indexer committed while we read: reopen at the new revision and retry once.
      impl_->archive.database.reopen();
      return impl_->run(request);
    }
  } catch (const Xapian::DatabaseError& e) {
    throw Error(ErrorCode::unavailable, "database error: " + e.get_msg(), impl_->archive.path);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::internal, e.get_description(), impl_->archive.path);
  }
}

std::optional<Article> Searcher::get(const std::string& id) {
  Xapian::Database& db = impl_->archive.database;
  const std::string term = schema::id_term(id);
  for (int attempt = 0;; ++attempt) {
    try {
      auto it = db.postlist_begin(term);
      if (it == db.postlist_end(term)) return std::nullopt;
      return impl_->codec.decode(db.get_document(*it).get_data());
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 0) throw;
      db.reopen();
    }
  }
}

}  // namespace gazette
