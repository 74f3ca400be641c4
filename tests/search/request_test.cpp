/// @file
/// @brief The one filter parser and the request vocabularies.
#include <doctest/doctest.h>

#include "gazette/core/error.hpp"
#include "gazette/search/markup.hpp"
#include "gazette/search/query_builder.hpp"
#include "gazette/search/request.hpp"

using namespace gazette;

TEST_CASE("filters: FIELD=VALUE and FIELD:VALUE, quotes removed, unknown or free-text fields refused") {
  const Filter a = parse_filter("source=Market Wire");
  CHECK(a.field == "source");
  CHECK(a.value == "Market Wire");
  const Filter b = parse_filter("date:1987-02");
  CHECK(b.field == "date");
  CHECK(b.value == "1987-02");
  CHECK(parse_filter("source=\"New York Times\"").value == "New York Times");
  CHECK_THROWS_AS(parse_filter("colour=red"), Error);
  CHECK_THROWS_AS(parse_filter("title=flood"), Error);
  CHECK_THROWS_AS(parse_filter("source="), Error);
  CHECK_THROWS_AS(parse_filter("nosep"), Error);
}

TEST_CASE("a filter and the same value in the query give the same term") {
  EntityNames names;
  CHECK(filter_query(parse_filter("source=Market  Wire"), names).get_description() ==
        "Query(XSRCmarket wire)");
  CHECK(filter_query(parse_filter("lang=EN"), names).get_description() == "Query(Len)");
  CHECK(filter_query(parse_filter("date=1987"), names).get_description() == "Query(Y1987)");
  CHECK(filter_query(parse_filter("mentions=2014-03"), names).get_description() == "Query(XMM201403)");
  CHECK_THROWS_AS(filter_query(parse_filter("mentions=2014..2015"), names), Error);
}

TEST_CASE("entity filters fold aliases to the canonical name") {
  EntityNames names;
  CHECK(filter_query(parse_filter("place=US"), names).get_description() == "Query(XLunited states)");
  CHECK(filter_query(parse_filter("place=U.S."), names).get_description() == "Query(XLunited states)");
  CHECK(filter_query(parse_filter("place=United States"), names).get_description() ==
        "Query(XLunited states)");
  CHECK(filter_query(parse_filter("person=Zelenskiy"), names).get_description() ==
        filter_query(parse_filter("person=Zelensky"), names).get_description());
  CHECK(filter_query(parse_filter("org=the Kremlin"), names).get_description() ==
        filter_query(parse_filter("org=Kremlin"), names).get_description());
  // An unknown name is still a filter, on its canonical form.
  CHECK(filter_query(parse_filter("person=Jane Q. Public"), names).get_description() ==
        "Query(XPjane q. public)");
}

TEST_CASE("durations") {
  CHECK(parse_duration_days("7d", "--since") == 7);
  CHECK(parse_duration_days("2w", "--since") == 14);
  CHECK(parse_duration_days("1y", "--since") == 365);
  CHECK_THROWS_AS(parse_duration_days("7", "--since"), Error);
  CHECK_THROWS_AS(parse_duration_days("-3d", "--since"), Error);
  CHECK_THROWS_AS(parse_duration_days("0d", "--since"), Error);
}

TEST_CASE("sort orders and granularities") {
  CHECK(parse_sort("date") == SortOrder::date);
  CHECK(parse_sort("relevance") == SortOrder::relevance);
  CHECK_THROWS_AS(parse_sort("random"), Error);
  CHECK(parse_granularity("week") == Granularity::week);
  CHECK_THROWS_AS(parse_granularity("decade"), Error);
}

TEST_CASE("HTML escaping and highlight markup") {
  CHECK(escape_html("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  HighlightedText t{"a <b> cocoa & more", {{6, 11}}, true, true};
  CHECK(highlighted_html(t) == "\u2026a &lt;b&gt; <mark>cocoa</mark> &amp; more\u2026");
  CHECK(highlighted_plain(t, "[", "]") == "\u2026a <b> [cocoa] & more\u2026");
}
