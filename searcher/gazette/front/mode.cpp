/// @file
/// @brief Front-end mode detection (DESIGN.md "Front-end mode").
#include "gazette/front/mode.hpp"

#include <fcgiapp.h>
#include <unistd.h>

#include <cstdlib>

#include "gazette/core/error.hpp"

namespace gazette {

namespace {
struct ModeName {
  FrontMode mode;
  const char* name;
};
constexpr ModeName mode_names[] = {{FrontMode::cgi, "cgi"},
                                   {FrontMode::fastcgi, "fastcgi"},
                                   {FrontMode::interactive, "interactive"},
                                   {FrontMode::batch, "batch"},
                                   {FrontMode::once, "once"}};
}  // namespace

FrontMode parse_mode(const std::string& text) {
  for (const ModeName& m : mode_names)
    if (text == m.name) return m.mode;
  throw Error(ErrorCode::usage, "unknown mode '" + text + "' (cgi, fastcgi, interactive, batch or once)",
              "--mode");
}

const char* mode_name(FrontMode mode) noexcept {
  for (const ModeName& m : mode_names)
    if (m.mode == mode) return m.name;
  return "once";
}

FrontMode detect_mode(const std::optional<FrontMode>& forced, bool command_line_query) {
  if (forced) return *forced;
  if (std::getenv("GATEWAY_INTERFACE")) return FrontMode::cgi;
  // Under FastCGI standard input is a listening socket, neither a terminal nor a pipe.
  if (!FCGX_IsCGI()) return FrontMode::fastcgi;
  if (command_line_query) return FrontMode::once;
  return isatty(STDIN_FILENO) ? FrontMode::interactive : FrontMode::batch;
}

}  // namespace gazette
