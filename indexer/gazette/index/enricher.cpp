/// @file
/// @brief Enricher: entity extraction and date mentions for one article.
#include "gazette/index/enricher.hpp"

namespace gazette {

namespace {
/// True when the expression itself holds a four-digit year, so it does not depend on the reference day.
bool names_a_year(std::string_view text) {
  std::size_t run = 0;
  for (char c : text) {
    run = (c >= '0' && c <= '9') ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}
}  // namespace

Enricher::Enricher(const EnrichmentOptions& options) : options_(options) {
  if (options.entities) extractor_.emplace(*options.entities);
}

Enrichment Enricher::enrich(Article& article) {
  Enrichment result;
  if (options_.boilerplate) {
    CleanResult cleaned = clean_text(*options_.boilerplate, article.body);
    article.body = std::move(cleaned.text);
    result.removed = std::move(cleaned.removed);
  }
  if (extractor_) {
    article.entities.clear();
    for (Entity& entity : extractor_->extract(article.title, article.body))
      article.entities.push_back({entity.type, std::move(entity.canonical)});
  }
  result.mentions = find_mentions(article);
  return result;
}

std::vector<dates::DateMention> Enricher::find_mentions(const Article& article) const {
  if (!options_.mentions) return {};
  if (article.published)
    return dates::find_date_mentions(article.body, std::chrono::floor<std::chrono::days>(*article.published));
  if (options_.reference_date) return dates::find_date_mentions(article.body, *options_.reference_date);
  // With no date at all only mentions that name their year ("in March 2014") can be resolved.
  std::vector<dates::DateMention> mentions = dates::find_date_mentions(article.body, options_.today);
  std::erase_if(mentions, [](const dates::DateMention& m) { return !names_a_year(m.text); });
  return mentions;
}

}  // namespace gazette
