/// @file
/// @brief PartitionedWriter: hash(id) routing to partition threads, then Xapian's compactor.
#include "gazette/index/partitioned_writer.hpp"

#include "gazette/core/error.hpp"
#include "gazette/core/hash.hpp"
#include "gazette/index/maintenance.hpp"

namespace gazette {

namespace {
/// Documents a partition may have queued before write() waits for it: bounds memory.
constexpr std::ptrdiff_t queue_capacity = 2048;
}  // namespace

PartitionedWriter::PartitionedWriter(std::unique_ptr<IndexWriter> target, const AnalyzerSettings& settings,
                                     unsigned partitions, std::size_t batch_size,
                                     IndexWriter::RejectHandler on_reject,
                                     IndexWriter::WarningHandler on_warning)
    : target_(std::move(target)),
      work_dir_(partition_work_dir(target_->path())),
      log_(std::move(on_reject), std::move(on_warning)) {
  std::error_code ec;
  std::filesystem::remove_all(work_dir_, ec);
  std::filesystem::create_directories(work_dir_, ec);
  if (ec)
    throw Error(ErrorCode::unavailable, "cannot create a work folder: " + ec.message(), work_dir_.string());
  for (unsigned i = 0; i < partitions; ++i) {
    auto partition = std::make_unique<Partition>();
    partition->writer =
        std::make_unique<IndexWriter>(work_dir_ / ("part" + std::to_string(i)), settings, batch_size,
                                      log_.reject_handler(), log_.warning_handler());
    partition->queue.set_capacity(queue_capacity);
    partitions_.push_back(std::move(partition));
  }
  for (auto& p : partitions_) {
    Partition* partition = p.get();
    partition->thread = std::thread([partition] {
      Job job;
      for (;;) {
        partition->queue.pop(job);
        if (job.stop) return;
        if (partition->failure) continue;  // drain, so write() never blocks on a dead partition
        try {
          partition->writer->write(job.id, job.origin, std::move(job.document));
        } catch (...) {
          partition->failure = std::current_exception();
        }
      }
    });
  }
}

PartitionedWriter::~PartitionedWriter() {
  stop_threads();
  partitions_.clear();  // closes the partition databases before their folder goes
  std::error_code ec;
  std::filesystem::remove_all(work_dir_, ec);
}

void PartitionedWriter::stop_threads() {
  for (auto& p : partitions_)
    if (p->thread.joinable()) p->queue.push(Job{{}, {}, {}, true});
  for (auto& p : partitions_)
    if (p->thread.joinable()) p->thread.join();
}

void PartitionedWriter::write(const std::string& id, const std::string& origin, Xapian::Document document) {
  Partition& partition = *partitions_[hash64(id) % partitions_.size()];
  partition.queue.push(Job{id, origin, std::move(document), false});
}

void PartitionedWriter::finish() {
  stop_threads();
  for (auto& p : partitions_)
    if (p->failure) std::rethrow_exception(p->failure);
  Xapian::Database all;
  for (auto& p : partitions_) {
    p->writer->close();
    all.add_database(Xapian::Database(p->writer->path().string()));
  }
  const std::filesystem::path path = target_->path();
  // Compact into a fresh folder, then put it in place of the (empty or missing) target.
  const std::filesystem::path merged = work_dir_ / "merged";
  try {
    all.compact(merged.string(), Xapian::DBCOMPACT_MULTIPASS);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "merging the partitions failed: " + e.get_description(),
                path.string());
  }
  merged_count_ = all.get_doccount();
  // The target was empty (checked when this writer was chosen) and is locked by target_ until here.
  target_->close();
  target_.reset();
  replace_database(path, merged, work_dir_ / "empty-target", "merged");
}

SpellingCounts PartitionedWriter::forgotten_spellings() const {
  SpellingCounts words;
  for (const auto& p : partitions_) add_spellings(words, p->writer->forgotten_spellings());
  return words;
}

WriteCounts PartitionedWriter::counts() const {
  WriteCounts total;
  for (const auto& p : partitions_) {
    const WriteCounts& c = p->writer->counts();
    total.added += c.added;
    total.replaced += c.replaced;
    total.duplicates += c.duplicates;
    total.failed += c.failed;
  }
  return total;
}

Xapian::doccount PartitionedWriter::document_count() const {
  return merged_count_;
}

}  // namespace gazette
