/// @file
/// @brief gazette-index's command line: options into an IndexCommand, and running it.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "gazette/index/index_run.hpp"

namespace gazette {

/// What gazette-index was asked to do.
struct IndexCommand {
  enum class Action { index, remove, compact, rebuild, help };
  Action action = Action::index;
  IndexOptions options;
  std::vector<std::string> delete_ids;  ///< --delete and --delete-from, in order
};

/// Parses the command line. @throws gazette::Error(usage) with a message naming the option.
IndexCommand parse_index_command(int argc, char** argv);

/// Prints --help.
void print_index_help(std::ostream& out);

/// Runs the command, writing messages and the summary to log; returns the exit status.
/// @throws gazette::Error for failures that stop the whole run.
int run_index_command(const IndexCommand& command, std::ostream& log);

}  // namespace gazette
