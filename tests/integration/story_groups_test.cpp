/// @file
/// @brief Near-duplicate versions form stories: collapse, other versions, --story, deletes and later runs.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <sstream>

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

namespace {

/// id -> story of every article, and headline -> id (gazette-search --export jsonl).
struct Stories {
  std::map<std::string, std::string> story_of;
  std::map<std::string, std::string> id_of;
};

Stories exported_stories(const std::string& db) {
  const ProcessResult r = search({"--db", db, "--export", "jsonl", ""});
  REQUIRE(r.status == 0);
  Stories out;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    const json a = json::parse(line);
    out.story_of[a["id"]] = a["story"];
    if (a.contains("title") && a["title"].is_string()) out.id_of[a["title"]] = a["id"];
  }
  return out;
}

/// The seeds copied to dir under names that put them in this order (the indexer reads a folder sorted).
void copy_seeds(const std::filesystem::path& dir, const std::vector<std::string>& order) {
  std::filesystem::create_directories(dir);
  for (std::size_t i = 0; i < order.size(); ++i)
    for (const auto& entry : std::filesystem::directory_iterator(seeds_dir()))
      if (entry.path().filename().string().starts_with(order[i]))
        std::filesystem::copy_file(entry.path(),
                                   dir / (std::to_string(i) + "_" + entry.path().filename().string()));
}

/// The acceptance query finds one story of three versions.
void check_one_story(const std::string& db) {
  CHECK(total(search_json(db, {"sanctions Russia oligarchs", "--no-collapse"})) == 3);
  const json r = search_json(db, {"sanctions Russia oligarchs"});
  CHECK(total(r) == 1);
  CHECK(r["hits"][0]["story"]["versions"] == 3);
  CHECK(r["hits"][0]["story"]["other_versions"].size() == 2);
}

}  // namespace

TEST_CASE("the seed articles form one story: two rewrites, and the commentary that quotes them") {
  SKIP_WITHOUT_SEEDS();
  TempDir dir;
  const ProcessResult r = index({"--db", dir / "db", seeds_dir().string()});
  INFO(r.err);
  REQUIRE(r.status == 0);
  // 000 and 001 are rewrites of one report (the fingerprint); 002 is a commentary quoting it at length
  // (the quote rule, common/gazette/stories/quotes.hpp).
  CHECK(r.err.find("1 articles joined the story of a near-duplicate") != std::string::npos);
  CHECK(r.err.find("1 articles joined the story they quote (1 quoting articles checked") !=
        std::string::npos);
  check_one_story(dir / "db");
}

TEST_CASE("the commentary joins the report's story whatever the order, within a run or across runs") {
  SKIP_WITHOUT_SEEDS();
  TempDir dir;
  SUBCASE("the commentary first in the run") {
    copy_seeds(dir / "in", {"002", "000", "001"});
    REQUIRE(index({"--db", dir / "db", dir / "in"}).status == 0);
    check_one_story(dir / "db");
  }
  SUBCASE("the commentary in a later run") {
    copy_seeds(dir / "in", {"000", "001"});
    copy_seeds(dir / "later", {"002"});
    REQUIRE(index({"--db", dir / "db", dir / "in"}).status == 0);
    const ProcessResult later = index({"--db", dir / "db", dir / "later"});
    INFO(later.err);
    REQUIRE(later.status == 0);
    CHECK(later.err.find("1 articles joined the story they quote") != std::string::npos);
    check_one_story(dir / "db");
  }
  SUBCASE("the report in a later run than the commentary") {
    copy_seeds(dir / "in", {"002"});
    copy_seeds(dir / "later", {"000", "001"});
    const ProcessResult first = index({"--db", dir / "db", dir / "in"});
    REQUIRE(first.status == 0);
    CHECK(first.err.find("0 articles joined the story they quote (1 quoting articles checked") !=
          std::string::npos);
    const ProcessResult later = index({"--db", dir / "db", dir / "later"});
    INFO(later.err);
    REQUIRE(later.status == 0);
    CHECK(later.err.find("1 articles joined the story they quote (1 quoting articles checked") !=
          std::string::npos);
    check_one_story(dir / "db");
  }
  SUBCASE("a reprint of the commentary in a later run joins the story the commentary moved into") {
    copy_seeds(dir / "in", {"000", "001", "002"});
    REQUIRE(index({"--db", dir / "db", dir / "in"}).status == 0);
    // The commentary's buckets list its old story id: the reprint must be sent on to the report's story
    // (compared with its first version, 0.18: no fingerprint join), where the quote rule puts it too.
    for (const auto& entry : std::filesystem::directory_iterator(dir / "in"))
      if (entry.path().filename().string().starts_with("2_"))
        write_file(dir / "reprint.txt", "Source: Reprint Weekly\n" + read_file(entry.path()));
    const ProcessResult later = index({"--db", dir / "db", dir / "reprint.txt"});
    INFO(later.err);
    REQUIRE(later.status == 0);
    CHECK(later.err.find("1 added") != std::string::npos);
    CHECK(later.err.find("1 articles joined the story they quote") != std::string::npos);
    const json r = search_json(dir / "db", {"sanctions Russia oligarchs"});
    CHECK(total(r) == 1);
    CHECK(r["hits"][0]["story"]["versions"] == 4);
  }
  SUBCASE("two shards") {
    const ProcessResult sharded = index({"--db", dir / "archive", "--shards", "2", seeds_dir().string()});
    INFO(sharded.err);
    REQUIRE(sharded.status == 0);
    CHECK(sharded.err.find("1 articles joined the story they quote") != std::string::npos);
    check_one_story(dir / "archive");
  }
  SUBCASE("no stories: no pass") {
    const ProcessResult plain = index({"--db", dir / "db", "--no-stories", seeds_dir().string()});
    REQUIRE(plain.status == 0);
    CHECK(plain.err.find("they quote") == std::string::npos);
  }
}

TEST_CASE("a commentary joins the story it quotes, not another of the topic; quoting officials joins none") {
  SKIP_WITHOUT_SEEDS();
  TempDir dir;
  const std::string stories_dir = (gazette::test::data_dir() / "stories").string();
  const ProcessResult r = index({"--db", dir / "db", seeds_dir().string(), stories_dir});
  INFO(r.err);
  REQUIRE(r.status == 0);
  // 002 joins the seeds' story, the Treasury commentary the Treasury story; the Kremlin one qualifies too.
  CHECK(r.err.find("2 articles joined the story they quote (3 quoting articles checked") !=
        std::string::npos);
  const Stories s = exported_stories(dir / "db");
  const auto story = [&](const std::string& title) {
    const auto id = s.id_of.find(title);
    REQUIRE_MESSAGE(id != s.id_of.end(), "no article headlined " << title);
    return s.story_of.at(id->second);
  };
  const std::string treasury = story("U.S. Treasury lets waiver for Russian bank energy payments lapse");
  const std::string seeds = story("White House Considers Easing Russia Sanctions Amid Diplomatic Talks");
  // Quoting the Treasury story's wording puts the commentary in that story, not in the seeds' one.
  CHECK(story("Washington quietly closes a payments loophole for Moscow") == treasury);
  CHECK(treasury != seeds);
  // Long quotes of officials that no indexed article reproduces join nothing, though the topic is the same.
  const std::string kremlin_id = s.id_of.at("Kremlin says it is in no hurry on sanctions");
  CHECK(story("Kremlin says it is in no hurry on sanctions") == kremlin_id);
  CHECK(story("EU renews sanctions on Russian oligarchs, drops three names after Hungary objects") != seeds);
  std::size_t in_seeds_story = 0;
  for (const auto& [id, of] : s.story_of) in_seeds_story += of == seeds ? 1 : 0;
  CHECK(in_seeds_story == 3);
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
