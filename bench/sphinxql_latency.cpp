/// @file
/// @brief sphinxql-latency: per-query latency of SphinxQL statements (one per line, from make-queries
/// --sphinxql) against a running searchd over the MySQL protocol, every result set (hits and facets) read.
/// Prints one `key=value` line as search-latency does.
#include <mysql.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "gazette/core/error.hpp"

using namespace gazette;
using Clock = std::chrono::steady_clock;

namespace {

/// Runs one statement and reads all its result sets; false on an error.
bool run(MYSQL* db, const std::string& statement) {
  if (mysql_real_query(db, statement.data(), statement.size()) != 0) return false;
  int more = 0;
  do {
    if (MYSQL_RES* result = mysql_store_result(db)) {
      while (mysql_fetch_row(result)) {
      }
      mysql_free_result(result);
    } else if (mysql_field_count(db) != 0) {
      return false;
    }
    more = mysql_next_result(db);
    if (more > 0) return false;
  } while (more == 0);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1", file;
  unsigned port = 9306;
  std::size_t warmup = 100;
  bool usage = false;
  for (int i = 1; i < argc && !usage; ++i) {
    const std::string arg = argv[i];
    if (arg == "--port" && i + 1 < argc)
      port = static_cast<unsigned>(std::stoul(argv[++i]));
    else if (arg == "--warmup" && i + 1 < argc)
      warmup = std::stoul(argv[++i]);
    else if (file.empty() && !arg.starts_with("-"))
      file = arg;
    else
      usage = true;
  }
  if (usage || file.empty()) {
    std::cerr << "Usage: sphinxql-latency [--port 9306] [--warmup N] STATEMENTS\n"
                 "Runs every SphinxQL statement of STATEMENTS (one per line) against searchd on 127.0.0.1,\n"
                 "the first N (default 100) untimed, and prints the latency line of search-latency.\n";
    return exit_usage;
  }
  std::ifstream in(file);
  std::vector<std::string> statements;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) statements.push_back(line);
  if (statements.empty()) {
    std::cerr << "sphinxql-latency: no statements in " << file << '\n';
    return exit_fatal;
  }
  MYSQL* db = mysql_init(nullptr);
  if (!mysql_real_connect(db, host.c_str(), "", "", nullptr, port, nullptr,
                          CLIENT_MULTI_RESULTS | CLIENT_MULTI_STATEMENTS)) {
    std::cerr << "sphinxql-latency: " << mysql_error(db) << '\n';
    mysql_close(db);
    return exit_fatal;
  }
  for (std::size_t i = 0; i < std::min(warmup, statements.size()); ++i) run(db, statements[i]);
  std::vector<double> ms;
  std::size_t errors = 0;
  for (const auto& statement : statements) {
    const auto start = Clock::now();
    if (!run(db, statement)) {
      if (errors++ == 0) std::cerr << "sphinxql-latency: " << mysql_error(db) << " in: " << statement << '\n';
    }
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  mysql_close(db);
  bench::print_latencies(std::move(ms), errors);
  return exit_ok;
}
