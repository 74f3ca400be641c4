/// @file
/// @brief ShardedWriter: control database, routing with moves, writer threads, stub file.
#include "gazette/index/sharded_writer.hpp"

#include <algorithm>
#include <thread>

#include <tbb/concurrent_queue.h>

#include "gazette/core/error.hpp"
#include "gazette/core/hash.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/schema/stub.hpp"

namespace gazette {

namespace {

/// Documents a writer thread may have queued before write() waits for it: bounds memory.
constexpr std::ptrdiff_t queue_capacity = 2048;

bool is_empty_directory(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec) && std::filesystem::is_empty(path, ec);
}

/// The scheme the archive records, or the requested one recorded in a new archive's control database.
ShardScheme settle_scheme(IndexWriter& control, const std::optional<ShardScheme>& requested,
                          const std::filesystem::path& archive) {
  const std::string recorded = control.database().get_metadata(std::string(schema::meta::shard_scheme));
  if (recorded.empty()) {
    if (!requested)
      throw Error(ErrorCode::usage, "a new sharded archive needs --shards year, month or N",
                  archive.string());
    control.writable().set_metadata(std::string(schema::meta::shard_scheme), requested->recorded());
    control.commit();
    return *requested;
  }
  const ShardScheme scheme = ShardScheme::parse(recorded);
  if (requested && !(*requested == scheme))
    throw Error(ErrorCode::usage,
                "the archive is sharded by " + recorded + ", not " + requested->recorded() +
                    "; leave out --shards, or index into a new archive",
                archive.string());
  return scheme;
}

/// The archive's control database, created with the archive directory when new (the archive's lock).
std::unique_ptr<IndexWriter> open_control(const std::filesystem::path& archive,
                                          const AnalyzerSettings& settings,
                                          const IndexWriter::RejectHandler& on_reject,
                                          const IndexWriter::WarningHandler& on_warning) {
  std::error_code ec;
  if (std::filesystem::exists(archive, ec) && !is_sharded_archive(archive) && !is_empty_directory(archive))
    throw Error(ErrorCode::usage,
                "not a sharded archive (a single database or another folder); give --shards a new directory",
                archive.string());
  std::filesystem::create_directories(archive, ec);
  return std::make_unique<IndexWriter>(control_path(archive), settings, 1, on_reject, on_warning);
}

}  // namespace

bool is_sharded_archive(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(schema::stub_path(path), ec) &&
         std::filesystem::is_directory(control_path(path), ec);
}

std::filesystem::path control_path(const std::filesystem::path& archive) {
  return archive / std::string(schema::archive::control);
}

std::vector<std::filesystem::path> shard_paths(const std::filesystem::path& archive) {
  std::vector<std::filesystem::path> shards;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(archive, ec))
    if (entry.is_directory(ec) && entry.path().filename().string().starts_with(schema::archive::shard_prefix))
      shards.push_back(entry.path());
  std::sort(shards.begin(), shards.end());
  return shards;
}

void write_archive_stub(const std::filesystem::path& archive) {
  std::vector<std::string> databases{std::string(schema::archive::control)};
  for (const auto& shard : shard_paths(archive)) databases.push_back(shard.filename().string());
  schema::write_stub(archive, databases);
}

struct ShardedWriter::Shard {
  std::string name;
  std::size_t index;                    ///< in shards_: decides its writer thread
  std::unique_ptr<IndexWriter> writer;  // opened by its writer thread on first use
};

struct ShardedWriter::WriterThread {
  tbb::concurrent_bounded_queue<Job> queue;
  std::thread thread;
  std::exception_ptr failure;
};

ShardedWriter::ShardedWriter(const std::filesystem::path& archive,
                             const std::optional<ShardScheme>& requested, const AnalyzerSettings& settings,
                             unsigned writer_threads, std::size_t batch_size,
                             IndexWriter::RejectHandler on_reject, IndexWriter::WarningHandler on_warning)
    : archive_(archive),
      settings_(settings),
      log_(std::move(on_reject), std::move(on_warning)),
      control_(open_control(archive, settings, log_.reject_handler(), log_.warning_handler())),
      scheme_(settle_scheme(*control_, requested, archive)) {
  // Each shard commits its share of batch_size (as partitions do), so the documents held in memory stay
  // near one writer's batch however many shards are being written.
  batch_size_ = std::max<std::size_t>(1, batch_size / std::max({1u, writer_threads, scheme_.fixed_count()}));
  for (const auto& path : shard_paths(archive)) {
    before_.add_database(open_existing_for_reading(path));
    before_names_.push_back(path.filename().string());
  }
  write_archive_stub(archive);
  threads_.resize(std::max(1u, writer_threads));
  for (auto& t : threads_) {
    t = std::make_unique<WriterThread>();
    t->queue.set_capacity(queue_capacity);
    WriterThread* self = t.get();
    self->thread = std::thread([this, self] { run_writer(*self); });
  }
}

void ShardedWriter::run_writer(WriterThread& self) {
  Job job;
  for (;;) {
    self.queue.pop(job);
    if (job.stop) return;
    if (self.failure) continue;  // drain, so write() never blocks on a dead thread
    try {
      Shard& shard = *job.shard;
      if (!shard.writer) open_shard(shard);
      if (job.remove)
        shard.writer->remove(job.id, job.origin);
      else
        shard.writer->write(job.id, job.origin, std::move(job.document));
    } catch (...) {
      self.failure = std::current_exception();
    }
  }
}

void ShardedWriter::open_shard(Shard& shard) {
  shard.writer = std::make_unique<IndexWriter>(archive_ / shard.name, settings_, batch_size_,
                                               log_.reject_handler(), log_.warning_handler());
  shard.writer->commit();  // settings recorded before the stub lists the shard
  std::lock_guard lock(stub_mutex_);
  write_archive_stub(archive_);
}

ShardedWriter::~ShardedWriter() {
  stop_threads();
}

void ShardedWriter::stop_threads() {
  for (auto& t : threads_)
    if (t->thread.joinable()) t->queue.push(Job{nullptr, {}, {}, {}, false, true});
  for (auto& t : threads_)
    if (t->thread.joinable()) t->thread.join();
}

std::size_t ShardedWriter::shard_index(const std::string& name) {
  const auto [it, is_new] = shard_by_name_.try_emplace(name, shards_.size());
  if (is_new) shards_.push_back(std::make_unique<Shard>(Shard{name, shards_.size(), nullptr}));
  return it->second;
}

std::optional<std::size_t> ShardedWriter::shard_before_run(const std::string& id_term) {
  if (before_names_.empty()) return std::nullopt;
  for (int attempt = 0;; ++attempt) {
    try {
      const auto it = before_.postlist_begin(id_term);
      if (it == before_.postlist_end(id_term)) return std::nullopt;
      // A multi-database interleaves docids: docid d is in sub-database (d - 1) mod n.
      return shard_index(before_names_[(*it - 1) % before_names_.size()]);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt > 0) throw;
      before_.reopen();  // the shard writers committed twice since this snapshot
    }
  }
}

void ShardedWriter::queue(Job job) {
  WriterThread& thread = *threads_[job.shard->index % threads_.size()];
  thread.queue.push(std::move(job));
}

void ShardedWriter::write(const Article& article, Xapian::Document document) {
  const std::size_t target = shard_index(scheme_.shard_for(article));
  const auto [home, first_time] = run_home_.try_emplace(hash64(article.id), std::uint32_t(target));
  if (!first_time) {
    ++counts_.duplicates;
    if (home->second != target) {
      log_.warn("id '" + article.id + "' at " + article.origin +
                " was already read in this run with a date in another shard; the later record replaces it");
      queue(Job{shards_[home->second].get(), article.id, article.origin, {}, true, false});
      home->second = std::uint32_t(target);
    }
  } else if (const auto before = shard_before_run(schema::id_term(article.id))) {
    ++counts_.replaced;
    if (*before != target) queue(Job{shards_[*before].get(), article.id, article.origin, {}, true, false});
  } else {
    ++counts_.added;
  }
  queue(Job{shards_[target].get(), article.id, article.origin, std::move(document), false, false});
}

void ShardedWriter::record_file(const std::filesystem::path& file, const FileState& state) {
  control_->record_file(file, state);
}

void ShardedWriter::finish(const std::function<void(Xapian::WritableDatabase&)>& archive_data) {
  stop_threads();
  for (auto& t : threads_)
    if (t->failure) std::rethrow_exception(t->failure);
  for (auto& shard : shards_)
    if (shard->writer) shard->writer->close();
  write_archive_stub(archive_);
  archive_data(control_->writable());
  control_->close();  // the manifest, after every shard it describes is committed
  try {
    documents_ = Xapian::Database(archive_.string()).get_doccount();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot open the archive just written: " + e.get_msg(),
                archive_.string());
  }
}

SpellingCounts ShardedWriter::forgotten_spellings() const {
  SpellingCounts words;
  for (const auto& shard : shards_)
    if (shard->writer) add_spellings(words, shard->writer->forgotten_spellings());
  return words;
}

WriteCounts ShardedWriter::counts() const {
  WriteCounts total = counts_;
  for (const auto& shard : shards_)
    if (shard->writer) total.failed += shard->writer->counts().failed;
  total.added -= std::min(total.added, total.failed);
  return total;
}

Xapian::doccount ShardedWriter::document_count() const {
  return documents_;
}

}  // namespace gazette
