/// @file
/// @brief MinHash over content words with xxHash, LSH band terms, signature encoding and the story decision.
#include "gazette/stories/fingerprint.hpp"

#include <xxhash.h>

#include <algorithm>
#include <string_view>

#include "gazette/schema/schema.hpp"

namespace gazette {
namespace {

// English function words: they carry no story and would make every article look alike. Sorted, for
// binary search.
constexpr std::array<std::string_view, 124> stopwords{
    "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did",
    "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
    "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "if", "in", "into", "is",
    "it", "its", "itself", "just", "may", "me", "might", "more", "most", "must", "my", "no", "nor", "not",
    "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "said",
    "same", "say", "says", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very",
    "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
    "would", "you", "your"};

constexpr bool sorted_stopwords() {
  for (std::size_t i = 1; i < stopwords.size(); ++i)
    if (!(stopwords[i - 1] < stopwords[i])) return false;
  return true;
}
static_assert(sorted_stopwords());

bool is_stopword(std::string_view word) noexcept {
  return std::binary_search(stopwords.begin(), stopwords.end(), word);
}

// splitmix64: the fixed coefficients of the K hash functions (a_i odd).
constexpr std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

struct Coefficients {
  std::array<std::uint64_t, minhash_size> a{}, b{};
};

constexpr Coefficients make_coefficients() {
  Coefficients c;
  std::uint64_t state = 0x67617a6574746531ull;  // "gazette1": changing it changes every stored band term
  for (std::size_t i = 0; i < minhash_size; ++i) {
    c.a[i] = splitmix64(state) | 1u;
    c.b[i] = splitmix64(state);
  }
  return c;
}
constexpr Coefficients coefficients = make_coefficients();

// Length of the UTF-8 sequence starting with byte b (1 for stray continuation bytes).
std::size_t sequence_length(unsigned char b) noexcept {
  if (b >= 0xF0) return 4;
  if (b >= 0xE0) return 3;
  if (b >= 0xC0) return 2;
  return 1;
}

// True for a non-ASCII character that separates words: Latin-1 punctuation and symbols (U+0080..U+00BF,
// × and ÷), General Punctuation (U+2000..U+206F: dashes, curly quotes, ellipsis) and CJK punctuation.
bool is_separator(std::string_view seq) noexcept {
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(seq[i]); };
  if (seq.size() == 2) return b(0) == 0xC2 || (b(0) == 0xC3 && (b(1) == 0x97 || b(1) == 0xB7));
  if (seq.size() == 3) return (b(0) == 0xE2 && (b(1) == 0x80 || b(1) == 0x81)) || (b(0) == 0xE3 && b(1) == 0x80);
  return false;
}

// Harman's S-stemmer (1991): "ies" -> "y", "es" -> "e", "s" -> "" with the usual exceptions.
void s_stem(std::string& w) {
  const std::size_t n = w.size();
  if (n > 3 && w.ends_with("ies") && !w.ends_with("eies") && !w.ends_with("aies")) {
    w.replace(n - 3, 3, "y");
  } else if (n > 3 && w.ends_with("es") && !w.ends_with("aes") && !w.ends_with("ees") && !w.ends_with("oes")) {
    w.pop_back();
  } else if (n > 2 && w.back() == 's' && !w.ends_with("us") && !w.ends_with("ss")) {
    w.pop_back();
  }
}

// Calls emit(word) for each content word of text (see the header).
template <class Emit>
void for_each_word(std::string_view text, Emit&& emit) {
  std::string word;
  const auto flush = [&] {
    if (word.size() > 1 && !is_stopword(word)) {
      if (std::any_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; })) s_stem(word);
      emit(std::string_view(word));
    }
    word.clear();
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        word += char(c);
      else if (c >= 'A' && c <= 'Z')
        word += char(c + 32);
      else
        flush();
      ++i;
      continue;
    }
    const std::string_view seq = text.substr(i, sequence_length(c));
    i += seq.size();
    if (is_separator(seq)) {
      flush();
    } else if (seq.size() == 2 && c == 0xC3 && static_cast<unsigned char>(seq[1]) < 0x9F) {
      word += char(c);  // Latin-1 capitals À..Þ fold to à..þ
      word += char(seq[1] + 0x20);
    } else {
      word += seq;
    }
  }
  flush();
}

constexpr char hex_digits[] = "0123456789abcdef";

}  // namespace

std::vector<std::string> fingerprint_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

std::optional<Fingerprint> fingerprint(std::string_view body) {
  std::vector<std::uint64_t> hashes;
  hashes.reserve(body.size() / 6);
  for_each_word(body, [&](std::string_view w) { hashes.push_back(XXH3_64bits(w.data(), w.size())); });
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  if (hashes.size() < min_fingerprint_words) return std::nullopt;
  Fingerprint fp;
  fp.minhash.fill(UINT32_MAX);
  for (const std::uint64_t h : hashes)
    for (std::size_t i = 0; i < minhash_size; ++i)
      fp.minhash[i] = std::min(fp.minhash[i], std::uint32_t((coefficients.a[i] * h + coefficients.b[i]) >> 32));
  return fp;
}

double estimate_similarity(const Fingerprint& a, const Fingerprint& b) noexcept {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < minhash_size; ++i) equal += a.minhash[i] == b.minhash[i] ? 1 : 0;
  return double(equal) / double(minhash_size);
}

std::vector<std::string> band_terms(const Fingerprint& fp) {
  std::vector<std::string> terms;
  terms.reserve(lsh_bands);
  const std::string encoded = encode_fingerprint(fp);
  for (std::size_t band = 0; band < lsh_bands; ++band) {
    const std::uint64_t h = XXH3_64bits(encoded.data() + band * lsh_rows * 4, lsh_rows * 4);
    std::string term(schema::prefix::lsh_band);
    term += char('0' + band / 10);
    term += char('0' + band % 10);
    for (int shift = 60; shift >= 16; shift -= 4) term += hex_digits[(h >> shift) & 0xF];
    terms.push_back(std::move(term));
  }
  return terms;
}

std::string encode_fingerprint(const Fingerprint& fp) {
  std::string out(fingerprint_bytes, '\0');
  for (std::size_t i = 0; i < minhash_size; ++i)
    for (std::size_t k = 0; k < 4; ++k) out[i * 4 + k] = char((fp.minhash[i] >> (8 * k)) & 0xFF);
  return out;
}

std::optional<Fingerprint> decode_fingerprint(std::string_view bytes) noexcept {
  if (bytes.size() != fingerprint_bytes) return std::nullopt;
  Fingerprint fp;
  for (std::size_t i = 0; i < minhash_size; ++i) {
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v |= std::uint32_t(static_cast<unsigned char>(bytes[i * 4 + k])) << (8 * k);
    fp.minhash[i] = v;
  }
  return fp;
}

std::optional<StoryMatch> best_story_match(const Fingerprint& fp, std::span<const Fingerprint> candidates,
                                           double threshold) noexcept {
  std::optional<StoryMatch> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const double similarity = estimate_similarity(fp, candidates[i]);
    if (similarity >= threshold && (!best || similarity > best->similarity)) best = StoryMatch{i, similarity};
  }
  return best;
}

}  // namespace gazette
