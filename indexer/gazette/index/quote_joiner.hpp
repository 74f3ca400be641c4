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
/// Later runs. Every qualifying article carries the schema::quotes_term marker, so a report indexed in a
/// later run than the commentary quoting it is found too: the pass also checks the earlier articles with
/// the marker that still head their own story and were published from quote_window_after days before this
/// run's first article to quote_window_before days after its last (every one when an article of the run
/// has no date; those of unknown date always).
///
/// Cost: the workers check every article's quotes (5.5 us per article on Reuters-21578,
/// bench/cluster_report); the pass costs qualifying articles only, one query and at most quote_candidates
/// stored records each (on Reuters-21578: 26 articles, 0.09 s of a 25 s run).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "gazette/core/article.hpp"
#include "gazette/core/time.hpp"
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

  /// Records an article written by this run; `check` when its long quotes qualify (quotes_qualify()) and
  /// it started its own story. Called from the pipeline's serial stage.
  void note(const Article& article, bool check);

  /// What the pass did.
  struct Result {
    std::size_t checked = 0;  ///< quoting articles that head their own story: this run's and earlier ones
    std::size_t joined = 0;   ///< of those, articles that joined the story they quote
  };

  /// Runs the pass on the committed database or sharded archive at db. writer: the run's writer of a single
  /// database when it is still open (it holds the lock), else null and db is opened for writing.
  /// @throws gazette::Error(unavailable) when the database cannot be opened or written.
  Result join(const std::filesystem::path& db, Xapian::WritableDatabase* writer);

 private:
  double threshold_;
  std::vector<std::string> ids_;  // this run's quoting articles
  std::optional<Day> first_day_, last_day_;
  bool written_ = false;  // the run wrote an article
  bool undated_ = false;  // one of them has no date
};

}  // namespace gazette
