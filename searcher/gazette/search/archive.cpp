/// @file
/// @brief open_archive: stub expansion, local and remote shards, the schema and analyzer checks per shard.
#include "gazette/search/archive.hpp"

#include <algorithm>
#include <cmath>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace {

/// Stubs may list stubs; deeper than this is a loop.
constexpr int max_stub_depth = 8;

/// The locations a --db value names: a stub (or sharded archive) expands to its entries.
void expand(const schema::DatabaseLocation& location, int depth, std::vector<schema::DatabaseLocation>& out) {
  if (location.remote()) {
    out.push_back(location);
    return;
  }
  const std::filesystem::path path(location.path);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::not_found,
                "no database here (create one with gazette-index --db " + location.path + " FILES)",
                location.path);
  if (!schema::is_stub(path)) {
    out.push_back(location);
    return;
  }
  if (depth >= max_stub_depth)
    throw Error(ErrorCode::corrupt, "stub files list each other in a loop", location.path);
  for (const schema::DatabaseLocation& entry : schema::read_stub(path)) {
    if (!entry.remote() && !std::filesystem::exists(entry.path, ec))
      throw Error(ErrorCode::unavailable,
                  "shard missing: the stub file " + schema::stub_path(path).string() + " lists it",
                  entry.path);
    expand(entry, depth + 1, out);
  }
}

Xapian::Database open_one(const schema::DatabaseLocation& location, double timeout) {
  const std::string where = location.name();
  try {
    if (!location.remote()) return Xapian::Database(location.path);
    const auto ms = timeout > 0 ? unsigned(std::ceil(timeout * 1000)) : 10000u;
    return Xapian::Remote::open(location.host, location.port, ms, ms);
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorCode::corrupt, "not a Gazette database (no Xapian database found here)", where);
  } catch (const Xapian::NetworkError& e) {
    throw Error(ErrorCode::unavailable,
                "shard does not answer (is xapian-tcpsrv running there?): " + e.get_msg(), where);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot open the database: " + e.get_msg(), where);
  }
}

/// The analyzer settings a shard was indexed with, after checking its schema version.
AnalyzerSettings checked_settings(const Xapian::Database& db, const std::string& where) {
  const std::string version = db.get_metadata(std::string(schema::meta::schema_version));
  if (version.empty()) throw Error(ErrorCode::corrupt, "not a Gazette database (no schema version)", where);
  if (version != std::to_string(schema::version))
    throw Error(ErrorCode::corrupt,
                "database has schema version " + version + " but this gazette-search reads version " +
                    std::to_string(schema::version) + "; run gazette-index --db " + where + " --rebuild",
                where);
  AnalyzerSettings settings;
  const std::string language = db.get_metadata(std::string(schema::meta::language));
  settings.language = language.empty() ? "english" : language;
  settings.fold_diacritics = db.get_metadata(std::string(schema::meta::fold_diacritics)) != "0";
  const std::string signature = db.get_metadata(std::string(schema::meta::analyzer));
  if (settings.signature() != signature)
    throw Error(ErrorCode::corrupt,
                "database was indexed by analyzer '" + signature + "', this gazette-search has '" +
                    settings.signature() + "'; run gazette-index --db " + where + " --rebuild",
                where);
  return settings;
}

std::string joined(const std::vector<std::string>& specs) {
  std::string out;
  for (const std::string& spec : specs) out += (out.empty() ? "" : " + ") + spec;
  return out;
}

}  // namespace

bool Archive::has_remote() const noexcept {
  for (const auto& shard : shards)
    if (shard.remote()) return true;
  return false;
}

Archive open_archive(const std::filesystem::path& path) {
  return open_archive(std::vector<std::string>{path.string()}, ArchiveOptions{});
}

Archive open_archive(const std::vector<std::string>& specs, const ArchiveOptions& options) {
  if (specs.empty()) throw Error(ErrorCode::usage, "no database given (--db PATH)");
  Archive archive;
  archive.path = joined(specs);
  archive.specs = specs;
  archive.options = options;
  std::vector<schema::DatabaseLocation> locations;
  for (const std::string& spec : specs) expand(schema::parse_database_location(spec), 0, locations);
  bool first = true;
  for (const schema::DatabaseLocation& location : locations) {
    Xapian::Database shard;
    AnalyzerSettings settings;
    try {
      shard = open_one(location, options.remote_timeout);
      settings = checked_settings(shard, location.name());
    } catch (const Error& e) {
      if (!options.partial || e.code() != ErrorCode::unavailable) throw;
      archive.missing.push_back(location.name());
      continue;
    } catch (const Xapian::NetworkError& e) {  // a remote shard that stalls after the handshake
      if (!options.partial)
        throw Error(ErrorCode::unavailable, "shard does not answer: " + e.get_msg(), location.name());
      archive.missing.push_back(location.name());
      continue;
    }
    if (first)
      archive.analyzer = settings;
    else if (settings.signature() != archive.analyzer.signature())
      throw Error(ErrorCode::corrupt,
                  "shard was indexed by analyzer '" + settings.signature() + "' but " +
                      archive.shards.front().name() + " by '" + archive.analyzer.signature() +
                      "'; shards searched together need the same settings (re-index it)",
                  location.name());
    first = false;
    archive.database.add_database(shard);
    archive.shards.push_back(location);
    archive.shard_databases.push_back(shard);
  }
  if (archive.shards.empty())
    throw Error(ErrorCode::unavailable, "no shard answered (missing: " + joined(archive.missing) + ")",
                archive.path);
  return archive;
}

std::vector<std::string> unreachable_shards(const Archive& archive) {
  std::vector<std::string> down;
  for (const schema::DatabaseLocation& location : archive.shards) {
    if (!location.remote()) continue;
    try {
      open_one(location, archive.options.remote_timeout).keep_alive();
    } catch (const Error&) {
      down.push_back(location.name());
    } catch (const Xapian::Error&) {
      down.push_back(location.name());
    }
  }
  return down;
}

Archive without_unreachable_shards(const Archive& archive, const std::string& failure) {
  const std::vector<std::string> down = unreachable_shards(archive);
  if (down.empty()) throw Error(ErrorCode::unavailable, "a remote shard failed: " + failure, archive.path);
  if (!archive.options.partial)
    throw Error(ErrorCode::unavailable, "shard does not answer: " + failure, joined(down));
  Archive reduced;
  reduced.analyzer = archive.analyzer;
  reduced.path = archive.path;
  reduced.specs = archive.specs;
  reduced.options = archive.options;
  reduced.missing = archive.missing;
  for (std::size_t i = 0; i < archive.shards.size(); ++i) {
    if (std::find(down.begin(), down.end(), archive.shards[i].name()) != down.end()) {
      reduced.missing.push_back(archive.shards[i].name());
      continue;
    }
    // A remote connection that was mid-exchange when its neighbour failed may hold an unread answer: open
    // the remote shards that answer afresh.
    const Xapian::Database shard = archive.shards[i].remote()
                                       ? open_one(archive.shards[i], archive.options.remote_timeout)
                                       : archive.shard_databases[i];
    reduced.database.add_database(shard);
    reduced.shards.push_back(archive.shards[i]);
    reduced.shard_databases.push_back(shard);
  }
  if (reduced.shards.empty())
    throw Error(ErrorCode::unavailable, "no shard answered (missing: " + joined(reduced.missing) + ")",
                archive.path);
  return reduced;
}

}  // namespace gazette
