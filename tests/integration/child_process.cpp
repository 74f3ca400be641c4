/// @file
/// @brief ChildProcess with posix_spawn and wait4 (which reports the child's own peak RSS).
#include "child_process.hpp"

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cerrno>

namespace gazette::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::string& stdin_path,
                           const std::vector<std::string>& environment) {
  const std::string in = stdin_path.empty() ? "/dev/null" : stdin_path;
  const std::string out = io_ / "stdout", err = io_ / "stderr";
  pid_ = spawn_process(argv, in, out, err, environment);
}

ChildProcess::~ChildProcess() {
  if (done_) return;
  ::kill(pid_, SIGKILL);
  reap(0);
}

void ChildProcess::signal(int signal_number) const {
  if (!done_) ::kill(pid_, signal_number);
}

void ChildProcess::reap(int options) {
  int wstatus = 0;
  rusage usage{};
  pid_t got;
  while ((got = wait4(pid_, &wstatus, options, &usage)) < 0 && errno == EINTR) {
  }
  if (got != pid_) return;
  done_ = true;
  result_.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  result_.max_rss_kib = usage.ru_maxrss;
  result_.out = read_file(io_ / "stdout");
  result_.err = read_file(io_ / "stderr");
}

bool ChildProcess::finished() {
  if (!done_) reap(WNOHANG);
  return done_;
}

MeasuredResult ChildProcess::wait() {
  if (!done_) reap(0);
  return result_;
}

std::string ChildProcess::err_so_far() const {
  return done_ ? result_.err : read_file(io_ / "stderr");
}

MeasuredResult run_measured(const std::vector<std::string>& argv, const std::string& stdin_path) {
  ChildProcess child(argv, stdin_path);
  return child.wait();
}

}  // namespace gazette::test
