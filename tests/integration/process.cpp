/// @file
/// @brief run_process with posix_spawn; output goes through temp files so no pipe can fill up.
#include "process.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace gazette::test {

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "gazette-test-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {

/// argv behind the words of $GAZETTE_TEST_WRAPPER (e.g. "valgrind --error-exitcode=99", scripts/valgrind.sh)
/// when it runs one of Gazette's programs (gazette-index, gazette-search), so a suite runs them checked.
std::vector<std::string> wrapped(const std::vector<std::string>& argv) {
  const char* wrapper = std::getenv("GAZETTE_TEST_WRAPPER");
  if (!wrapper || argv.empty() ||
      std::filesystem::path(argv[0]).filename().string().rfind("gazette-", 0) != 0)
    return argv;
  std::vector<std::string> words;
  std::istringstream split(wrapper);
  for (std::string word; split >> word;) words.push_back(word);
  words.insert(words.end(), argv.begin(), argv.end());
  return words;
}

}  // namespace

pid_t spawn_process(const std::vector<std::string>& argv, const std::string& stdin_path,
                    const std::string& stdout_path, const std::string& stderr_path,
                    const std::vector<std::string>& environment) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, stdout_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.insert(env_strings.end(), environment.begin(), environment.end());
  std::vector<char*> env;
  for (auto& e : env_strings) env.push_back(e.data());
  env.push_back(nullptr);

  pid_t pid;
  const int rc = posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), env.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot run " + argv[0]);
  return pid;
}

ProcessResult run_process(const std::vector<std::string>& original_argv, const std::string& input,
                          const std::vector<std::string>& environment) {
  const std::vector<std::string> argv = wrapped(original_argv);
  TempDir io;
  const std::string in_path = io / "stdin", out_path = io / "stdout", err_path = io / "stderr";
  write_file(in_path, input);

  const pid_t pid = spawn_process(argv, in_path, out_path, err_path, environment);
  int wstatus = 0;
  while (waitpid(pid, &wstatus, 0) < 0) {
  }
  const int status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
  return {status, read_file(out_path), read_file(err_path)};
}

}  // namespace gazette::test
