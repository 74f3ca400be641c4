/// @file
/// @brief ShardScheme: parsing and routing.
#include "gazette/index/shard_scheme.hpp"

#include <charconv>

#include "gazette/core/error.hpp"
#include "gazette/core/hash.hpp"
#include "gazette/core/time.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace {
constexpr unsigned max_id_shards = 1024;
}  // namespace

ShardScheme ShardScheme::parse(std::string_view text) {
  if (text == "year") return {Kind::year, 0};
  if (text == "month") return {Kind::month, 0};
  std::string_view number = text.substr(0, 3) == "id:" ? text.substr(3) : text;
  unsigned count = 0;
  const auto [end, ec] = std::from_chars(number.data(), number.data() + number.size(), count);
  if (ec != std::errc() || end != number.data() + number.size() || count < 2 || count > max_id_shards)
    throw Error(ErrorCode::usage,
                "expected year, month or a number of shards from 2 to " + std::to_string(max_id_shards) +
                    ", got '" + std::string(text) + "'",
                "--shards");
  return {Kind::id, count};
}

std::string ShardScheme::recorded() const {
  switch (kind_) {
    case Kind::year:
      return "year";
    case Kind::month:
      return "month";
    case Kind::id:
      break;
  }
  return "id:" + std::to_string(count_);
}

std::string ShardScheme::shard_for(const Article& article) const {
  std::string name(schema::archive::shard_prefix);
  if (kind_ == Kind::id) {
    // Zero-padded, so the stub (sorted by name) lists shard-02 before shard-10.
    const std::string index = std::to_string(hash64(article.id) % count_);
    const std::size_t width = std::to_string(count_ - 1).size();
    return name + std::string(width - index.size(), '0') + index;
  }
  if (!article.published) return name + "undated";
  const std::string day = format_iso_day(std::chrono::floor<std::chrono::days>(*article.published));
  return name + day.substr(0, kind_ == Kind::year ? 4 : 7);
}

}  // namespace gazette
