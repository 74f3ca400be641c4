/// @file
/// @brief Reuters-21578 SGML reader: fields, BRIEF and UNPROC texts, broken elements, bounds, the corpus.
#include "gazette/readers/sgml_reader.hpp"

#include <chrono>
#include <set>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "reader_test_util.hpp"

using namespace gazette;
using namespace std::chrono;

namespace {

const std::string sample_path = (test::data_dir() / "readers" / "sample.sgm").string();

using Labels = std::vector<std::string>;

}  // namespace

TEST_CASE("sgml: a full element") {
  const auto all = test::read_all(sample_path);
  REQUIRE(all.items.size() == 7);
  const Article& a = std::get<Article>(all.items[0]);
  CHECK(a.id == "reuters-101");
  CHECK(a.source == "Reuters");
  CHECK(a.title == "WHEAT <TEST> EXPORTS RISE");
  CHECK(a.author == "Jane Roe");
  CHECK(a.dateline == "CHICAGO, March 2 -");
  CHECK(a.body ==
        "Wheat exports & grain sales rose sharply, traders said.\n\n"
        "A second paragraph starts with an indent and continues \u263A here.");
  CHECK(a.raw_date == "2-MAR-1987 09:05:07.12");
  REQUIRE(a.published);
  CHECK(*a.published == sys_days{1987y / March / 2} + 9h + 5min + 7s);
  CHECK(a.date_source == DateSource::metadata);
  CHECK(a.gold.topics == Labels{"grain", "wheat"});
  CHECK(a.gold.places == Labels{"usa"});
  CHECK(a.gold.orgs == Labels{"ec"});
  CHECK(a.gold.people.empty());
  CHECK(a.origin == sample_path + ":2");
}

TEST_CASE("sgml: BRIEF has a title only; UNPROC has its text directly in <TEXT>") {
  const auto all = test::read_all(sample_path);
  REQUIRE(all.items.size() == 7);
  const Article& brief = std::get<Article>(all.items[1]);
  CHECK(brief.id == "reuters-102");
  CHECK(brief.title == "MARKETS CLOSE HIGHER IN A SHORT BRIEF");
  CHECK(brief.body.empty());
  CHECK(brief.gold.people == Labels{"jane-roe"});
  CHECK(brief.gold.exchanges == Labels{"nyse"});
  CHECK(brief.origin == sample_path + ":24");

  const Article& unproc = std::get<Article>(all.items[2]);
  CHECK(unproc.id == "reuters-103");
  CHECK(unproc.title.empty());
  CHECK(unproc.body ==
        "WEEKLY TABLE REPORT - DEC 31\n\nItem one.............12 vs.....10\n\nItem two.............34 "
        "vs.....30");
  REQUIRE(unproc.published);
  CHECK(*unproc.published == sys_days{1987y / December / 31} + 23h + 59min + 59s);
}

TEST_CASE("sgml: broken elements are rejected at their start line and reading continues") {
  const auto all = test::read_all(sample_path);
  REQUIRE(all.items.size() == 7);
  const Rejection& body = std::get<Rejection>(all.items[3]);
  CHECK(body.where == sample_path + ":57");
  CHECK(body.reason == "unbalanced <BODY>");
  CHECK(body.raw.starts_with("<REUTERS TOPICS=\"NO\" NEWID=\"104\">"));
  CHECK(body.raw.ends_with("</REUTERS>"));

  const Rejection& unclosed = std::get<Rejection>(all.items[4]);
  CHECK(unclosed.where == sample_path + ":65");
  CHECK(unclosed.reason == "unbalanced <REUTERS> (no </REUTERS> before the next <REUTERS>)");
  CHECK(unclosed.raw.ends_with("<BODY>Cut off.</BODY></TEXT>\n"));

  const Article& after = std::get<Article>(all.items[5]);
  CHECK(after.id == "reuters-106");
  CHECK(after.dateline == "LONDON, March 3 -");
  CHECK(after.body == "Reading continues after a broken element.");
  CHECK(after.origin == sample_path + ":70");

  const Rejection& truncated = std::get<Rejection>(all.items[6]);
  CHECK(truncated.where == sample_path + ":78");
  CHECK(truncated.reason == "unbalanced <REUTERS> (no </REUTERS> before the end of the input)");
}

TEST_CASE("sgml: the same items in tiny chunks and from .sgm.zst") {
  test::TempDir dir;
  test::write_file(dir / "c.sgm.zst", test::zstd_compress(test::read_file(sample_path)));
  ReaderOptions tiny;
  tiny.chunk_bytes = 3;
  const auto expected = test::read_all(sample_path);
  for (const auto& all :
       {test::read_all(sample_path, std::nullopt, tiny), test::read_all(dir / "c.sgm.zst")}) {
    REQUIRE(all.items.size() == expected.items.size());
    for (std::size_t i = 0; i < all.items.size(); ++i) {
      CAPTURE(i);
      REQUIRE(all.items[i].index() == expected.items[i].index());
      if (const auto* a = std::get_if<Article>(&all.items[i])) {
        const Article& e = std::get<Article>(expected.items[i]);
        CHECK(a->body == e.body);
        CHECK(a->title == e.title);
        CHECK(a->origin.substr(a->origin.rfind(':')) == e.origin.substr(e.origin.rfind(':')));
      } else {
        const Rejection& r = std::get<Rejection>(all.items[i]);
        const Rejection& e = std::get<Rejection>(expected.items[i]);
        CHECK(r.reason == e.reason);
        CHECK(r.where.substr(r.where.rfind(':')) == e.where.substr(e.where.rfind(':')));
      }
    }
  }
}

TEST_CASE("sgml: an element over the record bound is rejected and skipped") {
  test::TempDir dir;
  const std::string big =
      "<REUTERS NEWID=\"1\">\n<TEXT><BODY>" + std::string(5000, 'b') + "\n</BODY></TEXT>\n</REUTERS>\n";
  const std::string small = "<REUTERS NEWID=\"2\">\n<TEXT><TITLE>SMALL</TITLE></TEXT>\n</REUTERS>\n";
  test::write_file(dir / "big.sgm", small + big + small + big.substr(0, 3000));
  ReaderOptions options;
  options.max_record_bytes = 1024;
  options.chunk_bytes = 64;
  const auto all = test::read_all(dir / "big.sgm", std::nullopt, options);
  REQUIRE(all.items.size() == 4);
  CHECK(std::get<Article>(all.items[0]).origin == (dir / "big.sgm").string() + ":1");
  const Rejection& r = std::get<Rejection>(all.items[1]);
  CHECK(r.where == (dir / "big.sgm").string() + ":4");
  CHECK(r.reason == "record larger than 1 KiB");
  CHECK(big.starts_with(r.raw));
  CHECK(std::get<Article>(all.items[2]).title == "SMALL");
  CHECK(std::get<Article>(all.items[2]).origin == (dir / "big.sgm").string() + ":8");
  CHECK(std::get<Rejection>(all.items[3]).reason == "record larger than 1 KiB");
}

TEST_CASE("sgml: parse_reuters_element and parse_reuters_date on their own") {
  CHECK(parse_reuters_date("26-FEB-1987 15:01:01.79") == sys_days{1987y / February / 26} + 15h + 1min + 1s);
  CHECK(parse_reuters_date(" 9-APR-1987 00:00:00.00    # date added") == sys_days{1987y / April / 9});
  CHECK(parse_reuters_date("31-MAR-1987 605:12:19.12") == sys_days{1987y / March / 31});
  CHECK(parse_reuters_date("3-MAR-1987  09:15:05.40") == sys_days{1987y / March / 3} + 9h + 15min + 5s);
  CHECK(parse_reuters_date("3-MAR-1987") == sys_days{1987y / March / 3});
  CHECK_FALSE(parse_reuters_date("30-FEB-1987 15:01:01.79"));
  CHECK_FALSE(parse_reuters_date("1-JAN-0001 15:01:01.79"));
  CHECK_FALSE(parse_reuters_date("26-XYZ-1987 15:01:01"));
  CHECK_FALSE(parse_reuters_date(""));

  // An element of the collection without text (Reuters-21578 has a few empty UNPROC ones) is an article;
  // without a NEWID it is rejected.
  const ReadItem empty = parse_reuters_element(
      "<REUTERS NEWID=\"9\">\n<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n</TEXT>\n</REUTERS>", "x.sgm", 40);
  REQUIRE(std::holds_alternative<Article>(empty));
  CHECK(std::get<Article>(empty).id == "reuters-9");
  CHECK(std::get<Article>(empty).body.empty());
  const ReadItem no_id =
      parse_reuters_element("<REUTERS>\n<TEXT TYPE=\"UNPROC\">&#2;\n&#3;\n</TEXT>\n</REUTERS>", "x.sgm", 40);
  REQUIRE(std::holds_alternative<Rejection>(no_id));
  CHECK(std::get<Rejection>(no_id).where == "x.sgm:40");
  CHECK(std::get<Rejection>(no_id).reason == "no text");

  // Bytes that are not UTF-8 are ISO-8859-1 (0xFC is u-umlaut; 0x85 is a C1 control, dropped).
  const ReadItem latin1 = parse_reuters_element(
      "<REUTERS NEWID=\"9\">\n<TEXT><TITLE>M\xfcNCHEN\x85 \xc3\xa9</TITLE></TEXT>\n</REUTERS>", "x.sgm", 40);
  REQUIRE(std::holds_alternative<Article>(latin1));
  CHECK(std::get<Article>(latin1).title == "M\u00fcNCHEN \u00e9");

  const ReadItem labels = parse_reuters_element(
      "<REUTERS NEWID=\"9\"><PLACES><D>usa</PLACES><TEXT><TITLE>A</TITLE></TEXT></REUTERS>", "x.sgm", 1);
  REQUIRE(std::holds_alternative<Rejection>(labels));
  CHECK(std::get<Rejection>(labels).reason == "unbalanced <D> in <PLACES>");
}

TEST_CASE("sgml: the whole Reuters-21578 corpus") {
  const auto dir = test::reuters_dir();
  if (!std::filesystem::exists(dir / "reut2-000.sgm")) {
    MESSAGE("Reuters-21578 not found at " << dir.string() << ": skipped");
    return;
  }
  std::size_t articles = 0, rejections = 0, no_body = 0, with_places = 0, dated = 0;
  std::set<std::string> ids;
  std::optional<Article> first;
  for (int n = 0; n <= 21; ++n) {
    char name[32];
    std::snprintf(name, sizeof name, "reut2-%03d.sgm", n);
    auto reader = open_reader(dir / name);
    while (auto item = reader->next()) {
      if (const auto* r = std::get_if<Rejection>(&*item)) {
        ++rejections;
        MESSAGE(r->where << ": " << r->reason);
        continue;
      }
      const Article& a = std::get<Article>(*item);
      ++articles;
      ids.insert(a.id);
      if (a.body.empty()) ++no_body;
      if (!a.gold.places.empty()) ++with_places;
      if (a.published) ++dated;
      if (a.id == "reuters-1") first = a;
    }
  }
  CHECK(articles == 21578);
  CHECK(rejections == 0);
  CHECK(ids.size() == 21578);
  CHECK(no_body == 1798 + 1);  // the BRIEFs and one empty UNPROC (NEWID 12793)
  CHECK(with_places == 18797);
  CHECK(dated == 21578);
  REQUIRE(first);
  CHECK(first->title == "BAHIA COCOA REVIEW");
  CHECK(first->dateline == "SALVADOR, Feb 26 -");
  CHECK(first->raw_date == "26-FEB-1987 15:01:01.79");
  CHECK(first->published == sys_days{1987y / February / 26} + 15h + 1min + 1s);
  CHECK(first->gold.places == Labels{"el-salvador", "usa", "uruguay"});
  CHECK(first->gold.topics == Labels{"cocoa"});
  CHECK(first->body.starts_with(
      "Showers continued throughout the week in the Bahia cocoa zone, alleviating the "
      "drought since early January and improving prospects"));
  CHECK(first->body.ends_with(
      "Brazilian Cocoa Trade Commission after carnival which ends midday on February 27."));
  CHECK(first->origin == (dir / "reut2-000.sgm").string() + ":2");
}
