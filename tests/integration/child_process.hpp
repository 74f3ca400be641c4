/// @file
/// @brief A program started in the background for a test: signalled while it runs, and waited for with its
/// peak memory (the reliability tests kill indexers halfway and bound their resident memory).
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "process.hpp"

namespace gazette::test {

/// What a finished program left, with its peak resident memory.
struct MeasuredResult : ProcessResult {
  long max_rss_kib = 0;  ///< the child's own peak RSS (wait4's ru_maxrss)
};

/// argv[0] running in the background with standard input from a file (or /dev/null) and stdout/stderr
/// captured in temp files. The destructor kills (SIGKILL) and reaps it when it was not waited for.
class ChildProcess {
 public:
  /// Starts argv; `stdin_path` empty means /dev/null. environment entries "NAME=VALUE" are added.
  explicit ChildProcess(const std::vector<std::string>& argv, const std::string& stdin_path = {},
                        const std::vector<std::string>& environment = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const noexcept { return pid_; }
  /// Sends a signal (nothing once it was waited for).
  void signal(int signal_number) const;
  /// True once the program has ended (it is then reaped, and wait() returns at once).
  bool finished();
  /// Waits for the end; status is the exit status, or 128 + the signal number.
  MeasuredResult wait();
  /// What it wrote on stderr so far.
  std::string err_so_far() const;

 private:
  void reap(int options);

  TempDir io_;
  pid_t pid_ = -1;
  bool done_ = false;
  MeasuredResult result_{};
};

/// Runs argv to its end, like run_process, and reports its peak memory.
MeasuredResult run_measured(const std::vector<std::string>& argv, const std::string& stdin_path = {});

}  // namespace gazette::test
