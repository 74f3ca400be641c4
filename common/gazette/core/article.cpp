/// @file
/// @brief Date-source names and derived article ids.
#include "gazette/core/article.hpp"

#include <array>

#include "gazette/core/hash.hpp"

namespace gazette {

namespace {
constexpr std::array<const char*, 5> date_source_names{"none", "metadata", "header", "url", "dateline"};
}

const char* date_source_name(DateSource source) noexcept {
  return date_source_names[size_t(source)];
}

const char* entity_type_name(EntityType type) noexcept {
  switch (type) {
    case EntityType::person:
      return "person";
    case EntityType::organization:
      return "organization";
    case EntityType::place:
      break;
  }
  return "place";
}

DateSource date_source_from_name(std::string_view name) noexcept {
  for (size_t i = 0; i < date_source_names.size(); ++i)
    if (name == date_source_names[i]) return DateSource(i);
  return DateSource::none;
}

std::string derive_article_id(const Article& article) {
  // A unit separator keeps ("ab","c") and ("a","bc") apart. Without a headline the opening of the body
  // stands in for it, or every untitled article of one day would share an id.
  constexpr std::size_t headline_bytes = 200;
  const std::string headline = article.title.empty() ? article.body.substr(0, headline_bytes) : article.title;
  const std::string key = article.url.empty()
                              ? "t\x1f" + article.source + "\x1f" + headline + "\x1f" + article.raw_date
                              : "u\x1f" + article.source + "\x1f" + article.url;
  return "h" + hash_hex64(key);
}

}  // namespace gazette
