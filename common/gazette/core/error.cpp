/// @file
/// @brief The one table from error codes to exit and HTTP statuses, so CLI and CGI cannot drift.
#include "gazette/core/error.hpp"

namespace gazette {

namespace {
struct CodeInfo {
  const char* name;
  int exit_status;
  int http_status;
};

constexpr CodeInfo info_for(ErrorCode code) noexcept {
  switch (code) {
    case ErrorCode::usage:
      return {"usage", exit_usage, 400};
    case ErrorCode::bad_input:
      return {"bad_input", exit_rejects, 400};
    case ErrorCode::bad_query:
      return {"bad_query", exit_usage, 400};
    case ErrorCode::not_found:
      return {"not_found", exit_fatal, 404};
    case ErrorCode::unavailable:
      return {"unavailable", exit_fatal, 503};
    case ErrorCode::corrupt:
      return {"corrupt", exit_fatal, 500};
    case ErrorCode::internal:
      break;
  }
  return {"internal", exit_fatal, 500};
}
}  // namespace

int exit_status_for(ErrorCode code) noexcept {
  return info_for(code).exit_status;
}
int http_status_for(ErrorCode code) noexcept {
  return info_for(code).http_status;
}
const char* error_code_name(ErrorCode code) noexcept {
  return info_for(code).name;
}

}  // namespace gazette
