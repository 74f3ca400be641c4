/// @file
/// @brief Near-duplicate fingerprints: MinHash signatures of an article's content words, LSH band keys that
/// find candidate versions by a bucket lookup, and the decision that picks the story a new version joins.
///
/// Features. Rewrites of one wire story by different outlets keep the facts and the vocabulary but not the
/// phrasing, so word shingles miss them: on the three seed versions (boilerplate removed) the exact Jaccard
/// of word 5-shingles is 0.070 / 0.011 / 0.008, of 2-shingles 0.226 / 0.072 / 0.060, while the set of
/// content words (lower case, stopwords removed, S-stemmed) gives 0.49 / 0.19 / 0.18. The features are
/// therefore content words: tokens of letters and digits, ASCII case-folded, English stopwords and one-letter
/// tokens dropped, plurals and possessives reduced by Harman's S-stemmer.
///
/// Signature: K = 120 MinHash values of 32 bits (480 bytes), one per hash function h_i(x) = high 32 bits of
/// (a_i * XXH3(x) + b_i) mod 2^64 with fixed odd a_i. P[min_i(A) = min_i(B)] = J(A, B), so the fraction of
/// equal values estimates the Jaccard index with standard error sqrt(J(1-J)/K) (0.042 at J = 0.3).
///
/// LSH: B = 40 bands of R = 3 rows. Two articles share at least one band key with probability
/// 1 - (1 - J^R)^B: 0.04 at J = 0.1, 0.28 at 0.2, 0.66 at 0.3, 0.92 at 0.4, 0.97 at 0.45, 0.99 at 0.5; the
/// S-curve's midpoint (1/B)^(1/R) is 0.29, matched to the default threshold 0.3. Rewrites by other outlets
/// sit at J = 0.45..0.55 (seeds 000/001: 0.455; tests/data/stories rewrite: 0.53), so they are found with
/// probability 0.97 or more, while distinct stories on one topic sit below 0.15 (our two cocoa reports:
/// 0.09). Four rows would centre the curve at 0.42 and miss a third of the rewrites at 0.45; two rows would
/// make unrelated articles (J around 0.03) collide with probability 0.06 instead of 0.001.
///
/// Vetoes. Content words alone put different stories told with one vocabulary together (earnings reports of
/// different companies, one market report for another week). Two facts of a story tell them apart, so a
/// sketch of each article's names and numbers rides with the signature and vetoes a match when
///  - numbers disagree: both articles have at least min_veto_numbers distinct numbers and share less than
///    numbers_overlap_veto (50%) of the smaller set ("38,000 tonnes ... January 11" vs another week), or
///  - names differ: both articles have names and share less than names_overlap_veto (30%) of the smaller
///    set (another country's officials, another company).
/// The seed rewrites 000/001 share 93% of names and 100% of numbers, our cocoa and earnings rewrites 100%;
/// our two earnings reports on one template (MinHash estimate 0.5) share no number. On Reuters-21578
/// (bench/cluster_report, 30 sampled clusters, seed 5, bucket cap 100) the vetoes take the members right by
/// the bench's rule A from 45% (20/44) to 77% (39/51) and the clusters of two or more from 2,193 to 1,781.
///
/// Seed 002 (a commentary quoting the wire report) is not found by this fingerprint: against seed 000 it has
/// content-word Jaccard 0.18, overlap of the smaller set 0.34, names overlap 0.48 and no numbers, while our
/// Treasury story of the same week (tests/data/stories/sanctions_us_energy_license.txt) has 0.16, 0.39 and
/// 0.72 with no number disagreeing. What tells them apart is what it quotes: the quote rule
/// (gazette/stories/quotes.hpp, applied after a run by the indexer) joins it to the report's story.
///
/// Names are tokens starting with a capital letter that do not start a sentence (all-capital acronyms of two
/// or more letters count anywhere), folded like content words; numbers are digit runs joined by single
/// '.' or ',' ("155,221", "5.93"). Each sketch keeps the exact count of distinct values and the
/// sketch_size smallest 32-bit hashes (a bottom-k sketch): the overlap is exact when both sets fit and
/// otherwise estimated from the Jaccard index of the sketches' union (standard error about 0.08 at k = 32).
///
/// Candidate cost. A band key shared by very many articles (a market-report template, a stock table) says
/// nothing about the story and would make every new version compare with all of them. Callers treat a
/// bucket already holding max_band_bucket stories as a stop key: they neither read nor extend it, so a new
/// article looks at no more than lsh_bands * max_band_bucket earlier stories whatever the archive's size.
///
/// Where buckets live. Band keys were once boolean terms of each document: 40 extra postings an article,
/// most of them the only posting of their term, made Xapian's work 0.97G instructions of 2,000 Reuters
/// articles (+22% of all indexing). Buckets are now user metadata of the database that holds the
/// archive's data (gazette/stories/lsh_bucket.hpp), written in key order before each commit: 0.08G.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// MinHash values per signature (K).
inline constexpr std::size_t minhash_size = 120;
/// LSH bands (B) and rows per band (R); B * R == K.
inline constexpr std::size_t lsh_bands = 40;
inline constexpr std::size_t lsh_rows = 3;
static_assert(lsh_bands * lsh_rows == minhash_size);
/// Bodies with fewer distinct content words get no fingerprint (too little text to tell stories apart).
inline constexpr std::size_t min_fingerprint_words = 12;
/// Default similarity (estimated Jaccard of content words) at or above which a new article joins a story.
inline constexpr double default_story_threshold = 0.3;
/// Hashes kept per names or numbers sketch (k of the bottom-k sketch).
inline constexpr std::size_t sketch_size = 32;
/// Numbers veto: applies when both articles have at least this many distinct numbers...
inline constexpr std::size_t min_veto_numbers = 2;
/// ...and they share less than this fraction of the smaller set.
inline constexpr double numbers_overlap_veto = 0.5;
/// Names veto: both articles have names and share less than this fraction of the smaller set.
inline constexpr double names_overlap_veto = 0.3;
/// Buckets holding this many stories are stop keys: callers neither read nor extend them.
inline constexpr std::size_t max_band_bucket = 100;
/// Bits of a band key: at 40 bands of a million articles, about three chance collisions in all.
inline constexpr unsigned band_key_bits = 48;
/// The band keys of one fingerprint, by band.
using BandKeys = std::array<std::uint64_t, lsh_bands>;
/// Layout version, the first byte of an encoded fingerprint.
inline constexpr std::uint8_t fingerprint_version = 3;
/// Largest encoded fingerprint (749 bytes): version, word count, K values, two sketches of a count and k
/// hashes.
inline constexpr std::size_t max_fingerprint_bytes = 1 + 4 + minhash_size * 4 + 2 * (4 + sketch_size * 4);

/// Articles with fewer distinct content words than this are short: a few shared topic words already make
/// them look alike (two short harbour stories of one town estimate 0.37 where rewrites reach 0.8), so
/// joining a story needs short_article_threshold.
inline constexpr std::uint32_t short_article_words = 60;
inline constexpr double short_article_threshold = 0.5;

/// A bottom-k sketch of a set of strings: how many distinct values, and the smallest of their 32-bit hashes.
struct Sketch {
  std::uint32_t count = 0;            ///< distinct values in the set
  std::vector<std::uint32_t> hashes;  ///< the min(count, sketch_size) smallest hashes, ascending
  friend bool operator==(const Sketch&, const Sketch&) = default;
};

/// A MinHash signature of an article's content words with the sketches of its names and numbers.
struct Fingerprint {
  std::uint32_t words = 0;  ///< distinct content words
  std::array<std::uint32_t, minhash_size> minhash{};
  Sketch names;
  Sketch numbers;
  friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

/// The content-word features of a text (see the file comment), in order, duplicates included: for tests
/// and measurements. Never throws except std::bad_alloc.
std::vector<std::string> fingerprint_words(std::string_view text);

/// The names of a text (see the file comment), folded like content words, in order, duplicates included.
/// Never throws except std::bad_alloc.
std::vector<std::string> fingerprint_names(std::string_view text);

/// The numbers of a text as written ("155,221"), in order, duplicates included. Never throws except
/// std::bad_alloc.
std::vector<std::string> fingerprint_numbers(std::string_view text);

/// The fingerprint of a cleaned article body (headline excluded); nullopt when it has fewer than
/// min_fingerprint_words distinct content words. Pure and thread-safe; never throws except std::bad_alloc.
std::optional<Fingerprint> fingerprint(std::string_view body);

/// Estimated Jaccard similarity of the two articles' content words: the fraction of equal MinHash values.
double estimate_similarity(const Fingerprint& a, const Fingerprint& b) noexcept;

/// Estimated |A n B| / min(|A|, |B|) of two sketched sets: exact when both fit in their sketch; 0 when
/// either is empty. Never throws.
double sketch_overlap(const Sketch& a, const Sketch& b) noexcept;

/// True when the names or numbers of the two articles say they are different stories (see the file comment).
bool facts_disagree(const Fingerprint& a, const Fingerprint& b) noexcept;

/// The B band keys of a fingerprint: band_key_bits of a hash of the band's rows, seeded with the band
/// number. Articles sharing a band key are candidate versions of one story. Never throws.
BandKeys band_keys(const Fingerprint& fp) noexcept;

/// The fingerprint as at most max_fingerprint_bytes bytes, for a value slot: fingerprint_version, the K
/// MinHash values, then for names and numbers the count followed by min(count, sketch_size) hashes, all
/// little-endian 32-bit. Never throws except std::bad_alloc.
std::string encode_fingerprint(const Fingerprint& fp);
/// The fingerprint stored by encode_fingerprint; nullopt for another version, a wrong size or an unsorted
/// or oversized sketch. Never throws except std::bad_alloc.
std::optional<Fingerprint> decode_fingerprint(std::string_view bytes);

/// The candidate a new article matches best.
struct StoryMatch {
  std::size_t index;  ///< position in the candidate list
  double similarity;  ///< estimated Jaccard similarity
};

/// Decides which story a new article joins. Candidates are the first articles of the stories the caller
/// found through the new article's band keys other than stop keys (compare with each story's first version,
/// not with any member, so stories cannot drift by chaining). Returns the candidate with the highest
/// estimated similarity if it is at least `threshold` and facts_disagree does not veto it; ties go to the
/// earlier candidate (callers list older stories first). nullopt: the article starts its own story. Never
/// throws.
std::optional<StoryMatch> best_story_match(const Fingerprint& fp, std::span<const Fingerprint> candidates,
                                           double threshold = default_story_threshold) noexcept;
/// The same over fingerprints held elsewhere (an indexer's stories), without copying them.
std::optional<StoryMatch> best_story_match(const Fingerprint& fp,
                                           std::span<const Fingerprint* const> candidates,
                                           double threshold = default_story_threshold) noexcept;

}  // namespace gazette
