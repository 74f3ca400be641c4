/// @file
/// @brief Runs a program for a test and captures its exit status, stdout and stderr.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace gazette::test {

/// What a finished program left.
struct ProcessResult {
  int status;  ///< exit status, or 128 + signal number
  std::string out, err;
};

/// Runs argv[0] (searched in PATH when it has no '/') with argv, standard input from `input`, and extra
/// environment entries "NAME=VALUE" added to the test's own environment.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& input = {},
                          const std::vector<std::string>& environment = {});

/// Starts argv[0] (searched in PATH when it has no '/') with its standard streams redirected to these files
/// and extra environment entries "NAME=VALUE" added to the test's own; returns its pid.
/// @throws std::runtime_error when it cannot be started.
pid_t spawn_process(const std::vector<std::string>& argv, const std::string& stdin_path,
                    const std::string& stdout_path, const std::string& stderr_path,
                    const std::vector<std::string>& environment = {});

/// A fresh empty directory under the system temp dir, removed when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const noexcept { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

/// Writes content to a file, replacing it.
void write_file(const std::string& path, const std::string& content);
/// The whole content of a file ("" when missing).
std::string read_file(const std::string& path);

}  // namespace gazette::test
