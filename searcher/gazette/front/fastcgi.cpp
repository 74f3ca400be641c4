/// @file
/// @brief serve_fastcgi over libfcgi's reentrant FCGX_* API.
#include "gazette/front/fastcgi.hpp"

#include <fcgiapp.h>

#include <iostream>

#include "gazette/core/error.hpp"

namespace gazette {

int serve_fastcgi(WebApp& app) {
  if (FCGX_Init() != 0) {
    std::cerr << "gazette-search: cannot initialise FastCGI\n";
    return exit_fatal;
  }
  FCGX_Request request;
  FCGX_InitRequest(&request, 0, 0);
  while (FCGX_Accept_r(&request) >= 0) {
    CgiInput input = cgi_input_from_environment(request.envp);
    HttpResponse response;
    if (input.content_length > max_body_bytes) {
      response = {413, "text/plain; charset=utf-8", "request body too large\n"};
    } else {
      input.body.resize(input.content_length);
      const int got = FCGX_GetStr(input.body.data(), int(input.body.size()), request.in);
      input.body.resize(got > 0 ? std::size_t(got) : 0);
      response = app.handle(input);
    }
    const std::string text = cgi_response_text(response, input.method == "HEAD");
    FCGX_PutStr(text.data(), int(text.size()), request.out);
    FCGX_Finish_r(&request);
  }
  FCGX_Free(&request, 1);
  return exit_ok;
}

}  // namespace gazette
