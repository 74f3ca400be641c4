/// @file
/// @brief Async-signal-safe stop request: a sig_atomic_t set by the handler, read by the input stage.
#include "gazette/index/interruption.hpp"

#include <csignal>

namespace gazette {

namespace {
volatile std::sig_atomic_t requested = 0;

extern "C" void request_stop(int signal) {
  if (requested) {
    std::signal(signal, SIG_DFL);  // a second signal: stop now
    std::raise(signal);
    return;
  }
  requested = signal;
}
}  // namespace

void install_interruption_handlers() {
  std::signal(SIGINT, request_stop);
  std::signal(SIGTERM, request_stop);
}

int interruption_signal() noexcept {
  return requested;
}

}  // namespace gazette
