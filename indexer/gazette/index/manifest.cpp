/// @file
/// @brief Manifest: file states as metadata entries "gazette.manifest:<absolute path>".
#include "gazette/index/manifest.hpp"

#include <xxhash.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace gazette {

namespace {

constexpr std::string_view key_prefix = "gazette.manifest:";
constexpr std::string_view uuid_key = "gazette.manifest_uuid";

std::string content_hash(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), std::streamsize(buffer.size()));
    XXH3_64bits_update(state, buffer.data(), std::size_t(in.gcount()));
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits_digest(state)));
  XXH3_freeState(state);
  return hex;
}

std::optional<FileState> current_state(const std::filesystem::path& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return std::nullopt;
  const auto mtime = std::filesystem::last_write_time(path, ec);
  if (ec) return std::nullopt;
  return FileState{size, std::int64_t(mtime.time_since_epoch().count()), {}};
}

}  // namespace

std::string FileState::key(const std::filesystem::path& path) {
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec);
  return std::string(key_prefix) + (ec ? path : absolute).lexically_normal().string();
}

std::string FileState::value(const std::string& uuid) const {
  return uuid + ' ' + std::to_string(size) + ' ' + std::to_string(mtime_ns) + ' ' + hash;
}

Manifest::Manifest(const Xapian::Database& db) {
  uuid_ = db.get_uuid();
  if (uuid_.empty()) return;
  const std::string recorded = db.get_metadata(std::string(uuid_key));
  foreign_ = !recorded.empty() && recorded != uuid_;
  const std::string prefix(key_prefix);
  for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it)
    entries_.emplace(*it, db.get_metadata(*it));
}

bool Manifest::unchanged(const std::filesystem::path& path, FileState& now) const {
  const auto state = current_state(path);
  if (!state) return false;
  now = *state;
  if (foreign_ || uuid_.empty()) return false;
  const auto entry = entries_.find(FileState::key(path));
  if (entry == entries_.end()) return false;
  std::istringstream recorded(entry->second);
  std::string uuid, hash;
  std::uintmax_t size = 0;
  std::int64_t mtime = 0;
  if (!(recorded >> uuid >> size >> mtime >> hash) || uuid != uuid_ || size != now.size) return false;
  now.hash = mtime == now.mtime_ns ? hash : content_hash(path);
  return now.hash == hash;
}

void record_file(Xapian::WritableDatabase& db, const std::filesystem::path& path, const FileState& state) {
  FileState complete = state;
  if (complete.hash.empty()) complete.hash = content_hash(path);
  db.set_metadata(std::string(uuid_key), db.get_uuid());
  db.set_metadata(FileState::key(path), complete.value(db.get_uuid()));
}

void adopt_manifest(Xapian::WritableDatabase& db) {
  const std::string uuid = db.get_uuid();
  for (auto it = db.metadata_keys_begin(std::string(key_prefix));
       it != db.metadata_keys_end(std::string(key_prefix)); ++it) {
    std::string value = db.get_metadata(*it);
    const auto space = value.find(' ');
    if (space != std::string::npos) db.set_metadata(*it, uuid + value.substr(space));
  }
  db.set_metadata(std::string(uuid_key), uuid);
}

}  // namespace gazette
