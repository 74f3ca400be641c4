/// @file
/// @brief Bulk loading on every core: one Xapian writer per partition, merged by Xapian's compactor.
///
/// A single WritableDatabase keeps one core busy with Xapian's own posting work. For a new database,
/// documents are routed by a hash of their id to N partition databases written by N threads, and
/// Xapian::Database::compact merges the partitions into the final database at the end. Routing by id sends
/// every version of an article to the same partition, so "the later record wins" still holds.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include <tbb/concurrent_queue.h>

#include "gazette/index/index_writer.hpp"

namespace gazette {

/// Writes a new database through partition writers. write() is called from one thread; the partitions
/// are written concurrently.
class PartitionedWriter {
 public:
  /// Creates `partitions` partition databases in a work folder beside the target. The target writer holds
  /// the target's lock until finish() and must have no documents. @throws gazette::Error as IndexWriter does.
  PartitionedWriter(std::unique_ptr<IndexWriter> target, const AnalyzerSettings& settings,
                    unsigned partitions, std::size_t batch_size, IndexWriter::RejectHandler on_reject,
                    IndexWriter::WarningHandler on_warning);
  /// Stops the partition threads; without finish() the partitions are discarded and the target keeps its
  /// last commit.
  ~PartitionedWriter();

  /// Queues the article for its partition (blocks while that partition is far behind).
  void write(const std::string& id, const std::string& origin, Xapian::Document document);

  /// Commits every partition and merges them into the database at `path`.
  /// @throws gazette::Error(unavailable) when a partition or the merge fails.
  void finish();

  /// Counts summed over the partitions (complete after finish()).
  WriteCounts counts() const;
  /// The words of articles replaced within this load (duplicate ids), to take out of the spelling data.
  SpellingCounts forgotten_spellings() const;
  Xapian::doccount document_count() const;

 private:
  struct Job {
    std::string id, origin;
    Xapian::Document document;
    bool stop = false;
  };
  struct Partition {
    std::unique_ptr<IndexWriter> writer;
    tbb::concurrent_bounded_queue<Job> queue;
    std::thread thread;
    std::exception_ptr failure;
  };
  void stop_threads();

  std::unique_ptr<IndexWriter> target_;
  std::filesystem::path work_dir_;
  SharedLog log_;  // the partition threads report through it
  std::vector<std::unique_ptr<Partition>> partitions_;
  Xapian::doccount merged_count_ = 0;
};

}  // namespace gazette
