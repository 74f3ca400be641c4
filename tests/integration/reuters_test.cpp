/// @file
/// @brief The whole Reuters-21578 corpus indexes with zero rejects and every article can be found.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.hpp"

using namespace gazette::test;

TEST_CASE("Reuters-21578: 21,578 articles, zero rejects, all searchable") {
  SKIP_WITHOUT_REUTERS();
  const std::string corpus = reuters_dir().string();
  TempDir dir;
  const std::string db = dir / "db";
  const ProcessResult r = index({"--db", db, corpus});
  INFO(r.err);
  REQUIRE(r.status == 0);
  CHECK(r.err.find("21578 added, 0 replaced, 0 duplicate ids, 0 rejected") != std::string::npos);

  const auto everything = search_json(db, {"", "--no-collapse"});
  CHECK(everything["total"]["estimate"] == 21578);
  CHECK(everything["total"]["exact"] == true);
  // Collapsed, the total counts stories (near-duplicates folded), and large facet counts are estimates.
  const auto quick = search_json(db, {""});
  CHECK(quick["total"]["lower_bound"] <= quick["total"]["upper_bound"]);
  CHECK(quick["total"]["upper_bound"] < 21578);
  CHECK(quick["total"]["estimate"] > 15000);
  CHECK(quick["facets"]["estimated"] == true);
  std::size_t histogram_total = 0;
  for (const auto& b : quick["facets"]["date"]["buckets"]) histogram_total += b["count"].get<std::size_t>();
  CHECK(histogram_total > 21578 * 0.8);
  CHECK(histogram_total < 21578 * 1.2);
  CHECK(search_json(db, {"date:1987", "--no-collapse"})["total"]["estimate"] == 21578);
  const auto cocoa = search_json(db, {"bahia cocoa review"});
  CHECK(cocoa["hits"][0]["id"] == "reuters-1");
  CHECK(cocoa["hits"][0]["date"] == "1987-02-26T15:01:01Z");
  const auto months = search_json(db, {"cocoa"})["facets"]["date"];
  CHECK(months["granularity"] != "year");
  // A known article by its id, through --get.
  const ProcessResult got = search({"--db", db, "--get", "reuters-21578"});
  CHECK(got.status == 0);
}
