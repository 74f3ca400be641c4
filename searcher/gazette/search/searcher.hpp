/// @file
/// @brief Searcher: the one search path every front end (CLI, REPL, CGI, FastCGI) goes through.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "gazette/search/archive.hpp"
#include "gazette/search/request.hpp"
#include "gazette/search/response.hpp"

namespace gazette {

/// Answers SearchRequests against one archive. Holds Xapian and ICU objects: one Searcher per thread.
class Searcher {
 public:
  /// @throws gazette::Error as open_archive does.
  explicit Searcher(const std::filesystem::path& path);
  explicit Searcher(Archive archive);
  ~Searcher();

  /// Runs a request. A database changed by an indexer meanwhile is reopened and the search retried.
  /// @throws gazette::Error(bad_query) for unparsable text or filters, (usage) for an unknown filter
  /// field, (unavailable / corrupt) when the database fails.
  SearchResponse search(const SearchRequest& request);

  /// Called by for_each_match with each stored article (body included) and its story id; returns false to
  /// stop.
  using MatchVisitor = std::function<bool(const Article& article, const std::string& story)>;

  /// Visits every match of a request in its sort order, uncollapsed, ignoring offset, limit, facets and
  /// snippets; returns how many were visited. Memory stays bounded: date orders read one window of about
  /// 1,000 matches (whole days) at a time, relevance reads pages of 1,000 (Xapian then ranks offset + 1,000
  /// matches, about 100 bytes each, no text). @throws gazette::Error as search does, and (unavailable) when
  /// an indexer changes the database so much meanwhile that the export cannot go on consistently.
  std::size_t for_each_match(const SearchRequest& request, const MatchVisitor& visit);

  /// The stored article with this id, or nullopt. @throws gazette::Error(corrupt) for a damaged record.
  std::optional<Article> get(const std::string& id);

  /// Moves to the database's latest revision (cheap when nothing changed), as long-running front ends
  /// (FastCGI) do before each request. @throws gazette::Error(unavailable) when it cannot be reopened.
  void reopen();

  /// Grows whenever the searcher moves to another revision of the archive or leaves out a dead shard: an
  /// answer computed under one generation may be stale under the next (a cache of answers is cleared).
  std::uint64_t generation() const noexcept { return generation_; }

  /// Number of articles in the archive.
  std::size_t size() const;

 private:
  /// Xapian's reopen, counted as a new generation when it may have moved.
  void reopen_database();

  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::uint64_t generation_ = 0;
};

}  // namespace gazette
