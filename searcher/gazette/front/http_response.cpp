/// @file
/// @brief The CGI wire form of an HttpResponse.
#include "gazette/front/http_response.hpp"

namespace gazette {

const char* reason_phrase(int status) noexcept {
  switch (status) {
    case 200:
      return "OK";
    case 400:
      return "Bad Request";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 413:
      return "Content Too Large";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

std::string cgi_response_text(const HttpResponse& response, bool head_only) {
  std::string out =
      "Status: " + std::to_string(response.status) + ' ' + reason_phrase(response.status) + "\r\n";
  out += "Content-Type: " + response.content_type + "\r\n";
  out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
  out += "X-Content-Type-Options: nosniff\r\n";
  // The pages use no script at all; inline styles only (the histogram's bar heights).
  out +=
      "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
      "base-uri 'none'; frame-ancestors 'none'\r\n";
  out += "Referrer-Policy: no-referrer\r\n\r\n";
  if (!head_only) out += response.body;
  return out;
}

}  // namespace gazette
