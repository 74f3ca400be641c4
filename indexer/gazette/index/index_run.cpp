/// @file
/// @brief run_index: a TBB pipeline of read (serial), prepare and build (parallel), write (serial).
#include "gazette/index/index_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <iterator>
#include <ostream>
#include <thread>
#include <unordered_set>
#include <variant>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "gazette/core/error.hpp"
#include "gazette/dates/feed_clock.hpp"
#include "gazette/dates/publication_date.hpp"
#include "gazette/index/article_preparation.hpp"
#include "gazette/index/document_builder.hpp"
#include "gazette/index/enricher.hpp"
#include "gazette/index/index_writer.hpp"
#include "gazette/index/interruption.hpp"
#include "gazette/index/maintenance.hpp"
#include "gazette/index/manifest.hpp"
#include "gazette/index/partitioned_writer.hpp"
#include "gazette/index/query_aids.hpp"
#include "gazette/index/quote_joiner.hpp"
#include "gazette/index/reject_log.hpp"
#include "gazette/index/sharded_writer.hpp"
#include "gazette/index/stored_reader.hpp"
#include "gazette/index/story_assigner.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace {

using Clock = std::chrono::steady_clock;

/// Articles travel through the pipeline in chunks, so TBB's per-token cost is paid once per chunk.
constexpr std::size_t chunk_size = 64;

struct Item {
  explicit Item(ReadItem r) : read(std::move(r)) {}
  ReadItem read;
  Xapian::Document document;               // built by the parallel stage for articles
  std::vector<std::string> warnings;       // logged by the writing stage, in input order
  std::vector<std::size_t> removed;        // boilerplate removals per rule
  std::optional<Fingerprint> fingerprint;  // for the story stage
  bool quotes = false;                     // long quotes: the quote rule may join it to a story
  std::optional<std::pair<std::filesystem::path, FileState>> file_done;  // a marker: this file is all read
};

Item file_done_marker(const std::filesystem::path& path, const FileState& state) {
  Item marker{Rejection{}};
  marker.file_done.emplace(path, state);
  return marker;
}
using Chunk = std::vector<Item>;

/// Where a read item came from ("path:line").
const std::string& location_of(const ReadItem& item) {
  if (const auto* article = std::get_if<Article>(&item)) return article->origin;
  return std::get<Rejection>(item).where;
}

/// Walks the inputs and hands out chunks of read items; input-level failures become rejections.
class InputFeed {
 public:
  InputFeed(const IndexOptions& options, IndexSummary& summary, const Manifest& manifest,
            const PreparationContext& context)
      : options_(options), summary_(summary), manifest_(manifest), context_(context) {
    if (options.feed_order) feed_clock_.emplace();
    if (!options.stored_input.empty()) {
      reader_ = make_stored_reader(Xapian::Database(options.stored_input.string()));
      ++summary.files;
      return;
    }
    InputList list = expand_inputs(options.inputs, options.format);
    files_ = std::move(list.files);
    for (Rejection& problem : list.problems) pending_.push_back(Item(std::move(problem)));
  }

  /// The next chunk, or an empty one at the end of all inputs.
  Chunk next_chunk() {
    Chunk chunk;
    if (interruption_signal()) return chunk;  // stop reading; what was read is written and committed
    while (chunk.size() < chunk_size) {
      if (!pending_.empty()) {
        std::move(pending_.begin(), pending_.end(), std::back_inserter(chunk));
        pending_.clear();
        continue;
      }
      if (!reader_) {
        if (file_index_ == files_.size()) break;
        open_next();
        continue;
      }
      std::optional<ReadItem> item;
      try {
        item = reader_->next();
      } catch (const Error& e) {
        finish_file(false);
        pending_.push_back(Item(Rejection{files_[file_index_ - 1].string(), e.what(), {}}));
        continue;
      }
      if (!item) {
        finish_file(true);
        continue;
      }
      emit(Item(std::move(*item)), chunk);
    }
    return chunk;
  }

  std::size_t bytes() const noexcept { return finished_bytes_ + (reader_ ? reader_->bytes_read() : 0); }

 private:
  /// Opens the next file, unless the manifest says it is unchanged; a file that cannot be opened becomes a
  /// pending rejection.
  void open_next() {
    const auto& path = files_[file_index_++];
    const bool standard_input = path == "-";
    if (!standard_input && !options_.force && manifest_.unchanged(path, state_)) {
      ++summary_.skipped_files;
      return;
    }
    try {
      reader_ = open_reader(path, options_.format);
      ++summary_.files;
      record_ = !standard_input;
    } catch (const Error& e) {
      pending_.push_back(Item(Rejection{path.string(), e.what(), {}}));
    }
  }

  /// Adds a read item to the chunk; with --feed-order, an article waits there until the dateline days after
  /// it settle its own on the feed's clock.
  void emit(Item item, Chunk& chunk) {
    if (!feed_clock_) {
      chunk.push_back(std::move(item));
      return;
    }
    feed_clock_->push(dateline_day(item.read));
    held_.push_back(std::move(item));
    release_settled(chunk);
  }

  /// The day an article without a date of its own gets from its dateline, when that is where it comes from.
  std::optional<Day> dateline_day(ReadItem& read) const {
    auto* article = std::get_if<Article>(&read);
    if (!article || article->published) return std::nullopt;
    const auto found = dates::detect_publication_date(
        *article, article->raw_date_source, dates::DateContext{context_.now, context_.reference_date});
    if (found.source != DateSource::dateline || found.problem) return std::nullopt;
    return std::chrono::floor<std::chrono::days>(*found.published);
  }

  void release_settled(Chunk& chunk) {
    while (feed_clock_->ready()) {
      Item item = std::move(held_.front());
      held_.pop_front();
      if (const auto day = feed_clock_->pop()) {
        auto& article = std::get<Article>(item.read);
        article.published = Instant{*day};
        article.date_source = DateSource::dateline;
      }
      chunk.push_back(std::move(item));
    }
  }

  /// Ends the current file; a file read to its end is recorded in the manifest once its articles are written.
  void finish_file(bool complete) {
    if (!reader_) return;
    if (feed_clock_) {
      feed_clock_->finish();
      release_settled(pending_);
    }
    finished_bytes_ += reader_->bytes_read();
    reader_.reset();
    if (complete && record_) pending_.push_back(file_done_marker(files_[file_index_ - 1], state_));
    record_ = false;
  }

  const IndexOptions& options_;
  IndexSummary& summary_;
  const Manifest& manifest_;
  FileState state_;      // of the file being read
  bool record_ = false;  // whether it goes into the manifest
  std::vector<std::filesystem::path> files_;
  std::size_t file_index_ = 0;
  std::unique_ptr<ArticleReader> reader_;
  std::size_t finished_bytes_ = 0;
  Chunk pending_;
  const PreparationContext& context_;
  std::optional<dates::FeedClock> feed_clock_;  // with --feed-order
  std::deque<Item> held_;                       // articles waiting for their day to settle
};

/// The per-thread state of the analysis stage.
struct Worker {
  Worker(const AnalyzerSettings& analyzer, const EnrichmentOptions& enrichment)
      : builder(analyzer), enricher(enrichment) {}
  DocumentBuilder builder;
  Enricher enricher;
};

/// Prints a progress line at most once a second, starting after the first second.
class Progress {
 public:
  Progress(bool enabled, std::ostream& log) : enabled_(enabled), log_(log), tty_(isatty(STDERR_FILENO)) {}

  void update(const IndexSummary& s, std::size_t bytes) {
    if (!enabled_) return;
    const auto now = Clock::now();
    if (now - last_ < std::chrono::seconds(tty_ ? 1 : 10) || now - start_ < std::chrono::seconds(1)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    char line[160];
    std::snprintf(line, sizeof line, "%zu articles, %.0f articles/s, %.1f MB/s, %zu rejected", s.read,
                  double(s.read) / secs, double(bytes) / 1e6 / secs, s.rejected);
    log_ << (tty_ ? "\r" : "") << "gazette-index: " << line << (tty_ ? "" : "\n") << std::flush;
    shown_ = true;
  }

  void finish() {
    if (shown_ && tty_) log_ << '\n';
  }

 private:
  bool enabled_;
  std::ostream& log_;
  bool tty_;
  bool shown_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_ = start_;
};

/// Where the writing stage puts documents: one writer, partition writers for a bulk load into a new
/// database, shard writers for a sharded archive, or nowhere (--dry-run: counts only, against the database
/// as it is).
class Destination {
 public:
  Destination(const IndexOptions& options, unsigned threads, const IndexWriter::RejectHandler& reject,
              const IndexWriter::WarningHandler& warn)
      : options_(options) {
    std::error_code ec;
    const bool sharded = options.shards || is_sharded_archive(options.db);
    if (options.dry_run) {
      if (std::filesystem::exists(options.db, ec)) existing_ = open_existing_for_reading(options.db);
      manifest_source_ =
          sharded && existing_.size() ? open_existing_for_reading(control_path(options.db)) : existing_;
      return;
    }
    if (sharded) {
      sharded_ = std::make_unique<ShardedWriter>(options.db, options.shards, options.analyzer, threads,
                                                 options.batch_size, reject, warn);
      existing_ = sharded_->existing();
      manifest_source_ = sharded_->control();
      return;
    }
    single_ = std::make_unique<IndexWriter>(options.db, options.analyzer, options.batch_size, reject, warn);
    if (single_->document_count() > 0)
      existing_ = manifest_source_ = single_->database();
    else if (threads > 1)  // bulk load: one Xapian writer per core
      // Each partition commits batch_size / threads documents, so memory stays near one writer's.
      partitioned_ = std::make_unique<PartitionedWriter>(
          std::move(single_), options.analyzer, threads,
          std::max<std::size_t>(1, options.batch_size / threads), reject, warn);
  }

  /// The database as it was before this run (empty when new); read it before the pipeline starts.
  const Xapian::Database& existing() const noexcept { return existing_; }
  /// The database whose metadata hold the file manifest.
  const Xapian::Database& manifest_source() const noexcept { return manifest_source_; }

  /// Where story detection finds earlier articles and their buckets: the one database, or the shards and
  /// the control database of an archive.
  StoryStore story_store() const {
    if (single_) {
      const auto current = [this] { return single_->database(); };  // its own uncommitted documents too
      return {current, current};
    }
    if (sharded_) return {[this] { return sharded_->existing(); }, [this] { return sharded_->control(); }};
    return {[this] { return existing_; }, [this] { return manifest_source_; }};
  }

  /// How this run's buckets reach the database: before each commit of the one writer; at the end for a
  /// new database written in partitions or a new archive (whose control database commits only then),
  /// where memory already holds every bucket; for an archive with articles, at the end too.
  BucketWrites bucket_writes() const {
    if (options_.dry_run) return BucketWrites::none;
    return single_ || existing_.get_doccount() ? BucketWrites::at_commits : BucketWrites::at_end;
  }

  /// Lets the one writer flush the story buckets before each of its commits.
  void connect(StoryAssigner& stories) {
    if (single_)
      single_->set_before_commit([&stories](Xapian::WritableDatabase& db) { stories.flush_buckets(db); });
  }

  /// The one writer's database while it holds the lock (null for a bulk load, shards or a dry run).
  Xapian::WritableDatabase* writer() noexcept { return single_ ? &single_->writable() : nullptr; }

  void write(const Article& a, Xapian::Document document) {
    if (sharded_)
      sharded_->write(a, std::move(document));
    else if (partitioned_)
      partitioned_->write(a.id, a.origin, std::move(document));
    else if (single_)
      single_->write(a.id, a.origin, std::move(document));
    else
      count_dry(a.id);
  }

  /// A file whose articles have all been written: recorded in the manifest.
  void file_done(const std::filesystem::path& path, const FileState& state) {
    if (single_)
      single_->record_file(path, state);
    else if (sharded_)
      sharded_->record_file(path, state);
    else if (partitioned_)
      done_files_.emplace_back(path, state);
  }

  /// Commits the documents, then the spelling data and synonyms (after a partitioned load: merges first).
  void finish(const SpellingCounts& spellings, const std::vector<SynonymGroup>& synonyms,
              StoryAssigner& stories) {
    if (sharded_)  // the control database, listed first, holds what belongs to the whole archive
      sharded_->finish([&](Xapian::WritableDatabase& control) {
        write_query_aids(control, spellings, synonyms, sharded_->forgotten_spellings());
        if (bucket_writes() == BucketWrites::at_end)
          stories.write_buckets(control);
        else
          stories.flush_buckets(control);
      });
    if (single_) {
      write_query_aids(single_->writable(), spellings, synonyms, single_->forgotten_spellings());
      single_->commit();
    }
    if (!partitioned_) return;
    partitioned_->finish();
    Xapian::WritableDatabase merged = open_existing_database(options_.db);
    for (const auto& [path, state] : done_files_) record_file(merged, path, state);
    write_query_aids(merged, spellings, synonyms, partitioned_->forgotten_spellings());
    stories.write_buckets(merged);
    merged.commit();
  }

  WriteCounts counts() const {
    if (sharded_) return sharded_->counts();
    return partitioned_ ? partitioned_->counts() : single_ ? single_->counts() : dry_;
  }

  std::size_t document_count() const {
    if (partitioned_) return partitioned_->document_count();
    if (sharded_) return sharded_->document_count();
    return single_ ? single_->document_count() : existing_.get_doccount() + dry_.added;
  }

 private:
  void count_dry(const std::string& id) {
    if (!dry_seen_.insert(id).second)
      ++dry_.duplicates;
    else if (existing_.get_doccount() && existing_.term_exists(schema::id_term(id)))
      ++dry_.replaced;
    else
      ++dry_.added;
  }

  const IndexOptions& options_;
  Xapian::Database existing_;
  Xapian::Database manifest_source_;
  std::unique_ptr<ShardedWriter> sharded_;
  std::unique_ptr<IndexWriter> single_;
  std::unique_ptr<PartitionedWriter> partitioned_;
  std::vector<std::pair<std::filesystem::path, FileState>> done_files_;
  WriteCounts dry_;
  std::unordered_set<std::string> dry_seen_;
};

}  // namespace

std::filesystem::path default_rejects_path(const std::filesystem::path& db) {
  std::filesystem::path p = db.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p.string() + ".rejects.jsonl";
}

IndexSummary run_index(const IndexOptions& options, std::ostream& log) {
  const auto start = Clock::now();
  IndexSummary summary;
  summary.dry_run = options.dry_run;
  summary.rejects_path = options.rejects.empty() ? default_rejects_path(options.db) : options.rejects;
  RejectLog rejects(summary.rejects_path);
  auto reject = [&](const Rejection& r) {
    log << "gazette-index: " << r.where << ": " << (options.dry_run ? "would reject: " : "rejected: ")
        << r.reason << '\n';
    if (options.dry_run)
      ++summary.rejected;
    else
      rejects.write(r);
  };
  auto warn = [&](const std::string& message) {
    log << "gazette-index: warning: " << message << '\n';
    ++summary.warnings;
  };

  const unsigned threads =
      options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  Destination destination(options, threads, reject, warn);
  StoryAssigner stories(destination.story_store(), destination.bucket_writes(), options.story_threshold);
  destination.connect(stories);
  QuoteJoiner quotes;
  const Manifest manifest(destination.manifest_source());
  if (manifest.foreign())
    warn("the file manifest in " + options.db.string() +
         " was recorded for another database; reading every file");
  const PreparationContext context{options.default_language,
                                   std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
                                   options.reference_date};
  InputFeed feed(options, summary, manifest, context);
  Progress progress(options.progress, log);

  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const EnrichmentOptions enrichment{options.boilerplate ? BoilerplateRules::load() : nullptr,
                                     options.entities ? EntityModel::load() : nullptr, options.mentions,
                                     options.reference_date,
                                     std::chrono::floor<std::chrono::days>(context.now)};
  tbb::enumerable_thread_specific<Worker> workers(options.analyzer, enrichment);
  std::vector<std::size_t> removed;  // boilerplate removals per rule, summed in the serial stage

  tbb::parallel_pipeline(
      threads * 4,
      tbb::make_filter<void, Chunk>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& fc) {
        Chunk chunk = feed.next_chunk();
        if (chunk.empty()) fc.stop();
        return chunk;
      }) & tbb::make_filter<Chunk, Chunk>(tbb::filter_mode::parallel, [&](Chunk chunk) {
        Worker& worker = workers.local();
        for (Item& item : chunk) {
          auto* article = std::get_if<Article>(&item.read);
          if (!article) continue;
          Preparation prepared = prepare_article(*article, context);
          item.warnings = std::move(prepared.warnings);
          if (prepared.rejection)
            item.read =
                Rejection{article->origin, *prepared.rejection, article->title + "\n\n" + article->body};
          else {
            Enrichment found = worker.enricher.enrich(*article);
            item.removed = std::move(found.removed);
            if (options.stories) {
              item.fingerprint = fingerprint(article->body);
              item.quotes = quotes_qualify(quoted_words(article->body));
            }
            item.document = worker.builder.build(*article, found.mentions, item.fingerprint);
            if (item.quotes) item.document.add_boolean_term(std::string(schema::quotes_term));
          }
        }
        return chunk;
      }) & tbb::make_filter<Chunk, void>(tbb::filter_mode::serial_in_order, [&](Chunk chunk) {
        for (Item& item : chunk) {
          if (item.file_done) {
            destination.file_done(item.file_done->first, item.file_done->second);
            continue;
          }
          ++summary.read;
          for (const std::string& warning : item.warnings) warn(location_of(item.read) + ": " + warning);
          removed.resize(std::max(removed.size(), item.removed.size()));
          for (std::size_t i = 0; i < item.removed.size(); ++i) removed[i] += item.removed[i];
          if (auto* r = std::get_if<Rejection>(&item.read)) {
            reject(*r);
            continue;
          }
          const Article& a = std::get<Article>(item.read);
          const std::string story = stories.assign(a.id, item.fingerprint);
          quotes.note(a, item.quotes && story == a.id);
          set_story(item.document, story);
          destination.write(a, std::move(item.document));
        }
        if (!options.dry_run) summary.rejected = rejects.count();
        progress.update(summary, feed.bytes());
      }));
  SpellingCounts spellings;
  for (const Worker& worker : workers)
    for (const auto& [word, count] : worker.builder.spellings()) spellings[word] += count;
  Analyzer analyzer(options.analyzer);
  destination.finish(spellings, options.dry_run ? std::vector<SynonymGroup>{} : news_synonym_groups(analyzer),
                     stories);
  progress.finish();
  if (options.stories && !options.dry_run) {
    const auto pass_start = Clock::now();
    const QuoteJoiner::Result joins = quotes.join(options.db, destination.writer());
    summary.quote_checked = joins.checked;
    summary.quote_joins = joins.joined;
    summary.quote_seconds = std::chrono::duration<double>(Clock::now() - pass_start).count();
  }

  const WriteCounts counts = destination.counts();
  summary.added = counts.added;
  summary.replaced = counts.replaced;
  summary.duplicates = counts.duplicates;
  summary.joined_stories = stories.joined();
  summary.story_comparisons = stories.compared();
  if (!options.dry_run) summary.rejected = rejects.count();
  summary.bytes = feed.bytes();
  summary.documents = destination.document_count();
  for (std::size_t i = 0; i < removed.size(); ++i)
    if (removed[i]) summary.boilerplate.emplace_back(enrichment.boilerplate->names()[i], removed[i]);
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  summary.interrupted_by = interruption_signal();
  return summary;
}

IndexSummary rebuild_index(const IndexOptions& options, std::ostream& log) {
  const std::filesystem::path old = options.db;
  std::error_code ec;
  if (!std::filesystem::exists(old, ec)) throw Error(ErrorCode::not_found, "no database here", old.string());
  // Hold the old database's write lock throughout, so nothing is written to it and lost by the swap.
  Xapian::WritableDatabase lock;
  try {
    lock = Xapian::WritableDatabase(old.string(), Xapian::DB_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorCode::unavailable, "database is locked by another indexer", old.string());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot open the database: " + e.get_msg(), old.string());
  }
  IndexOptions rebuild = options;
  rebuild.db = old.string() + ".rebuild";
  rebuild.stored_input = old;
  rebuild.rejects = options.rejects.empty() ? default_rejects_path(old) : options.rejects;
  rebuild.inputs.clear();
  rebuild.force = true;
  std::filesystem::remove_all(rebuild.db, ec);  // what a rebuild stopped halfway left
  IndexSummary summary = run_index(rebuild, log);

  {  // the manifest still describes the input files: carry it over
    Xapian::WritableDatabase fresh = open_existing_database(rebuild.db);
    for (auto it = lock.metadata_keys_begin("gazette.manifest");
         it != lock.metadata_keys_end("gazette.manifest"); ++it)
      fresh.set_metadata(*it, lock.get_metadata(*it));
    adopt_manifest(fresh);
    fresh.commit();
  }
  lock.close();
  replace_database(old, rebuild.db, old.string() + ".old", "rebuilt");
  log << "gazette-index: rebuilt " << old.string() << " from its " << summary.read << " stored articles\n";
  return summary;
}

void print_summary(const IndexSummary& s, std::ostream& out) {
  char line[256];
  std::snprintf(line, sizeof line,
                "gazette-index: %zu files, %zu articles read in %.2f s (%.0f articles/s, %.1f MB/s)\n"
                "gazette-index: %zu added, %zu replaced, %zu duplicate ids, %zu rejected, %zu warnings; "
                "database holds %zu articles\n",
                s.files, s.read, s.seconds, s.seconds > 0 ? double(s.read) / s.seconds : 0.0,
                s.seconds > 0 ? double(s.bytes) / 1e6 / s.seconds : 0.0, s.added, s.replaced, s.duplicates,
                s.rejected, s.warnings, s.documents);
  out << line;
  if (s.interrupted_by)
    out << "gazette-index: stopped by signal " << s.interrupted_by << ": the " << s.documents
        << " articles in the database are committed; run the same command again to continue\n";
  if (s.skipped_files)
    out << "gazette-index: " << s.skipped_files
        << " files skipped, unchanged since they were indexed (--force reads them)\n";
  if (s.dry_run) out << "gazette-index: dry run: nothing was written (the counts say what a run would do)\n";
  if (s.joined_stories)
    out << "gazette-index: " << s.joined_stories << " articles joined the story of a near-duplicate ("
        << s.story_comparisons << " fingerprint comparisons)\n";
  if (s.quote_checked) {
    char line[160];
    std::snprintf(line, sizeof line,
                  "gazette-index: %zu articles joined the story they quote (%zu quoting articles checked in "
                  "%.2f s)\n",
                  s.quote_joins, s.quote_checked, s.quote_seconds);
    out << line;
  }
  if (!s.boilerplate.empty()) {
    out << "gazette-index: boilerplate removed:";
    for (const auto& [rule, count] : s.boilerplate) out << ' ' << rule << ' ' << count;
    out << '\n';
  }
  if (s.rejected) out << "gazette-index: rejected records are in " << s.rejects_path.string() << '\n';
}

}  // namespace gazette
