/// @file
/// @brief Near-duplicate fingerprints: MinHash signatures of an article's content words, LSH band terms that
/// find candidate versions by a term lookup, and the decision that picks the story a new version joins.
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
/// LSH: B = 40 bands of R = 3 rows. Two articles share at least one band term with probability
/// 1 - (1 - J^R)^B: 0.04 at J = 0.1, 0.28 at 0.2, 0.66 at 0.3, 0.92 at 0.4, 0.97 at 0.45, 0.99 at 0.5; the
/// S-curve's midpoint (1/B)^(1/R) is 0.29, matched to the default threshold 0.3. Rewrites by other outlets
/// sit at J = 0.45..0.55 (seeds 000/001: 0.455; tests/data/stories rewrite: 0.53), so they are found with
/// probability 0.97 or more, while distinct stories on one topic sit below 0.15 (our two cocoa reports:
/// 0.09). Four rows would centre the curve at 0.42 and miss a third of the rewrites at 0.45; two rows would
/// make unrelated articles (J around 0.03) collide with probability 0.06 instead of 0.001.
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
/// Bytes of an encoded signature (the value-slot form).
inline constexpr std::size_t fingerprint_bytes = minhash_size * 4;
/// Default similarity (estimated Jaccard of content words) at or above which a new article joins a story.
inline constexpr double default_story_threshold = 0.3;

/// A MinHash signature of an article's content words.
struct Fingerprint {
  std::array<std::uint32_t, minhash_size> minhash{};
  friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

/// The content-word features of a text (see the file comment), in order, duplicates included: for tests
/// and measurements. Never throws except std::bad_alloc.
std::vector<std::string> fingerprint_words(std::string_view text);

/// The fingerprint of a cleaned article body (headline excluded); nullopt when it has fewer than
/// min_fingerprint_words distinct content words. Pure and thread-safe; never throws except std::bad_alloc.
std::optional<Fingerprint> fingerprint(std::string_view body);

/// Estimated Jaccard similarity of the two articles' content words: the fraction of equal MinHash values.
double estimate_similarity(const Fingerprint& a, const Fingerprint& b) noexcept;

/// The B band terms of a fingerprint: "XB" + two-digit band number + 12 hex digits of the band's hash
/// ("XB07a1b2c3d4e5f6", 16 bytes). Articles sharing a band term are candidate versions of one story.
/// Never throws except std::bad_alloc.
std::vector<std::string> band_terms(const Fingerprint& fp);

/// The signature as fingerprint_bytes bytes (K little-endian 32-bit values), for a value slot.
std::string encode_fingerprint(const Fingerprint& fp);
/// The signature stored by encode_fingerprint; nullopt when `bytes` has the wrong size. Never throws.
std::optional<Fingerprint> decode_fingerprint(std::string_view bytes) noexcept;

/// The candidate a new article matches best.
struct StoryMatch {
  std::size_t index;  ///< position in the candidate list
  double similarity;  ///< estimated Jaccard similarity
};

/// Decides which story a new article joins. Candidates are the first articles of the stories the caller
/// found through the new article's band terms (compare with each story's first version, not with any member,
/// so stories cannot drift by chaining). Returns the candidate with the highest estimated similarity if it
/// is at least `threshold`; ties go to the earlier candidate (callers list older stories first). nullopt:
/// the article starts its own story. Never throws.
std::optional<StoryMatch> best_story_match(const Fingerprint& fp, std::span<const Fingerprint> candidates,
                                           double threshold = default_story_threshold) noexcept;

}  // namespace gazette
