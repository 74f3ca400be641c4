/// @file
/// @brief Incremental runs (the file manifest), --dry-run and --rebuild.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

/// A copy of the sample archive that a test may change.
std::string copy_sample(const TempDir& dir) {
  const std::string copy = dir / "in";
  std::filesystem::copy(sample_dir(), copy, std::filesystem::copy_options::recursive);
  return copy;
}

}  // namespace

TEST_CASE("a second run skips unchanged files, reads changed ones whole, and --force reads everything") {
  TempDir dir;
  const std::string in = copy_sample(dir), db = dir / "db";
  REQUIRE(index({"--db", db, in}).status == 0);

  const ProcessResult again = index({"--db", db, in});
  CHECK(again.status == 0);
  CHECK(again.err.find("0 files, 0 articles read") != std::string::npos);
  CHECK(again.err.find("4 files skipped") != std::string::npos);

  // Touched but unchanged: the content hash says so.
  std::filesystem::last_write_time(in + "/ferry.txt", std::filesystem::file_time_type::clock::now());
  CHECK(index({"--db", db, in}).err.find("4 files skipped") != std::string::npos);

  // A correction: same headline, source and date (so the same id), new body.
  write_file(in + "/harbour-dredging.txt",
             "date 2024-05-02\nsource Eastmere Courier\nurl https://courier.example/2024/05/02/dredging\n"
             "Dredging begins for the new container terminal\n\nDredging started on Thursday, a day late.\n");
  const ProcessResult changed = index({"--db", db, in});
  CHECK(changed.err.find("1 files, 1 articles read") != std::string::npos);
  CHECK(changed.err.find("0 added, 1 replaced") != std::string::npos);
  CHECK(changed.err.find("3 files skipped") != std::string::npos);

  const ProcessResult forced = index({"--db", db, "--force", in});
  CHECK(forced.err.find("4 files, 14 articles read") != std::string::npos);
  CHECK(forced.err.find("14 replaced") != std::string::npos);
  CHECK(total(search_json(db, {"", "--no-collapse"})) == 14);
}

TEST_CASE("--dry-run reports what would happen and writes nothing") {
  TempDir dir;
  const std::string db = dir / "db";
  const ProcessResult fresh = index({"--db", db, "--dry-run", sample_dir()});
  CHECK(fresh.status == 0);
  CHECK(fresh.err.find("14 added") != std::string::npos);
  CHECK(fresh.err.find("dry run: nothing was written") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(db));

  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  write_file(dir / "more.jsonl",
             "{\"id\": \"gz-0001\", \"title\": \"Corrected\", \"body\": \"Corrected text.\"}\n"
             "{\"id\": \"new-1\", \"title\": \"New\", \"body\": \"A new article.\"}\n"
             "{\"id\": \"bad\", \"title\": 5}\n");
  const ProcessResult dry = index({"--db", db, "--dry-run", dir / "more.jsonl"});
  CHECK(dry.status == 2);
  CHECK(dry.err.find("1 added, 1 replaced") != std::string::npos);
  CHECK(dry.err.find("would reject") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "db.rejects.jsonl"));
  CHECK(search_json(db, {"id:gz-0001"})["hits"][0]["title"] ==
        "Harbour authority approves second container terminal");
  const ProcessResult would_delete = index({"--db", db, "--dry-run", "--delete", "gz-0002", "nope"});
  CHECK(would_delete.err.find("would delete 'gz-0002'") != std::string::npos);
  CHECK(total(search_json(db, {"id:gz-0002"})) == 1);
}

TEST_CASE("--rebuild re-analyses the stored articles into the same search results") {
  TempDir dir;
  const std::string db = dir / "db", fresh = dir / "fresh";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  REQUIRE(index({"--db", fresh, sample_dir()}).status == 0);
  std::filesystem::create_directory(db + ".rebuild");  // what a rebuild stopped halfway leaves
  const ProcessResult rebuilt = index({"--db", db, "--rebuild"});
  INFO(rebuilt.err);
  CHECK(rebuilt.status == 0);
  CHECK(rebuilt.err.find("rebuilt") != std::string::npos);
  for (const char* query : {"", "cocoa", "\"container terminal\"", "date:2024", "place:\"Sao Paulo\""}) {
    CAPTURE(query);
    const json a = search_json(db, {query, "--limit", "20"});
    const json b = search_json(fresh, {query, "--limit", "20"});
    CHECK(hit_ids(a) == hit_ids(b));
    CHECK(a["facets"] == b["facets"]);
  }
  CHECK_FALSE(std::filesystem::exists(db + ".rebuild"));
  CHECK_FALSE(std::filesystem::exists(db + ".old"));
  // The manifest survives: the inputs are still known to be indexed.
  CHECK(index({"--db", db, sample_dir()}).err.find("4 files skipped") != std::string::npos);
}

TEST_CASE("a rebuild killed halfway leaves the old database untouched") {
  SKIP_WITHOUT_REUTERS();
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, (reuters_dir() / "reut2-000.sgm").string(),
                 (reuters_dir() / "reut2-001.sgm").string()})
              .status == 0);
  const std::vector<std::string> args{GAZETTE_INDEX_BIN, "--quiet", "--db", db, "--rebuild"};
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid;
  REQUIRE(posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) == 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(400));
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  CHECK(run_process({"xapian-check", db}).status == 0);
  CHECK(total(search_json(db, {"", "--no-collapse"})) == 2000);
  // The next rebuild clears the leftovers and succeeds.
  CHECK(index({"--db", db, "--rebuild"}).status == 0);
  CHECK(total(search_json(db, {"", "--no-collapse"})) == 2000);
}

TEST_CASE(
    "a database of an older schema version is refused with a message naming --rebuild, which upgrades it") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  REQUIRE(run_process({"xapian-metadata", "set", db, "gazette.schema_version", "0"}).status == 0);
  const ProcessResult searching = search({"--db", db, "cocoa"});
  CHECK(searching.status == 3);
  CHECK(searching.err.find("gazette-index --db " + db + " --rebuild") != std::string::npos);
  const ProcessResult indexing = index({"--db", db, "--force", sample_dir()});
  CHECK(indexing.status == 3);
  CHECK(indexing.err.find("--rebuild") != std::string::npos);
  const ProcessResult rebuilt = index({"--db", db, "--rebuild"});
  INFO(rebuilt.err);
  CHECK(rebuilt.status == 0);
  CHECK(total(search_json(db, {"", "--no-collapse"})) == 14);
}

TEST_CASE("a manifest recorded for another database is ignored with a warning") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  REQUIRE(run_process({"xapian-metadata", "set", db, "gazette.manifest_uuid", "not-this-database"}).status ==
          0);
  const ProcessResult r = index({"--db", db, sample_dir()});
  CHECK(r.status == 0);
  CHECK(r.err.find("recorded for another database; reading every file") != std::string::npos);
  CHECK(r.err.find("4 files, 14 articles read") != std::string::npos);
  // The run re-recorded the manifest as this database's own.
  CHECK(index({"--db", db, sample_dir()}).err.find("4 files skipped") != std::string::npos);
}

TEST_CASE("SIGTERM stops a run cleanly: what was read is committed, and running again completes it") {
  SKIP_WITHOUT_REUTERS();
  TempDir dir;
  const std::string db = dir / "db", err = dir / "stderr";
  const std::vector<std::string> args{GAZETTE_INDEX_BIN,     "--quiet", "--threads", "1", "--db", db,
                                      reuters_dir().string()};
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid;
  REQUIRE(posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0);
  posix_spawn_file_actions_destroy(&actions);
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  const std::string log = read_file(err);
  INFO(log);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);
  CHECK(log.find("stopped by signal 15") != std::string::npos);
  CHECK(run_process({"xapian-check", db}).status == 0);
  const std::size_t committed = total(search_json(db, {"", "--no-collapse"}));
  CHECK(committed > 0);
  CHECK(committed < 21578);

  const ProcessResult again = index({"--db", db, reuters_dir().string()});
  INFO(again.err);
  CHECK(again.status == 0);
  CHECK(total(search_json(db, {"", "--no-collapse"})) == 21578);
}

TEST_CASE("a rebuild that cannot write its new database fails clearly and leaves the old one untouched") {
  TempDir dir;
  const std::string parent = dir / "archive", db = parent + "/db";
  std::filesystem::create_directory(parent);
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  // An immutable folder refuses new entries even to root (who ignores permission bits).
  if (run_process({"chattr", "+i", parent}).status != 0) {
    MESSAGE("skipped: chattr +i is not supported here");
    return;
  }
  const ProcessResult r = index({"--db", db, "--rebuild"});
  run_process({"chattr", "-i", parent});
  CHECK(r.status == 3);
  CHECK(r.err.find("db.rebuild: cannot open the database for writing") != std::string::npos);
  CHECK(run_process({"xapian-check", db}).status == 0);
  CHECK(total(search_json(db, {"", "--no-collapse"})) == 14);
}
