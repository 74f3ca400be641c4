/// @file
/// @brief JSON-LD article objects (nlohmann::json with a depth pre-check) and headline clean-up.
#include "gazette/readers/html_metadata.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include <nlohmann/json.hpp>

#include "gazette/readers/reader_util.hpp"

namespace gazette {

namespace {

using json = nlohmann::json;

constexpr std::size_t max_json_ld_depth = 64;

// Bracket nesting of JSON text outside strings; the parser and the destructor are never asked for more.
std::size_t json_depth(std::string_view text) noexcept {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool is_article_type(const json& type) {
  const auto matches = [](const json& t) {
    if (!t.is_string()) return false;
    const auto& s = t.get_ref<const std::string&>();
    return s.ends_with("Article") || s == "BlogPosting" || s == "LiveBlogPosting" || s == "Report";
  };
  if (type.is_array()) return std::any_of(type.begin(), type.end(), matches);
  return matches(type);
}

std::string string_at(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? std::string(trim(it->get_ref<const std::string&>())) : "";
}

// A person or organisation given as a string, {"name": ...} or an array of those: names joined by ", ".
std::string names_of(const json& value) {
  std::vector<std::string> names;
  const auto add = [&](const json& v) {
    std::string name = v.is_string()   ? std::string(trim(v.get_ref<const std::string&>()))
                       : v.is_object() ? string_at(v, "name")
                                       : "";
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  };
  if (value.is_array())
    std::for_each(value.begin(), value.end(), add);
  else
    add(value);
  std::string joined;
  for (const auto& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

JsonLdArticle article_of(const json& object) {
  JsonLdArticle article;
  article.headline = string_at(object, "headline");
  article.date_published = string_at(object, "datePublished");
  if (const auto it = object.find("author"); it != object.end()) article.author = names_of(*it);
  if (const auto it = object.find("publisher"); it != object.end()) article.publisher = names_of(*it);
  article.url = string_at(object, "url");
  if (const auto it = object.find("mainEntityOfPage"); article.url.empty() && it != object.end())
    article.url = it->is_string()   ? std::string(trim(it->get_ref<const std::string&>()))
                  : it->is_object() ? string_at(*it, "@id")
                                    : "";
  return article;
}

bool is_space(char c) noexcept {
  return is_ascii_space(c);
}

std::size_t word_count(std::string_view text) noexcept {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    if (!is_space(c) && !in_word) ++words;
    in_word = !is_space(c);
  }
  return words;
}

struct Separator {
  std::string_view text;
  bool strong;  // a part after it may be dropped without knowing the site's name
};
constexpr std::array<Separator, 7> separators{{{" | ", true},
                                               {" :: ", true},
                                               {" \xC2\xB7 ", true},
                                               {" \xE2\x80\xA2 ", true},
                                               {" - ", false},
                                               {" \xE2\x80\x93 ", false},
                                               {" \xE2\x80\x94 ", false}}};

// One site-name part removed from either end of title, or nullopt when none qualifies.
std::optional<std::string_view> strip_once(std::string_view title, std::string_view site) {
  for (const Separator& sep : separators) {
    if (const std::size_t at = title.rfind(sep.text); at != std::string_view::npos) {
      const std::string_view head = title.substr(0, at), tail = title.substr(at + sep.text.size());
      if ((!site.empty() && iequals_ascii(tail, site)) ||
          (sep.strong && word_count(tail) <= 4 && word_count(head) >= 3))
        return head;
    }
    if (const std::size_t at = title.find(sep.text); at != std::string_view::npos && !site.empty())
      if (iequals_ascii(title.substr(0, at), site)) return title.substr(at + sep.text.size());
  }
  return std::nullopt;
}

}  // namespace

std::optional<JsonLdArticle> parse_json_ld_article(std::string_view text) {
  if (json_depth(text) > max_json_ld_depth) return std::nullopt;
  const json root = json::parse(text.begin(), text.end(), nullptr, false);
  if (root.is_discarded()) return std::nullopt;
  std::vector<const json*> pending{&root};
  while (!pending.empty()) {  // breadth-first over arrays and @graph: the page's own article comes first
    std::vector<const json*> next;
    for (const json* value : pending) {
      if (value->is_array()) {
        for (const json& item : *value) next.push_back(&item);
      } else if (value->is_object()) {
        if (const auto type = value->find("@type"); type != value->end() && is_article_type(*type))
          return article_of(*value);
        if (const auto graph = value->find("@graph"); graph != value->end()) next.push_back(&*graph);
      }
    }
    pending = std::move(next);
  }
  return std::nullopt;
}

std::string strip_site_name(std::string_view title, std::string_view site) {
  std::string current = collapse_spaces(title);
  const std::string site_name = collapse_spaces(site);
  while (const auto shorter = strip_once(current, site_name)) current = std::string(trim(*shorter));
  return current;
}

}  // namespace gazette
