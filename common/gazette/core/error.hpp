/// @file
/// @brief gazette::Error: the one exception type at the library boundary, and its exit/HTTP statuses.
#pragma once

#include <stdexcept>
#include <string>

namespace gazette {

/// What kind of failure an Error reports; decides the CLI exit status and the HTTP status.
enum class ErrorCode {
  usage,        ///< the caller asked for something impossible (bad option, bad parameter)
  bad_input,    ///< an input record or file cannot be used
  bad_query,    ///< the query text cannot be parsed
  not_found,    ///< the named article, database or file does not exist
  unavailable,  ///< the database cannot be opened or is locked; retrying later may work
  corrupt,      ///< the database or a stored record is damaged or of another schema
  internal,     ///< a bug or an unexpected failure of a library
};

/// An error with a message a user can act on and, where known, the place it concerns.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message, std::string where = {})
      : std::runtime_error(where.empty() ? message : where + ": " + message),
        code_(code),
        where_(std::move(where)) {}

  ErrorCode code() const noexcept { return code_; }
  /// File and line, parameter or database the error concerns ("" when none).
  const std::string& where() const noexcept { return where_; }

 private:
  ErrorCode code_;
  std::string where_;
};

/// Process exit statuses, as documented in --help and README.
enum ExitStatus : int {
  exit_ok = 0,
  exit_usage = 1,    ///< bad options or a query that cannot be parsed
  exit_rejects = 2,  ///< some input was rejected (the rest was indexed) or an id was unknown
  exit_fatal = 3,    ///< nothing usable was done: database missing, locked, corrupt, or a bug
};

/// The CLI exit status for an error code.
int exit_status_for(ErrorCode code) noexcept;

/// The HTTP status for an error code (400, 404, 500 or 503).
int http_status_for(ErrorCode code) noexcept;

/// A short stable name for the code ("bad_query"), used in JSON error bodies.
const char* error_code_name(ErrorCode code) noexcept;

}  // namespace gazette
