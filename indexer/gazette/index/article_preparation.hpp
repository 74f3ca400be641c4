/// @file
/// @brief Makes a read Article ready for indexing: id, language, date, and the checks that reject it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "gazette/core/article.hpp"

namespace gazette {

/// Settings for preparing articles (constant during a run, shared by all threads).
struct PreparationContext {
  std::string default_language;
  Instant now;                        ///< the run's start: dates after it are implausible
  std::optional<Day> reference_date;  ///< --reference-date, for datelines without a year
};

/// The outcome of preparing one article.
struct Preparation {
  std::optional<std::string> rejection;  ///< why the article cannot be indexed, if it cannot
  std::vector<std::string> warnings;     ///< problems worth a log line that do not stop indexing
};

/// Fills the derived fields of an article in place: id, language, publication date (detected from the
/// date field, header, URL or dateline when the reader found none). An article with no text is rejected
/// unless the input gave it both an id and a date (an empty item of a wire archive, kept so the archive
/// is complete). Never throws on odd text.
Preparation prepare_article(Article& article, const PreparationContext& context);

}  // namespace gazette
