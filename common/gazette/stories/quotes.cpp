/// @file
/// @brief Quoted passages by a small state machine over the text's quote marks and paragraph breaks; their
/// content words and containment.
#include "gazette/stories/quotes.hpp"

#include <algorithm>
#include <iterator>

namespace gazette {
namespace {

constexpr std::string_view open_curly = "\u201c";
constexpr std::string_view close_curly = "\u201d";

enum class Mark { none, straight, opening, closing };

// The quote mark at byte i, and its length in bytes.
std::pair<Mark, std::size_t> mark_at(std::string_view text, std::size_t i) noexcept {
  if (text[i] == '"') return {Mark::straight, 1};
  const std::string_view rest = text.substr(i);
  if (rest.starts_with(open_curly)) return {Mark::opening, open_curly.size()};
  if (rest.starts_with(close_curly)) return {Mark::closing, close_curly.size()};
  return {Mark::none, 1};
}

bool is_word_byte(std::string_view text, std::size_t i) noexcept {
  if (i >= text.size()) return false;
  const char c = text[i];
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_blank(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r';
}

// When a paragraph break (a line break, blanks, another line break) starts at byte i: the position of the
// next paragraph's first character (past any further blank lines); else 0.
std::size_t paragraph_break(std::string_view text, std::size_t i) noexcept {
  if (text[i] != '\n') return 0;
  std::size_t j = i + 1;
  while (j < text.size() && is_blank(text[j])) ++j;
  if (j == text.size() || text[j] != '\n') return 0;
  while (j < text.size() && (text[j] == '\n' || is_blank(text[j]))) ++j;
  return j;
}

// Lower-case ASCII words of text (letters only), for the attribution phrases.
std::vector<std::string> plain_words(std::string_view text) {
  std::vector<std::string> words(1);
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      words.back() += char(c | 0x20);
    else if (!words.back().empty())
      words.emplace_back();
  }
  if (words.back().empty()) words.pop_back();
  return words;
}

template <std::size_t N>
bool is_any(std::string_view word, const std::string_view (&list)[N]) noexcept {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// Nouns that name a report or its publisher, and the verbs that continue one's text.
constexpr std::string_view report_nouns[] = {"report", "article", "dispatch", "wire", "story"};
constexpr std::string_view report_sources[] = {"report", "article",   "dispatch", "wire",
                                               "agency", "newspaper", "reuters",  "ap",
                                               "afp",    "bloomberg", "cnn",      "bbc"};
constexpr std::string_view report_saying[] = {"said", "says", "wrote", "writes"};
constexpr std::string_view report_verbs[] = {"said",      "says",   "reports", "reported", "continues",
                                             "continued", "writes", "wrote",   "adds",     "added"};

// True when the words hold an attribution phrase (see the header).
bool has_attribution(const std::vector<std::string>& w) {
  const auto within = [&](std::size_t from, std::size_t span, const auto& list) {
    for (std::size_t k = from; k < std::min(w.size(), from + span); ++k)
      if (is_any(w[k], list)) return true;
    return false;
  };
  for (std::size_t i = 0; i + 1 < w.size(); ++i) {
    if (w[i] == "according" && w[i + 1] == "to" &&
        (within(i + 2, 4, report_nouns) || within(i + 2, 4, report_sources)))
      return true;
    if (is_any(w[i], report_sources) && is_any(w[i + 1], report_verbs)) return true;
    if (is_any(w[i], report_saying) && w[i + 1] == "in" && within(i + 2, 4, report_nouns)) return true;
  }
  return false;
}

// Start of the paragraph holding byte i ("\n\n" separates paragraphs in stored bodies), and its end.
std::size_t paragraph_start(std::string_view text, std::size_t i) noexcept {
  const std::size_t p = i == 0 ? std::string_view::npos : text.rfind("\n\n", i - 1);
  return p == std::string_view::npos ? 0 : p + 2;
}
std::size_t paragraph_end(std::string_view text, std::size_t i) noexcept {
  const std::size_t p = text.find("\n\n", i);
  return p == std::string_view::npos ? text.size() : p;
}

}  // namespace

bool attributed_to_report(std::string_view text, std::string_view passage) {
  const auto begin = std::size_t(passage.data() - text.data()), end = begin + passage.size();
  const std::size_t first = paragraph_start(text, begin), last = paragraph_end(text, end);
  if (has_attribution(plain_words(text.substr(first, begin - first))) ||
      has_attribution(plain_words(text.substr(end, last - end))))
    return true;
  // A passage opening its paragraph may be introduced by the one before ("Reuters continues. And more:").
  const std::string_view lead = text.substr(first, begin - first);
  if (first < 2 || lead.find_first_not_of(" \t\"\u201c") != std::string_view::npos) return false;
  const std::size_t previous = paragraph_start(text, first - 2);
  return has_attribution(plain_words(text.substr(previous, first - 2 - previous)));
}

std::vector<std::string_view> report_quotes(std::string_view text) {
  std::vector<std::string_view> passages = quoted_passages(text);
  std::erase_if(passages, [&](std::string_view p) { return !attributed_to_report(text, p); });
  return passages;
}

std::vector<std::string_view> quoted_passages(std::string_view text, std::size_t min_bytes) {
  std::vector<std::string_view> passages;
  constexpr std::size_t closed = std::string_view::npos;
  std::size_t begin = closed;  // start of the open passage
  const auto close = [&](std::size_t end) {
    if (end - begin >= min_bytes) passages.push_back(text.substr(begin, end - begin));
    begin = closed;
  };
  for (std::size_t i = 0; i < text.size();) {
    if (const std::size_t next = paragraph_break(text, i)) {
      if (begin != closed) {
        const auto [mark, length] =
            next < text.size() ? mark_at(text, next) : std::pair{Mark::none, std::size_t{0}};
        if (mark == Mark::opening || mark == Mark::straight) {
          i = next + length;  // the quote goes on in the next paragraph
          continue;
        }
        begin = closed;  // unbalanced: drop it
      }
      i = next;
      continue;
    }
    const auto [mark, length] = mark_at(text, i);
    const bool after_word = i > 0 && is_word_byte(text, i - 1), before_word = is_word_byte(text, i + length);
    if (mark == Mark::opening || (mark == Mark::straight && begin == closed && !after_word))
      begin = i + length;  // an opening mark inside an open passage restarts it
    else if (begin != closed && (mark == Mark::closing || (mark == Mark::straight && !before_word)))
      close(i);
    i += length;
  }
  return passages;
}

std::vector<std::string> content_word_set(std::string_view text) {
  std::vector<std::string> words = fingerprint_words(text);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

std::vector<std::string> quoted_words(std::string_view text) {
  std::vector<std::string> words;
  for (const std::string_view passage : report_quotes(text)) {
    std::vector<std::string> found = fingerprint_words(passage);
    words.insert(words.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

double containment(std::span<const std::string> words, std::span<const std::string> in) noexcept {
  if (words.empty()) return 0.0;
  std::size_t shared = 0;
  auto it = in.begin();
  for (const std::string& w : words) {
    it = std::lower_bound(it, in.end(), w);
    if (it == in.end()) break;
    shared += *it == w ? 1 : 0;
  }
  return double(shared) / double(words.size());
}

std::optional<QuoteMatch> best_quoted_candidate(std::span<const std::string> quoted,
                                                const std::optional<Fingerprint>& fingerprint,
                                                std::span<const QuoteCandidate> candidates,
                                                double threshold) noexcept {
  std::optional<QuoteMatch> best;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const double c = containment(quoted, candidates[i].words);
    if (c < threshold || (best && c <= best->containment)) continue;
    if (fingerprint && candidates[i].fingerprint && facts_disagree(*fingerprint, *candidates[i].fingerprint))
      continue;
    best = QuoteMatch{i, c};
  }
  return best;
}

std::map<std::string, std::string> resolve_quote_joins(const std::map<std::string, std::string>& quotes) {
  std::map<std::string, std::string> moves;
  for (const auto& [from, first] : quotes) {
    std::vector<std::string_view> path{from};
    std::string_view at = first;
    for (;;) {
      const auto cycle = std::find(path.begin(), path.end(), at);
      if (cycle != path.end()) {
        at = *std::min_element(cycle, path.end());
        break;
      }
      const auto next = quotes.find(std::string(at));
      if (next == quotes.end()) break;
      path.push_back(at);
      at = next->second;
    }
    if (at != from) moves.emplace(from, at);
  }
  return moves;
}

}  // namespace gazette
