/// @file
/// @brief compact_archive and delete_from_archive.
#include "gazette/index/shard_maintenance.hpp"

#include <ostream>

#include "gazette/index/index_writer.hpp"
#include "gazette/index/query_aids.hpp"
#include "gazette/index/sharded_writer.hpp"
#include "gazette/index/story_buckets.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

void compact_archive(const std::filesystem::path& archive, std::ostream& log) {
  {
    Xapian::WritableDatabase lock = open_existing_database(control_path(archive));
    Xapian::Database articles;
    for (const auto& shard : shard_paths(archive)) articles.add_database(Xapian::Database(shard.string()));
    if (purge_stale_stories(lock, articles) > 0) lock.commit();
    for (const auto& shard : shard_paths(archive)) compact_database(shard, log);
  }
  // The control database too: its spelling data and story buckets held deleted articles' words and ids.
  compact_database(control_path(archive), log, false);
  write_archive_stub(archive);
}

DeleteSummary delete_from_archive(const std::filesystem::path& archive, const std::vector<std::string>& ids,
                                  std::ostream& log, bool dry_run) {
  Xapian::WritableDatabase lock = open_existing_database(control_path(archive));
  std::vector<Xapian::WritableDatabase> shards;
  for (const auto& shard : shard_paths(archive)) shards.push_back(open_existing_database(shard));
  Analyzer analyzer(recorded_analyzer_settings(lock));
  DeleteSummary summary;
  for (const std::string& id : ids) {
    const std::string term = schema::id_term(id);
    bool found = false;
    for (Xapian::WritableDatabase& shard : shards) {
      if (!shard.term_exists(term)) continue;
      found = true;
      if (dry_run) continue;
      forget_spellings(lock, shard, term, analyzer);  // the control database holds the spelling data
      shard.delete_document(term);
    }
    if (!found) {
      log << "gazette-index: unknown id '" << id << "': nothing deleted\n";
      ++summary.unknown;
      continue;
    }
    log << "gazette-index: " << (dry_run ? "would delete '" : "deleted '") << id << "'\n";
    ++summary.deleted;
  }
  if (!dry_run) {
    for (Xapian::WritableDatabase& shard : shards) shard.commit();
    lock.commit();
  }
  return summary;
}

}  // namespace gazette
