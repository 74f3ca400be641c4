/// @file
/// @brief The single writer of a Gazette database: settings check, batched commits, batch replay.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/index/manifest.hpp"
#include "gazette/index/query_aids.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette {

/// Opens an existing Gazette database for writing (deletes, maintenance) after checking its schema version.
/// @throws gazette::Error(not_found) when there is none, (unavailable) when locked, (corrupt) for another
/// schema version or a database that is not Gazette's.
Xapian::WritableDatabase open_existing_database(const std::filesystem::path& path);

/// The work folder of a bulk load into db (its partition databases), beside it. Only the holder of db's
/// write lock uses it, and an IndexWriter opening db removes what a killed bulk load left there.
std::filesystem::path partition_work_dir(const std::filesystem::path& db);

/// The analyzer settings a database records (language, diacritic folding).
AnalyzerSettings recorded_analyzer_settings(const Xapian::Database& db);

/// Opens an existing Gazette database read-only, after the same schema check.
Xapian::Database open_existing_for_reading(const std::filesystem::path& path);

/// Counts of what a writer did.
struct WriteCounts {
  std::size_t added = 0;       ///< ids new to the database
  std::size_t replaced = 0;    ///< ids already in the database before this run
  std::size_t duplicates = 0;  ///< ids seen earlier in this same run (the later record won)
  std::size_t failed = 0;      ///< documents Xapian refused (rejected, the rest of the batch replayed)
};

/// Writes documents into one Xapian database, committing every batch_size documents. Each batch is kept
/// until its commit, so a document Xapian refuses is rejected and the rest of the batch replayed without
/// it. Not thread-safe: one writer per database (Xapian's lock enforces it across processes).
class IndexWriter {
 public:
  using RejectHandler = std::function<void(const Rejection&)>;
  using WarningHandler = std::function<void(const std::string&)>;

  /// Opens or creates the database and checks (or, for a new one, records) schema version and analyzer.
  /// @throws gazette::Error(unavailable) when locked or not writable, (corrupt) for another schema
  /// version, (usage) for other analyzer settings.
  IndexWriter(const std::filesystem::path& path, const AnalyzerSettings& settings, std::size_t batch_size,
              RejectHandler on_reject, WarningHandler on_warning);
  ~IndexWriter();

  /// Adds or replaces the article with this id (origin names it in messages).
  void write(const std::string& id, const std::string& origin, Xapian::Document document);
  /// Deletes the article with this id, if present, in the current batch (a sharded archive moving an
  /// article whose date changed to another shard).
  void remove(const std::string& id, const std::string& origin);
  /// Commits the current batch. @throws gazette::Error(unavailable) when the commit fails.
  void commit();

  /// Runs `hook` at the start of each commit, for what else commits with the documents (story buckets).
  void set_before_commit(std::function<void(Xapian::WritableDatabase&)> hook) {
    before_commit_ = std::move(hook);
  }
  /// Records a completely indexed input file in the manifest (committed with the next commit).
  void record_file(const std::filesystem::path& file, const FileState& state);

  /// Commits and closes the database; the writer cannot be used afterwards.
  void close();

  const WriteCounts& counts() const noexcept { return counts_; }
  Xapian::doccount document_count() const { return db_.get_doccount(); }
  const std::filesystem::path& path() const noexcept { return path_; }
  /// The database as this writer sees it, its uncommitted documents included. Use it from the writing
  /// thread only, and fetch it again after each write: a refused document reopens the database.
  Xapian::Database database() const { return db_; }
  /// The database itself, for what is written besides documents (spelling data, synonyms).
  Xapian::WritableDatabase& writable() noexcept { return db_; }
  /// The words of the articles this writer replaced or deleted, to take out of the spelling data.
  const SpellingCounts& forgotten_spellings() const noexcept { return forgotten_; }

 private:
  enum class Outcome { added, replaced, duplicate, removed };
  struct Pending {
    std::string id;
    std::string origin;
    Outcome outcome;
    Xapian::Document document;
  };
  std::size_t& count_for(Outcome outcome) noexcept;
  void apply(const Pending& pending);
  void replay_without(std::size_t failed_index, const std::string& reason);

  std::filesystem::path path_;
  Xapian::WritableDatabase db_;
  Analyzer analyzer_;         // reads a replaced article's words
  SpellingCounts forgotten_;  // those words
  std::size_t batch_size_;
  RejectHandler on_reject_;
  WarningHandler on_warning_;
  std::function<void(Xapian::WritableDatabase&)> before_commit_;
  bool started_empty_;
  std::vector<Pending> batch_;
  std::unordered_map<std::string, std::string> seen_;  // id -> origin, for duplicates within one run
  WriteCounts counts_;
};

/// The reject and warning handlers of a run, called from several writer threads: each call holds one
/// mutex, so messages never interleave. Its handlers refer to it: it must outlive the writers using them.
class SharedLog {
 public:
  SharedLog(IndexWriter::RejectHandler on_reject, IndexWriter::WarningHandler on_warning)
      : on_reject_(std::move(on_reject)), on_warning_(std::move(on_warning)) {}
  SharedLog(const SharedLog&) = delete;
  SharedLog& operator=(const SharedLog&) = delete;

  void reject(const Rejection& rejection) {
    std::lock_guard lock(mutex_);
    on_reject_(rejection);
  }
  void warn(const std::string& warning) {
    std::lock_guard lock(mutex_);
    on_warning_(warning);
  }
  IndexWriter::RejectHandler reject_handler() {
    return [this](const Rejection& rejection) { reject(rejection); };
  }
  IndexWriter::WarningHandler warning_handler() {
    return [this](const std::string& warning) { warn(warning); };
  }

 private:
  std::mutex mutex_;
  IndexWriter::RejectHandler on_reject_;
  IndexWriter::WarningHandler on_warning_;
};

}  // namespace gazette
