/// @file
/// @brief Stub files: what Gazette reads and writes is what Xapian opens.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <unistd.h>

#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/schema/stub.hpp"

using namespace gazette;

namespace {
struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("gazette-stub-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path) << text;
}
}  // namespace

TEST_CASE("database locations: paths and tcp://HOST:PORT") {
  const auto local = schema::parse_database_location("/srv/archive");
  CHECK(!local.remote());
  CHECK(local.name() == "/srv/archive");
  const auto remote = schema::parse_database_location("tcp://shard1.example.net:7001");
  CHECK(remote.remote());
  CHECK(remote.host == "shard1.example.net");
  CHECK(remote.port == 7001);
  CHECK(remote.name() == "tcp://shard1.example.net:7001");
  for (const char* bad : {"tcp://host", "tcp://host:0", "tcp://host:70000", "tcp://:7001", "tcp://host:7x"})
    CHECK_THROWS_AS(schema::parse_database_location(bad), Error);
}

TEST_CASE("a stub written by Gazette lists its databases, relative to its directory, and Xapian opens it") {
  TempDir dir;
  for (const char* name : {"control", "shard-1987"}) {
    Xapian::WritableDatabase db((dir.path / name).string(), Xapian::DB_CREATE);
    if (std::string(name) == "shard-1987") db.add_document(Xapian::Document());
    db.commit();
  }
  schema::write_stub(dir.path, {"control", "shard-1987"});
  CHECK(schema::is_stub(dir.path));
  const auto listed = schema::read_stub(dir.path);
  REQUIRE(listed.size() == 2);
  CHECK(listed[1].path == (dir.path / "shard-1987").string());
  CHECK(Xapian::Database(dir.path.string()).get_doccount() == 1);
}

TEST_CASE("stub lines Gazette does not read are errors naming the line") {
  TempDir dir;
  write(dir.path / "a.stub", "auto one\n# a comment\nremote 10.0.0.2:7001\n");
  const auto listed = schema::read_stub(dir.path / "a.stub");
  REQUIRE(listed.size() == 2);
  CHECK(listed[1].name() == "tcp://10.0.0.2:7001");
  write(dir.path / "b.stub", "auto one\nremote :xapian-progsrv db\n");
  try {
    schema::read_stub(dir.path / "b.stub");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(e.code() == ErrorCode::corrupt);
    CHECK(e.where() == (dir.path / "b.stub").string() + ":2");
  }
  write(dir.path / "empty.stub", "# nothing\n");
  CHECK_THROWS_AS(schema::read_stub(dir.path / "empty.stub"), Error);
}
