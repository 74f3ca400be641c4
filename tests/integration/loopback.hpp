/// @file
/// @brief Loopback ports for the test servers (lighttpd, xapian-tcpsrv).
#pragma once

namespace gazette::test {

/// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0 and released).
/// @throws std::runtime_error when none can be had.
int free_loopback_port();

/// Whether something accepts connections on 127.0.0.1:port.
bool accepts_connections(int port);

}  // namespace gazette::test
