/// @file
/// @brief purge_stale_stories: a pass over the bucket keys.
#include "gazette/index/story_buckets.hpp"

#include <string>
#include <vector>

#include "gazette/schema/schema.hpp"
#include "gazette/stories/lsh_bucket.hpp"

namespace gazette {

std::size_t purge_stale_stories(Xapian::WritableDatabase& buckets, const Xapian::Database& articles) {
  const std::string prefix(schema::meta::lsh_bucket);
  std::vector<std::pair<std::string, std::string>> changed;  // written after the walk, not during it
  std::size_t removed = 0;
  for (auto key = buckets.metadata_keys_begin(prefix); key != buckets.metadata_keys_end(prefix); ++key) {
    std::string kept;
    bool stale = false;
    for (const std::string& story : decode_bucket(buckets.get_metadata(*key))) {
      if (articles.term_exists(schema::id_term(story)) || articles.term_exists(schema::story_term(story))) {
        append_to_bucket(kept, story);
      } else {
        stale = true;
        ++removed;
      }
    }
    if (stale) changed.emplace_back(*key, std::move(kept));
  }
  for (const auto& [key, value] : changed) buckets.set_metadata(key, value);  // "" removes the key
  return removed;
}

}  // namespace gazette
