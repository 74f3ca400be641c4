/// @file
/// @brief Plain-text reader: header lines (also inline before the text), headline and paragraphs.
#include "gazette/readers/text_reader.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "gazette/core/time.hpp"
#include "gazette/core/utf8.hpp"
#include "gazette/readers/reader_util.hpp"
#include "gazette/readers/whole_file_reader.hpp"

namespace gazette {

namespace {

enum class Key { date, source, url, author, language, id };

constexpr std::array<std::pair<std::string_view, Key>, 6> header_keys{{
    {"date", Key::date},
    {"source", Key::source},
    {"url", Key::url},
    {"author", Key::author},
    {"language", Key::language},
    {"id", Key::id},
}};

struct Header {
  Key key;
  std::string_view value;
  std::string_view rest;  // text after an inline date header: the start of the body
};

bool is_single_token(std::string_view text) {
  return std::none_of(text.begin(), text.end(), [](char c) { return is_ascii_space(c); });
}

// End of the n-th white-space separated token of text (n >= 1), or npos when there are fewer tokens.
std::size_t token_end(std::string_view text, int n) {
  std::size_t i = 0;
  for (int k = 0; k < n; ++k) {
    while (i < text.size() && is_ascii_space(text[i])) ++i;
    if (i == text.size()) return std::string_view::npos;
    while (i < text.size() && !is_ascii_space(text[i])) ++i;
  }
  return i;
}

// Splits a date header value into the date and inline text after it. An ISO 8601 value (whole, or its
// first two or first token followed by text) is a date; other values are dates only in the explicit
// "Date:" form or when they start with a digit ("date 3 March 2025").
std::optional<Header> date_header(std::string_view value, bool colon_form) {
  if (parse_iso8601(value)) return Header{Key::date, value, {}};
  for (int tokens = 2; tokens >= 1; --tokens) {
    const std::size_t end = token_end(value, tokens);
    if (end == std::string_view::npos || end == value.size()) continue;
    if (const std::string_view date = value.substr(0, end); parse_iso8601(date))
      return Header{Key::date, date, trim(value.substr(end))};
  }
  if (colon_form || (!value.empty() && value[0] >= '0' && value[0] <= '9'))
    return Header{Key::date, value, {}};
  return std::nullopt;
}

// A header line: "key value" with the key in lower case, or "Key: value" in any case. Space-form values
// must look like their key (a URL, a language code, one token for an id) so that a headline such as
// "Date night ideas" is not taken for a header.
std::optional<Header> parse_header(std::string_view line) {
  std::size_t n = 0;
  while (n < line.size() && (line[n] | 0x20) >= 'a' && (line[n] | 0x20) <= 'z') ++n;
  if (n == line.size()) return std::nullopt;
  const std::string_view word = line.substr(0, n);
  const bool colon_form = line[n] == ':';
  if (!colon_form && !is_ascii_space(line[n])) return std::nullopt;
  const auto it = std::find_if(header_keys.begin(), header_keys.end(), [&](const auto& entry) {
    return colon_form ? iequals_ascii(word, entry.first) : word == entry.first;
  });
  if (it == header_keys.end()) return std::nullopt;
  const std::string_view value = trim(line.substr(n + 1));
  if (colon_form && it->second != Key::date) return Header{it->second, value, {}};
  switch (it->second) {
    case Key::date:
      return date_header(value, colon_form);
    case Key::url:
      if (!is_single_token(value) || !(value.starts_with("http://") || value.starts_with("https://")))
        return std::nullopt;
      break;
    case Key::language:
      if (normalize_language(value).empty()) return std::nullopt;
      break;
    case Key::id:
      if (value.empty() || !is_single_token(value)) return std::nullopt;
      break;
    case Key::source:
    case Key::author:
      if (value.empty()) return std::nullopt;
      break;
  }
  return Header{it->second, value, {}};
}

void apply_header(const Header& header, Article& article) {
  switch (header.key) {
    case Key::date:
      article.raw_date = header.value;
      article.raw_date_source = DateSource::header;
      if (const auto published = parse_iso8601(header.value)) {
        article.published = published;
        article.date_source = DateSource::header;
      }
      break;
    case Key::source:
      article.source = header.value;
      break;
    case Key::url:
      article.url = header.value;
      break;
    case Key::author:
      article.author = header.value;
      break;
    case Key::language:
      article.language = normalize_language(header.value);
      break;
    case Key::id:
      article.id = header.value;
      break;
  }
}

// Appends one trimmed, non-empty body line: a new paragraph after a blank line, else a new line.
void append_body_line(std::string& body, std::string_view line, bool new_paragraph) {
  if (!body.empty()) body += new_paragraph ? "\n\n" : "\n";
  body += line;
}

}  // namespace

ReadItem parse_text_article(std::string_view content, std::string name) {
  // Rejects the file at the line and column of byte `bad`.
  const auto reject_at = [&](std::size_t bad, std::string_view problem, std::string_view why) {
    const std::string_view before = content.substr(0, bad);
    const std::size_t line = 1 + std::size_t(std::count(before.begin(), before.end(), '\n'));
    const std::size_t line_start = before.rfind('\n') + 1;  // npos + 1 == 0 on the first line
    return Rejection{
        located(name, line),
        std::string(problem) + " at column " + std::to_string(bad - line_start + 1) + std::string(why),
        std::string(content)};
  };
  if (const std::size_t bad = find_invalid_utf8(content); bad != content.size())
    return reject_at(bad, "invalid UTF-8", "");
  // Text holds no NUL bytes: a file with them is binary data or UTF-16, whatever its name says.
  if (const std::size_t nul = content.find('\0'); nul != std::string_view::npos)
    return reject_at(nul, "NUL byte", " (binary data or UTF-16, not UTF-8 text)");
  const std::string_view whole = content;
  if (content.starts_with("\xEF\xBB\xBF")) content.remove_prefix(3);

  Article article;
  bool in_headers = true;      // still before the headline: header lines may follow
  bool new_paragraph = false;  // a blank line since the last body line
  while (!content.empty()) {
    const std::size_t newline = content.find('\n');
    const std::string_view line = trim(content.substr(0, newline));
    content.remove_prefix(newline == std::string_view::npos ? content.size() : newline + 1);
    if (line.empty()) {
      new_paragraph = true;
      continue;
    }
    if (in_headers) {
      if (const std::optional<Header> header = parse_header(line)) {
        apply_header(*header, article);
        if (!header->rest.empty()) {  // inline header: no headline, the body starts here
          in_headers = false;
          append_body_line(article.body, header->rest, false);
        }
        continue;
      }
      in_headers = false;
      article.title = line;
      continue;
    }
    append_body_line(article.body, line, new_paragraph);
    new_paragraph = false;
  }
  if (is_blank(article.title) && is_blank(article.body))
    return Rejection{name, "no text", std::string(whole)};
  article.origin = std::move(name);
  return article;
}

std::unique_ptr<ArticleReader> make_text_reader(ByteSource source, const ReaderOptions& options) {
  return make_whole_file_reader(std::move(source), options, parse_text_article);
}

}  // namespace gazette
