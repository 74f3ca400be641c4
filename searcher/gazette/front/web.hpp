/// @file
/// @brief The web front end: configuration from the server, one request in, one HttpResponse out, and the
/// CGI driver. FastCGI (fastcgi.hpp) drives the same WebApp.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>

#include "gazette/front/cgi_params.hpp"
#include "gazette/front/http_response.hpp"
#include "gazette/front/response_cache.hpp"
#include "gazette/search/searcher.hpp"

namespace gazette {

/// What the server's configuration decides; never the request.
struct WebConfig {
  std::string database;    ///< database directory or stub file
  double time_limit = 5;   ///< seconds a search may take before it is answered with 503
  ArchiveOptions archive;  ///< shard_timeout (remote shards' limit), partial (answer without a dead shard)
  WebLimits limits;
  /// Megabytes of rendered answers a long-lived process (FastCGI) keeps, per process, until the archive
  /// changes; 0 turns the cache off. A CGI process answers once, so it never finds anything there.
  std::size_t cache_mb = 32;
};

/// Parses a configuration file: `key = value` lines (database, time_limit, shard_timeout, partial,
/// max_query_bytes, max_page_size, max_offset, cache_mb), '#' comments. @throws gazette::Error(usage) naming
/// `where` and the line for anything else.
WebConfig parse_web_config(std::string_view text, const std::string& where);

/// The configuration of this process: the file named by $GAZETTE_CONFIG when set, then $GAZETTE_DB (which
/// wins over the file's database). @throws gazette::Error(usage) when that file cannot be read or parsed.
WebConfig web_config_from_environment();

/// Answers web requests with one Searcher, opened on first use and kept for the life of the process.
class WebApp {
 public:
  explicit WebApp(WebConfig config);
  ~WebApp();
  WebApp(const WebApp&) = delete;
  WebApp& operator=(const WebApp&) = delete;

  /// Answers one request. Never throws: every failure is a 4xx/5xx page or JSON error body; details of
  /// server-side failures go to standard error (the server's log), not to the client.
  HttpResponse handle(const CgiInput& input) noexcept;
  /// The same for already decoded parameters (name=value arguments from a shell or a test).
  HttpResponse handle(const CgiParams& params) noexcept;

 private:
  HttpResponse answer(const CgiParams& params);
  HttpResponse render(const WebQuery& web, Searcher& s);
  Searcher& searcher();

  WebConfig config_;
  std::unique_ptr<Searcher> searcher_;
  ResponseCache cache_;                 ///< successful answers of the archive's current generation
  std::uint64_t cache_generation_ = 0;  ///< the Searcher::generation() the cache's answers belong to
};

/// Largest request body read (a search form is far smaller); a larger one is answered with 413.
inline constexpr std::size_t max_body_bytes = 64 * 1024;

/// Serves one CGI request: the CGI variables of envp, the body from `in`, the response to `out`.
/// Returns the exit status (0: a response, maybe an error page, was written). Throws nothing.
int serve_cgi(WebApp& app, char** envp, std::istream& in, std::ostream& out);

}  // namespace gazette
