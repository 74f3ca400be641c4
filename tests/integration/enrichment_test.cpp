/// @file
/// @brief Entities, mentioned dates and time filters end to end: the seeds and the sample archive.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

/// The three seed articles of ../shared/seeds indexed once, or "" when they are absent.
const std::string& seeds_db() {
  static TempDir dir;
  static const std::string db = [] {
    if (!std::filesystem::exists(seeds_dir())) return std::string();
    const std::string path = dir / "db";
    const ProcessResult r = index({"--db", path, seeds_dir().string()});
    INFO(r.err);
    REQUIRE(r.status == 0);
    return path;
  }();
  return db;
}

const std::string& sample_db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    REQUIRE(index({"--db", path, sample_dir()}).status == 0);
    return path;
  }();
  return db;
}

}  // namespace

TEST_CASE("entity facets count people, organisations and places over all matches") {
  SKIP_WITHOUT_SEEDS();
  const json r = search_json(seeds_db(), {"sanctions", "--no-collapse", "--limit", "1"});
  CHECK(total(r) == 3);
  CHECK(facet_count(r, "person", "Donald Trump") == 3);
  CHECK(facet_count(r, "place", "Russia") == 3);
  CHECK(facet_count(r, "org", "White House") == 3);
  CHECK(facet_count(r, "person", "White House") == 0);
}

TEST_CASE("entity filters: --filter and the query language, aliases folded, combinable") {
  SKIP_WITHOUT_SEEDS();
  auto count = [](std::vector<std::string> args) {
    args.push_back("--no-collapse");
    return total(search_json(seeds_db(), args));
  };
  CHECK(count({"", "--filter", "place=Russia"}) == 3);
  CHECK(count({"place:russia"}) == 3);
  CHECK(count({"person:\"Vladimir Putin\""}) >= 1);
  CHECK(count({"person:Zelenskiy"}) == count({"person:\"Volodymyr Zelensky\""}));
  CHECK(count({"person:Zelenskiy"}) >= 1);
  CHECK(count({"", "--filter", "place=US"}) == count({"", "--filter", "place=United States"}));
  CHECK(count({"sanctions", "--filter", "place=Russia", "--filter", "org=White House"}) == 3);
  CHECK(count({"", "--filter", "place=Atlantis"}) == 0);
}

TEST_CASE("each hit lists its entities in JSON and in the human output") {
  SKIP_WITHOUT_SEEDS();
  const json r = search_json(seeds_db(), {"oligarchs", "--no-collapse"});
  REQUIRE_FALSE(r["hits"].empty());
  const json& entities = r["hits"][0]["entities"];
  CHECK(std::any_of(entities.begin(), entities.end(),
                    [](const json& e) { return e["type"] == "person" && e["name"] == "Donald Trump"; }));
  const ProcessResult text = search({"--db", seeds_db(), "--no-collapse", "oligarchs"});
  CHECK(text.out.find("Donald Trump") != std::string::npos);
}

TEST_CASE("dates mentioned in the text are a filter and a facet") {
  SKIP_WITHOUT_SEEDS();
  const json r = search_json(seeds_db(), {"mentions:2014-03", "--no-collapse"});
  CHECK(total(r) >= 1);
  // Undated articles resolve "February 12" only against a --reference-date.
  CHECK(total(search_json(seeds_db(), {"mentions:2025-02-12", "--no-collapse"})) == 0);
  TempDir dir;
  REQUIRE(index({"--db", dir / "db", "--reference-date", "2025-03-03", seeds_dir().string()}).status == 0);
  CHECK(total(search_json(dir / "db", {"mentions:2025-02-12", "--no-collapse"})) >= 1);
  const json all = search_json(seeds_db(), {"", "--no-collapse"});
  CHECK(facet_count(all, "mentions", "2014-03") >= 1);
}

TEST_CASE("--feed-order settles a dateline one day ahead of the feed around it") {
  TempDir dir;
  std::string feed;
  for (const char* city : {"NEW YORK", "NEW YORK", "TOKYO", "NEW YORK", "NEW YORK"}) {
    const std::string day = std::string(city) == "TOKYO" ? "3" : "2";
    feed += R"({"id":")" + std::string(city) + std::to_string(feed.size()) +
            R"(","title":"Markets","body":")" + city + ", March " + day + R"( - Shares rose."})" + "\n";
  }
  const auto dates_of = [&](const std::vector<std::string>& options) {
    const std::string db = dir / ("db" + std::to_string(options.size()));
    std::vector<std::string> args{"--db", db, "--format", "jsonl", "--reference-date", "2025-12-31", "-"};
    args.insert(args.begin(), options.begin(), options.end());
    REQUIRE(index(args, feed).status == 0);
    const json response = search_json(db, {"", "--sort", "date-asc", "--no-collapse"});
    std::vector<std::string> dates;
    for (const json& hit : response["hits"])
      dates.push_back(hit["date"].get<std::string>().substr(0, 10) + " " +
                      hit["date_source"].get<std::string>());
    return dates;
  };
  const std::vector<std::string> alone = dates_of({});
  CHECK(std::count(alone.begin(), alone.end(), "2025-03-03 dateline") == 1);
  const std::vector<std::string> settled = dates_of({"--feed-order"});
  CHECK(settled == std::vector<std::string>(5, "2025-03-02 dateline"));
}

TEST_CASE("--since keeps the last days before --now or the newest article") {
  CHECK(total(search_json(sample_db(), {"", "--since", "7d", "--now", "2024-05-07"})) == 2);
  CHECK(total(search_json(sample_db(), {"", "--since", "5d"})) == 2);  // newest article: 2024-05-06
  CHECK(total(search_json(sample_db(), {"", "--since", "1y", "--now", "2024-05-07"})) == 10);
}

TEST_CASE("--recency lifts recent articles without dropping any") {
  const json plain = search_json(sample_db(), {"cocoa"});
  const json recent = search_json(
      sample_db(), {"cocoa", "--recency", "30d", "--recency-weight", "100", "--now", "2024-05-07"});
  CHECK(total(plain) == total(recent));
  CHECK(recent["hits"][0]["id"] == "gz-0005");             // 2024-04-11, the newest cocoa article
  CHECK(recent["hits"].back()["id"] == "reuters-900002");  // 1987
}

TEST_CASE("boilerplate is removed before indexing and counted in the summary") {
  SKIP_WITHOUT_SEEDS();
  for (const char* query : {"Jumanji", "mRNA", "\"iOS 18.4\"", "Getty", "\"Also Read\""}) {
    CAPTURE(query);
    CHECK(total(search_json(seeds_db(), {query, "--no-collapse"})) == 0);
  }
  CHECK(total(search_json(seeds_db(), {"oligarchs", "--no-collapse"})) == 3);  // the articles themselves stay
  TempDir dir;
  const ProcessResult r = index({"--db", dir / "db", seeds_dir().string()});
  CHECK(r.err.find("boilerplate removed: photo_credit 1 promo 1 related_block 1") != std::string::npos);
  const ProcessResult kept = index({"--db", dir / "kept", "--no-boilerplate", seeds_dir().string()});
  CHECK(total(search_json(dir / "kept", {"Jumanji", "--no-collapse"})) == 1);
}
