/// @file
/// @brief Writing a sharded archive: a control database, one Xapian writer per shard, shards written in
/// parallel, and the stub file that lets Xapian open them as one.
///
/// Articles are routed in the pipeline's serial stage (after story assignment, so stories are decided
/// exactly as in a sequential run) and queued to writer threads; each shard is written by one thread. An
/// article whose date moves it to another shard is deleted from the shard that held it (found by its id
/// term in the archive as it was before the run, or in this run's routing table), so one copy remains.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "gazette/index/index_writer.hpp"
#include "gazette/index/shard_scheme.hpp"

namespace gazette {

/// True when `path` is a sharded archive (a directory with a stub file and a control database).
bool is_sharded_archive(const std::filesystem::path& path);

/// The control database of a sharded archive.
std::filesystem::path control_path(const std::filesystem::path& archive);

/// The shard databases of an archive on disk (shard-* directories), sorted by name.
std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& archive);

/// Rewrites ARCHIVE/XAPIANDB to list the control database and every shard directory.
void write_archive_stub(const std::filesystem::path& archive);

/// Writes a sharded archive. write() is called from one thread; shards are written by writer threads.
class ShardedWriter {
 public:
  /// Opens or creates the archive and its control database (which holds the archive's write lock). A new
  /// archive needs `requested`; an existing one keeps its recorded scheme. batch_size is shared out among
  /// the shards written at once.
  /// @throws gazette::Error(usage) when `requested` differs from the recorded scheme or the path is a
  /// single database, and as IndexWriter does.
  ShardedWriter(const std::filesystem::path& archive, const std::optional<ShardScheme>& requested,
                const AnalyzerSettings& settings, unsigned writer_threads, std::size_t batch_size,
                IndexWriter::RejectHandler on_reject, IndexWriter::WarningHandler on_warning);
  /// Stops the writer threads; without finish() each shard keeps its last commit.
  ~ShardedWriter();

  /// The control database (file manifest, story buckets), its uncommitted changes included.
  Xapian::Database control() const { return control_->database(); }
  /// Every shard as it was before this run, searched as one (story lookups); empty for a new archive.
  Xapian::Database existing() const { return before_; }

  /// Routes the article to its shard (and deletes an older copy from another shard).
  void write(const Article& article, Xapian::Document document);
  /// Records a completely indexed input file in the control database's manifest.
  void record_file(const std::filesystem::path& file, const FileState& state);
  /// Commits every shard, rewrites the stub file, lets archive_data write what belongs to the whole
  /// archive (spelling data, synonyms) into the control database, and commits that.
  /// @throws gazette::Error(unavailable) when a shard failed.
  void finish(const std::function<void(Xapian::WritableDatabase&)>& archive_data);

  WriteCounts counts() const;
  /// The words of the articles the shards replaced or deleted, to take out of the spelling data.
  SpellingCounts forgotten_spellings() const;
  Xapian::doccount document_count() const;

 private:
  struct Shard;
  struct Job {
    Shard* shard = nullptr;  // threads never index shards_, which grows while they run
    std::string id, origin;
    Xapian::Document document;
    bool remove = false, stop = false;
  };
  struct WriterThread;

  void run_writer(WriterThread& self);
  void open_shard(Shard& shard);  ///< on its writer thread, at its first article
  std::size_t shard_index(const std::string& name);
  std::optional<std::size_t> shard_before_run(const std::string& id_term);
  void queue(Job job);
  void stop_threads();

  std::filesystem::path archive_;
  AnalyzerSettings settings_;
  std::size_t batch_size_ = 0;  // per shard
  SharedLog log_;               // the writer threads report through it
  std::mutex stub_mutex_;       // writer threads rewrite the stub as they open shards
  std::unique_ptr<IndexWriter> control_;
  ShardScheme scheme_;                          // the recorded one (control_ must be open to read it)
  Xapian::Database before_;                     // shards before the run, in before_names_ order
  std::vector<std::string> before_names_;       // docid d of before_ is in shard before_names_[(d-1) % n]
  std::vector<std::unique_ptr<Shard>> shards_;  // in order of first use
  std::unordered_map<std::string, std::size_t> shard_by_name_;
  std::unordered_map<std::uint64_t, std::uint32_t> run_home_;  // hash of an id written in this run -> shard
  std::vector<std::unique_ptr<WriterThread>> threads_;
  WriteCounts counts_;
  Xapian::doccount documents_ = 0;
};

}  // namespace gazette
