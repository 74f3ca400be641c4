/// @file
/// @brief CGI parameters: a query string, a form body or name=value arguments, decoded into one map and
/// then into a SearchRequest (as Omega's cgiparam does, so a test from the shell takes the web's path).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gazette/search/request.hpp"

namespace gazette {

/// Request parameters in arrival order; a name may repeat (f=...&f=...).
class CgiParams {
 public:
  void add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }
  /// The first value of name, or nullopt.
  std::optional<std::string> first(std::string_view name) const;
  /// Every value of name, in order.
  std::vector<std::string> all(std::string_view name) const;
  /// Every name and value in order, as one string: equal for equal requests (a cache key).
  std::string key() const;

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

/// What a CGI or FastCGI request carries, taken from its environment and body.
struct CgiInput {
  std::string method = "GET";
  std::string query_string;
  std::string content_type;
  std::size_t content_length = 0;  ///< bytes of body the client announced
  std::string body;                ///< the request body (POST), once read
};

/// The CGI variables of an environment block (environ, or a FastCGI request's parameters); body empty.
CgiInput cgi_input_from_environment(char** envp);

/// Decodes %XX escapes and '+' (a space). @throws gazette::Error(usage) for a malformed escape.
std::string percent_decode(std::string_view text);

/// Encodes text for a query-string value (RFC 3986 unreserved characters kept, the rest %XX).
std::string percent_encode(std::string_view text);

/// Adds the name=value pairs of an application/x-www-form-urlencoded text ('&' or ';' separated).
/// @throws gazette::Error(usage) for a malformed escape.
void parse_urlencoded(std::string_view text, CgiParams& params);

/// The parameters of a request: the query string, plus a urlencoded body for POST.
/// @throws gazette::Error(usage) for a malformed escape or a POST body of another content type.
CgiParams cgi_params(const CgiInput& input);

/// name=value command-line arguments as parameters (values taken literally, not percent-decoded).
/// @throws gazette::Error(usage) for an argument without '='.
CgiParams cgi_params_from_arguments(const std::vector<std::string>& arguments);

/// The response format a web request asks for.
enum class WebFormat { html, json };

/// Limits that keep a hostile request cheap; a request beyond them gets a 400 (page size is capped).
struct WebLimits {
  std::size_t max_query_bytes = 1000;
  std::size_t default_page_size = 10;
  std::size_t max_page_size = 100;  ///< larger size= values are capped to this
  std::size_t max_offset = 10000;   ///< deepest first hit a page may start at
  std::size_t max_filters = 20;
};

/// A web request: a search (or one article when id is set) and how to answer it.
struct WebQuery {
  SearchRequest request;
  WebFormat format = WebFormat::html;
  std::string id;        ///< non-empty: show this article
  std::size_t page = 1;  ///< 1-based
  std::size_t size = 10;
};

/// Reads q, page, size, sort, f (repeatable field:value), format, id and granularity; ignores other names.
/// @throws gazette::Error(usage) naming the parameter for a value that is not valid UTF-8, too long, not a
/// number, a page below 1 or beyond the page depth cap, an unknown sort, format or filter field.
WebQuery parse_web_query(const CgiParams& params, const WebLimits& limits = {});

}  // namespace gazette
