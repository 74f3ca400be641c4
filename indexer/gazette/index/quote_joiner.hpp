/// @file
/// @brief The quote rule at index time: an article of the run that quotes a report at length
/// (stories/quotes.hpp) and still heads a story of its own joins the story of the article it quotes.
///
/// A post-pass after the run's final commit, so it sees every article of the run whatever their order (the
/// commentary indexed before or after the report it quotes gives one story) and every earlier article.
/// For each recorded article it searches the committed database (or every shard of a sharded archive, as
/// one Xapian::Database) with an OR query of the index terms of its long quotes' content words (the
/// database's own analyzer, so terms match what is indexed), filtered to articles published from
/// quote_window_before days before to quote_window_after days after it (when it has a date; articles of
/// unknown date too) and to other stories; it reads the stored text of the quote_candidates best hits and
/// lets best_quoted_candidate() decide on the exact containment and the facts vetoes. Joins are decided on
/// the database as committed and applied together: a story that several articles point to through one another
/// (A quotes B, B quotes C) ends in the story no joining article heads (C's), and a cycle (A and B quote each
/// other) in the story of its smallest id. Every document carrying a joining story's XCL term moves to the
/// new story, in whichever shard it lives, and one commit per database follows.
///
/// Cost: only qualifying articles pay, one query and at most quote_candidates stored records each.
///
/// Limit: an article indexed in a later run than a commentary quoting it does not pull the commentary in
/// (the pass looks from the quoting article only).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "gazette/stories/quotes.hpp"

namespace gazette {

/// Hits of the candidate query whose stored text is compared.
inline constexpr std::size_t quote_candidates = 5;
/// The publication window searched around a quoting article: a quoted report comes first, and a day after
/// allows for time zones and dates taken from different clocks.
inline constexpr int quote_window_before = 7;
inline constexpr int quote_window_after = 1;

/// Collects the quoting articles of a run, then joins them to the stories they quote.
class QuoteJoiner {
 public:
  /// threshold: the containment at or above which an article joins the story it quotes.
  explicit QuoteJoiner(double threshold = quote_containment_threshold) : threshold_(threshold) {}

  /// Records an article of this run whose long quotes qualify (quotes_qualify()) and that started its own
  /// story. Called from the pipeline's serial stage.
  void add(const std::string& id) { ids_.push_back(id); }
  /// Articles recorded.
  std::size_t recorded() const noexcept { return ids_.size(); }

  /// Runs the pass on the committed database or sharded archive at db. writer: the run's writer of a single
  /// database when it is still open (it holds the lock), else null and db is opened for writing. Returns how
  /// many recorded articles joined the story they quote.
  /// @throws gazette::Error(unavailable) when the database cannot be opened or written.
  std::size_t join(const std::filesystem::path& db, Xapian::WritableDatabase* writer);

 private:
  double threshold_;
  std::vector<std::string> ids_;
};

}  // namespace gazette
