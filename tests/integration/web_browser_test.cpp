/// @file
/// @brief The search page in a real browser: headless chromium renders what lighttpd serves; the DOM must
/// hold results, facets and highlighted words, and screenshots are kept as test artifacts.
#include <doctest/doctest.h>

#include <filesystem>

#include "harness.hpp"
#include "web_server.hpp"

using namespace gazette::test;

namespace {

/// Headless chromium on `url` with these extra arguments; a throwaway profile, no network but loopback.
ProcessResult chromium(const std::string& url, const std::vector<std::string>& args) {
  TempDir profile;
  std::vector<std::string> argv{"timeout",
                                "60",
                                "chromium",
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--hide-scrollbars",
                                "--user-data-dir=" + profile.path()};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(url);
  return run_process(argv);
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("the search page rendered by headless chromium") {
  if (!have_program("lighttpd") || !have_program("chromium")) {
    MESSAGE("lighttpd or chromium is not installed (bash scripts/install-deps.sh): skipped");
    return;
  }
  const Lighttpd server(Lighttpd::Kind::fastcgi, indexed_sample_db());
  const std::string url = server.url("?q=terminal+harbour&match=all");

  const ProcessResult dom = chromium(url, {"--dump-dom"});
  INFO("chromium: " << dom.err.substr(0, 2000));
  REQUIRE(dom.status == 0);
  CHECK(count(dom.out, "<li class=\"hit\">") == 2);
  CHECK(count(dom.out, "<mark>") >= 3);
  CHECK(dom.out.find("id=\"facets\"") != std::string::npos);
  CHECK(dom.out.find("data-field=\"source\"") != std::string::npos);
  CHECK(dom.out.find("class=\"histogram\"") != std::string::npos);

  const std::filesystem::path artifacts = GAZETTE_ARTIFACTS_DIR;
  std::filesystem::create_directories(artifacts);
  for (const auto& [name, size] :
       {std::pair{"search.png", "1200,900"}, std::pair{"search-phone.png", "390,844"}}) {
    const std::string file = (artifacts / name).string();
    std::filesystem::remove(file);
    const ProcessResult shot = chromium(url, {"--screenshot=" + file, std::string("--window-size=") + size});
    CHECK(shot.status == 0);
    CHECK(std::filesystem::exists(file));
    CHECK(std::filesystem::file_size(file) > 10000);  // a page, not a blank image
    MESSAGE("screenshot: " << file);
  }
  const ProcessResult article = chromium(server.url("?id=gz-0001&q=harbour"), {"--dump-dom"});
  CHECK(article.out.find("<mark>Harbour</mark>") != std::string::npos);
}
