/// @file
/// @brief MinHash over content words with xxHash, names and numbers sketches, LSH band terms, the encoding
/// and the story decision.
#include "gazette/stories/fingerprint.hpp"

#include <xxhash.h>

#include <algorithm>
#include <string_view>

namespace gazette {
namespace {

// English function words: they carry no story and would make every article look alike. Sorted, for
// binary search.
constexpr std::array<std::string_view, 124> stopwords{
    "about",   "above",   "after", "again", "against", "all",     "also",    "am",      "an",    "and",
    "any",     "are",     "as",    "at",    "be",      "because", "been",    "before",  "being", "below",
    "between", "both",    "but",   "by",    "can",     "could",   "did",     "do",      "does",  "doing",
    "down",    "during",  "each",  "few",   "for",     "from",    "further", "had",     "has",   "have",
    "having",  "he",      "her",   "here",  "hers",    "herself", "him",     "himself", "his",   "how",
    "if",      "in",      "into",  "is",    "it",      "its",     "itself",  "just",    "may",   "me",
    "might",   "more",    "most",  "must",  "my",      "no",      "nor",     "not",     "now",   "of",
    "off",     "on",      "once",  "only",  "or",      "other",   "our",     "ours",    "out",   "over",
    "own",     "said",    "same",  "say",   "says",    "she",     "should",  "so",      "some",  "such",
    "than",    "that",    "the",   "their", "them",    "then",    "there",   "these",   "they",  "this",
    "those",   "through", "to",    "too",   "under",   "until",   "up",      "very",    "was",   "we",
    "were",    "what",    "when",  "where", "which",   "while",   "who",     "whom",    "why",   "will",
    "with",    "would",   "you",   "your"};

constexpr bool sorted_stopwords() {
  for (std::size_t i = 1; i < stopwords.size(); ++i)
    if (!(stopwords[i - 1] < stopwords[i])) return false;
  return true;
}
static_assert(sorted_stopwords());

// A word of up to 8 bytes as a number that orders like the word (big-endian, zero-padded).
constexpr std::uint64_t packed_word(std::string_view word) noexcept {
  std::uint64_t packed = 0;
  for (std::size_t i = 0; i < 8; ++i)
    packed = packed << 8 | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0u);
  return packed;
}

constexpr std::array<std::uint64_t, stopwords.size()> packed_stopwords = [] {
  std::array<std::uint64_t, stopwords.size()> packed{};
  for (std::size_t i = 0; i < stopwords.size(); ++i) packed[i] = packed_word(stopwords[i]);
  return packed;
}();
static_assert(std::all_of(stopwords.begin(), stopwords.end(),
                          [](std::string_view w) { return w.size() <= 8; }));

// Integer comparisons instead of string comparisons: this runs for every token of every article.
bool is_stopword(std::string_view word) noexcept {
  return word.size() <= 8 &&
         std::binary_search(packed_stopwords.begin(), packed_stopwords.end(), packed_word(word));
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

// K MinHash values of n word hashes: minhash[i] = min over h of the high half of a_i * h + b_i. Eight
// functions at a time in vector lanes, compiled for AVX-512 (64-bit lane multiplies), AVX2 and the baseline,
// picked at load time; every version computes the same values.
using Lanes = std::uint64_t __attribute__((vector_size(64)));
constexpr std::size_t lane_count = sizeof(Lanes) / sizeof(std::uint64_t);
static_assert(minhash_size % lane_count == 0);

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define GAZETTE_VECTOR_CLONES [[gnu::target_clones("arch=x86-64-v4", "avx2", "default")]]
#else
#define GAZETTE_VECTOR_CLONES
#endif

GAZETTE_VECTOR_CLONES void fold_minhash(const std::uint64_t* hashes, std::size_t n, std::uint32_t* minhash) {
  for (std::size_t base = 0; base < minhash_size; base += lane_count) {
    Lanes a, b, low;
    for (std::size_t l = 0; l < lane_count; ++l) {
      a[l] = coefficients.a[base + l];
      b[l] = coefficients.b[base + l];
      low[l] = UINT32_MAX;
    }
    for (std::size_t w = 0; w < n; ++w) {
      const Lanes value = (a * hashes[w] + b) >> 32;
      low = value < low ? value : low;
    }
    for (std::size_t l = 0; l < lane_count; ++l) minhash[base + l] = std::uint32_t(low[l]);
  }
}

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
  if (seq.size() == 3)
    return (b(0) == 0xE2 && (b(1) == 0x80 || b(1) == 0x81)) || (b(0) == 0xE3 && b(1) == 0x80);
  return false;
}

// Harman's S-stemmer (1991): "ies" -> "y", "es" -> "e", "s" -> "" with the usual exceptions.
void s_stem(std::string& w) {
  const std::size_t n = w.size();
  if (n > 3 && w.ends_with("ies") && !w.ends_with("eies") && !w.ends_with("aies")) {
    w.replace(n - 3, 3, "y");
  } else if (n > 3 && w.ends_with("es") && !w.ends_with("aes") && !w.ends_with("ees") &&
             !w.ends_with("oes")) {
    w.pop_back();
  } else if (n > 2 && w.back() == 's' && !w.ends_with("us") && !w.ends_with("ss")) {
    w.pop_back();
  }
}

// A token of text: letters and digits (ASCII or any non-ASCII character that is not a separator), folded to
// lower case, with what the names rule needs to know about its spelling.
struct Token {
  std::string_view folded;
  bool capitalised;     // starts with a capital letter
  bool all_capitals;    // has no lower-case letter
  bool sentence_start;  // first token, or after . ! ? : " “ or a line break (spaces between)
};

// True when the token starting at byte `start` begins a sentence.
bool starts_sentence(std::string_view text, std::size_t start) noexcept {
  std::size_t j = start;
  while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\r')) --j;
  if (j == 0) return true;
  if (std::string_view(".!?:\"\n").find(text[j - 1]) != std::string_view::npos) return true;
  return j >= 3 && text.substr(j - 3, 3) == "\u201c";
}

// Calls emit(token) for each token of text.
template <class Emit>
void for_each_token(std::string_view text, Emit&& emit) {
  std::string word;
  Token token{};
  std::size_t start = 0;
  const auto flush = [&] {
    if (!word.empty()) {
      token.folded = word;
      token.sentence_start = starts_sentence(text, start);
      emit(token);
    }
    word.clear();
  };
  const auto add = [&](std::size_t at, bool upper, bool lower) {
    if (word.empty()) {
      start = at;
      token.capitalised = upper;
      token.all_capitals = true;
    }
    if (lower) token.all_capitals = false;
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z') {
        add(i, false, true);
        word += char(c);
      } else if (c >= '0' && c <= '9') {
        add(i, false, false);
        word += char(c);
      } else if (c >= 'A' && c <= 'Z') {
        add(i, true, false);
        word += char(c + 32);
      } else {
        flush();
      }
      ++i;
      continue;
    }
    const std::string_view seq = text.substr(i, sequence_length(c));
    if (is_separator(seq)) {
      flush();
    } else if (seq.size() == 2 && c == 0xC3 && static_cast<unsigned char>(seq[1]) < 0x9F) {
      add(i, true, false);
      word += char(c);  // Latin-1 capitals À..Þ fold to à..þ
      word += char(seq[1] + 0x20);
    } else {
      add(i, false, seq.size() == 2 && c == 0xC3);  // à..ÿ are lower case; other scripts count as neither
      word += seq;
    }
    i += seq.size();
  }
  flush();
}

// Folds a token like a content word: nothing for one-letter tokens and stopwords, else S-stemmed.
template <class Emit>
void emit_content_word(std::string_view folded, std::string& scratch, Emit&& emit) {
  if (folded.size() <= 1 || is_stopword(folded)) return;
  scratch.assign(folded);
  if (std::any_of(scratch.begin(), scratch.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
    s_stem(scratch);
  emit(std::string_view(scratch));
}

// Calls emit(word) for each content word of text (see the header).
template <class Emit>
void for_each_word(std::string_view text, Emit&& emit) {
  std::string scratch;
  for_each_token(text, [&](const Token& t) { emit_content_word(t.folded, scratch, emit); });
}

// True for a token the names rule keeps (before folding like a content word).
bool is_name(const Token& t) noexcept {
  return t.capitalised && (!t.sentence_start || (t.all_capitals && t.folded.size() > 1));
}

// Calls emit(number) for each number of text: digit runs joined by single '.' or ','.
template <class Emit>
void for_each_number(std::string_view text, Emit&& emit) {
  const auto digit = [&](std::size_t i) { return i < text.size() && text[i] >= '0' && text[i] <= '9'; };
  for (std::size_t i = 0; i < text.size();) {
    if (!digit(i)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (digit(i) || (i < text.size() && (text[i] == '.' || text[i] == ',') && digit(i + 1))) ++i;
    emit(text.substr(start, i - start));
  }
}

// The bottom-k sketch of a list of 32-bit hashes with duplicates.
Sketch make_sketch(std::vector<std::uint32_t> hashes) {
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  Sketch sketch;
  sketch.count = std::uint32_t(hashes.size());
  hashes.resize(std::min(hashes.size(), sketch_size));
  sketch.hashes = std::move(hashes);
  return sketch;
}

void put_u32(std::string& out, std::uint32_t v) {
  for (std::size_t k = 0; k < 4; ++k) out += char((v >> (8 * k)) & 0xFF);
}

std::uint32_t get_u32(std::string_view bytes, std::size_t at) noexcept {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k)
    v |= std::uint32_t(static_cast<unsigned char>(bytes[at + k])) << (8 * k);
  return v;
}

}  // namespace

std::vector<std::string> fingerprint_words(std::string_view text) {
  std::vector<std::string> words;
  for_each_word(text, [&](std::string_view w) { words.emplace_back(w); });
  return words;
}

std::vector<std::string> fingerprint_names(std::string_view text) {
  std::vector<std::string> names;
  std::string scratch;
  for_each_token(text, [&](const Token& t) {
    if (is_name(t)) emit_content_word(t.folded, scratch, [&](std::string_view w) { names.emplace_back(w); });
  });
  return names;
}

std::vector<std::string> fingerprint_numbers(std::string_view text) {
  std::vector<std::string> numbers;
  for_each_number(text, [&](std::string_view n) { numbers.emplace_back(n); });
  return numbers;
}

std::optional<Fingerprint> fingerprint(std::string_view body) {
  // One pass for content words and names (a name's hash is the low half of its content word's hash).
  std::vector<std::uint64_t> hashes;
  std::vector<std::uint32_t> names, numbers;
  hashes.reserve(body.size() / 6);
  std::string scratch;
  for_each_token(body, [&](const Token& t) {
    emit_content_word(t.folded, scratch, [&](std::string_view w) {
      hashes.push_back(XXH3_64bits(w.data(), w.size()));
      if (is_name(t)) names.push_back(std::uint32_t(hashes.back()));
    });
  });
  std::sort(hashes.begin(), hashes.end());
  hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
  if (hashes.size() < min_fingerprint_words) return std::nullopt;
  Fingerprint fp;
  fp.words = std::uint32_t(hashes.size());
  fold_minhash(hashes.data(), hashes.size(), fp.minhash.data());
  for_each_number(
      body, [&](std::string_view n) { numbers.push_back(std::uint32_t(XXH3_64bits(n.data(), n.size()))); });
  fp.names = make_sketch(std::move(names));
  fp.numbers = make_sketch(std::move(numbers));
  return fp;
}

double estimate_similarity(const Fingerprint& a, const Fingerprint& b) noexcept {
  std::size_t equal = 0;
  for (std::size_t i = 0; i < minhash_size; ++i) equal += a.minhash[i] == b.minhash[i] ? 1 : 0;
  return double(equal) / double(minhash_size);
}

double sketch_overlap(const Sketch& a, const Sketch& b) noexcept {
  if (a.count == 0 || b.count == 0) return 0.0;
  const bool exact = a.count == a.hashes.size() && b.count == b.hashes.size();
  // Walk the union in ascending order: all of it when both sets are complete, else its sketch_size smallest
  // values, each of which is in a sketch exactly when it is in that sketch's set.
  std::size_t ia = 0, ib = 0, seen = 0, shared = 0;
  while ((ia < a.hashes.size() || ib < b.hashes.size()) && (exact || seen < sketch_size)) {
    const bool in_a = ia < a.hashes.size() && (ib == b.hashes.size() || a.hashes[ia] <= b.hashes[ib]);
    const bool in_b = ib < b.hashes.size() && (ia == a.hashes.size() || b.hashes[ib] <= a.hashes[ia]);
    shared += in_a && in_b ? 1 : 0;
    ia += in_a ? 1 : 0;
    ib += in_b ? 1 : 0;
    ++seen;
  }
  const double smaller = double(std::min(a.count, b.count));
  if (exact) return double(shared) / smaller;
  const double j = double(shared) / double(seen);  // |A n B| = J (|A| + |B|) / (1 + J)
  return std::min(1.0, j * double(a.count + b.count) / (1.0 + j) / smaller);
}

bool facts_disagree(const Fingerprint& a, const Fingerprint& b) noexcept {
  if (a.numbers.count >= min_veto_numbers && b.numbers.count >= min_veto_numbers &&
      sketch_overlap(a.numbers, b.numbers) < numbers_overlap_veto)
    return true;
  return a.names.count > 0 && b.names.count > 0 && sketch_overlap(a.names, b.names) < names_overlap_veto;
}

BandKeys band_keys(const Fingerprint& fp) noexcept {
  BandKeys keys;
  for (std::size_t band = 0; band < lsh_bands; ++band) {
    char rows[lsh_rows * 4];  // little-endian, so keys stored in a database are the same on every machine
    for (std::size_t r = 0; r < lsh_rows; ++r)
      for (std::size_t k = 0; k < 4; ++k) rows[r * 4 + k] = char(fp.minhash[band * lsh_rows + r] >> (8 * k));
    // The seed folds the band number in, so equal rows in different bands give different keys.
    const std::uint64_t h = XXH3_64bits_withSeed(rows, sizeof rows, band);
    keys[band] = h >> (64 - band_key_bits);
  }
  return keys;
}

std::string encode_fingerprint(const Fingerprint& fp) {
  std::string out;
  out.reserve(max_fingerprint_bytes);
  out += char(fingerprint_version);
  put_u32(out, fp.words);
  for (const std::uint32_t v : fp.minhash) put_u32(out, v);
  for (const Sketch* sketch : {&fp.names, &fp.numbers}) {
    put_u32(out, sketch->count);
    for (const std::uint32_t h : sketch->hashes) put_u32(out, h);
  }
  return out;
}

std::optional<Fingerprint> decode_fingerprint(std::string_view bytes) {
  std::size_t at = 1 + 4 + minhash_size * 4;
  if (bytes.size() < at + 8 || static_cast<unsigned char>(bytes[0]) != fingerprint_version)
    return std::nullopt;
  Fingerprint fp;
  fp.words = get_u32(bytes, 1);
  for (std::size_t i = 0; i < minhash_size; ++i) fp.minhash[i] = get_u32(bytes, 5 + i * 4);
  for (Sketch* sketch : {&fp.names, &fp.numbers}) {
    if (bytes.size() < at + 4) return std::nullopt;
    sketch->count = get_u32(bytes, at);
    at += 4;
    const std::size_t n = std::min<std::size_t>(sketch->count, sketch_size);
    if (bytes.size() < at + n * 4) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i, at += 4) {
      sketch->hashes.push_back(get_u32(bytes, at));
      if (i > 0 && sketch->hashes[i] <= sketch->hashes[i - 1]) return std::nullopt;
    }
  }
  if (at != bytes.size()) return std::nullopt;
  return fp;
}

namespace {

/// best_story_match over any list whose i-th fingerprint `at(i)` gives.
template <typename At>
std::optional<StoryMatch> best_match(const Fingerprint& fp, std::size_t count, At at,
                                     double threshold) noexcept {
  std::optional<StoryMatch> best;
  for (std::size_t i = 0; i < count; ++i) {
    const Fingerprint& candidate = at(i);
    const double similarity = estimate_similarity(fp, candidate);
    const bool short_pair = std::min(fp.words, candidate.words) < short_article_words;
    const double required = short_pair ? std::max(threshold, short_article_threshold) : threshold;
    if (similarity >= required && (!best || similarity > best->similarity) && !facts_disagree(fp, candidate))
      best = StoryMatch{i, similarity};
  }
  return best;
}

}  // namespace

std::optional<StoryMatch> best_story_match(const Fingerprint& fp, std::span<const Fingerprint> candidates,
                                           double threshold) noexcept {
  return best_match(
      fp, candidates.size(), [&](std::size_t i) -> const Fingerprint& { return candidates[i]; }, threshold);
}

std::optional<StoryMatch> best_story_match(const Fingerprint& fp,
                                           std::span<const Fingerprint* const> candidates,
                                           double threshold) noexcept {
  return best_match(
      fp, candidates.size(), [&](std::size_t i) -> const Fingerprint& { return *candidates[i]; }, threshold);
}

}  // namespace gazette
