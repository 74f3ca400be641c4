/// @file
/// @brief Which front end a gazette-search process runs: CGI, FastCGI, an interactive session or batch.
#pragma once

#include <optional>
#include <string>

namespace gazette {

/// How the process was started, and so how it reads requests.
enum class FrontMode {
  cgi,          ///< one HTTP request from the environment (GATEWAY_INTERFACE) or name=value arguments
  fastcgi,      ///< many HTTP requests over the FastCGI socket on standard input
  interactive,  ///< a session on a terminal (line editing, history, commands)
  batch,        ///< one query per line of standard input
  once,         ///< the query (or --get) given on the command line
};

/// Parses "cgi", "fastcgi", "interactive", "batch" or "once". @throws gazette::Error(usage) otherwise.
FrontMode parse_mode(const std::string& text);

/// The mode's name, as --mode takes it.
const char* mode_name(FrontMode mode) noexcept;

/// The mode of this process: `forced` (--mode) when given; else CGI when GATEWAY_INTERFACE is set, FastCGI
/// when standard input is a FastCGI listening socket, `once` when the command line names a query or an
/// article, interactive on a terminal, otherwise batch. Throws nothing.
FrontMode detect_mode(const std::optional<FrontMode>& forced, bool command_line_query);

}  // namespace gazette
