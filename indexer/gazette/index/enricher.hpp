/// @file
/// @brief Enrichment of a prepared article: named entities and the dates its text mentions.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "gazette/cleanup/boilerplate.hpp"
#include "gazette/core/article.hpp"
#include "gazette/dates/mentions.hpp"
#include "gazette/entities/extractor.hpp"

namespace gazette {

/// What the enricher does; shared read-only by all worker threads.
struct EnrichmentOptions {
  std::shared_ptr<const BoilerplateRules> boilerplate;  ///< null: bodies are indexed as read
  std::shared_ptr<const EntityModel> entities;          ///< null: no entity extraction
  bool mentions = true;                                 ///< find the dates the text mentions
  std::optional<Day> reference_date;  ///< --reference-date: resolves mentions of undated articles
  Day today{};                        ///< without it, undated articles keep only mentions naming a year
};

/// What enrichment found besides what it stores on the Article.
struct Enrichment {
  std::vector<dates::DateMention> mentions;  ///< dates the body mentions
  std::vector<std::size_t> removed;          ///< boilerplate removals per rule (BoilerplateRules::names())
};

/// Enriches articles. Holds an entity Extractor with scratch buffers: one Enricher per thread.
class Enricher {
 public:
  explicit Enricher(const EnrichmentOptions& options);

  /// Removes boilerplate from the body, fills article.entities (most salient first) and finds the dates
  /// the text mentions, resolved against the publication day, else the reference date; for an article
  /// with neither, only those that name their year. Never throws on odd text.
  Enrichment enrich(Article& article);

 private:
  const EnrichmentOptions& options_;
  std::optional<Extractor> extractor_;

  std::vector<dates::DateMention> find_mentions(const Article& article) const;
};

}  // namespace gazette
