/// @file
/// @brief open_article: the whole body as one "passage" of a search restricted to the article's id.
#include "gazette/front/article_view.hpp"

#include <limits>

namespace gazette {

std::optional<ArticleView> open_article(Searcher& searcher, const SearchRequest& context,
                                        const std::string& id) {
  std::optional<Article> article = searcher.get(id);
  if (!article) return std::nullopt;
  ArticleView view{std::move(*article), {}, {}};
  if (context.query.find_first_not_of(" \t\r\n") == std::string::npos) return view;

  SearchRequest request = context;
  request.filters.push_back(Filter{"id", id});
  request.offset = 0;
  request.limit = 1;
  request.facets = false;
  request.collapse = false;
  request.snippets = true;
  request.snippet_words = std::numeric_limits<std::size_t>::max();
  SearchResponse response = searcher.search(request);
  if (response.hits.empty()) return view;  // opened from a search it does not match: shown unmarked
  view.title = std::move(response.hits.front().title);
  // The passage runs from the first word to the last; widen it to the whole body, spans shifted to match.
  HighlightedText& passage = response.hits.front().snippet;
  const std::size_t at = view.article.body.find(passage.text);
  if (at == std::string::npos) return view;
  view.body.text = view.article.body;
  for (const Span& s : passage.highlights) view.body.highlights.push_back({s.begin + at, s.end + at});
  return view;
}

}  // namespace gazette
