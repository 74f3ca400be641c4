/// @file
/// @brief SIGINT and SIGTERM stop an indexing run cleanly: reading stops, what was read is committed.
#pragma once

namespace gazette {

/// Installs handlers for SIGINT and SIGTERM that only record the signal (the run checks it between
/// chunks). A second signal of either kind ends the process at once; the database keeps its last commit.
void install_interruption_handlers();

/// The signal number that asked the run to stop, or 0.
int interruption_signal() noexcept;

}  // namespace gazette
