/// @file
/// @brief Story clustering at index time: each fingerprinted article joins the story of a near-duplicate
/// found through its LSH band keys, or starts a story of its own.
///
/// Assignment is one deterministic stage before documents are routed to writers. A story's id is the id of
/// its first member and is never reassigned; every member carries it (slot_story, XCL term), and the LSH
/// buckets of the members' band keys (user metadata, gazette/stories/lsh_bucket.hpp) list it, so a version
/// indexed later finds its story by bucket lookups in the database, also after the first member was
/// deleted (it is then compared with a surviving member).
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "gazette/index/band_index.hpp"
#include "gazette/stories/fingerprint.hpp"

namespace gazette {

/// Where story detection reads: the articles of earlier runs and the LSH buckets.
struct StoryStore {
  /// The articles indexed before this run (their stories' first members), possibly empty.
  std::function<Xapian::Database()> articles;
  /// The database whose metadata hold the buckets, as its writer sees it (flushed buckets of this run
  /// included), possibly empty.
  std::function<Xapian::Database()> buckets;
};

/// How the buckets of a run reach the database.
enum class BucketWrites {
  at_commits,  ///< flush_buckets() before each commit of the database holding them
  at_end,      ///< write_buckets() into a database that had no articles before the run (a bulk load)
  none,        ///< a dry run
};

/// Assigns stories. Not thread-safe: called from the pipeline's serial stage.
class StoryAssigner {
 public:
  StoryAssigner(StoryStore store, BucketWrites writes, double threshold);

  /// The story of the article with this id and fingerprint (its own id when it has no fingerprint or no
  /// near-duplicate), remembered for the articles that follow.
  std::string assign(const std::string& id, const std::optional<Fingerprint>& fingerprint);

  /// Writes the buckets changed since the last flush, in key order (B-tree inserts in order are cheap).
  void flush_buckets(Xapian::WritableDatabase& db);
  /// Writes every bucket of this run, in key order.
  void write_buckets(Xapian::WritableDatabase& db) const;

  /// Stories that got a second member during this run.
  std::size_t joined() const noexcept { return joined_; }
  /// Fingerprint comparisons made so far: the cost of assignment, which stop keys keep bounded.
  std::size_t compared() const noexcept { return compared_; }

 private:
  /// A story of an earlier run, found through the database's buckets.
  struct StoredCandidate {
    std::string story;
    Fingerprint fingerprint;
  };
  void add_run_candidates(const BandKeys& keys);
  void add_database_candidates(const Xapian::Database& articles,
                               const std::vector<std::vector<std::string>>& buckets);
  bool is_candidate(const std::string& story) const;
  static std::optional<Xapian::Document> first_member(const Xapian::Database& articles,
                                                      const std::string& story);
  std::vector<std::string> stored_bucket(const Xapian::Database& buckets, std::uint64_t key) const;
  void remember(const std::string& story, const Fingerprint& fingerprint, const BandKeys& keys,
                std::vector<std::vector<std::string>>& stored);
  std::string encode_run_bucket(std::span<const std::uint32_t> stories) const;

  StoryStore store_;
  BucketWrites writes_;
  bool earlier_articles_;  // whether the database held articles before this run (not so in a bulk load)
  double threshold_;
  std::vector<std::string> stories_;       // stories started or joined in this run, by index
  std::deque<Fingerprint> first_members_;  // their first member's fingerprint (stable addresses)
  std::vector<std::uint32_t> last_round_;  // the last assign() that listed them as candidates
  BandIndex bands_;                        // band key -> indexes of this run's stories
  std::unordered_map<std::string, std::uint32_t> story_index_;
  std::vector<std::uint64_t> changed_;                        // bulk load: buckets changed since the flush
  std::unordered_map<std::uint64_t, std::string> unflushed_;  // otherwise: their whole new values
  // The candidates of the current assign(), kept between calls so that their capacity is reused.
  std::uint32_t round_ = 0;
  std::vector<std::uint32_t> run_candidates_;
  std::vector<StoredCandidate> stored_candidates_;
  std::vector<const Fingerprint*> prints_;
  std::size_t compared_ = 0;
  std::size_t joined_ = 0;
};

}  // namespace gazette
