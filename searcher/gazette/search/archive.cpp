/// @file
/// @brief open_archive: Xapian open plus the schema and analyzer checks.
#include "gazette/search/archive.hpp"

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

Archive open_archive(const std::filesystem::path& path) {
  const std::string where = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw Error(ErrorCode::not_found,
                "no database here (create one with gazette-index --db " + where + " FILES)", where);
  Archive archive;
  archive.path = where;
  try {
    archive.database = Xapian::Database(where);
  } catch (const Xapian::DatabaseNotFoundError&) {
    throw Error(ErrorCode::corrupt, "not a Gazette database (no Xapian database found here)", where);
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "cannot open the database: " + e.get_msg(), where);
  }
  const std::string version = archive.database.get_metadata(std::string(schema::meta::schema_version));
  if (version.empty()) throw Error(ErrorCode::corrupt, "not a Gazette database (no schema version)", where);
  if (version != std::to_string(schema::version))
    throw Error(ErrorCode::corrupt,
                "database has schema version " + version + " but this gazette-search reads version " +
                    std::to_string(schema::version) + "; run gazette-index --db " + where + " --rebuild",
                where);
  const std::string language = archive.database.get_metadata(std::string(schema::meta::language));
  archive.analyzer.language = language.empty() ? "english" : language;
  archive.analyzer.fold_diacritics =
      archive.database.get_metadata(std::string(schema::meta::fold_diacritics)) != "0";
  const std::string signature = archive.database.get_metadata(std::string(schema::meta::analyzer));
  if (archive.analyzer.signature() != signature)
    throw Error(ErrorCode::corrupt,
                "database was indexed by analyzer '" + signature + "', this gazette-search has '" +
                    archive.analyzer.signature() + "'; run gazette-index --db " + where + " --rebuild",
                where);
  return archive;
}

}  // namespace gazette
