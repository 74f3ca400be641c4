/// @file
/// @brief Reading and writing Xapian stub files.
#include "gazette/schema/stub.hpp"

#include <charconv>
#include <fstream>
#include <sstream>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette::schema {

namespace {

/// Reads "HOST:PORT" (the port after the last colon, so an IPv6 host keeps its own colons).
bool parse_host_port(std::string_view text, DatabaseLocation& out) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view port = text.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535) return false;
  out.host = std::string(text.substr(0, colon));
  out.port = value;
  return true;
}

}  // namespace

std::string DatabaseLocation::name() const {
  return remote() ? "tcp://" + host + ":" + std::to_string(port) : path;
}

DatabaseLocation parse_database_location(std::string_view spec) {
  constexpr std::string_view scheme = "tcp://";
  DatabaseLocation location;
  if (spec.substr(0, scheme.size()) != scheme) {
    location.path = std::string(spec);
    return location;
  }
  if (!parse_host_port(spec.substr(scheme.size()), location))
    throw Error(ErrorCode::usage, "expected tcp://HOST:PORT with a port from 1 to 65535", std::string(spec));
  return location;
}

std::filesystem::path stub_path(const std::filesystem::path& archive) {
  return archive / std::string(archive::stub_file);
}

bool is_stub(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return std::filesystem::is_regular_file(stub_path(path), ec);
  return std::filesystem::is_regular_file(path, ec);
}

std::vector<DatabaseLocation> read_stub(const std::filesystem::path& path) {
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::is_directory(path, ec) ? stub_path(path) : path;
  std::ifstream in(file);
  if (!in) throw Error(ErrorCode::not_found, "cannot read the stub file", file.string());
  const std::filesystem::path base = file.parent_path();
  std::vector<DatabaseLocation> databases;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line.front() == '#') continue;
    const std::string where = file.string() + ":" + std::to_string(number);
    const auto space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string target = space == std::string::npos ? "" : line.substr(space + 1);
    DatabaseLocation location;
    if ((type == "auto" || type == "glass") && !target.empty()) {
      const std::filesystem::path p(target);
      location.path = (p.is_absolute() ? p : base / p).lexically_normal().string();
    } else if (type != "remote" || !parse_host_port(target, location)) {
      throw Error(ErrorCode::corrupt,
                  "unsupported stub line '" + line + "' (Gazette reads 'auto PATH' and 'remote HOST:PORT')",
                  where);
    }
    databases.push_back(std::move(location));
  }
  if (databases.empty()) throw Error(ErrorCode::corrupt, "the stub file lists no database", file.string());
  return databases;
}

void write_stub(const std::filesystem::path& archive, const std::vector<std::string>& databases) {
  const std::filesystem::path file = stub_path(archive);
  const std::filesystem::path temporary = file.string() + ".new";
  {
    std::ofstream out(temporary, std::ios::trunc);
    for (const std::string& database : databases) out << "auto " << database << '\n';
    out.flush();
    if (!out) throw Error(ErrorCode::unavailable, "cannot write the stub file", temporary.string());
  }
  std::error_code ec;
  std::filesystem::rename(temporary, file, ec);
  if (ec) throw Error(ErrorCode::unavailable, "cannot replace the stub file: " + ec.message(), file.string());
}

}  // namespace gazette::schema
