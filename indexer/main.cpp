/// @file
/// @brief gazette-index: parses the command, runs it, maps errors to the documented exit statuses.
#include <iostream>

#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/index/cli.hpp"

using namespace gazette;

int main(int argc, char** argv) {
  try {
    return run_index_command(parse_index_command(argc, argv), std::cerr);
  } catch (const Error& e) {
    std::cerr << "gazette-index: " << e.what() << '\n';
    // A whole input that cannot be used stops the run: fatal, not "some records rejected".
    return e.code() == ErrorCode::bad_input ? exit_fatal : exit_status_for(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "gazette-index: " << e.get_description() << '\n';
    return exit_fatal;
  } catch (const std::exception& e) {
    std::cerr << "gazette-index: internal error: " << e.what() << '\n';
    return exit_fatal;
  }
}
