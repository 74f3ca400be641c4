/// @file
/// @brief Long quotations: the passages of an article between double quotes, their content words, and how
/// much of them another article contains. An article that quotes a report at length joins the report's
/// story (indexer/gazette/index/quote_joiner.hpp applies the rule).
///
/// Why. A commentary that quotes a wire report (seed 002: "...," according to the report; "Reuters
/// continues") is too different from the report as a whole for the fingerprint: its content-word Jaccard
/// with seed 000 is 0.18, while our own different story of the same week
/// (tests/data/stories/sanctions_us_energy_license.txt) reaches 0.16 (fingerprint.hpp). Its quotes are what
/// tell them apart: quoted wire copy reproduces the report's wording. The distinct content words (the
/// folding of fingerprint_words(): lower case, stopwords dropped, S-stemmed) of 002's long quotes are 70
/// words; the fraction of them found among the content words of seed 000 is 0.63, of seed 001 0.53, of
/// sanctions_us_energy_license.txt 0.26, of sanctions_eu_renewal.txt 0.23, and of every other file of
/// tests/data/stories below 0.03 (cleaned bodies, as the indexer stores them; tests/stories/quotes_test.cpp
/// checks these figures).
///
/// Passages. Double quotes are the straight '"' and the curly U+201C / U+201D. Within a paragraph (text up
/// to a blank line) an opening mark starts a passage and the next closing mark ends it; a straight mark
/// opens only after a character that is not an ASCII letter or digit and closes only before one, so an
/// inch mark (12" pipe) is neither; a stray closing mark is ignored and a second opening mark restarts the
/// passage (the first was never closed). English continues a quote over paragraphs by leaving it open at the
/// paragraph's end and opening the next paragraph with a mark: a passage open at a blank line continues
/// when the next paragraph starts with an opening mark, and is dropped otherwise (an unbalanced mark never
/// swallows the rest of the article). A passage open at the end of the text is dropped.
///
/// Long quotes. Only passages of at least min_quote_bytes bytes count: shorter ones are scare quotes and
/// titles ("options papers", "below zero", "at some point" in the seeds) whose words any article on the
/// topic uses. On Reuters-21578 a third of the 12,259 passages between straight quotes are shorter than
/// 60 bytes, with a median of 4 words; the longer ones have a median of 20 words, a quoted sentence.
///
/// Attribution. Quotes of people are everywhere in news, and follow-ups quote the same official in the same
/// words: on Reuters-21578 (bench/cluster_report) counting every long quote qualifies 1,385 articles and
/// joins 44, of which the report's rule A counts 25 wrong (Baker's remarks of one week put together, a
/// Treasury official's Philippine debt quote joined to the bankers' view of the talks). The rule is for an
/// article quoting a report, so only passages attributed to one count: their paragraph, outside the
/// passage, or the paragraph before when the passage opens its own ("Reuters continues. And more:" then a
/// block quote), holds one of
///  - "according to" followed within four words by a report noun (report, article, dispatch, wire, story)
///    or a source (those nouns, agency, newspaper, Reuters, AP, AFP, Bloomberg, CNN, BBC);
///  - a source directly followed by said, says, reports, reported, continues, continued, writes, wrote,
///    adds or added ("Reuters continues", "the report said");
///  - said, says, wrote or writes, then "in" and within four words a report noun ("CNN said in the Monday
///    report").
/// All four long quotes of seed 002 are attributed so; on Reuters-21578 26 articles qualify and none joins a
/// story.
///
/// The rule's constants (measured with bench/cluster_report, which applies the same rule in memory):
///  - min_quoted_words = 20 distinct content words in long quotes for an article to qualify: one quoted
///    sentence is not enough evidence (its words are common in a topic's coverage), three are (002 has 70).
///  - quote_containment_threshold = 0.5: seed 002 reaches 0.63 and 0.53 with the two versions of the report
///    it quotes, different stories of the same topic at most 0.26.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/stories/fingerprint.hpp"

namespace gazette {

/// Shortest passage between double quotes (in bytes, marks excluded) that counts as a long quote.
inline constexpr std::size_t min_quote_bytes = 60;
/// Distinct content words an article's long quotes need for the article to qualify for the quote rule.
inline constexpr std::size_t min_quoted_words = 20;
/// Fraction of an article's quoted content words another article must contain for the first to join its
/// story.
inline constexpr double quote_containment_threshold = 0.5;

/// The passages of text between double quotes (see the file comment), marks excluded, in order, at least
/// min_bytes long: views into text (a passage over several paragraphs includes their breaks and the
/// continuation marks). Never throws except std::bad_alloc.
std::vector<std::string_view> quoted_passages(std::string_view text, std::size_t min_bytes = min_quote_bytes);

/// True when a passage of text (a view into it, from quoted_passages()) is attributed to a report: its
/// paragraph, outside the passage, or the paragraph before when the passage opens its own, holds an
/// attribution phrase (see the file comment). Never throws except std::bad_alloc.
bool attributed_to_report(std::string_view text, std::string_view passage);

/// The long quotes of text attributed to a report, in order. Never throws except std::bad_alloc.
std::vector<std::string_view> report_quotes(std::string_view text);

/// The distinct content words of text (fingerprint_words()), sorted. Never throws except std::bad_alloc.
std::vector<std::string> content_word_set(std::string_view text);

/// The distinct content words of the long quotes of text attributed to a report (report_quotes()), sorted.
/// Never throws except std::bad_alloc.
std::vector<std::string> quoted_words(std::string_view text);

/// Whether an article with these quoted words (quoted_words()) qualifies for the quote rule.
inline bool quotes_qualify(std::span<const std::string> quoted) noexcept {
  return quoted.size() >= min_quoted_words;
}

/// |words n in| / |words| for two sorted sets of distinct words (content_word_set(), quoted_words()); 0 when
/// words is empty. Never throws.
double containment(std::span<const std::string> words, std::span<const std::string> in) noexcept;

/// An article a quoting article may join: its content words (content_word_set()) and its fingerprint.
struct QuoteCandidate {
  std::vector<std::string> words;
  std::optional<Fingerprint> fingerprint;
};

/// The candidate a quoting article joins.
struct QuoteMatch {
  std::size_t index;   ///< position in the candidate list
  double containment;  ///< of the quoted words in the candidate's content words
};

/// The candidate that contains the largest fraction of the quoted words (quoted_words() of an article
/// that qualifies), if it is at least `threshold` and facts_disagree() does not veto the two articles'
/// fingerprints (either missing: no veto); ties go to the earlier candidate. Never throws.
std::optional<QuoteMatch> best_quoted_candidate(std::span<const std::string> quoted,
                                                const std::optional<Fingerprint>& fingerprint,
                                                std::span<const QuoteCandidate> candidates,
                                                double threshold = quote_containment_threshold) noexcept;

/// Where joins end when several are decided at once. quotes maps the story of each quoting article that
/// found a match to the story it quotes; the result maps each story that moves to its final story:
/// following the quoted stories to one that does not join itself (A quotes B, B quotes C: both end in C),
/// or, in a cycle (A and B quote each other), to the cycle's smallest id. Stories that end where they start
/// are left out. Never throws except std::bad_alloc.
std::map<std::string, std::string> resolve_quote_joins(const std::map<std::string, std::string>& quotes);

}  // namespace gazette
