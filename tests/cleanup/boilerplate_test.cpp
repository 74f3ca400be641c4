/// @file
/// @brief Boilerplate removal: the rules file, each rule kind on our own texts, and the seed articles.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "gazette/cleanup/boilerplate.hpp"
#include "gazette/core/error.hpp"

using namespace gazette;

namespace {

const BoilerplateRules& rules() {
  static const std::shared_ptr<const BoilerplateRules> loaded = BoilerplateRules::load();
  return *loaded;
}

std::size_t count(const CleanResult& result, std::string_view name) {
  const auto& names = rules().names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return result.removed[i];
  FAIL("no rule named " << name);
  return 0;
}

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("the rules file loads and names its counters") {
  const auto& names = rules().names();
  for (const char* name : {"photo_credit", "share", "follow", "newsletter", "call_to_action", "read_more",
                           "promo", "related_block"})
    CHECK(std::find(names.begin(), names.end(), name) != names.end());
}

TEST_CASE("malformed rules files are errors with their line") {
  CHECK_THROWS_WITH_AS(BoilerplateRules::parse("# c\nline\tx\n", "r.tsv"), doctest::Contains("r.tsv:2"),
                       Error);
  CHECK_THROWS_WITH_AS(BoilerplateRules::parse("drop\tx\ty\n", "r.tsv"),
                       doctest::Contains("unknown rule kind"), Error);
  CHECK_THROWS_WITH_AS(BoilerplateRules::parse("line\tx\t(unclosed\n", "r.tsv"),
                       doctest::Contains("bad pattern"), Error);
  CHECK_THROWS_AS(BoilerplateRules::load("/nonexistent/rules.tsv"), Error);
  const auto custom = BoilerplateRules::parse("line\ta\tX+\r\nline\tb\tY\nline\ta\tZ\n", "r.tsv");
  REQUIRE(custom->names() == std::vector<std::string>{"a", "b"});
  const CleanResult r = clean_text(*custom, "XX\nkeep\nZ\n\nY");
  CHECK(r.text == "keep");
  CHECK(r.removed == std::vector<std::size_t>{2, 1});
  CHECK(r.total_removed() == 3);
}

TEST_CASE("photo credits, share bars and calls to action on their own line are dropped") {
  const std::string body =
      "Cocoa futures rose on Monday.\n\n"
      "AFP/Getty Images\n\n"
      "Traders said the rally was driven by weather.\n"
      "Reuters/Jane Doe\n"
      "Jane Doe/AP\n"
      "Photo: Ghana Cocoa Board\n"
      "Image credit: Shutterstock\n\n"
      "Share this article\n"
      "Facebook Twitter WhatsApp Email\n"
      "Follow us on Twitter and Instagram\n"
      "Sign up for our daily newsletter to get the news first.\n"
      "Click here to read the report\n"
      "Read more about commodities\n"
      "Advertisement\n\n"
      "The harvest starts in October.";
  const CleanResult r = clean_text(rules(), body);
  CHECK(r.text ==
        "Cocoa futures rose on Monday.\n\nTraders said the rally was driven by weather.\n\nThe harvest "
        "starts in "
        "October.");
  CHECK(count(r, "photo_credit") == 5);
  CHECK(count(r, "share") == 2);
  CHECK(count(r, "follow") == 1);
  CHECK(count(r, "newsletter") == 1);
  CHECK(count(r, "call_to_action") == 2);
  CHECK(count(r, "read_more") == 1);
}

TEST_CASE("article sentences that mention credits, sharing or reading are kept") {
  const std::string body =
      "Getty Images reported higher revenue as agencies such as AFP and Reuters expanded photo sales.\n\n"
      "Shareholders will follow us on this, the chief executive said, urging investors to read more "
      "filings.\n\n"
      "Photographs of the flood were shared widely.\n\n"
      "Related talks are expected next week, according to officials familiar with the matter.";
  const CleanResult r = clean_text(rules(), body);
  CHECK(r.text == body);
  CHECK(r.total_removed() == 0);
}

TEST_CASE("inline promo lines are dropped, the text around them kept") {
  const CleanResult r =
      clean_text(rules(),
                 "First paragraph of the story.\n\nAlso Read | Ten things to know about cocoa\n\n"
                 "READ MORE: Markets rally on Fed hopes\n\nSee also: Our coverage of the summit\n\n"
                 "Last paragraph of the story.");
  CHECK(r.text == "First paragraph of the story.\n\nLast paragraph of the story.");
  CHECK(count(r, "promo") == 2);
  CHECK(count(r, "read_more") == 1);
}

TEST_CASE("a trailing block of headlines under a marker heading is cut") {
  const std::string article =
      "The central bank held rates on Thursday.\n\nAnalysts had expected the decision.";
  for (const char* heading : {"Recent News", "Related", "Related Articles", "More from Reuters", "Trending",
                              "You may also like", "Most read"}) {
    CAPTURE(heading);
    const CleanResult r =
        clean_text(rules(), article + "\n\n" + heading +
                                "\n\nLocal team wins the cup final\n\nThe match went to "
                                "penalties after a goalless draw and a long night...\n\n"
                                "New phone launched with bigger screen\n\nStorm closes schools");
    CHECK(r.text == article);
    CHECK(count(r, "related_block") == 1);
  }
}

TEST_CASE("a marker heading followed by article text, or with no text before it, is not a link list") {
  const std::string subheading =
      "The minister spoke on Monday.\n\nRelated\n\nThe decision follows months of talks between the two "
      "governments, which had disagreed over tariffs and quotas since last year.\n\nMore talks are planned.";
  CHECK(clean_text(rules(), subheading).text == subheading);
  const std::string only_links = "Trending\n\nLocal team wins the cup final\n\nStorm closes schools";
  CHECK(clean_text(rules(), only_links).text == only_links);
  const std::string one_link = "Text of the story.\n\nRelated\n\nLocal team wins the cup final";
  CHECK(clean_text(rules(), one_link).text == one_link);
}

TEST_CASE("over-long lines are never dropped, blank runs collapse, lines are trimmed") {
  const std::string long_credit = "Photo: " + std::string(max_boilerplate_line_bytes, 'x');
  CHECK(clean_text(rules(), long_credit).text == long_credit);
  CHECK(clean_text(rules(), "  a  \r\n\n\n\n b\nc \n\n").text == "a\n\nb\nc");
  CHECK(clean_text(rules(), "").text.empty());
  CHECK(clean_text(rules(), "AFP/Getty Images").text.empty());
}

TEST_CASE("seeds: promos, the Recent News tail and the photo credit go, the article stays") {
  const auto dir = test::seeds_dir();
  if (!std::filesystem::exists(dir / "001_b01de3545862db5b.txt")) {
    MESSAGE("seed articles not found in " << dir << "; skipped");
    return;
  }
  const CleanResult s1 = clean_text(rules(), read_file(dir / "001_b01de3545862db5b.txt"));
  for (const char* gone : {"Jumanji", "mRNA", "iOS 18.4", "Also Read", "Recent News", "Elon Musk"})
    CHECK_MESSAGE(!contains(s1.text, gone), gone);
  CHECK(contains(s1.text, "The White House has directed the State and Treasury Departments"));
  CHECK(contains(s1.text, "Shifting U.S.-Russia Relations"));
  CHECK(contains(s1.text, "ended without an agreement."));
  CHECK(count(s1, "promo") == 1);
  CHECK(count(s1, "related_block") == 1);

  const CleanResult s2 = clean_text(rules(), read_file(dir / "002_68e0e8436d88f5e1.txt"));
  CHECK(!contains(s2.text, "Getty"));
  CHECK(contains(s2.text, "The sanctions offices are now drawing up a proposal"));
  CHECK(contains(s2.text, "just days away, or within a couple of weeks."));
  CHECK(count(s2, "photo_credit") == 1);
  CHECK(s2.total_removed() == 1);

  const std::string raw0 = read_file(dir / "000_6d47baeab9ef27c8.txt");
  const CleanResult s0 = clean_text(rules(), raw0);
  CHECK(s0.total_removed() == 0);
  CHECK(contains(s0.text, "rare earth metal deposits"));
}
