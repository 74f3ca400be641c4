/// @file
/// @brief The HTML pages: escaping, generic facets with drill-down links, pagination, article page.
#include <doctest/doctest.h>

#include "gazette/front/render_html.hpp"

using namespace gazette;

namespace {

HighlightedText marked(std::string text, std::size_t begin, std::size_t end) {
  return {std::move(text), {{begin, end}}};
}

/// A response as the searcher would return it: two hits, a source and a person facet, a histogram.
SearchResponse sample_response(const WebQuery& web) {
  SearchResponse r;
  r.request = web.request;
  r.total = 25;
  r.total_lower = r.total_upper = 25;
  for (std::size_t i = 0; i < 2; ++i) {
    Hit hit{};
    hit.rank = web.request.offset + i + 1;
    hit.weight = 1.0;
    hit.percent = 90;
    hit.article.id = "a&" + std::to_string(i);
    hit.article.title = "Cocoa <b>prices</b>";
    hit.article.source = "Market \"Wire\"";
    hit.title = marked(hit.article.title, 0, 5);
    hit.snippet = marked("Cocoa rose & fell", 0, 5);
    r.hits.push_back(hit);
  }
  Facets facets;
  facets.dates.granularity = Granularity::month;
  facets.dates.buckets = {{"1987-02", Day{std::chrono::year{1987} / 2 / 1}, 3},
                          {"1987-03", Day{std::chrono::year{1987} / 3 / 1}, 0}};
  facets.fields.push_back({"source", {{"market wire", 20}}});
  facets.fields.push_back({"person", {{"<img onerror=x>", 2}}});
  r.facets = facets;
  return r;
}

}  // namespace

TEST_CASE("search_href encodes the state and leaves defaults out") {
  SearchRequest request;
  request.query = "a&b c";
  request.filters = {{"source", "x y"}};
  CHECK(search_href(request, 10, 1) == "?q=a%26b%20c&f=source%3Ax%20y");
  request.sort = SortOrder::date;
  CHECK(search_href(request, 20, 3) == "?q=a%26b%20c&f=source%3Ax%20y&sort=date&size=20&page=3");
}

TEST_CASE("every value on the search page is escaped") {
  WebQuery web;
  web.request.query = "<script>alert(1)</script>";
  const std::string page = render_search_page(sample_response(web), web);
  CHECK(page.find("<script") == std::string::npos);
  CHECK(page.find("<b>") == std::string::npos);
  CHECK(page.find("<img") == std::string::npos);
  CHECK(page.find("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"") != std::string::npos);
  CHECK(page.find("<mark>Cocoa</mark> &lt;b&gt;prices&lt;/b&gt;") != std::string::npos);
  CHECK(page.find("Market &quot;Wire&quot;") != std::string::npos);
  CHECK(page.find("?id=a%260&amp;q=%3Cscript") != std::string::npos);
}

TEST_CASE("facets are drawn from Facets::fields, whatever the field, with drill-down links") {
  WebQuery web;
  web.request.query = "cocoa";
  const std::string page = render_search_page(sample_response(web), web);
  CHECK(page.find("data-field=\"person\"") != std::string::npos);
  CHECK(page.find("<h3>People</h3>") != std::string::npos);
  CHECK(page.find("href=\"?q=cocoa&amp;f=person%3A%3Cimg%20onerror%3Dx%3E\"") != std::string::npos);
  CHECK(page.find("href=\"?q=cocoa&amp;f=date%3A1987-02\"") != std::string::npos);  // histogram bar
  CHECK(page.find("f=date%3A1987-03") == std::string::npos);                        // empty bars: no link
}

TEST_CASE("an active filter is shown, removable, and its facet value toggles it off") {
  WebQuery web;
  web.request.query = "cocoa";
  web.request.filters = {{"source", "Market Wire"}};
  const std::string page = render_search_page(sample_response(web), web);
  CHECK(page.find("<a class=\"chip\" href=\"?q=cocoa\" title=\"remove this filter\">source: Market Wire "
                  "\u00d7</a>") != std::string::npos);
  CHECK(page.find("<a href=\"?q=cocoa\" class=\"on\"") != std::string::npos);  // canonical values compared
  CHECK(page.find("<input type=\"hidden\" name=\"f\" value=\"source:Market Wire\">") != std::string::npos);
}

TEST_CASE("pagination links the neighbours and stops at the page depth cap") {
  WebQuery web;
  web.page = 2;
  web.size = 10;
  web.request.offset = 10;
  const std::string page = render_search_page(sample_response(web), web);
  CHECK(page.find("<a href=\"?q=\" rel=\"prev\">") != std::string::npos);
  CHECK(page.find("<a href=\"?q=&amp;page=3\" rel=\"next\">") != std::string::npos);
  CHECK(page.find("page=4") == std::string::npos);  // 25 results: 3 pages
  WebLimits shallow;
  shallow.max_offset = 10;
  CHECK(render_search_page(sample_response(web), web, shallow).find("rel=\"next\"") == std::string::npos);
}

TEST_CASE("the article page links only web URLs and escapes the body") {
  ArticleView view;
  view.article.id = "x";
  view.article.title = "T";
  view.article.body = "Body <i>with</i> markup\n\nand paragraphs.";
  view.article.url = "javascript:alert(1)";
  WebQuery web;
  std::string page = render_article_page(view, web);
  CHECK(page.find("href=\"javascript") == std::string::npos);
  CHECK(page.find("Body &lt;i&gt;with&lt;/i&gt; markup") != std::string::npos);
  view.article.url = "https://example.org/a?b=1&c=2";
  page = render_article_page(view, web);
  CHECK(page.find("href=\"https://example.org/a?b=1&amp;c=2\"") != std::string::npos);
}

TEST_CASE("the error page escapes its message") {
  const std::string page = render_error_page(400, "bad '<x>'", "<q>");
  CHECK(page.find("bad &#39;&lt;x&gt;&#39;") != std::string::npos);
  CHECK(page.find("value=\"&lt;q&gt;\"") != std::string::npos);
}
