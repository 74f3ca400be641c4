/// @file
/// @brief StoryAssigner: candidates from this run's buckets (in memory) and from the database's buckets.
#include "gazette/index/story_assigner.hpp"

#include <algorithm>
#include <utility>

#include "gazette/schema/schema.hpp"
#include "gazette/stories/lsh_bucket.hpp"

namespace gazette {

namespace {

bool has_story(const std::vector<std::string>& stories, const std::string& story) {
  return std::find(stories.begin(), stories.end(), story) != stories.end();
}

}  // namespace

StoryAssigner::StoryAssigner(StoryStore store, BucketWrites writes, double threshold)
    : store_(std::move(store)),
      writes_(writes),
      earlier_articles_(store_.articles().get_doccount() > 0),
      threshold_(threshold) {}

void StoryAssigner::add_run_candidates(const BandKeys& keys) {
  for (const std::uint64_t key : keys) {
    const std::span<const std::uint32_t> bucket = bands_.find(key);
    if (bucket.size() >= max_band_bucket) continue;
    for (std::uint32_t story : bucket)
      if (std::exchange(last_round_[story], round_) != round_) run_candidates_.push_back(story);
  }
}

bool StoryAssigner::is_candidate(const std::string& story) const {
  if (const auto run = story_index_.find(story);
      run != story_index_.end() && last_round_[run->second] == round_)
    return true;
  return std::any_of(stored_candidates_.begin(), stored_candidates_.end(),
                     [&](const StoredCandidate& c) { return c.story == story; });
}

std::optional<Xapian::Document> StoryAssigner::first_member(const Xapian::Database& articles,
                                                            const std::string& story) {
  // The story's first member; when it was deleted, the oldest surviving member.
  for (const std::string& term : {schema::id_term(story), schema::story_term(story)}) {
    const auto member = articles.postlist_begin(term);
    if (member != articles.postlist_end(term)) return articles.get_document(*member);
  }
  return std::nullopt;  // every member was deleted: a stale bucket entry
}

void StoryAssigner::add_database_candidates(const Xapian::Database& articles,
                                            const std::vector<std::vector<std::string>>& buckets) {
  for (const std::vector<std::string>& bucket : buckets) {
    if (bucket.size() >= max_band_bucket) continue;  // a stop key
    for (const std::string& listed : bucket) {
      if (is_candidate(listed)) continue;
      auto member = first_member(articles, listed);
      if (!member) continue;
      // A story the quote rule moved into another (quote_joiner.hpp) is found under its old id.
      std::string story = member->get_value(schema::slot_story);
      if (story.empty()) story = listed;
      if (story != listed && (is_candidate(story) || !(member = first_member(articles, story)))) continue;
      if (auto fp = decode_fingerprint(member->get_value(schema::slot_fingerprint)))
        stored_candidates_.push_back({std::move(story), std::move(*fp)});
    }
  }
}

std::string StoryAssigner::encode_run_bucket(std::span<const std::uint32_t> stories) const {
  std::string value;
  for (const std::uint32_t story : stories) append_to_bucket(value, stories_[story]);
  return value;
}

void StoryAssigner::remember(const std::string& story, const Fingerprint& first_member, const BandKeys& keys,
                             std::vector<std::vector<std::string>>& stored) {
  auto [entry, is_new] = story_index_.try_emplace(story, std::uint32_t(stories_.size()));
  if (is_new) {
    stories_.push_back(story);
    first_members_.push_back(first_member);
    last_round_.push_back(round_);
  }
  for (std::size_t band = 0; band < lsh_bands; ++band) {
    const bool added = bands_.add(keys[band], entry->second, max_band_bucket);
    if (earlier_articles_) {
      // The stored bucket (with this run's changes) is the whole list; memory only finds the stories of
      // this run, whose first members other databases (a sharded archive's) cannot show yet.
      if (stored[band].size() >= max_band_bucket || has_story(stored[band], story)) continue;
      stored[band].push_back(story);
      if (writes_ == BucketWrites::none) continue;
      std::string value;
      for (const std::string& s : stored[band]) append_to_bucket(value, s);
      unflushed_[keys[band]] = std::move(value);
    } else if (added && writes_ == BucketWrites::at_commits) {
      changed_.push_back(keys[band]);
    }
  }
}

std::vector<std::string> StoryAssigner::stored_bucket(const Xapian::Database& buckets,
                                                      std::uint64_t key) const {
  const auto it = unflushed_.find(key);
  return decode_bucket(it != unflushed_.end() ? it->second : buckets.get_metadata(bucket_key(key)));
}

void StoryAssigner::flush_buckets(Xapian::WritableDatabase& db) {
  std::sort(changed_.begin(), changed_.end());
  changed_.erase(std::unique(changed_.begin(), changed_.end()), changed_.end());
  for (const std::uint64_t key : changed_)
    db.set_metadata(bucket_key(key), encode_run_bucket(bands_.find(key)));
  changed_.clear();
  std::vector<std::pair<std::uint64_t, std::string>> values(unflushed_.begin(), unflushed_.end());
  std::sort(values.begin(), values.end());
  for (const auto& [key, value] : values) db.set_metadata(bucket_key(key), value);
  unflushed_.clear();
}

void StoryAssigner::write_buckets(Xapian::WritableDatabase& db) const {
  for (const std::uint64_t key : bands_.sorted_keys())
    db.set_metadata(bucket_key(key), encode_run_bucket(bands_.find(key)));
}

std::string StoryAssigner::assign(const std::string& id, const std::optional<Fingerprint>& fingerprint) {
  if (!fingerprint) return id;
  const BandKeys keys = band_keys(*fingerprint);
  ++round_;
  run_candidates_.clear();
  stored_candidates_.clear();
  add_run_candidates(keys);
  std::vector<std::vector<std::string>> stored(lsh_bands);
  if (earlier_articles_) {
    const Xapian::Database buckets = store_.buckets();
    for (std::size_t band = 0; band < lsh_bands; ++band) stored[band] = stored_bucket(buckets, keys[band]);
    Xapian::Database articles = store_.articles();
    try {
      add_database_candidates(articles, stored);
    } catch (const Xapian::DatabaseModifiedError&) {
      // A reader of shards that writer threads commit to (a sharded archive) falls behind: catch up, retry.
      stored_candidates_.clear();
      articles.reopen();
      add_database_candidates(articles, stored);
    }
  }
  // This run's stories first, then the database's, each in bucket order (ties go to the earlier).
  prints_.clear();
  for (const std::uint32_t story : run_candidates_) prints_.push_back(&first_members_[story]);
  for (const StoredCandidate& c : stored_candidates_) prints_.push_back(&c.fingerprint);
  compared_ += prints_.size();
  const auto match = best_story_match(*fingerprint, prints_, threshold_);
  if (!match) {
    remember(id, *fingerprint, keys, stored);
    return id;
  }
  ++joined_;
  if (match->index < run_candidates_.size()) {
    const std::uint32_t story = run_candidates_[match->index];
    std::string chosen = stories_[story];
    remember(chosen, first_members_[story], keys, stored);
    return chosen;
  }
  StoredCandidate& chosen = stored_candidates_[match->index - run_candidates_.size()];
  remember(chosen.story, chosen.fingerprint, keys, stored);
  return std::move(chosen.story);
}

}  // namespace gazette
