/// @file
/// @brief The FastCGI driver: many requests per process over the socket on standard input (libfcgi).
#pragma once

#include "gazette/front/web.hpp"

namespace gazette {

/// Accepts FastCGI requests until the server closes the socket or stops the process, answering each with
/// the same WebApp (one Searcher, reopened at the latest revision before each request). Returns the exit
/// status. Throws nothing.
int serve_fastcgi(WebApp& app);

}  // namespace gazette
