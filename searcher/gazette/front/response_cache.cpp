/// @file
/// @brief ResponseCache: a byte-bounded LRU map of rendered answers.
#include "gazette/front/response_cache.hpp"

namespace gazette {

std::optional<HttpResponse> ResponseCache::find(const std::string& key) {
  const auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  entries_.splice(entries_.begin(), entries_, it->second);
  return it->second->response;
}

void ResponseCache::store(const std::string& key, const HttpResponse& response) {
  Entry entry{key, response};
  if (entry.bytes() > max_bytes_ || index_.contains(key)) return;
  bytes_ += entry.bytes();
  entries_.push_front(std::move(entry));
  index_.emplace(key, entries_.begin());
  while (bytes_ > max_bytes_) {
    bytes_ -= entries_.back().bytes();
    index_.erase(entries_.back().key);
    entries_.pop_back();
  }
}

void ResponseCache::clear() noexcept {
  entries_.clear();
  index_.clear();
  bytes_ = 0;
}

}  // namespace gazette
