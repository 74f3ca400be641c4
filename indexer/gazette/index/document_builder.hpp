/// @file
/// @brief Turns one prepared Article into the Xapian document the schema describes.
#pragma once

#include <string>

#include <xapian.h>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/core/article.hpp"
#include "gazette/dates/mentions.hpp"
#include "gazette/index/query_aids.hpp"
#include "gazette/store/record.hpp"
#include "gazette/stories/fingerprint.hpp"

namespace gazette {

/// Records the story an article belongs to: the collapse slot and the XCL filter term.
void set_story(Xapian::Document& document, const std::string& story);

/// Builds documents. Holds an Analyzer and a RecordCodec: not thread-safe, one per worker thread.
class DocumentBuilder {
 public:
  explicit DocumentBuilder(const AnalyzerSettings& settings);

  /// The document for an article whose id is set: words with positions (headline also under S and with
  /// a higher wdf), boolean filter terms (dates, source, entities, mentioned dates), value slots
  /// and the stored record as data. The story is set later by set_story().
  Xapian::Document build(const Article& article, const std::vector<dates::DateMention>& mentions = {},
                         const std::optional<Fingerprint>& fingerprint = std::nullopt);

  /// The words of every article built so far, for the spelling dictionary.
  const SpellingCounts& spellings() const noexcept { return spellings_; }

 private:
  /// Adds the words of text from first_position on; returns the position after the last word.
  Xapian::termpos add_text(Xapian::Document& doc, std::string_view text, Xapian::termpos first_position,
                           bool is_title);

  Analyzer analyzer_;
  RecordCodec codec_;
  std::vector<Token> tokens_;  // reused between articles
  SpellingCounts spellings_;
};

}  // namespace gazette
