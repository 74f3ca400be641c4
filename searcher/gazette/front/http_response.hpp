/// @file
/// @brief HttpResponse: what a web front end answers, and its CGI/FastCGI wire form.
#pragma once

#include <string>
#include <string_view>

namespace gazette {

/// One HTTP answer.
struct HttpResponse {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
};

/// The reason phrase of a status this program sends ("OK", "Bad Request", ...; "Error" for others).
const char* reason_phrase(int status) noexcept;

/// The response as a CGI program writes it: a Status line, headers (type, length, no-sniff, a content
/// security policy that allows no script), a blank line, then the body unless `head_only`. Throws nothing
/// but std::bad_alloc.
std::string cgi_response_text(const HttpResponse& response, bool head_only = false);

}  // namespace gazette
