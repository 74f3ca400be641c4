/// @file
/// @brief Deletion by id and compaction in place.
#include "gazette/index/maintenance.hpp"

#include <unistd.h>

#include <fstream>
#include <ostream>

#include "gazette/core/error.hpp"
#include "gazette/index/index_writer.hpp"
#include "gazette/index/manifest.hpp"
#include "gazette/index/query_aids.hpp"
#include "gazette/index/story_buckets.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

DeleteSummary delete_articles(const std::filesystem::path& db, const std::vector<std::string>& ids,
                              std::ostream& log, bool dry_run) {
  Xapian::WritableDatabase database = open_existing_database(db);
  Analyzer analyzer(recorded_analyzer_settings(database));
  DeleteSummary summary;
  for (const std::string& id : ids) {
    const std::string term = schema::id_term(id);
    if (!database.term_exists(term)) {
      log << "gazette-index: unknown id '" << id << "': nothing deleted\n";
      ++summary.unknown;
      continue;
    }
    if (!dry_run) {
      forget_spellings(database, database, term, analyzer);
      database.delete_document(term);
    }
    log << "gazette-index: " << (dry_run ? "would delete '" : "deleted '") << id << "'\n";
    ++summary.deleted;
  }
  if (!dry_run) database.commit();
  return summary;
}

std::vector<std::string> read_id_list(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw Error(ErrorCode::not_found, "cannot read the id list", file.string());
  std::vector<std::string> ids;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.pop_back();
    if (!line.empty() && line.front() != '#') ids.push_back(line);
  }
  return ids;
}

void replace_database(const std::filesystem::path& target, const std::filesystem::path& fresh,
                      const std::filesystem::path& retired, std::string_view what) {
  std::error_code ec;
  std::filesystem::remove_all(retired, ec);
  std::filesystem::rename(target, retired, ec);
  if (!ec) {
    std::filesystem::rename(fresh, target, ec);
    if (ec) std::filesystem::rename(retired, target);  // put the original back
  }
  if (ec)
    throw Error(ErrorCode::unavailable,
                "cannot swap in the " + std::string(what) + " database: " + ec.message(), target.string());
  std::filesystem::remove_all(retired, ec);
}

void compact_database(const std::filesystem::path& db, std::ostream& log, bool purge_own_stories) {
  // Hold the write lock while compacting, so no indexer writes into the copy's source meanwhile.
  Xapian::WritableDatabase lock = open_existing_database(db);
  if (purge_own_stories && purge_stale_stories(lock, lock) > 0) lock.commit();
  const std::string suffix = "." + std::to_string(getpid());
  const std::filesystem::path fresh = db.string() + ".compacting" + suffix,
                              old = db.string() + ".old" + suffix;
  std::error_code ec;
  std::filesystem::remove_all(fresh, ec);
  try {
    Xapian::Database(db.string()).compact(fresh.string(), Xapian::DBCOMPACT_MULTIPASS);
  } catch (const Xapian::Error& e) {
    std::filesystem::remove_all(fresh, ec);
    throw Error(ErrorCode::unavailable, "compaction failed: " + e.get_description(), db.string());
  }
  const auto size = [](const std::filesystem::path& dir) {
    std::uintmax_t total = 0;
    std::error_code e;
    for (const auto& f : std::filesystem::directory_iterator(dir, e))
      if (f.is_regular_file(e)) total += f.file_size(e);
    return total;
  };
  const std::uintmax_t before = size(db), after = size(fresh);
  lock.close();
  replace_database(db, fresh, old, "compacted");
  Xapian::WritableDatabase compacted = open_existing_database(db);  // a new uuid: the manifest follows it
  adopt_manifest(compacted);
  compacted.commit();
  log << "gazette-index: compacted " << db.string() << ": " << before / 1024 << " KiB -> " << after / 1024
      << " KiB\n";
}

}  // namespace gazette
