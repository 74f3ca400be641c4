/// @file
/// @brief HTML reader: Gumbo parse of the depth-bounded page, one explicit-stack walk collecting metadata and
/// text blocks, then main-content selection by a Readability-style text-density score.
#include "gazette/readers/html_reader.hpp"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>
#include <vector>

#include "gazette/core/time.hpp"
#include "gazette/readers/html_depth.hpp"
#include "gazette/readers/html_metadata.hpp"
#include "gazette/readers/reader_util.hpp"
#include "gazette/readers/whole_file_reader.hpp"

namespace gazette {

namespace {

constexpr std::uint32_t no_element = UINT32_MAX;

// Gumbo keeps at most this many parse errors (the default keeps every one: memory grows with the garbage).
constexpr int max_gumbo_errors = 100;

// Text blocks shorter than this (characters) do not vote for their container.
constexpr std::size_t min_scored_chars = 25;
// A text block whose links hold more than this share of its characters is a link list, not article text.
constexpr double max_link_density = 0.5;

// Elements never part of the article text. `noise` ones are also not trusted for metadata (a <time> in a
// comment, an <h1> in a menu); header and figure hold the page's own headline, byline and date. Elements
// that are not `visited` hold no text or metadata at all and are skipped whole.
struct Excluded {
  GumboTag tag;
  bool noise, visited;
};
constexpr std::array<Excluded, 23> excluded_tags{{
    {GUMBO_TAG_HEAD, false, true},       {GUMBO_TAG_HEADER, false, true},   {GUMBO_TAG_FIGURE, false, true},
    {GUMBO_TAG_FIGCAPTION, false, true}, {GUMBO_TAG_NAV, true, true},       {GUMBO_TAG_ASIDE, true, true},
    {GUMBO_TAG_FOOTER, true, true},      {GUMBO_TAG_FORM, true, true},      {GUMBO_TAG_MENU, true, true},
    {GUMBO_TAG_NOSCRIPT, true, false},   {GUMBO_TAG_TEMPLATE, true, false}, {GUMBO_TAG_IFRAME, true, false},
    {GUMBO_TAG_SVG, true, false},        {GUMBO_TAG_MATH, true, false},     {GUMBO_TAG_OBJECT, true, false},
    {GUMBO_TAG_EMBED, true, false},      {GUMBO_TAG_CANVAS, true, false},   {GUMBO_TAG_VIDEO, true, false},
    {GUMBO_TAG_AUDIO, true, false},      {GUMBO_TAG_BUTTON, true, false},   {GUMBO_TAG_SELECT, true, false},
    {GUMBO_TAG_TEXTAREA, true, false},   {GUMBO_TAG_STYLE, true, false},
}};

// Class, id and role words (split at non-letters, lower case) of page furniture. Sorted, for binary search.
constexpr std::array<std::string_view, 45> noise_words{
    "ad",          "ads",     "advert",   "advertisement", "alertdialog", "banner",      "breadcrumb",
    "breadcrumbs", "comment", "comments", "complementary", "consent",     "contentinfo", "cookie",
    "cookies",     "dialog",  "disqus",   "footer",        "gdpr",        "menu",        "modal",
    "more",        "most",    "nav",      "navbar",        "navigation",  "newsletter",  "outbrain",
    "popular",     "popup",   "promo",    "recirculation", "recommended", "related",     "share",
    "sharing",     "sidebar", "signup",   "social",        "sponsored",   "subscribe",   "subscription",
    "taboola",     "toolbar", "trending"};
// Words of blocks that belong to the article but not to its text: bylines, captions, credits, tags.
constexpr std::array<std::string_view, 9> furniture_words{
    "author", "byline", "caption", "credit", "credits", "meta", "tags", "timestamp", "topics"};
// Words of the article's own container: they add to its score. Noise words win on the same element
// ("story-share" is a share bar); only <html>, <body>, <article>, <main> and itemprop="articleBody" are never
// noise.
constexpr std::array<std::string_view, 9> content_words{"article", "articlebody", "body",  "content", "entry",
                                                        "main",    "post",        "story", "text"};

template <std::size_t N>
constexpr bool sorted(const std::array<std::string_view, N>& list) {
  for (std::size_t i = 1; i < N; ++i)
    if (!(list[i - 1] < list[i])) return false;
  return true;
}
static_assert(sorted(noise_words) && sorted(furniture_words) && sorted(content_words));

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view word) noexcept {
  return std::binary_search(list.begin(), list.end(), word);
}

// Inline elements continue the current text block; every other element starts a new one.
bool is_inline(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_A:
    case GUMBO_TAG_ABBR:
    case GUMBO_TAG_B:
    case GUMBO_TAG_BDI:
    case GUMBO_TAG_BDO:
    case GUMBO_TAG_CITE:
    case GUMBO_TAG_CODE:
    case GUMBO_TAG_DATA:
    case GUMBO_TAG_DFN:
    case GUMBO_TAG_EM:
    case GUMBO_TAG_FONT:
    case GUMBO_TAG_I:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_KBD:
    case GUMBO_TAG_LABEL:
    case GUMBO_TAG_MARK:
    case GUMBO_TAG_Q:
    case GUMBO_TAG_S:
    case GUMBO_TAG_SAMP:
    case GUMBO_TAG_SMALL:
    case GUMBO_TAG_SPAN:
    case GUMBO_TAG_STRIKE:
    case GUMBO_TAG_STRONG:
    case GUMBO_TAG_SUB:
    case GUMBO_TAG_SUP:
    case GUMBO_TAG_TIME:
    case GUMBO_TAG_TT:
    case GUMBO_TAG_U:
    case GUMBO_TAG_VAR:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_UNKNOWN:
      return true;
    default:
      return false;
  }
}

// Paragraph-like blocks vote for their parent; other blocks with text of their own (a <div> of text and
// <br>s) vote for themselves.
bool is_paragraph(GumboTag tag) noexcept {
  switch (tag) {
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return true;
    default:
      return false;
  }
}

const char* attribute(const GumboElement& element, const char* name) noexcept {
  const GumboAttribute* a = gumbo_get_attribute(&element.attributes, name);
  return a != nullptr ? a->value : nullptr;
}

std::string_view attribute_view(const GumboElement& element, const char* name) noexcept {
  const char* value = attribute(element, name);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

// Calls f(word) for each lower-case run of ASCII letters in text.
template <class F>
void for_each_word(std::string_view text, F&& f) {
  std::string word;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ' ';
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      word += char(c | 0x20);
    } else if (!word.empty()) {
      f(std::string_view(word));
      word.clear();
    }
  }
}

// What the class, id and role of an element say about it.
struct Label {
  bool noise = false;      // furniture of the site: not text, not metadata
  bool furniture = false;  // byline, caption...: not text
  bool content = false;    // the article's container
};

Label label_of(const GumboElement& element) {
  Label label;
  for (const char* name : {"class", "id", "role"})
    for_each_word(attribute_view(element, name), [&](std::string_view w) {
      label.noise = label.noise || listed(noise_words, w);
      label.furniture = label.furniture || listed(furniture_words, w);
      label.content = label.content || listed(content_words, w);
    });
  const bool container = element.tag == GUMBO_TAG_HTML || element.tag == GUMBO_TAG_BODY ||
                         element.tag == GUMBO_TAG_ARTICLE || element.tag == GUMBO_TAG_MAIN ||
                         attribute_view(element, "itemprop") == "articleBody";
  if (container) label.noise = label.furniture = false;
  label.content = label.content || container;
  if (attribute(element, "hidden") != nullptr || attribute_view(element, "aria-hidden") == "true")
    label.noise = true;
  return label;
}

bool has_word(std::string_view list, std::string_view word) {
  bool found = false;
  for_each_word(list, [&](std::string_view w) { found = found || w == word; });
  return found;
}

struct Element {
  GumboTag tag;
  std::uint32_t parent;
  std::uint32_t end = 0;  // one past the index of its last descendant (indices are in document order)
  std::uint32_t first_segment = 0, end_segment = 0;
  bool content = false;
  double score = 0;
};

// A run of text between block boundaries, owned by the innermost block element around it.
struct Segment {
  std::uint32_t owner;
  std::string text;
  std::size_t chars = 0, link_chars = 0, commas = 0;
  bool excluded = false;
};

// Metadata candidates in order of preference; the first non-empty wins.
struct Metadata {
  std::string lang, locale;
  std::string og_title, title, h1, article_h1;
  std::string meta_date, itemprop_date, time_date;
  std::string meta_author, rel_author;
  std::string canonical, og_url, site_name;
  std::optional<JsonLdArticle> json_ld;
};

// Date metas by name or property, in order of preference.
constexpr std::array<std::string_view, 9> date_metas{"article:published_time",
                                                     "og:article:published_time",
                                                     "datepublished",
                                                     "pubdate",
                                                     "publishdate",
                                                     "dc.date.issued",
                                                     "dc.date",
                                                     "parsely-pub-date",
                                                     "date"};

std::size_t date_meta_rank(std::string_view key) {
  for (std::size_t i = 0; i < date_metas.size(); ++i)
    if (iequals_ascii(key, date_metas[i])) return i;
  return date_metas.size();
}

void set_if_empty(std::string& field, std::string_view value) {
  if (field.empty()) field = trim(value);
}

// The walk over Gumbo's tree: explicit stack of enter/exit events, so page depth never uses the C++ stack.
class Walker {
 public:
  void run(const GumboNode* root) {
    struct Event {
      const GumboNode* node;
      bool exit;
    };
    std::vector<Event> stack{{root, false}};
    while (!stack.empty()) {
      const Event event = stack.back();
      stack.pop_back();
      const GumboNode* node = event.node;
      if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
          node->type == GUMBO_NODE_CDATA) {
        append_text(node->v.text.text);
        continue;
      }
      if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) continue;  // comments
      const GumboVector& children =
          node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
      if (node->type == GUMBO_NODE_ELEMENT) {
        if (event.exit) {
          leave(node->v.element);
          continue;
        }
        if (!enter(node->v.element)) continue;
        stack.push_back({node, true});
      }
      for (unsigned i = children.length; i-- > 0;)
        stack.push_back({static_cast<const GumboNode*>(children.data[i]), false});
    }
    flush();
  }

  Metadata metadata;
  std::vector<Element> elements;
  std::vector<Segment> segments;

 private:
  struct Open {
    std::uint32_t element;
    bool block, excluded, noise, link, article, rel_author;
    std::size_t author_from;  // text offset in the current segment where a rel=author link started
  };

  // Handles a start tag; false when its children are not to be visited.
  bool enter(const GumboElement& e) {
    switch (e.tag) {
      case GUMBO_TAG_HTML:
        set_if_empty(metadata.lang, attribute_view(e, "lang"));
        break;
      case GUMBO_TAG_TITLE:
        if (e.children.length > 0) {
          const auto* text = static_cast<const GumboNode*>(e.children.data[0]);
          if (text->type == GUMBO_NODE_TEXT) set_if_empty(metadata.title, text->v.text.text);
        }
        return false;
      case GUMBO_TAG_META:
        read_meta(e);
        return false;
      case GUMBO_TAG_LINK:
        if (has_word(attribute_view(e, "rel"), "canonical"))
          set_if_empty(metadata.canonical, attribute_view(e, "href"));
        return false;
      case GUMBO_TAG_SCRIPT:
        if (!metadata.json_ld && iequals_ascii(trim(attribute_view(e, "type")), "application/ld+json") &&
            e.children.length > 0) {
          const auto* text = static_cast<const GumboNode*>(e.children.data[0]);
          if (text->type == GUMBO_NODE_TEXT) metadata.json_ld = parse_json_ld_article(text->v.text.text);
        }
        return false;
      default:
        break;
    }
    const auto excluded_it = std::find_if(excluded_tags.begin(), excluded_tags.end(),
                                          [&](const Excluded& x) { return x.tag == e.tag; });
    const Label label = label_of(e);
    const bool noise = noise_ || label.noise || (excluded_it != excluded_tags.end() && excluded_it->noise);
    if (excluded_it != excluded_tags.end() && !excluded_it->visited) return false;

    if (!noise) {
      if (const std::string_view prop = attribute_view(e, "itemprop"); prop == "datePublished") {
        const std::string_view value = attribute_view(e, "content");
        set_if_empty(metadata.itemprop_date, value.empty() ? attribute_view(e, "datetime") : value);
      }
      if (e.tag == GUMBO_TAG_TIME) set_if_empty(metadata.time_date, attribute_view(e, "datetime"));
    }

    const std::uint32_t index = std::uint32_t(elements.size());
    elements.push_back({e.tag, open_.empty() ? no_element : open_.back().element});
    elements.back().content = label.content;
    const bool block = !is_inline(e.tag) || label.noise || label.furniture;
    if (block) flush();
    elements.back().first_segment = std::uint32_t(segments.size());
    Open open{index,
              block,
              excluded_ || excluded_it != excluded_tags.end() || label.noise || label.furniture,
              noise,
              link_ || e.tag == GUMBO_TAG_A,
              article_ || e.tag == GUMBO_TAG_ARTICLE,
              !noise && (e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_LINK) &&
                  has_word(attribute_view(e, "rel"), "author"),
              text_.size()};
    open_.push_back(open);
    if (block) owner_.push_back(index);
    apply(open);
    return true;
  }

  void leave(const GumboElement& e) {
    const Open open = open_.back();
    open_.pop_back();
    if (open.rel_author && author_segment_ == segments.size() && text_.size() > open.author_from)
      set_if_empty(metadata.rel_author, std::string_view(text_).substr(open.author_from));
    if (open.block) {
      flush();
      if ((e.tag == GUMBO_TAG_H1) && !open.noise && !segments.empty() &&
          segments.back().owner == open.element) {
        set_if_empty(metadata.h1, segments.back().text);
        if (open.article) set_if_empty(metadata.article_h1, segments.back().text);
      }
      owner_.pop_back();
    } else if (e.tag == GUMBO_TAG_BR) {
      text_ += '\n';
      space_ = false;
    }
    Element& element = elements[open.element];
    element.end = std::uint32_t(elements.size());
    element.end_segment = std::uint32_t(segments.size());
    if (open_.empty()) {
      excluded_ = noise_ = link_ = article_ = false;
    } else {
      apply(open_.back());
    }
  }

  void apply(const Open& open) {
    excluded_ = open.excluded;
    noise_ = open.noise;
    link_ = open.link;
    article_ = open.article;
    if (open.rel_author) author_segment_ = segments.size();
  }

  void read_meta(const GumboElement& e) {
    const std::string_view content = attribute_view(e, "content");
    if (content.empty()) return;
    std::string_view key = attribute_view(e, "property");
    if (key.empty()) key = attribute_view(e, "name");
    if (key.empty()) key = attribute_view(e, "itemprop");
    if (key.empty()) {
      if (iequals_ascii(attribute_view(e, "http-equiv"), "content-language"))
        set_if_empty(metadata.locale, content);
      return;
    }
    if (iequals_ascii(key, "og:title"))
      set_if_empty(metadata.og_title, content);
    else if (iequals_ascii(key, "og:site_name"))
      set_if_empty(metadata.site_name, content);
    else if (iequals_ascii(key, "og:url"))
      set_if_empty(metadata.og_url, content);
    else if (iequals_ascii(key, "og:locale"))
      set_if_empty(metadata.locale, content);
    else if (iequals_ascii(key, "author"))
      set_if_empty(metadata.meta_author, content);
    else if (const std::size_t rank = date_meta_rank(key); rank < date_meta_rank_) {
      metadata.meta_date = trim(content);
      date_meta_rank_ = rank;
    }
  }

  // Appends a text node with white space collapsed (no-break spaces included).
  void append_text(std::string_view text) {
    std::size_t added = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const char c = text[i];
      const bool nbsp = c == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0';
      if (is_ascii_space(c) || nbsp) {
        space_ = true;
        i += nbsp ? 1 : 0;
        continue;
      }
      if (space_ && !text_.empty() && text_.back() != '\n') {
        text_ += ' ';
        ++added;
      }
      space_ = false;
      text_ += c;
      if ((c & 0xC0) != 0x80) ++added;
      if (c == ',') ++commas_;
    }
    chars_ += added;
    if (link_) link_chars_ += added;
  }

  // Ends the current text block: recorded when it has any text.
  void flush() {
    while (!text_.empty() && (text_.back() == '\n' || text_.back() == ' ')) text_.pop_back();
    std::size_t start = 0;
    while (start < text_.size() && text_[start] == '\n') ++start;
    if (start < text_.size() && !owner_.empty()) {
      Segment s{owner_.back(), text_.substr(start), chars_, std::min(link_chars_, chars_), commas_,
                excluded_};
      segments.push_back(std::move(s));
    }
    text_.clear();
    chars_ = link_chars_ = commas_ = 0;
    space_ = false;
  }

  std::vector<Open> open_;
  std::vector<std::uint32_t> owner_;  // open block elements
  std::string text_;                  // the current text block
  std::size_t chars_ = 0, link_chars_ = 0, commas_ = 0;
  std::size_t author_segment_ = SIZE_MAX;
  std::size_t date_meta_rank_ = date_metas.size();
  bool space_ = false, excluded_ = false, noise_ = false, link_ = false, article_ = false;
};

double link_density(const Segment& s) noexcept {
  return s.chars == 0 ? 1.0 : double(s.link_chars) / double(s.chars);
}

// Readability's scoring: each text block of at least min_scored_chars votes 1 + commas + one per 100
// characters (at most 3), scaled by its share of non-link text, for its container (full), the container's
// parent (half) and grandparent (a sixth). Containers marked as content get 25 once. Returns the elements
// whose text is the article: the best container and its siblings scoring at least a fifth of it (and 10).
std::vector<std::uint32_t> main_elements(std::vector<Element>& elements,
                                         const std::vector<Segment>& segments) {
  std::vector<bool> scored(elements.size(), false);
  for (const Segment& s : segments) {
    if (s.excluded || s.chars < min_scored_chars) continue;
    const double vote =
        (1.0 + double(s.commas) + std::min(double(s.chars) / 100.0, 3.0)) * (1.0 - link_density(s));
    std::uint32_t container = is_paragraph(elements[s.owner].tag) ? elements[s.owner].parent : s.owner;
    for (double divisor : {1.0, 2.0, 6.0}) {
      if (container == no_element) break;
      Element& e = elements[container];
      if (!scored[container] && e.content) e.score += 25;
      scored[container] = true;
      e.score += vote / divisor;
      container = e.parent;
    }
  }
  std::uint32_t best = no_element;
  for (std::uint32_t i = 0; i < elements.size(); ++i)
    if (scored[i] && (best == no_element || elements[i].score > elements[best].score)) best = i;
  if (best == no_element) return {};
  std::vector<std::uint32_t> chosen;
  const std::uint32_t parent = elements[best].parent;
  if (parent == no_element) return {best};
  const double bar = std::max(10.0, 0.2 * elements[best].score);
  for (std::uint32_t i = parent + 1; i < elements[parent].end; i = elements[i].end)  // the parent's children
    if (i == best || (scored[i] && elements[i].score >= bar)) chosen.push_back(i);
  return chosen;
}

std::string join_body(const std::vector<Element>& elements, const std::vector<Segment>& segments,
                      const std::vector<std::uint32_t>& chosen) {
  std::string body;
  const auto add = [&](const Segment& s) {
    if (s.excluded || link_density(s) > max_link_density || elements[s.owner].tag == GUMBO_TAG_H1) return;
    bool paragraph = !body.empty();  // a blank line (two <br>) inside a block also starts a paragraph
    for (std::size_t from = 0; from <= s.text.size();) {
      std::size_t to = s.text.find('\n', from);
      if (to == std::string::npos) to = s.text.size();
      const std::string_view line = trim(std::string_view(s.text).substr(from, to - from));
      from = to + 1;
      if (line.empty()) {
        paragraph = paragraph || !body.empty();
        continue;
      }
      if (!body.empty()) body += paragraph ? "\n\n" : "\n";
      body += line;
      paragraph = false;
    }
  };
  if (chosen.empty()) {
    std::for_each(segments.begin(), segments.end(), add);
  } else {
    for (const std::uint32_t e : chosen)
      for (std::uint32_t s = elements[e].first_segment; s < elements[e].end_segment; ++s) add(segments[s]);
  }
  return body;
}

const std::string& first_of(std::initializer_list<const std::string*> fields) {
  for (const std::string* f : fields)
    if (!f->empty()) return *f;
  return **std::prev(fields.end());
}

}  // namespace

ReadItem parse_html_article(std::string_view content, std::string name) {
  // A page holds no NUL bytes; Gumbo would turn a binary file's debris into "text".
  if (const std::size_t nul = content.find('\0'); nul != std::string_view::npos)
    return Rejection{std::move(name), "NUL byte at offset " + std::to_string(nul) + ": binary data, not HTML",
                     truncate_raw(content)};
  const std::string_view page = content.substr(0, html_depth_cut(content));
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = max_gumbo_errors;
  GumboOutput* output = gumbo_parse_with_options(&options, page.data(), page.size());
  Walker walker;
  walker.run(output->document);
  gumbo_destroy_output(&options, output);

  Metadata& m = walker.metadata;
  const JsonLdArticle ld = m.json_ld.value_or(JsonLdArticle{});
  Article article;
  article.body = join_body(walker.elements, walker.segments, main_elements(walker.elements, walker.segments));
  if (is_blank(article.body)) return Rejection{std::move(name), "no article text", std::string(content)};
  article.source = trim(first_of({&m.site_name, &ld.publisher}));
  article.title =
      strip_site_name(first_of({&m.og_title, &ld.headline, &m.article_h1, &m.h1, &m.title}), article.source);
  article.raw_date = trim(first_of({&m.meta_date, &ld.date_published, &m.itemprop_date, &m.time_date}));
  if (const auto published = parse_iso8601(article.raw_date)) {
    article.published = published;
    article.date_source = DateSource::metadata;
  }
  article.author = collapse_spaces(first_of({&m.meta_author, &ld.author, &m.rel_author}));
  article.url = trim(first_of({&m.canonical, &m.og_url, &ld.url}));
  article.language = normalize_language(trim(m.lang.empty() ? m.locale : m.lang));
  article.origin = std::move(name);
  return article;
}

std::unique_ptr<ArticleReader> make_html_reader(ByteSource source, const ReaderOptions& options) {
  return make_whole_file_reader(std::move(source), options, parse_html_article);
}

}  // namespace gazette
