/// @file
/// @brief The HTML renderer of the web front ends: search page, article page and error page.
///
/// Pages work without JavaScript (links and a GET form), read well on a phone, and escape every value
/// they write. Facets are drawn generically from Facets::fields, so new fields (entities, ...) need no
/// change here; a hit is drawn by one small function per part (see render_hit in render_html.cpp).
#pragma once

#include <string>
#include <string_view>

#include "gazette/front/article_view.hpp"
#include "gazette/front/cgi_params.hpp"
#include "gazette/search/response.hpp"

namespace gazette {

/// The link to a search page: the query's text, filters, sort and size, at `page` (1-based). Relative
/// ("?q=..."), so it works wherever the program is mounted.
std::string search_href(const SearchRequest& request, std::size_t size, std::size_t page,
                        const WebLimits& limits = {});

/// The search page for a response to `web`: form, hits, facets, date histogram, pagination.
std::string render_search_page(const SearchResponse& response, const WebQuery& web,
                               const WebLimits& limits = {});

/// The article page: headline, byline, the whole text, a way back to the search.
std::string render_article_page(const ArticleView& view, const WebQuery& web, const WebLimits& limits = {});

/// An error page with the status, a message a person can act on, and the search form.
std::string render_error_page(int status, std::string_view message, std::string_view query);

}  // namespace gazette
