/// @file
/// @brief rewrite_query_text: a small lexer over QueryParser syntax that sends free-text words through the
/// Analyzer and copies everything else.
#include "gazette/analysis/query_text.hpp"

#include <array>
#include <cstdint>
#include <vector>

#include <unicode/uchar.h>
#include <xapian.h>

#include "gazette/analysis/token_normalizer.hpp"

namespace gazette {
namespace {

/// Boolean operators QueryParser recognises (upper case only, as its default flags have it).
constexpr std::array<std::string_view, 6> operators{"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};

bool is_operator(std::string_view word) {
  // NEAR/n and ADJ/n set the window.
  if (const auto slash = word.find('/'); slash != std::string_view::npos) {
    const std::string_view n = word.substr(slash + 1);
    if (n.empty() || n.find_first_not_of("0123456789") != std::string_view::npos) return false;
    word = word.substr(0, slash);
    return word == "NEAR" || word == "ADJ";
  }
  for (const std::string_view op : operators)
    if (word == op) return true;
  return false;
}

bool is_hebrew_letter(UChar32 c) {
  return c >= 0 && u_getIntPropertyValue(c, UCHAR_WORD_BREAK) == U_WB_HEBREW_LETTER;
}

bool is_extend_or_format(UChar32 c) {
  if (c < 0) return false;
  const auto wb = u_getIntPropertyValue(c, UCHAR_WORD_BREAK);
  return wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
}

/// One pass over a query string, appending the rewritten query to out_.
class QueryRewriter {
 public:
  QueryRewriter(std::string_view query, Analyzer& analyzer,
                const std::function<QueryFieldKind(std::string_view)>& field_kind)
      : q_(query), analyzer_(analyzer), field_kind_(field_kind) {}

  std::string run() {
    while (pos_ < q_.size()) {
      const char c = q_[pos_];
      if (is_space_at(pos_)) {
        skip_spaces();
        if (!out_.empty() && out_.back() != ' ') out_ += ' ';
      } else if (c == '(' || c == ')') {
        out_ += c;
        ++pos_;
      } else if (c == '"') {
        phrase();
      } else {
        word();
      }
    }
    if (!out_.empty() && out_.back() == ' ') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::uint32_t size() const { return static_cast<std::uint32_t>(q_.size()); }

  UChar32 code_point_at(std::uint32_t pos, std::uint32_t* next = nullptr) const {
    std::uint32_t after = pos;
    const UChar32 c = detail::next_code_point(q_, after, size());
    if (next) *next = after;
    return c;
  }

  /// Whitespace as QueryParser sees it (separators and control characters), except U+202F: UAX #29 keeps
  /// that narrow no-break space inside a word ("10 000"), and so does the analyzer.
  bool is_space_at(std::uint32_t pos) const {
    const UChar32 c = code_point_at(pos);
    return c >= 0 && c != 0x202F && Xapian::Unicode::is_whitespace(static_cast<unsigned>(c));
  }

  void skip_spaces() {
    while (pos_ < size() && is_space_at(pos_)) code_point_at(pos_, &pos_);
  }

  /// End of the bare word starting at pos: up to whitespace, a bracket or a quote ('"' between two Hebrew
  /// letters is part of a word, as in the analyzer).
  std::uint32_t word_end(std::uint32_t pos, bool brackets_end_word) const {
    UChar32 prev = -1;
    while (pos < size()) {
      const char c = q_[pos];
      if (is_space_at(pos) || (brackets_end_word && (c == '(' || c == ')'))) break;
      std::uint32_t next;
      const UChar32 cp = code_point_at(pos, &next);
      if (c == '"' && !(is_hebrew_letter(prev) && is_hebrew_letter(next_letter(next)))) break;
      if (!is_extend_or_format(cp)) prev = cp;  // UAX #29 WB4: marks and format characters are skipped
      pos = next;
    }
    return pos;
  }

  /// The first code point at or after pos that is not a mark or format character (-1 at the end).
  UChar32 next_letter(std::uint32_t pos) const {
    while (pos < size()) {
      const UChar32 c = code_point_at(pos, &pos);
      if (!is_extend_or_format(c)) return c;
    }
    return -1;
  }

  /// The analyzer's tokens of text joined by '-', so QueryParser makes a phrase of words written together.
  std::string rewrite_chunk(std::string_view text) {
    tokens_.clear();
    analyzer_.tokenize(text, tokens_);
    std::string joined;
    for (const Token& token : tokens_) {
      if (!joined.empty()) joined += '-';
      joined += token.text;
    }
    return joined;
  }

  /// A quoted phrase from pos_ (at the opening quote) to the closing quote or the end of the query.
  void phrase() {
    out_ += '"';
    ++pos_;
    bool first = true;
    while (pos_ < size() && q_[pos_] != '"') {
      if (is_space_at(pos_)) {
        skip_spaces();
        continue;
      }
      const std::uint32_t end = word_end(pos_, false);
      const std::string words = rewrite_chunk(q_.substr(pos_, end - pos_));
      pos_ = end;
      if (words.empty()) continue;
      if (!first) out_ += ' ';
      out_ += words;
      first = false;
    }
    if (pos_ < size()) {
      out_ += '"';
      ++pos_;
    }
  }

  /// A term at pos_: optional +/-, then a field prefix, an operator or free text.
  void word() {
    std::string sign;
    if ((q_[pos_] == '+' || q_[pos_] == '-') && pos_ + 1 < size() && !is_space_at(pos_ + 1)) {
      sign = q_[pos_];
      ++pos_;
      if (q_[pos_] == '"' || q_[pos_] == '(') {  // +"phrase", -(group)
        out_ += sign;
        return;
      }
    }
    const std::uint32_t end = word_end(pos_, true);
    const std::string_view word = q_.substr(pos_, end - pos_);
    if (field(sign, word)) return;
    pos_ = end;
    if (sign.empty() && is_operator(word)) {
      out_ += word;
      return;
    }
    const std::string words = rewrite_word(word);
    if (words.empty()) return;
    out_ += sign;
    out_ += words;
  }

  /// rewrite_chunk for a bare word outside quotes, where a trailing '*' is QueryParser's wildcard.
  std::string rewrite_word(std::string_view word) {
    const bool wildcard = word.size() > 1 && word.back() == '*';
    std::string words = rewrite_chunk(wildcard ? word.substr(0, word.size() - 1) : word);
    if (wildcard && !words.empty()) words += '*';
    return words;
  }

  /// Handles "name:value" when field_kind knows name; returns false to treat the word as text.
  bool field(const std::string& sign, std::string_view word) {
    const std::size_t colon = word.find(':');
    if (colon == 0 || colon == std::string_view::npos) return false;
    const std::uint32_t value = pos_ + static_cast<std::uint32_t>(colon) + 1;
    if (value >= size() || is_space_at(value)) return false;
    const std::string_view name = word.substr(0, colon);
    if (name.find_first_of("\"()") != std::string_view::npos) return false;
    const QueryFieldKind kind = field_kind_(name);
    if (kind == QueryFieldKind::unknown) return false;

    const std::string prefix = sign + std::string(name) + ':';
    if (kind == QueryFieldKind::raw) {
      // Copied untouched for a FieldProcessor or boolean prefix: a quoted value, or up to a space or ')'.
      std::uint32_t end = value;
      if (q_[value] == '"') {
        const std::size_t close = q_.find('"', value + 1);
        end = close == std::string_view::npos ? size() : static_cast<std::uint32_t>(close) + 1;
      } else {
        while (end < size() && q_[end] != ')' && !is_space_at(end)) ++end;
      }
      out_ += prefix;
      out_ += q_.substr(value, end - value);
      pos_ = end;
      return true;
    }
    pos_ = value;
    if (q_[value] == '"' || q_[value] == '(') {  // title:"a phrase", title:(a group)
      out_ += prefix;
      if (q_[value] == '"') phrase();
      return true;
    }
    const std::uint32_t end = word_end(value, true);
    const std::string words = rewrite_word(q_.substr(value, end - value));
    pos_ = end;
    if (!words.empty()) out_ += prefix + words;
    return true;
  }

  std::string_view q_;
  Analyzer& analyzer_;
  const std::function<QueryFieldKind(std::string_view)>& field_kind_;
  std::uint32_t pos_ = 0;
  std::string out_;
  std::vector<Token> tokens_;
};

}  // namespace

std::string rewrite_query_text(std::string_view query, Analyzer& analyzer,
                               const std::function<QueryFieldKind(std::string_view)>& field_kind) {
  return QueryRewriter(query, analyzer, field_kind).run();
}

}  // namespace gazette
