/// @file
/// @brief JSON Lines reader: bounded line splitting and a SAX parse straight into Article (no DOM).
#include "gazette/readers/jsonl_reader.hpp"

#include <array>
#include <cstring>
#include <utility>

#include <nlohmann/json.hpp>

#include "gazette/core/time.hpp"
#include "gazette/core/utf8.hpp"
#include "gazette/readers/chunk_buffer.hpp"
#include "gazette/readers/reader_util.hpp"

namespace gazette {

namespace {

using json = nlohmann::json;

/// Deeper nesting (in ignored fields) is rejected: no record needs it, and it bounds the parser's state.
constexpr int max_depth = 100;

enum class Kind { null, boolean, number, string, object, array };

// The article fields of the schema that hold a string.
struct StringField {
  std::string_view name;
  std::string Article::*member;
};
constexpr std::array<StringField, 9> string_fields{{
    {"id", &Article::id},
    {"title", &Article::title},
    {"body", &Article::body},
    {"date", &Article::raw_date},
    {"source", &Article::source},
    {"url", &Article::url},
    {"author", &Article::author},
    {"language", &Article::language},
    {"dateline", &Article::dateline},
}};

struct LabelField {
  std::string_view name;
  std::vector<std::string> GoldLabels::*member;
};
constexpr std::array<LabelField, 6> label_fields{{
    {"topics", &GoldLabels::topics},
    {"places", &GoldLabels::places},
    {"people", &GoldLabels::people},
    {"orgs", &GoldLabels::orgs},
    {"exchanges", &GoldLabels::exchanges},
    {"companies", &GoldLabels::companies},
}};

// nlohmann::json SAX events straight into an Article. Depth 1 is the record object, depth 2 the "labels"
// object, depth 3 a label array. Any type error stops the parse with error_ set.
class ArticleSax {
 public:
  explicit ArticleSax(Article& article) : article_(article) {}

  const std::string& error() const noexcept { return error_; }

  bool null() { return accept(Kind::null); }
  bool boolean(bool) { return accept(Kind::boolean); }
  bool number_integer(json::number_integer_t) { return accept(Kind::number); }
  bool number_unsigned(json::number_unsigned_t) { return accept(Kind::number); }
  bool number_float(json::number_float_t, const json::string_t&) { return accept(Kind::number); }
  bool binary(json::binary_t&) { return accept(Kind::string); }  // not produced by the JSON text parser

  bool string(json::string_t& value) {
    if (!accept(Kind::string)) return false;
    if (depth_ == 1 && field_ != nullptr) {
      article_.*(field_->member) = std::move(value);
    } else if (depth_ == 3 && in_label_array_) {
      (article_.gold.*(label_->member)).push_back(std::move(value));
    }
    return true;
  }

  bool start_object(std::size_t) {
    if (!accept(Kind::object) || !descend()) return false;
    if (depth_ == 2) in_labels_ = in_labels_field_;
    return true;
  }
  bool end_object() {
    if (depth_ == 2) in_labels_ = false;
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    if (!accept(Kind::array) || !descend()) return false;
    if (depth_ == 3) in_label_array_ = in_labels_ && label_ != nullptr;
    return true;
  }
  bool end_array() {
    if (depth_ == 3) in_label_array_ = false;
    --depth_;
    return true;
  }

  bool key(json::string_t& name) {
    if (depth_ == 1) {
      field_ = nullptr;
      in_labels_field_ = name == "labels";
      for (const StringField& f : string_fields)
        if (name == f.name) field_ = &f;
    } else if (depth_ == 2 && in_labels_) {
      label_ = nullptr;
      for (const LabelField& f : label_fields)
        if (name == f.name) label_ = &f;
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
    // ex.what() is "[json.exception.parse_error.101] parse error at line 1, column 6: syntax error ...";
    // keep what follows the location.
    const std::string_view what = ex.what();
    const std::size_t colon = what.find(": ");
    error_ = "malformed JSON at column " + std::to_string(position) + ": " +
             std::string(colon == std::string_view::npos ? what : what.substr(colon + 2));
    return false;
  }

 private:
  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  bool descend() {
    if (++depth_ > max_depth) return fail("JSON nested deeper than " + std::to_string(max_depth) + " levels");
    return true;
  }

  // Checks the type of a value starting at the current depth against the schema.
  bool accept(Kind kind) {
    if (depth_ == 0) return kind == Kind::object || fail("not a JSON object");
    if (depth_ == 1) {
      if (in_labels_field_)
        return kind == Kind::object || kind == Kind::null || fail("\"labels\" must be an object");
      if (field_ == nullptr || kind == Kind::string || kind == Kind::null) return true;
      return fail("\"" + std::string(field_->name) + "\" must be a string");
    }
    if (depth_ == 2 && in_labels_ && label_ != nullptr && kind != Kind::array && kind != Kind::null)
      return fail("\"labels." + std::string(label_->name) + "\" must be an array of strings");
    if (depth_ == 3 && in_label_array_ && kind != Kind::string)
      return fail("\"labels." + std::string(label_->name) + "\" must be an array of strings");
    return true;
  }

  Article& article_;
  std::string error_;
  int depth_ = 0;
  const StringField* field_ = nullptr;  // the depth-1 key being read, when it is a string field
  bool in_labels_field_ = false;        // the depth-1 key being read is "labels"
  bool in_labels_ = false;              // inside the "labels" object
  const LabelField* label_ = nullptr;   // the labels key being read, when known
  bool in_label_array_ = false;         // inside the array of a known label
};

Rejection reject(std::string where, std::string reason, std::string_view line) {
  return Rejection{std::move(where), std::move(reason), std::string(line)};
}

// Splits the input into lines, rejecting (and skipping) those over the record bound.
class JsonlReader final : public ArticleReader {
 public:
  JsonlReader(ByteSource source, const ReaderOptions& options)
      : buffer_(std::move(source), options.chunk_bytes, options.max_record_bytes),
        max_record_bytes_(options.max_record_bytes) {}

  std::optional<ReadItem> next() override {
    try {
      while (!done_) {
        buffer_.consume(std::exchange(pending_, 0));
        std::optional<std::string_view> line = next_line();
        if (!line) break;
        if (oversized_) {
          oversized_ = false;
          return Rejection{located(buffer_.name(), line_), oversized_reason(max_record_bytes_),
                           std::move(oversized_raw_)};
        }
        std::string_view text = *line;
        if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
        if (line_ == 1 && text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // byte-order mark
        if (trim(text).empty()) continue;
        return parse_jsonl_record(text, located(buffer_.name(), line_));
      }
    } catch (...) {
      done_ = true;
      throw;
    }
    done_ = true;
    return std::nullopt;
  }

  std::size_t bytes_read() const noexcept override { return buffer_.bytes_read(); }

 private:
  // The next line (without '\n'), valid until the next call; sets oversized_ (and the view is then
  // meaningless) for a line over the bound. nullopt at the end of input.
  std::optional<std::string_view> next_line() {
    for (;;) {
      const std::string_view window = buffer_.window();
      const void* newline = scanned_ < window.size()
                                ? std::memchr(window.data() + scanned_, '\n', window.size() - scanned_)
                                : nullptr;
      if (oversized_) {  // skipping the rest of an oversized line
        scanned_ = 0;
        if (newline != nullptr) {
          pending_ = std::size_t(static_cast<const char*>(newline) - window.data()) + 1;
          ++line_;
          return std::string_view{};
        }
        buffer_.consume(window.size());
        if (!buffer_.fill()) {
          ++line_;
          return std::string_view{};
        }
        continue;
      }
      if (newline != nullptr) {
        const std::size_t length = std::size_t(static_cast<const char*>(newline) - window.data());
        scanned_ = 0;
        pending_ = length + 1;
        ++line_;
        return take(window.substr(0, length));
      }
      if (window.size() > max_record_bytes_) {
        oversized_ = true;
        oversized_raw_ = truncate_raw(window);
        buffer_.consume(window.size());
        scanned_ = 0;
        continue;
      }
      scanned_ = window.size();
      if (!buffer_.fill()) {
        const std::string_view last = buffer_.window();  // fill() may have moved the bytes
        if (last.empty()) return std::nullopt;
        scanned_ = 0;
        pending_ = last.size();  // a last line without a newline
        ++line_;
        return take(last);
      }
    }
  }

  // A complete line: rejected as oversized when it is over the bound.
  std::string_view take(std::string_view line) {
    if (line.size() > max_record_bytes_) {
      oversized_ = true;
      oversized_raw_ = truncate_raw(line);
    }
    return line;
  }

  ChunkBuffer buffer_;
  std::size_t max_record_bytes_;
  std::size_t scanned_ = 0;  // bytes at the front of the window known to hold no newline
  std::size_t pending_ = 0;  // bytes of the last line returned, consumed on the next call
  std::size_t line_ = 0;     // number of the last line returned
  bool oversized_ = false;   // the current line is over the bound (being skipped, or to be rejected)
  std::string oversized_raw_;
  bool done_ = false;
};

}  // namespace

ReadItem parse_jsonl_record(std::string_view line, std::string where) {
  if (const std::size_t bad = find_invalid_utf8(line); bad != line.size())
    return reject(std::move(where), "invalid UTF-8 at column " + std::to_string(bad + 1), line);
  // JSON allows no raw NUL anywhere, and the parser would report one as the end of the input.
  if (const std::size_t nul = line.find('\0'); nul != std::string_view::npos)
    return reject(std::move(where), "NUL byte at column " + std::to_string(nul + 1), line);

  Article article;
  ArticleSax sax(article);
  if (!json::sax_parse(line.begin(), line.end(), &sax)) return reject(std::move(where), sax.error(), line);

  if (!article.language.empty()) {
    std::string code = normalize_language(article.language);
    if (code.empty())
      return reject(std::move(where),
                    "\"language\" must be an ISO 639-1 code, not \"" + article.language + "\"", line);
    article.language = std::move(code);
  }
  if (is_blank(article.title) && is_blank(article.body))
    return reject(std::move(where), "no text: \"title\" and \"body\" are both empty", line);

  for (std::string* field : {&article.id, &article.title, &article.body, &article.source, &article.url,
                             &article.author, &article.dateline})
    trim_in_place(*field);
  if (const auto published = parse_iso8601(trim(article.raw_date))) {
    article.published = published;
    article.date_source = DateSource::metadata;
  }
  article.origin = std::move(where);
  return article;
}

std::unique_ptr<ArticleReader> make_jsonl_reader(ByteSource source, const ReaderOptions& options) {
  return std::make_unique<JsonlReader>(std::move(source), options);
}

}  // namespace gazette
