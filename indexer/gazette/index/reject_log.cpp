/// @file
/// @brief RejectLog: JSON Lines of rejected records.
#include "gazette/index/reject_log.hpp"

#include <chrono>

#include <nlohmann/json.hpp>

#include "gazette/core/error.hpp"
#include "gazette/core/time.hpp"

namespace gazette {

void RejectLog::write(const Rejection& rejection) {
  if (!out_.is_open()) {
    out_.open(path_, std::ios::app | std::ios::binary);
    if (!out_) throw Error(ErrorCode::unavailable, "cannot write the reject file", path_.string());
  }
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  // The raw record may be invalid UTF-8 (that may be why it was rejected): replace, never throw.
  const nlohmann::json line{{"time", format_iso8601(now)},
                            {"where", rejection.where},
                            {"reason", rejection.reason},
                            {"record", rejection.raw}};
  out_ << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  out_.flush();
  if (!out_) throw Error(ErrorCode::unavailable, "cannot write the reject file", path_.string());
  ++count_;
}

}  // namespace gazette
