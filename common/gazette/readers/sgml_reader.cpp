/// @file
/// @brief Reuters-21578 SGML reader: bounded element splitting and a hand-written parse of the fixed
/// Reuters element layout (a general SGML parser would need the DTD and is far slower).
#include "gazette/readers/sgml_reader.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "gazette/core/utf8.hpp"
#include "gazette/readers/chunk_buffer.hpp"
#include "gazette/readers/reader_util.hpp"
#include "gazette/readers/sgml_text.hpp"

namespace gazette {

namespace {

constexpr auto npos = std::string_view::npos;

struct Tag {
  std::string_view open;   // "<TITLE"
  std::string_view close;  // "</TITLE>"
};
constexpr Tag tag_reuters{"<REUTERS", "</REUTERS>"};
constexpr Tag tag_date{"<DATE", "</DATE>"};
constexpr Tag tag_text{"<TEXT", "</TEXT>"};
constexpr Tag tag_title{"<TITLE", "</TITLE>"};
constexpr Tag tag_dateline{"<DATELINE", "</DATELINE>"};
constexpr Tag tag_author{"<AUTHOR", "</AUTHOR>"};
constexpr Tag tag_body{"<BODY", "</BODY>"};
constexpr Tag tag_d{"<D", "</D>"};

struct LabelTag {
  Tag tag;
  std::vector<std::string> GoldLabels::*member;
};
constexpr std::array<LabelTag, 6> label_tags{{
    {{"<TOPICS", "</TOPICS>"}, &GoldLabels::topics},
    {{"<PLACES", "</PLACES>"}, &GoldLabels::places},
    {{"<PEOPLE", "</PEOPLE>"}, &GoldLabels::people},
    {{"<ORGS", "</ORGS>"}, &GoldLabels::orgs},
    {{"<EXCHANGES", "</EXCHANGES>"}, &GoldLabels::exchanges},
    {{"<COMPANIES", "</COMPANIES>"}, &GoldLabels::companies},
}};

// Where text[pos] starts the tag: -1 when text ends before the character after the name (undecided),
// 1 when that character ends the name ('>' or white space), 0 when it does not ("<DATELINE" for <DATE>).
int tag_starts_at(std::string_view text, std::size_t pos, const Tag& tag) {
  const std::size_t after = pos + tag.open.size();
  if (after >= text.size()) return -1;
  return text[after] == '>' || is_ascii_space(text[after]) ? 1 : 0;
}

// The first start tag at or after from; npos when there is none or when text ends inside its name.
std::size_t find_start_tag(std::string_view text, const Tag& tag, std::size_t from) {
  for (std::size_t pos = text.find(tag.open, from); pos != npos; pos = text.find(tag.open, pos + 1)) {
    const int starts = tag_starts_at(text, pos, tag);
    if (starts != 0) return starts > 0 ? pos : npos;
  }
  return npos;
}

enum class Found { absent, ok, unbalanced };

struct Element {
  Found found = Found::absent;
  std::string_view attributes, inner;
  std::size_t end = 0;  // offset just after the end tag
};

constexpr Element unbalanced_element() {
  Element element;
  element.found = Found::unbalanced;
  return element;
}

// The first element `tag` in text at or after from (elements of one name do not nest in Reuters).
Element find_element(std::string_view text, const Tag& tag, std::size_t from = 0) {
  const std::size_t pos = find_start_tag(text, tag, from);
  if (pos == npos) {
    // A start tag cut off at the very end of the text is unbalanced too.
    const std::size_t last = text.rfind(tag.open);
    return last != npos && last >= from && tag_starts_at(text, last, tag) < 0 ? unbalanced_element()
                                                                              : Element{};
  }
  const std::size_t name_end = pos + tag.open.size();
  const std::size_t gt = text.find('>', name_end);
  if (gt == npos) return unbalanced_element();
  const std::size_t close = text.find(tag.close, gt + 1);
  if (close == npos) return unbalanced_element();
  return {Found::ok, text.substr(name_end, gt - name_end), text.substr(gt + 1, close - gt - 1),
          close + tag.close.size()};
}

// The value of attribute name="value" in a start tag's attributes ("" when absent).
std::string_view attribute(std::string_view attributes, std::string_view name) {
  for (std::size_t pos = attributes.find(name); pos != npos; pos = attributes.find(name, pos + 1)) {
    const std::size_t eq = pos + name.size();
    if ((pos > 0 && !is_ascii_space(attributes[pos - 1])) || eq + 1 >= attributes.size() ||
        attributes[eq] != '=' || attributes[eq + 1] != '"')
      continue;
    const std::size_t end = attributes.find('"', eq + 2);
    return end == npos ? std::string_view{} : attributes.substr(eq + 2, end - eq - 2);
  }
  return {};
}

// Character data with references decoded and control characters dropped.
std::string decode(std::string_view text) {
  std::string out;
  append_sgml_text(text, out);
  return out;
}

// "    by Janie Gabbett, Reuters" gives "Janie Gabbett".
std::string author_name(std::string_view inner) {
  std::string name = collapse_spaces(decode(inner));
  std::string_view view = name;
  if (view.size() > 3 && iequals_ascii(view.substr(0, 3), "by ")) view.remove_prefix(3);
  for (const std::string_view suffix : {", reuters", ", reuter"}) {
    if (view.size() > suffix.size() && iequals_ascii(view.substr(view.size() - suffix.size()), suffix)) {
      view.remove_suffix(suffix.size());
      break;
    }
  }
  return std::string(trim(view));
}

// Wire copy ends with the sign-off "Reuter" (or "REUTER") before the &#3; end-of-text mark.
void strip_signoff(std::string& body) {
  constexpr std::string_view signoff = "reuter";
  const std::size_t n = body.size();
  if (n < signoff.size() || !iequals_ascii(std::string_view(body).substr(n - signoff.size()), signoff))
    return;
  if (n > signoff.size() && !is_ascii_space(body[n - signoff.size() - 1])) return;
  body.erase(n - signoff.size());
  trim_in_place(body);
}

// The text of an <TEXT TYPE="UNPROC"> without <BODY>: all character data except that of the elements read
// on their own (title, dateline, author), with other tags removed.
std::string loose_text(std::string_view inner) {
  std::string out;
  std::size_t i = 0;
  while (i < inner.size()) {
    const std::size_t lt = inner.find('<', i);
    out.append(inner.substr(i, lt == npos ? npos : lt - i));
    if (lt == npos) break;
    std::size_t next = npos;
    for (const Tag* tag : {&tag_title, &tag_dateline, &tag_author}) {
      if (inner.compare(lt, tag->open.size(), tag->open) == 0 && tag_starts_at(inner, lt, *tag) > 0) {
        if (const Element e = find_element(inner, *tag, lt); e.found == Found::ok) next = e.end;
        break;
      }
    }
    if (next == npos) {
      const std::size_t gt = inner.find('>', lt);
      next = gt == npos ? inner.size() : gt + 1;
    }
    i = next;
  }
  return out;
}

// Reads min_width..max_width digits at text[pos], advancing pos; -1 when there are fewer than min_width.
int digits(std::string_view text, std::size_t& pos, std::size_t min_width, std::size_t max_width) {
  int value = 0;
  std::size_t n = 0;
  while (n < max_width && pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos++] - '0');
    ++n;
  }
  return n >= min_width ? value : -1;
}

class SgmlReader final : public ArticleReader {
 public:
  SgmlReader(ByteSource source, const ReaderOptions& options)
      : buffer_(std::move(source), options.chunk_bytes, options.max_record_bytes + tag_reuters.close.size()),
        max_record_bytes_(options.max_record_bytes) {}

  std::optional<ReadItem> next() override {
    if (done_) return std::nullopt;
    try {
      if (!find_start()) {
        done_ = true;
        // Only text outside elements: a binary or unrelated file with an SGML name.
        if (!found_element_ && skipped_text_)
          return Rejection{buffer_.name(), "no <REUTERS> element: not Reuters-21578 SGML", {}};
        return std::nullopt;
      }
      found_element_ = true;
      return read_element();
    } catch (...) {
      done_ = true;
      throw;
    }
  }

  std::size_t bytes_read() const noexcept override { return buffer_.bytes_read(); }

 private:
  // Bytes kept at the end of a searched window: a tag split by a chunk boundary is found after the fill.
  static constexpr std::size_t overlap = tag_reuters.close.size() - 1;

  // Consumes n bytes, counting lines.
  void advance(std::size_t n) {
    const char* p = buffer_.window().data();
    for (const char* const end = p + n; p != end; ++p) {
      p = static_cast<const char*>(std::memchr(p, '\n', std::size_t(end - p)));
      if (p == nullptr) break;
      ++line_;
    }
    buffer_.consume(n);
  }

  // Consumes n bytes outside elements, noting whether they hold more than white space.
  void skip(std::size_t n) {
    skipped_text_ = skipped_text_ || !trim(buffer_.window().substr(0, n)).empty();
    advance(n);
  }

  // Moves the window to the next <REUTERS start tag; false at the end of input.
  bool find_start() {
    for (;;) {
      const std::string_view window = buffer_.window();
      if (const std::size_t pos = find_start_tag(window, tag_reuters, 0); pos != npos) {
        skip(pos);
        return true;
      }
      skip(window.size() - std::min(window.size(), tag_reuters.open.size()));
      if (!buffer_.fill()) return false;
    }
  }

  // The element starting the window: parsed, or rejected when unbalanced, truncated or over the bound.
  ReadItem read_element() {
    const std::size_t start_line = line_;
    std::size_t from = tag_reuters.open.size();
    for (;;) {
      const std::string_view window = buffer_.window();
      const std::size_t close = window.find(tag_reuters.close, from);
      const std::size_t limit = close == npos ? window.size() : close;
      if (const std::size_t next = find_start_tag(window.substr(0, limit), tag_reuters, from); next != npos) {
        Rejection rejection{located(buffer_.name(), start_line),
                            "unbalanced <REUTERS> (no </REUTERS> before the next <REUTERS>)",
                            std::string(window.substr(0, next))};
        advance(next);
        return rejection;
      }
      if (close != npos) {
        const std::size_t end = close + tag_reuters.close.size();
        ReadItem item = end > max_record_bytes_
                            ? ReadItem{Rejection{located(buffer_.name(), start_line),
                                                 oversized_reason(max_record_bytes_), truncate_raw(window)}}
                            : parse_reuters_element(window.substr(0, end), buffer_.name(), start_line);
        advance(end);
        return item;
      }
      if (window.size() > max_record_bytes_) return skip_oversized(start_line);
      from = std::max(from, window.size() - std::min(window.size(), overlap));
      if (!buffer_.fill()) {
        const std::string_view rest = buffer_.window();  // fill() may have moved the bytes
        Rejection rejection{located(buffer_.name(), start_line),
                            "unbalanced <REUTERS> (no </REUTERS> before the end of the input)",
                            std::string(rest)};
        advance(rest.size());
        return rejection;
      }
    }
  }

  // Rejects the element starting the window, which is over the bound, and skips to its end tag (or to
  // the next start tag, or the end of input) holding no more than a chunk of it at a time.
  Rejection skip_oversized(std::size_t start_line) {
    Rejection rejection{located(buffer_.name(), start_line), oversized_reason(max_record_bytes_),
                        truncate_raw(buffer_.window())};
    std::size_t from = tag_reuters.open.size();
    for (;;) {
      const std::string_view window = buffer_.window();
      const std::size_t close = window.find(tag_reuters.close, from);
      const std::size_t next =
          find_start_tag(window.substr(0, close == npos ? window.size() : close), tag_reuters, from);
      if (next != npos) {
        advance(next);
        return rejection;
      }
      if (close != npos) {
        advance(close + tag_reuters.close.size());
        return rejection;
      }
      advance(window.size() - std::min(window.size(), overlap));
      from = 0;
      if (!buffer_.fill()) {
        advance(buffer_.window().size());
        return rejection;
      }
    }
  }

  ChunkBuffer buffer_;
  std::size_t max_record_bytes_;
  std::size_t line_ = 1;  // line number of the first byte of the window
  bool done_ = false;
  bool found_element_ = false;  // a <REUTERS> start tag was seen
  bool skipped_text_ = false;   // text outside elements was skipped
};

}  // namespace

std::optional<Instant> parse_reuters_date(std::string_view text) {
  using namespace std::chrono;
  static constexpr std::array<std::string_view, 12> months{"jan", "feb", "mar", "apr", "may", "jun",
                                                           "jul", "aug", "sep", "oct", "nov", "dec"};
  text = trim(text);
  std::size_t pos = 0;
  const int d = digits(text, pos, 1, 2);
  if (d < 0 || pos + 5 > text.size() || text[pos] != '-' || text[pos + 4] != '-') return std::nullopt;
  unsigned month = 0;
  for (unsigned m = 0; m < months.size(); ++m)
    if (iequals_ascii(text.substr(pos + 1, 3), months[m])) month = m + 1;
  pos += 5;
  const int y = digits(text, pos, 4, 4);
  if (month == 0 || y < 0) return std::nullopt;
  const year_month_day ymd{year{y}, std::chrono::month{month}, day{unsigned(d)}};
  if (!ymd.ok() || !is_plausible_year(y)) return std::nullopt;
  const Instant midnight{sys_days{ymd}};
  // The time of day; a garbled one ("31-MAR-1987 605:12:19.12") leaves the day.
  if (pos >= text.size() || text[pos] != ' ') return midnight;
  while (pos < text.size() && text[pos] == ' ') ++pos;
  const int h = digits(text, pos, 2, 2);
  if (h < 0 || pos >= text.size() || text[pos++] != ':') return midnight;
  const int mi = digits(text, pos, 2, 2);
  if (mi < 0 || pos >= text.size() || text[pos++] != ':') return midnight;
  const int s = digits(text, pos, 2, 2);
  if (s < 0 || h > 23 || mi > 59 || s > 60 || (pos < text.size() && text[pos] >= '0' && text[pos] <= '9'))
    return midnight;
  return midnight + hours{h} + minutes{mi} + seconds{s};
}

ReadItem parse_reuters_element(std::string_view element, std::string_view name, std::size_t line) {
  const auto reject = [&](std::string reason) {
    return Rejection{located(name, line), std::move(reason), std::string(element)};
  };
  if (!is_valid_utf8(element)) return parse_reuters_element(latin1_fallback(element), name, line);
  const Element reuters = find_element(element, tag_reuters);
  if (reuters.found != Found::ok) return reject("unbalanced <REUTERS>");
  const std::string_view content = reuters.inner;

  Article article;
  if (const std::string_view newid = attribute(reuters.attributes, "NEWID"); !newid.empty())
    article.id = "reuters-" + std::string(newid);
  article.source = "Reuters";

  const Element date = find_element(content, tag_date);
  if (date.found == Found::unbalanced) return reject("unbalanced <DATE>");
  // The date is followed by wire codes after a control character ("27-MAR-1987 11:51:33.23&#5;&#5;C T").
  article.raw_date = trim(date.inner.substr(0, date.inner.find('&')));
  if (const auto published = parse_reuters_date(article.raw_date)) {
    article.published = published;
    article.date_source = DateSource::metadata;
  }

  for (const LabelTag& label : label_tags) {
    const Element list = find_element(content, label.tag);
    if (list.found == Found::unbalanced) return reject("unbalanced " + std::string(label.tag.open) + ">");
    std::vector<std::string>& values = article.gold.*label.member;
    for (std::size_t from = 0;;) {
      const Element d = find_element(list.inner, tag_d, from);
      if (d.found == Found::absent) break;
      if (d.found == Found::unbalanced)
        return reject("unbalanced <D> in " + std::string(label.tag.open) + ">");
      if (std::string value = collapse_spaces(decode(d.inner)); !value.empty())
        values.push_back(std::move(value));
      from = d.end;
    }
  }

  const Element text = find_element(content, tag_text);
  if (text.found == Found::unbalanced) return reject("unbalanced <TEXT>");
  const Element title = find_element(text.inner, tag_title);
  const Element dateline = find_element(text.inner, tag_dateline);
  const Element author = find_element(text.inner, tag_author);
  const Element body = find_element(text.inner, tag_body);
  const std::array<std::pair<const Element*, const Tag*>, 4> parts{
      {{&title, &tag_title}, {&dateline, &tag_dateline}, {&author, &tag_author}, {&body, &tag_body}}};
  for (const auto& [part, tag] : parts)
    if (part->found == Found::unbalanced) return reject("unbalanced " + std::string(tag->open) + ">");

  article.title = collapse_spaces(decode(title.inner));
  article.dateline = collapse_spaces(decode(dateline.inner));
  article.author = author_name(author.inner);
  // <BODY> holds the text; a BRIEF has only its title (and a "Blah blah blah." placeholder); an UNPROC
  // has its text directly inside <TEXT>.
  if (body.found == Found::ok) {
    append_paragraphs(decode(body.inner), article.body);
  } else if (attribute(text.attributes, "TYPE") != "BRIEF") {
    append_paragraphs(decode(loose_text(text.inner)), article.body);
  }
  strip_signoff(article.body);
  // An element of the collection (it has a NEWID) stays an article even without text, as a few
  // Reuters-21578 UNPROC elements are: evaluations count on every one of them.
  if (article.id.empty() && is_blank(article.title) && is_blank(article.body)) return reject("no text");
  article.origin = located(name, line);
  return article;
}

std::unique_ptr<ArticleReader> make_sgml_reader(ByteSource source, const ReaderOptions& options) {
  return std::make_unique<SgmlReader>(std::move(source), options);
}

}  // namespace gazette
