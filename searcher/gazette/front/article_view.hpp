/// @file
/// @brief One whole article with the words of the search it was opened from marked (REPL :open, web id=).
#pragma once

#include <optional>
#include <string>

#include "gazette/search/request.hpp"
#include "gazette/search/response.hpp"
#include "gazette/search/searcher.hpp"

namespace gazette {

/// An article to show in full; title and body carry the highlights (empty text: nothing to mark).
struct ArticleView {
  Article article;  ///< with its body
  HighlightedText title, body;
};

/// The article with this id, its words marked as `context` (the search it was opened from) matches them;
/// nullopt when no article has the id. Goes through Searcher::search (the id as a filter, the whole body as
/// the passage) and Searcher::get. @throws gazette::Error as Searcher::search and Searcher::get do.
std::optional<ArticleView> open_article(Searcher& searcher, const SearchRequest& context,
                                        const std::string& id);

}  // namespace gazette
