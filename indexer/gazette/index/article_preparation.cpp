/// @file
/// @brief prepare_article: derived id, default language, detected date, validation.
#include "gazette/index/article_preparation.hpp"

#include <algorithm>

#include "gazette/dates/publication_date.hpp"

namespace gazette {

namespace {
bool is_blank(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return c <= ' '; });
}
}  // namespace

Preparation prepare_article(Article& article, const PreparationContext& context) {
  Preparation result;
  if (!article.published) {
    const dates::DateContext date_context{context.now, context.reference_date};
    const dates::PublicationDate found =
        dates::detect_publication_date(article, article.raw_date_source, date_context);
    article.published = found.published;
    article.date_source = found.source;
    if (found.problem) result.warnings.push_back(*found.problem);
  }
  if (is_blank(article.title) && is_blank(article.body)) {
    if (article.id.empty() || !article.published) {
      result.rejection = "no text: both headline and body are empty";
      return result;
    }
    result.warnings.push_back("article '" + article.id + "' has no text; indexed by its id and date only");
  }
  if (article.id.empty()) article.id = derive_article_id(article);
  if (article.language.empty()) article.language = context.default_language;
  return result;
}

}  // namespace gazette
