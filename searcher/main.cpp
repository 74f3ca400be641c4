/// @file
/// @brief gazette-search: picks the front end (CGI, FastCGI, one query, batch, interactive) and maps the
/// library's errors to the documented exit statuses.
#include <cstdlib>
#include <iostream>

#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/front/cli.hpp"
#include "gazette/front/web.hpp"
#include "gazette/search/render.hpp"

extern char** environ;

using namespace gazette;

int main(int argc, char** argv) {
  // Under CGI the command line is not ours: Apache turns a query string without '=' into arguments, so
  // "?--db+/elsewhere" must not reach the option parser. The server's environment configures everything.
  if (std::getenv("GATEWAY_INTERFACE")) {
    try {
      WebApp app(web_config_from_environment());
      return serve_cgi(app, environ, std::cin, std::cout);
    } catch (const Error& e) {  // an unreadable GAZETTE_CONFIG: still an HTTP answer, details in the log
      std::cerr << "gazette-search: " << e.what() << '\n';
      WebApp unconfigured(WebConfig{});
      return serve_cgi(unconfigured, environ, std::cin, std::cout);
    }
  }
  bool json = false;
  try {
    const CliOptions cli = parse_cli_options(argc, argv);
    json = cli.json;
    if (cli.help) {
      print_help(std::cout);
      return exit_ok;
    }
    return run_cli(cli);
  } catch (const Error& e) {
    std::cerr << "gazette-search: " << e.what() << '\n';
    if (json) std::cout << error_json(e).dump() << '\n';
    return exit_status_for(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "gazette-search: " << e.get_description() << '\n';
    return exit_fatal;
  } catch (const std::exception& e) {
    std::cerr << "gazette-search: internal error: " << e.what() << '\n';
    return exit_fatal;
  }
}
