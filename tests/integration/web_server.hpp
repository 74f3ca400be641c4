/// @file
/// @brief Real web parts for the web tests: lighttpd on a free loopback port, an HTTP client (curl), and
/// a check for the programs that must be installed.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "process.hpp"

namespace gazette::test {

/// tests/data/sample indexed into a temporary database, once per test program.
const std::string& indexed_sample_db();

/// Whether `program` is found in PATH.
bool have_program(const std::string& program);

/// An HTTP answer as curl received it.
struct HttpResult {
  int status = 0;
  std::string headers;  ///< the header lines, lower-cased names
  std::string body;
  /// The value of a header (name in lower case), "" when absent.
  std::string header(const std::string& name) const;
};

/// GETs (or HEADs, or POSTs `form` as a urlencoded body when given) a URL with curl.
HttpResult http_request(const std::string& url, const std::string& method = "GET",
                        const std::string& form = {});

/// lighttpd in the foreground (-D) with gazette-search behind /search, as a CGI program or as a FastCGI
/// server that lighttpd starts itself. It runs in its own process group, which the destructor kills
/// (SIGTERM, then SIGKILL), so no server or FastCGI process outlives the test, even when a check fails.
class Lighttpd {
 public:
  enum class Kind { cgi, fastcgi };
  /// Starts it on a free port with GAZETTE_DB=db; throws std::runtime_error when it does not come up.
  Lighttpd(Kind kind, const std::string& db, int fastcgi_processes = 1);
  ~Lighttpd();
  Lighttpd(const Lighttpd&) = delete;
  Lighttpd& operator=(const Lighttpd&) = delete;

  /// "http://127.0.0.1:PORT/search" + query ("?q=...").
  std::string url(const std::string& query = {}) const;
  /// lighttpd's error log (what the searcher wrote on stderr, too).
  std::string error_log() const;

 private:
  void stop() noexcept;

  TempDir root_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace gazette::test
