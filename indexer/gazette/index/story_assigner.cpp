/// @file
/// @brief StoryAssigner: band-term candidates from this run (in memory) and from the database.
#include "gazette/index/story_assigner.hpp"

#include <algorithm>

#include "gazette/core/hash.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

StoryAssigner::StoryAssigner(std::function<Xapian::Database()> database, double threshold)
    : database_(std::move(database)),
      earlier_articles_(database_().get_doccount() > 0),
      threshold_(threshold) {}

void StoryAssigner::add_run_candidates(const std::vector<std::string>& bands, std::vector<Candidate>& out) {
  for (const std::string& band : bands) {
    const auto it = bands_.find(hash64(band));
    if (it == bands_.end()) continue;
    for (std::uint32_t story : it->second)
      if (std::none_of(out.begin(), out.end(),
                       [&](const Candidate& c) { return c.story == stories_[story]; }))
        out.push_back({stories_[story], first_members_[story]});
  }
}

std::optional<Fingerprint> StoryAssigner::stored_fingerprint(Xapian::docid doc) {
  return decode_fingerprint(existing_.get_document(doc).get_value(schema::slot_fingerprint));
}

void StoryAssigner::add_database_candidates(const std::vector<std::string>& bands,
                                            std::vector<Candidate>& out) {
  if (!earlier_articles_) return;  // every candidate is one of this run's, already in the buckets in memory
  existing_ = database_();
  if (existing_.get_doccount() == 0) return;
  for (const std::string& band : bands) {
    if (existing_.get_termfreq(band) > max_band_bucket) continue;
    for (auto it = existing_.postlist_begin(band); it != existing_.postlist_end(band); ++it) {
      const std::string story = existing_.get_document(*it).get_value(schema::slot_story);
      if (story.empty() ||
          std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.story == story; }))
        continue;
      // Compare with the story's first member; when it was deleted, with the member that was found.
      const std::string first = schema::id_term(story);
      auto member = existing_.postlist_begin(first);
      const Xapian::docid doc = member != existing_.postlist_end(first) ? *member : *it;
      if (const auto fp = stored_fingerprint(doc)) out.push_back({story, *fp});
    }
  }
}

std::string StoryAssigner::assign(const std::string& id, const std::optional<Fingerprint>& fingerprint) {
  if (!fingerprint) return id;
  const std::vector<std::string> bands = band_terms(*fingerprint);
  std::vector<Candidate> candidates;
  add_run_candidates(bands, candidates);
  const auto from_run = std::ptrdiff_t(candidates.size());
  try {
    add_database_candidates(bands, candidates);
  } catch (const Xapian::DatabaseModifiedError&) {
    // A reader of shards that writer threads commit to (a sharded archive) falls behind: catch up, retry.
    candidates.erase(candidates.begin() + from_run, candidates.end());
    existing_.reopen();
    add_database_candidates(bands, candidates);
  }
  // Older stories first, so a tie goes to the story that existed first.
  std::vector<Fingerprint> prints;
  for (const Candidate& c : candidates) prints.push_back(c.fingerprint);
  const auto match = best_story_match(*fingerprint, prints, threshold_);

  std::string story = match ? candidates[match->index].story : id;
  if (story != id) ++joined_;
  auto [entry, is_new] = story_index_.try_emplace(story, std::uint32_t(stories_.size()));
  if (is_new) {
    stories_.push_back(story);
    first_members_.push_back(*fingerprint);
  }
  for (const std::string& band : bands) {
    auto& bucket = bands_[hash64(band)];
    if (bucket.size() < max_band_bucket &&
        std::find(bucket.begin(), bucket.end(), entry->second) == bucket.end())
      bucket.push_back(entry->second);
  }
  return story;
}

}  // namespace gazette
