/// @file
/// @brief ShardServer and Conversation: fork, exec, pipes, process groups.
#include "shard_server.hpp"

#include "loopback.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <utility>

namespace gazette::test {

namespace {

[[noreturn]] void exec(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

}  // namespace

ShardServer::ShardServer(const std::string& database) : port_(free_loopback_port()) {
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    setsid();
    const int null = open("/dev/null", O_RDWR);
    dup2(null, STDOUT_FILENO);
    dup2(null, STDERR_FILENO);
    exec({"xapian-tcpsrv", "--quiet", "--interface", "127.0.0.1", "--port", std::to_string(port_), database});
  }
  for (int i = 0; i < 200 && !accepts_connections(port_); ++i) {
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("xapian-tcpsrv exited at start (is xapian-tools installed?)");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (!accepts_connections(port_)) {
    kill();
    throw std::runtime_error("xapian-tcpsrv does not accept connections on port " + std::to_string(port_));
  }
}

ShardServer::~ShardServer() {
  kill();
}

std::string ShardServer::address() const {
  return "tcp://127.0.0.1:" + std::to_string(port_);
}

void ShardServer::kill() {
  if (pid_ <= 0) return;
  ::kill(-pid_, SIGCONT);
  ::kill(-pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void ShardServer::stall() {
  if (pid_ > 0) ::kill(-pid_, SIGSTOP);
}

void ShardServer::resume() {
  if (pid_ > 0) ::kill(-pid_, SIGCONT);
}

bool process_exists(pid_t pid) {
  return pid > 0 && (::kill(pid, 0) == 0 || errno != ESRCH);
}

Conversation::Conversation(const std::vector<std::string>& argv) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    dup2(in[0], STDIN_FILENO);
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    exec(argv);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  in_ = in[1];
  out_ = out[0];
  err_ = err[0];
}

Conversation::~Conversation() {
  std::string ignored;
  if (pid_ > 0) finish(ignored);
}

std::string Conversation::ask(const std::string& line) {
  const std::string text = line + "\n";
  if (write(in_, text.data(), text.size()) != ssize_t(text.size())) return "";
  for (;;) {
    if (const auto eol = buffered_.find('\n'); eol != std::string::npos) {
      std::string answer = buffered_.substr(0, eol);
      buffered_.erase(0, eol + 1);
      return answer;
    }
    char chunk[65536];
    const ssize_t n = read(out_, chunk, sizeof chunk);
    if (n <= 0) return std::exchange(buffered_, "");
    buffered_.append(chunk, std::size_t(n));
  }
}

int Conversation::finish(std::string& err) {
  close(in_);
  char chunk[4096];
  for (ssize_t n; (n = read(err_, chunk, sizeof chunk)) > 0;) err.append(chunk, std::size_t(n));
  close(out_);
  close(err_);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace gazette::test
