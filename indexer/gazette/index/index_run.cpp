/// @file
/// @brief run_index: a TBB pipeline of read (serial), prepare and build (parallel), write (serial).
#include "gazette/index/index_run.hpp"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iterator>
#include <cstdio>
#include <ostream>
#include <thread>
#include <variant>

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include "gazette/core/error.hpp"
#include "gazette/index/article_preparation.hpp"
#include "gazette/index/document_builder.hpp"
#include "gazette/index/enricher.hpp"
#include "gazette/index/index_writer.hpp"
#include "gazette/index/partitioned_writer.hpp"
#include "gazette/index/story_assigner.hpp"
#include "gazette/index/reject_log.hpp"

namespace gazette {

namespace {

using Clock = std::chrono::steady_clock;

/// Articles travel through the pipeline in chunks, so TBB's per-token cost is paid once per chunk.
constexpr std::size_t chunk_size = 64;

struct Item {
  explicit Item(ReadItem r) : read(std::move(r)) {}
  ReadItem read;
  Xapian::Document document;          // built by the parallel stage for articles
  std::vector<std::string> warnings;  // logged by the writing stage, in input order
  std::vector<std::size_t> removed;   // boilerplate removals per rule
  std::optional<Fingerprint> fingerprint;  // for the story stage
};
using Chunk = std::vector<Item>;

/// Where a read item came from ("path:line").
const std::string& location_of(const ReadItem& item) {
  if (const auto* article = std::get_if<Article>(&item)) return article->origin;
  return std::get<Rejection>(item).where;
}

/// Walks the inputs and hands out chunks of read items; input-level failures become rejections.
class InputFeed {
 public:
  InputFeed(const IndexOptions& options, IndexSummary& summary) : options_(options), summary_(summary) {
    InputList list = expand_inputs(options.inputs, options.format);
    files_ = std::move(list.files);
    for (Rejection& problem : list.problems) pending_.push_back(Item(std::move(problem)));
  }

  /// The next chunk, or an empty one at the end of all inputs.
  Chunk next_chunk() {
    Chunk chunk;
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
        item = Rejection{files_[file_index_ - 1].string(), e.what(), {}};
        finish_file();
      }
      if (!item) {
        finish_file();
        continue;
      }
      chunk.push_back(Item(std::move(*item)));
    }
    return chunk;
  }

  std::size_t bytes() const noexcept { return finished_bytes_ + (reader_ ? reader_->bytes_read() : 0); }

 private:
  /// Opens the next file; a file that cannot be opened becomes a pending rejection.
  void open_next() {
    const auto& path = files_[file_index_++];
    try {
      reader_ = open_reader(path, options_.format);
      ++summary_.files;
    } catch (const Error& e) {
      pending_.push_back(Item(Rejection{path.string(), e.what(), {}}));
    }
  }

  void finish_file() {
    if (reader_) finished_bytes_ += reader_->bytes_read();
    reader_.reset();
  }

  const IndexOptions& options_;
  IndexSummary& summary_;
  std::vector<std::filesystem::path> files_;
  std::size_t file_index_ = 0;
  std::unique_ptr<ArticleReader> reader_;
  std::size_t finished_bytes_ = 0;
  Chunk pending_;
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

}  // namespace

std::filesystem::path default_rejects_path(const std::filesystem::path& db) {
  std::filesystem::path p = db.lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  return p.string() + ".rejects.jsonl";
}

IndexSummary run_index(const IndexOptions& options, std::ostream& log) {
  const auto start = Clock::now();
  IndexSummary summary;
  summary.rejects_path = options.rejects.empty() ? default_rejects_path(options.db) : options.rejects;
  RejectLog rejects(summary.rejects_path);
  auto reject = [&](const Rejection& r) {
    log << "gazette-index: " << r.where << ": rejected: " << r.reason << '\n';
    rejects.write(r);
  };
  auto warn = [&](const std::string& message) {
    log << "gazette-index: warning: " << message << '\n';
    ++summary.warnings;
  };

  auto target = std::make_unique<IndexWriter>(options.db, options.analyzer, options.batch_size, reject, warn);
  const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  // Bulk loads into a new database use one Xapian writer per core; updates go through the one writer.
  std::unique_ptr<PartitionedWriter> partitioned;
  if (threads > 1 && target->document_count() == 0)
    partitioned = std::make_unique<PartitionedWriter>(std::move(target), options.analyzer, threads,
                                                      options.batch_size, reject, warn);
  StoryAssigner stories(target && target->document_count() ? Xapian::Database(options.db.string()) : Xapian::Database(),
                        options.story_threshold);
  auto write = [&](const Article& a, Xapian::Document document) {
    if (partitioned) partitioned->write(a.id, a.origin, std::move(document));
    else target->write(a.id, a.origin, std::move(document));
  };
  InputFeed feed(options, summary);
  Progress progress(options.progress, log);
  const PreparationContext context{options.default_language,
                                   std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()),
                                   options.reference_date};

  tbb::global_control limit(tbb::global_control::max_allowed_parallelism, threads);
  const EnrichmentOptions enrichment{options.boilerplate ? BoilerplateRules::load() : nullptr,
                                     options.entities ? EntityModel::load() : nullptr, options.mentions,
                                     options.reference_date, std::chrono::floor<std::chrono::days>(context.now)};
  tbb::enumerable_thread_specific<Worker> workers(options.analyzer, enrichment);
  std::vector<std::size_t> removed;  // boilerplate removals per rule, summed in the serial stage

  tbb::parallel_pipeline(
      threads * 4,
      tbb::make_filter<void, Chunk>(tbb::filter_mode::serial_in_order,
                                    [&](tbb::flow_control& fc) {
                                      Chunk chunk = feed.next_chunk();
                                      if (chunk.empty()) fc.stop();
                                      return chunk;
                                    }) &
          tbb::make_filter<Chunk, Chunk>(tbb::filter_mode::parallel,
                                         [&](Chunk chunk) {
                                           Worker& worker = workers.local();
                                           for (Item& item : chunk) {
                                             auto* article = std::get_if<Article>(&item.read);
                                             if (!article) continue;
                                             Preparation prepared = prepare_article(*article, context);
                                             item.warnings = std::move(prepared.warnings);
                                             if (prepared.rejection)
                                               item.read = Rejection{article->origin, *prepared.rejection,
                                                                     article->title + "\n\n" + article->body};
                                             else {
                                               Enrichment found = worker.enricher.enrich(*article);
                                               item.removed = std::move(found.removed);
                                               if (options.stories) item.fingerprint = fingerprint(article->body);
                                               item.document =
                                                   worker.builder.build(*article, found.mentions, item.fingerprint);
                                             }
                                           }
                                           return chunk;
                                         }) &
          tbb::make_filter<Chunk, void>(tbb::filter_mode::serial_in_order, [&](Chunk chunk) {
            for (Item& item : chunk) {
              ++summary.read;
              for (const std::string& warning : item.warnings) warn(location_of(item.read) + ": " + warning);
              removed.resize(std::max(removed.size(), item.removed.size()));
              for (std::size_t i = 0; i < item.removed.size(); ++i) removed[i] += item.removed[i];
              if (auto* r = std::get_if<Rejection>(&item.read)) {
                reject(*r);
                continue;
              }
              const Article& a = std::get<Article>(item.read);
              set_story(item.document, stories.assign(a.id, item.fingerprint));
              write(a, std::move(item.document));
            }
            summary.rejected = rejects.count();
            progress.update(summary, feed.bytes());
          }));
  if (partitioned) partitioned->finish();
  else target->commit();
  progress.finish();

  const WriteCounts counts = partitioned ? partitioned->counts() : target->counts();
  summary.added = counts.added;
  summary.replaced = counts.replaced;
  summary.duplicates = counts.duplicates;
  summary.joined_stories = stories.joined();
  summary.rejected = rejects.count();
  summary.bytes = feed.bytes();
  summary.documents = partitioned ? partitioned->document_count() : target->document_count();
  for (std::size_t i = 0; i < removed.size(); ++i)
    if (removed[i]) summary.boilerplate.emplace_back(enrichment.boilerplate->names()[i], removed[i]);
  summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
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
  if (s.joined_stories) out << "gazette-index: " << s.joined_stories << " articles joined the story of a near-duplicate\n";
  if (!s.boilerplate.empty()) {
    out << "gazette-index: boilerplate removed:";
    for (const auto& [rule, count] : s.boilerplate) out << ' ' << rule << ' ' << count;
    out << '\n';
  }
  if (s.rejected) out << "gazette-index: rejected records are in " << s.rejects_path.string() << '\n';
}

}  // namespace gazette
