/// @file
/// @brief ResponseCache: the answers a long-lived web process (FastCGI) has already rendered.
#pragma once

#include <cstdint>
#include <list>
#include <optional>
#include <string>
#include <unordered_map>

#include "gazette/front/http_response.hpp"

namespace gazette {

/// Successful answers by request, least recently used dropped first once their bytes pass a budget. An
/// answer is valid for one revision of the archive: a caller that sees the archive move on calls clear().
class ResponseCache {
 public:
  /// max_bytes 0 disables the cache.
  explicit ResponseCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

  /// The answer stored for key, now the most recently used; nullopt when there is none.
  std::optional<HttpResponse> find(const std::string& key);
  /// Stores an answer (one larger than the whole budget is not kept).
  void store(const std::string& key, const HttpResponse& response);
  void clear() noexcept;

  std::size_t bytes() const noexcept { return bytes_; }
  std::size_t size() const noexcept { return index_.size(); }

 private:
  struct Entry {
    std::string key;
    HttpResponse response;
    std::size_t bytes() const noexcept {
      return key.size() + response.content_type.size() + response.body.size() + sizeof(Entry);
    }
  };
  std::size_t max_bytes_;
  std::size_t bytes_ = 0;
  std::list<Entry> entries_;  ///< most recently used first
  std::unordered_map<std::string, std::list<Entry>::iterator> index_;
};

}  // namespace gazette
