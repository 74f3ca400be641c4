/// @file
/// @brief Deleting articles by id, and the purge (compaction) that leaves no trace of a takedown.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

TEST_CASE("--delete removes articles, logs each id, reports unknown ids with status 2, and facets drop") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  CHECK(facet_count(search_json(db, {""}), "source", "Science Notes") == 2);

  const ProcessResult r = index({"--db", db, "--delete", "gz-0009", "no-such-id"});
  CHECK(r.status == 2);
  CHECK(r.err.find("deleted 'gz-0009'") != std::string::npos);
  CHECK(r.err.find("unknown id 'no-such-id'") != std::string::npos);
  CHECK(search_json(db, {"comet"})["hits"].empty());
  CHECK(facet_count(search_json(db, {""}), "source", "Science Notes") == 1);

  write_file(dir / "ids.txt", "# takedown list\ngz-0008\n\ngz-0007\n");
  const ProcessResult listed = index({"--db", db, "--delete-from", dir / "ids.txt"});
  CHECK(listed.status == 0);
  CHECK(listed.err.find("2 deleted, 0 unknown") != std::string::npos);
  CHECK(search_json(db, {"", "--no-collapse"})["total"]["estimate"] == 11);
}

TEST_CASE("a corrected article's old words leave the spelling data too") {
  TempDir dir;
  const std::string db = dir / "db";
  write_file(dir / "v1.jsonl",
             "{\"id\": \"a\", \"title\": \"Harbour news\", \"body\": \"Zyxomorphic cranes.\"}\n");
  write_file(dir / "v2.jsonl",
             "{\"id\": \"a\", \"title\": \"Harbour news\", \"body\": \"Harbour cranes.\"}\n");
  REQUIRE(index({"--db", db, dir / "v1.jsonl"}).status == 0);
  REQUIRE(index({"--db", db, dir / "v2.jsonl"}).status == 0);
  REQUIRE(index({"--db", db, "--compact"}).status == 0);
  CHECK_FALSE(files_contain(db, "zyxomorph"));
  CHECK(files_contain(db, "cranes"));
}

TEST_CASE("after --compact a deleted article's words are nowhere in the database files") {
  TempDir dir;
  const std::string db = dir / "db";
  write_file(
      dir / "takedown.jsonl",
      "{\"id\": \"keep\", \"title\": \"Harbour news\", \"body\": \"The harbour reopened on Monday.\"}\n"
      "{\"id\": \"gone-qv7\", \"title\": \"Libel\", \"body\": \"Quizzaciously zyxomorphic allegations were "
      "printed about the harbour master, the ferry company, the port authority and two councillors of the "
      "northern district in a long report.\"}\n");
  REQUIRE(index({"--db", db, dir / "takedown.jsonl"}).status == 0);
  CHECK(files_contain(db, "zyxomorph"));
  CHECK(files_contain(db, "lsh."));  // the LSH buckets of its band keys list its story
  REQUIRE(index({"--db", db, "--delete", "gone-qv7"}).status == 0);
  const ProcessResult purge = index({"--db", db, "--compact"});
  CHECK(purge.status == 0);
  CHECK(purge.err.find("compacted") != std::string::npos);
  CHECK_FALSE(files_contain(db, "zyxomorph"));
  CHECK_FALSE(files_contain(db, "quizzaci"));
  CHECK_FALSE(files_contain(db, "lsh."));  // "keep" is too short for a fingerprint: no bucket left
  CHECK(search_json(db, {"harbour"})["hits"][0]["id"] == "keep");
  CHECK(run_process({"xapian-check", db}).status == 0);
}

TEST_CASE("maintenance of a missing database, and conflicting actions, are clear errors") {
  TempDir dir;
  const ProcessResult missing = index({"--db", dir / "none", "--delete", "x"});
  CHECK(missing.status == 3);
  CHECK(missing.err.find("no database here") != std::string::npos);
  const ProcessResult both = index({"--db", dir / "db", "--compact", "--delete", "x"});
  CHECK(both.status == 1);
}
