/// @file
/// @brief Real processes for the sharding tests: xapian-tcpsrv serving a shard on a free loopback port
/// (always stopped), and gazette-search in batch mode fed one query at a time.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

namespace gazette::test {

/// xapian-tcpsrv serving one database on 127.0.0.1. It runs in a session of its own, because
/// xapian-tcpsrv signals its whole process group when it stops; the destructor kills that group (the
/// server and its per-connection children) and reaps it.
class ShardServer {
 public:
  /// Starts the server and waits (up to 10 s) until it accepts connections. @throws std::runtime_error.
  explicit ShardServer(const std::string& database);
  ~ShardServer();
  ShardServer(const ShardServer&) = delete;
  ShardServer& operator=(const ShardServer&) = delete;

  /// "tcp://127.0.0.1:PORT"
  std::string address() const;
  /// Kills the server and its connections now (a host going down).
  void kill();
  /// SIGSTOP / SIGCONT to the whole group: a host that stalls.
  void stall();
  void resume();
  pid_t pid() const noexcept { return pid_; }

 private:
  pid_t pid_ = -1;
  unsigned port_ = 0;
};

/// True when the process exists (not yet reaped or still running).
bool process_exists(pid_t pid);

/// A program whose standard input and output are pipes held open by the test: one line in, lines out.
class Conversation {
 public:
  explicit Conversation(const std::vector<std::string>& argv);
  ~Conversation();
  Conversation(const Conversation&) = delete;
  Conversation& operator=(const Conversation&) = delete;

  /// Writes one line; returns the next line of output ("" at end of output).
  std::string ask(const std::string& line);
  /// Closes standard input and returns the exit status (128 + signal when killed) and what stderr held.
  int finish(std::string& err);

 private:
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::string buffered_;
};

}  // namespace gazette::test
