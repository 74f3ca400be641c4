/// @file
/// @brief Story clustering at index time: each fingerprinted article joins the story of a near-duplicate
/// found through its LSH band terms, or starts a story of its own.
///
/// Assignment is one deterministic stage before documents are routed to writers. A story's id is the id of
/// its first member and is never reassigned; every member carries it (slot_story, XCL term) and its band
/// terms, so a version indexed later finds its story by term lookups in the database, also after the
/// first member was deleted.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "gazette/stories/fingerprint.hpp"

namespace gazette {

/// Assigns stories. Not thread-safe: called from the pipeline's serial stage.
class StoryAssigner {
 public:
  /// database: the database being written, as its writer sees it (its own uncommitted documents included;
  /// a snapshot of another revision could be discarded by the writer's commits), or an empty one.
  StoryAssigner(std::function<Xapian::Database()> database, double threshold);

  /// The story of the article with this id and fingerprint (its own id when it has no fingerprint or no
  /// near-duplicate), remembered for the articles that follow.
  std::string assign(const std::string& id, const std::optional<Fingerprint>& fingerprint);

  /// Stories that got a second member during this run.
  std::size_t joined() const noexcept { return joined_; }

 private:
  struct Candidate {
    std::string story;
    Fingerprint fingerprint;
  };
  void add_run_candidates(const std::vector<std::string>& bands, std::vector<Candidate>& out);
  void add_database_candidates(const std::vector<std::string>& bands, std::vector<Candidate>& out);
  std::optional<Fingerprint> stored_fingerprint(Xapian::docid doc);

  std::function<Xapian::Database()> database_;
  bool earlier_articles_;      // whether the database held articles before this run (not so in a bulk load)
  Xapian::Database existing_;  // the current handle, for the helpers of one assign()
  double threshold_;
  std::vector<std::string> stories_;        // stories started in this run, by index
  std::vector<Fingerprint> first_members_;  // their first member's fingerprint
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> bands_;  // band hash -> story indexes
  std::unordered_map<std::string, std::uint32_t> story_index_;
  std::size_t joined_ = 0;
};

}  // namespace gazette
