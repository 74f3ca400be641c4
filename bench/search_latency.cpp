/// @file
/// @brief search-latency: per-query latency of a query file, in-process (Searcher::search with facets,
/// snippets and collapse on), through a line-at-a-time pipe to a batch process (gazette-search --json),
/// or with one process per query (quest). Prints one `key=value` line (bench_util.hpp print_latencies).
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "gazette/core/error.hpp"
#include "gazette/search/searcher.hpp"

extern char** environ;

using namespace gazette;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* usage_text =
    "Usage: search-latency [--warmup N] --db DB QUERIES          Searcher::search in this process\n"
    "       search-latency [--warmup N] --pipe QUERIES -- CMD...   one line to CMD's stdin, one line back\n"
    "       search-latency [--warmup N] --spawn QUERIES -- CMD...  runs CMD... QUERY for each query\n"
    "Times every query of QUERIES (one per line) after running the first N (default 100) untimed, and\n"
    "prints: queries=N errors=E median_ms= p95_ms= p99_ms= mean_ms= total_s=\n"
    "--slowest N (before the mode) also lists the N slowest queries with their times on stderr.\n"
    "In-process searches ask for 10 hits with facets, snippets and collapse on. --pipe needs CMD to answer\n"
    "each line with exactly one line and to flush it (run gazette-search under stdbuf -oL).\n";

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::not_found, "cannot read the query file", path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  return lines;
}

/// The `count` slowest queries, slowest first, on stderr: where to look when the tail is long.
void print_slowest(const std::vector<std::string>& queries, const std::vector<double>& ms,
                   std::size_t count) {
  std::vector<std::size_t> order(ms.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  count = std::min(count, order.size());
  std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(count), order.end(),
                    [&](std::size_t a, std::size_t b) { return ms[a] > ms[b]; });
  for (std::size_t i = 0; i < count; ++i)
    std::fprintf(stderr, "%9.3f ms  %s\n", ms[order[i]], queries[order[i]].c_str());
}

/// Runs `run(query)` (true on success) for the warm-up queries, then times every query.
template <class Run>
void measure(const std::vector<std::string>& queries, std::size_t warmup, std::size_t slowest, Run run) {
  for (std::size_t i = 0; i < std::min(warmup, queries.size()); ++i) run(queries[i]);
  std::vector<double> ms;
  std::size_t errors = 0;
  for (const auto& query : queries) {
    const auto start = Clock::now();
    errors += !run(query);
    ms.push_back(ms_since(start));
  }
  print_slowest(queries, ms, slowest);
  bench::print_latencies(std::move(ms), errors);
}

void in_process(const std::string& db, const std::vector<std::string>& queries, std::size_t warmup,
                std::size_t slowest) {
  Searcher searcher(db);
  SearchRequest request;  // defaults: 10 hits, facets, snippets and collapse on
  measure(queries, warmup, slowest, [&](const std::string& query) {
    request.query = query;
    try {
      searcher.search(request);
      return true;
    } catch (const Error& e) {
      if (e.code() != ErrorCode::bad_query) throw;
      return false;
    }
  });
}

/// A child process with its standard input and output on pipes.
class Child {
 public:
  explicit Child(const std::vector<std::string>& command) {
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) throw Error(ErrorCode::internal, std::strerror(errno), "pipe");
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&actions, fd);
    std::vector<char*> argv;
    for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    const int failed = posix_spawnp(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    if (failed) throw Error(ErrorCode::not_found, std::strerror(failed), command[0]);
    to_ = fdopen(in[1], "w");
    from_ = fdopen(out[0], "r");
  }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  ~Child() {
    std::fclose(to_);
    std::fclose(from_);
    int status = 0;
    waitpid(pid_, &status, 0);
  }

  /// Sends one line and reads one line back; false when the answer is an error object or missing.
  bool ask(const std::string& line) {
    std::fputs(line.c_str(), to_);
    std::fputc('\n', to_);
    std::fflush(to_);
    answer_.clear();
    for (int c; (c = std::fgetc(from_)) != EOF && c != '\n';) answer_ += static_cast<char>(c);
    if (answer_.empty()) throw Error(ErrorCode::unavailable, "the batch process stopped answering");
    return answer_.compare(0, 9, "{\"error\"") != 0;
  }

 private:
  pid_t pid_ = 0;
  std::FILE* to_ = nullptr;
  std::FILE* from_ = nullptr;
  std::string answer_;
};

/// Runs command + query with standard output and error discarded; true when it exits with status 0.
bool spawn(const std::vector<std::string>& command, const std::string& query) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const auto& arg : command) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(const_cast<char*>(query.c_str()));
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int failed = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (failed) throw Error(ErrorCode::not_found, std::strerror(failed), command[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::size_t warmup = 100, slowest = 0;
  std::string mode, target;
  std::vector<std::string> command;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (args[i] == "--warmup" && i + 1 < args.size()) {
        warmup = std::stoul(args[++i]);
      } else if (args[i] == "--slowest" && i + 1 < args.size()) {
        slowest = std::stoul(args[++i]);
      } else if ((args[i] == "--db" || args[i] == "--pipe" || args[i] == "--spawn") && i + 1 < args.size() &&
                 mode.empty()) {
        mode = args[i];
        if (mode == "--db") {
          target = args[++i];
        } else {
          target = args[++i];
          if (i + 1 < args.size() && args[i + 1] == "--") ++i;
          command.assign(args.begin() + static_cast<std::ptrdiff_t>(i + 1), args.end());
          break;
        }
      } else if (mode == "--db" && args[i] != "--help" && args[i] != "-h") {
        command.push_back(args[i]);  // the query file
      } else {
        std::cout << usage_text;
        return args[i] == "--help" || args[i] == "-h" ? exit_ok : exit_usage;
      }
    }
  } catch (const std::logic_error&) {
    std::cerr << usage_text;
    return exit_usage;
  }
  if (mode.empty() || command.empty() || (mode == "--db" && command.size() != 1)) {
    std::cerr << usage_text;
    return exit_usage;
  }
  try {
    if (mode == "--db") {
      in_process(target, read_lines(command[0]), warmup, slowest);
    } else if (mode == "--pipe") {
      Child child(command);
      measure(read_lines(target), warmup, slowest,
              [&](const std::string& query) { return child.ask(query); });
    } else {
      measure(read_lines(target), warmup, slowest,
              [&](const std::string& query) { return spawn(command, query); });
    }
    return exit_ok;
  } catch (const Error& e) {
    std::cerr << "search-latency: " << e.what() << '\n';
    return exit_fatal;
  }
}
