/// @file
/// @brief IndexWriter: Xapian WritableDatabase with settings checks and batch replay.
#include "gazette/index/index_writer.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <mutex>

#include "gazette/core/error.hpp"
#include "gazette/core/time.hpp"
#include "gazette/index/query_aids.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace {

Xapian::WritableDatabase open_writable(const std::filesystem::path& path, std::size_t batch_size,
                                       int action = Xapian::DB_CREATE_OR_OPEN) {
  // Xapian reads its flush threshold when the database opens: set it above the batch size so Xapian
  // never commits half a batch on its own. Shard writers open on their own threads: one at a time, so
  // no thread reads the environment while another sets it.
  static std::mutex environment;
  const std::lock_guard lock(environment);
  setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(batch_size * 2 + 1).c_str(), 1);
  try {
    return Xapian::WritableDatabase(path.string(), action | Xapian::DB_BACKEND_GLASS);
  } catch (const Xapian::DatabaseLockError&) {
    throw Error(ErrorCode::unavailable, "database is locked by another indexer", path.string());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot open the database for writing: " + e.get_msg(),
                path.string());
  }
}

void check_schema_version(const Xapian::Database& db, const std::filesystem::path& path) {
  const std::string version = db.get_metadata(std::string(schema::meta::schema_version));
  if (version.empty())
    throw Error(ErrorCode::corrupt, "not a Gazette database (no schema version)", path.string());
  if (version != std::to_string(schema::version))
    throw Error(ErrorCode::corrupt,
                "database has schema version " + version + ", this gazette-index writes version " +
                    std::to_string(schema::version) + "; run gazette-index --db " + path.string() +
                    " --rebuild",
                path.string());
}

}  // namespace

AnalyzerSettings recorded_analyzer_settings(const Xapian::Database& db) {
  AnalyzerSettings settings;
  const std::string language = db.get_metadata(std::string(schema::meta::language));
  if (!language.empty()) settings.language = language;
  settings.fold_diacritics = db.get_metadata(std::string(schema::meta::fold_diacritics)) != "0";
  return settings;
}

namespace {

void check_or_record_settings(Xapian::WritableDatabase& db, const std::filesystem::path& path,
                              const AnalyzerSettings& settings) {
  const std::string version = db.get_metadata(std::string(schema::meta::schema_version));
  const std::string signature = settings.signature();
  if (version.empty()) {
    if (db.get_doccount() != 0)
      throw Error(ErrorCode::corrupt, "not a Gazette database (it has documents but no schema version)",
                  path.string());
    db.set_metadata(std::string(schema::meta::schema_version), std::to_string(schema::version));
    db.set_metadata(std::string(schema::meta::analyzer), signature);
    db.set_metadata(std::string(schema::meta::language), settings.language);
    db.set_metadata(std::string(schema::meta::fold_diacritics), settings.fold_diacritics ? "1" : "0");
    db.commit();  // at once: an empty Gazette database, even if the run is killed before its first batch
    return;
  }
  check_schema_version(db, path);
  const std::string recorded = db.get_metadata(std::string(schema::meta::analyzer));
  if (recorded != signature)
    throw Error(ErrorCode::usage,
                "database was indexed with analyzer settings '" + recorded + "' but this run asks for '" +
                    signature + "'; use the same --language and folding, or --rebuild",
                path.string());
}

// A folder's path without a trailing separator ("db/" is "db"), so that suffixes name a sibling.
std::filesystem::path folder_path(const std::filesystem::path& path) {
  const std::filesystem::path normal = path.lexically_normal();
  return normal.has_filename() ? normal : normal.parent_path();
}

// Opens the database at path, creating it first when missing: complete with its schema and settings in a
// folder beside it, then renamed into place, so a run killed at any moment leaves no database or a Gazette
// one (Xapian's own creation writes its files before the settings can be committed).
Xapian::WritableDatabase open_or_create(const std::filesystem::path& path, std::size_t batch_size,
                                        const AnalyzerSettings& settings) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    const std::filesystem::path target = folder_path(path);
    const std::filesystem::path fresh = target.string() + ".new-" + std::to_string(getpid());
    std::filesystem::remove_all(fresh, ec);
    try {
      Xapian::WritableDatabase db = open_writable(fresh, batch_size, Xapian::DB_CREATE);
      check_or_record_settings(db, fresh, settings);
    } catch (const Error& e) {  // name the database asked for, not the folder it is made in
      throw Error(e.code(), std::string(e.what()).substr(e.where().size() + 2), target.string());
    }
    std::filesystem::rename(fresh, target, ec);  // fails when another run created it meanwhile: use that
    std::filesystem::remove_all(fresh, ec);
  }
  return open_writable(path, batch_size);
}

}  // namespace

Xapian::WritableDatabase open_existing_database(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::not_found, "no database here", path.string());
  Xapian::WritableDatabase db = open_writable(path, 10000, Xapian::DB_OPEN);
  check_schema_version(db, path);
  return db;
}

Xapian::Database open_existing_for_reading(const std::filesystem::path& path) {
  try {
    Xapian::Database db(path.string());
    check_schema_version(db, path);
    return db;
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorCode::corrupt, "not a Gazette database (no Xapian database found here)", path.string());
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot open the database: " + e.get_msg(), path.string());
  }
}

std::filesystem::path partition_work_dir(const std::filesystem::path& db) {
  return folder_path(db).string() + ".partitions";
}

void IndexWriter::record_file(const std::filesystem::path& file, const FileState& state) {
  gazette::record_file(db_, file, state);
}

IndexWriter::IndexWriter(const std::filesystem::path& path, const AnalyzerSettings& settings,
                         std::size_t batch_size, RejectHandler on_reject, WarningHandler on_warning)
    : path_(path),
      db_(open_or_create(path, batch_size, settings)),
      analyzer_(settings),
      batch_size_(batch_size ? batch_size : 1),
      on_reject_(std::move(on_reject)),
      on_warning_(std::move(on_warning)) {
  check_or_record_settings(db_, path_, settings);
  std::error_code ec;
  std::filesystem::remove_all(partition_work_dir(path_), ec);  // we hold the lock: nobody else uses it
  started_empty_ = db_.get_doccount() == 0;
  batch_.reserve(batch_size_);
}

IndexWriter::~IndexWriter() = default;

std::size_t& IndexWriter::count_for(Outcome outcome) noexcept {
  switch (outcome) {
    case Outcome::replaced:
      return counts_.replaced;
    case Outcome::duplicate:
      return counts_.duplicates;
    case Outcome::added:
    case Outcome::removed:
      break;
  }
  return counts_.added;
}

void IndexWriter::apply(const Pending& pending) {
  const bool may_exist = pending.outcome != Outcome::added || !started_empty_;
  if (may_exist) count_article_spellings(db_, schema::id_term(pending.id), analyzer_, forgotten_);
  // add_document is about 15% faster than replace_document; it is safe when the id cannot exist yet.
  if (pending.outcome == Outcome::removed)
    db_.delete_document(schema::id_term(pending.id));
  else if (pending.outcome == Outcome::added && started_empty_)
    db_.add_document(pending.document);
  else
    db_.replace_document(schema::id_term(pending.id), pending.document);
}

void IndexWriter::write(const std::string& id, const std::string& origin, Xapian::Document document) {
  const auto [it, first_time] = seen_.try_emplace(id, origin);
  Outcome outcome = Outcome::added;
  if (!first_time) {
    on_warning_("id '" + id + "' at " + origin + " was already read at " + it->second +
                " in this run; the later record replaces the earlier one");
    outcome = Outcome::duplicate;
    it->second = origin;
  } else if (!started_empty_ && db_.term_exists(schema::id_term(id))) {
    outcome = Outcome::replaced;
  }
  ++count_for(outcome);
  batch_.push_back({id, origin, outcome, std::move(document)});
  try {
    apply(batch_.back());
  } catch (const Xapian::Error& e) {
    replay_without(batch_.size() - 1, e.get_description());
  }
  if (batch_.size() >= batch_size_) commit();
}

void IndexWriter::remove(const std::string& id, const std::string& origin) {
  batch_.push_back({id, origin, Outcome::removed, {}});
  apply(batch_.back());
}

void IndexWriter::replay_without(std::size_t failed_index, const std::string& reason) {
  // A refused document discards every uncommitted change of the batch: reopen and replay the others.
  const Pending failed = std::move(batch_[failed_index]);
  batch_.erase(batch_.begin() + std::ptrdiff_t(failed_index));
  ++counts_.failed;
  --count_for(failed.outcome);
  on_reject_({failed.origin, "the database refused the article: " + reason, failed.id});
  db_.close();
  db_ = open_writable(path_, batch_size_);
  for (std::size_t i = 0; i < batch_.size(); ++i) {
    try {
      apply(batch_[i]);
    } catch (const Xapian::Error& e) {
      replay_without(i, e.get_description());
      return;
    }
  }
}

void IndexWriter::close() {
  commit();
  db_.close();
}

void IndexWriter::commit() {
  try {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    db_.set_metadata(std::string(schema::meta::last_update), format_iso8601(now));
    if (before_commit_) before_commit_(db_);
    db_.commit();
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "commit failed: " + e.get_description(), path_.string());
  }
  batch_.clear();
}

}  // namespace gazette
