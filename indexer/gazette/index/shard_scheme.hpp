/// @file
/// @brief How a sharded archive routes articles to shards: by publication year, by month, or a fixed
/// number of shards by a hash of the id.
#pragma once

#include <string>
#include <string_view>

#include "gazette/core/article.hpp"

namespace gazette {

/// A routing scheme, recorded in the archive's control database so later runs route the same way.
class ShardScheme {
 public:
  enum class Kind { year, month, id };

  /// Reads "year", "month", a shard count "N" (2 to 1024), or the recorded form "id:N".
  /// @throws gazette::Error(usage) naming --shards.
  static ShardScheme parse(std::string_view text);

  /// The form recorded in the control database ("year", "month" or "id:N").
  std::string recorded() const;

  /// The shard directory of an article: shard-1987, shard-1987-03, shard-undated (no date), shard-07.
  /// Date schemes move an article whose date changed; the id scheme never moves one.
  std::string shard_for(const Article& article) const;

  bool routes_by_date() const noexcept { return kind_ != Kind::id; }
  /// The number of shards of the id scheme (0 for date schemes: a new period adds one).
  unsigned fixed_count() const noexcept { return count_; }
  bool operator==(const ShardScheme&) const = default;

 private:
  ShardScheme(Kind kind, unsigned count) : kind_(kind), count_(count) {}
  Kind kind_;
  unsigned count_;  ///< shards of the id scheme
};

}  // namespace gazette
