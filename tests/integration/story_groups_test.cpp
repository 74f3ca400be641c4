/// @file
/// @brief Near-duplicate versions form stories: collapse, other versions, --story, deletes and later runs.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

/// A story of two rewrites of one report, and two different reports on the same topic.
void write_versions(const std::string& dir) {
  write_file(
      dir + "/a.jsonl",
      "{\"id\": \"cocoa-1\", \"source\": \"Wire A\", \"date\": \"2024-03-18\", \"title\": \"Cocoa prices "
      "climb "
      "as Ivory Coast harvest disappoints\", \"body\": \"Cocoa futures rose 4.5 percent in London on Monday "
      "after exporters in Ivory Coast reported that the mid-crop harvest was smaller than expected. Traders "
      "said dry weather and black pod disease had cut yields across the western growing regions, and that "
      "arrivals at the ports of Abidjan and San Pedro were running 12 percent below last season. Chocolate "
      "makers including Barry Callebaut have warned customers of higher prices.\"}\n"
      "{\"id\": \"cocoa-3\", \"source\": \"Wire A\", \"date\": \"2024-04-02\", \"title\": \"Ghana cocoa "
      "board "
      "raises farmgate price\", \"body\": \"Ghana's cocoa regulator raised the price it pays farmers by 58 "
      "percent for the new season, the board's chief executive said in Accra on Tuesday, aiming to curb "
      "smuggling of beans into neighbouring countries. Farmers' groups welcomed the increase but said "
      "fertiliser costs had tripled since 2021.\"}\n");
  write_file(
      dir + "/b.jsonl",
      "{\"id\": \"cocoa-2\", \"source\": \"Daily B\", \"date\": \"2024-03-19\", \"title\": \"Cocoa rises "
      "after "
      "weak Ivory Coast harvest\", \"body\": \"London cocoa futures climbed 4.5 percent on Monday after "
      "Ivory "
      "Coast exporters said the mid-crop harvest was smaller than expected. Dry weather and black pod "
      "disease "
      "cut yields in the western growing regions, traders said, and arrivals at Abidjan and San Pedro ports "
      "were 12 percent below last season. Chocolate makers such as Barry Callebaut have warned of higher "
      "prices.\"}\n");
}

}  // namespace

TEST_CASE("rewrites of one report are one story; a different report on the topic is not") {
  TempDir dir;
  write_versions(dir.path());
  const std::string db = dir / "db";
  const ProcessResult r = index({"--db", db, dir / "a.jsonl", dir / "b.jsonl"});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("1 articles joined the story of a near-duplicate") != std::string::npos);

  const json collapsed = search_json(db, {"cocoa"});
  CHECK(total(collapsed) == 2);
  const json& story_hit =
      collapsed["hits"][0]["id"] == "cocoa-3" ? collapsed["hits"][1] : collapsed["hits"][0];
  CHECK(story_hit["story"]["id"] == "cocoa-1");
  CHECK(story_hit["story"]["versions"] == 2);
  REQUIRE(story_hit["story"]["other_versions"].size() == 1);
  CHECK(story_hit["story"]["other_versions"][0]["source"] != story_hit["source"]);
  CHECK(total(search_json(db, {"cocoa", "--no-collapse"})) == 3);

  const ProcessResult listing = search({"--db", db, "--json", "--story", "cocoa-1"});
  CHECK(listing.status == 0);
  CHECK(hit_ids(json::parse(listing.out)) == std::vector<std::string>{"cocoa-2", "cocoa-1"});  // newest first
  const ProcessResult text = search({"--db", db, "cocoa"});
  CHECK(text.out.find("+ 1 other version:") != std::string::npos);
}

TEST_CASE("a version indexed later finds its story in the buckets of one writer, partitions or shards") {
  // The first run writes its buckets before each commit (one writer), at the end (partitions merged by
  // the compactor) or into the control database (a sharded archive); the later run reads them.
  for (const std::vector<std::string>& layout :
       {std::vector<std::string>{"--threads", "1"}, {"--threads", "2"}, {"--shards", "2"}}) {
    INFO(layout.front() << " " << layout.back());
    TempDir dir;
    write_versions(dir.path());
    const std::string db = dir / "db";
    std::vector<std::string> first = layout;
    first.insert(first.end(), {"--db", db, dir / "a.jsonl"});
    REQUIRE(index(first).status == 0);
    const ProcessResult later = index({"--db", db, dir / "b.jsonl"});
    INFO(later.err);
    REQUIRE(later.status == 0);
    CHECK(later.err.find("1 articles joined the story") != std::string::npos);
    CHECK(hit_ids(search_json(db, {"story:cocoa-1", "--no-collapse"})).size() == 2);
  }
}

TEST_CASE("a version indexed later joins its story, and a story keeps its id when its first version goes") {
  TempDir dir;
  write_versions(dir.path());
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, dir / "a.jsonl"}).status == 0);
  const ProcessResult later = index({"--db", db, dir / "b.jsonl"});  // a week later, another run
  INFO(later.err);
  REQUIRE(later.status == 0);
  CHECK(later.err.find("1 articles joined the story") != std::string::npos);
  CHECK(hit_ids(search_json(db, {"story:cocoa-1", "--no-collapse"})).size() == 2);

  REQUIRE(index({"--db", db, "--delete", "cocoa-1"}).status == 0);
  const json after = search_json(db, {"story:cocoa-1", "--no-collapse"});
  CHECK(hit_ids(after) == std::vector<std::string>{"cocoa-2"});
  // Re-indexing the deleted version brings it back into the same story, compared with the survivor.
  REQUIRE(index({"--db", db, "--force", dir / "a.jsonl"}).status == 0);
  CHECK(hit_ids(search_json(db, {"story:cocoa-1", "--no-collapse"})).size() == 2);
}

TEST_CASE("the seed articles: two versions form one story, and search collapses them") {
  SKIP_WITHOUT_SEEDS();
  TempDir dir;
  REQUIRE(index({"--db", dir / "db", seeds_dir().string()}).status == 0);
  const json r = search_json(dir / "db", {"sanctions Russia oligarchs"});
  CHECK(total(search_json(dir / "db", {"sanctions Russia oligarchs", "--no-collapse"})) == 3);
  // 000 and 001 are rewrites of one report; 002 is a commentary quoting it and stays its own story (see
  // common/gazette/stories/fingerprint.hpp for the figures).
  CHECK(total(r) == 2);
  CHECK(r["hits"][0]["story"]["versions"] == 2);
}

TEST_CASE("the web page lists a hit's other versions and links to all of them") {
  TempDir dir;
  write_versions(dir.path());
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, dir / "a.jsonl", dir / "b.jsonl"}).status == 0);
  const ProcessResult page = run_process(
      {GAZETTE_SEARCH_BIN}, "",
      {"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET", "QUERY_STRING=q=cocoa", "GAZETTE_DB=" + db});
  CHECK(page.status == 0);
  CHECK(page.out.find("1 other version</summary>") != std::string::npos);
  CHECK(page.out.find("f=story%3Acocoa-1") != std::string::npos);
  const ProcessResult all = run_process({GAZETTE_SEARCH_BIN}, "",
                                        {"GATEWAY_INTERFACE=CGI/1.1", "REQUEST_METHOD=GET",
                                         "QUERY_STRING=sort=date&f=story%3Acocoa-1", "GAZETTE_DB=" + db});
  CHECK(all.out.find("cocoa-2") != std::string::npos);
  CHECK(all.out.find("Cocoa rises after weak Ivory Coast harvest") != std::string::npos);
  CHECK(all.out.find("Cocoa prices climb as Ivory Coast harvest disappoints") != std::string::npos);
}
