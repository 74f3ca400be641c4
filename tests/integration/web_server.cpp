/// @file
/// @brief lighttpd as a child process group, and curl as the HTTP client.
#include "web_server.hpp"

#include "harness.hpp"
#include "loopback.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace gazette::test {

namespace {

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
}

}  // namespace

const std::string& indexed_sample_db() {
  static TempDir dir;
  static const std::string db = [] {
    const std::string path = dir / "db";
    const ProcessResult r = index({"--db", path, sample_dir()});
    if (r.status != 0) throw std::runtime_error("cannot index the sample: " + r.err);
    return path;
  }();
  return db;
}

bool have_program(const std::string& program) {
  return run_process({"sh", "-c", "command -v " + program + " >/dev/null"}).status == 0;
}

std::string HttpResult::header(const std::string& name) const {
  const std::string key = "\n" + name + ":";
  const auto at = ("\n" + headers).find(key);
  if (at == std::string::npos) return {};
  std::string value = headers.substr(at + name.size() + 1, headers.find('\n', at) - at - name.size() - 1);
  value.erase(0, value.find_first_not_of(' '));
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
  return value;
}

HttpResult http_request(const std::string& url, const std::string& method, const std::string& form) {
  std::vector<std::string> argv{"curl", "-sS", "-g", "-i", "--max-time", "20", "--noproxy", "*"};
  if (method == "HEAD") argv.push_back("-I");
  if (!form.empty())
    argv.insert(argv.end(), {"--data-binary", form, "-H", "Content-Type: application/x-www-form-urlencoded"});
  else if (method != "GET" && method != "HEAD")
    argv.insert(argv.end(), {"-X", method});
  argv.push_back(url);
  const ProcessResult r = run_process(argv);
  if (r.status != 0) throw std::runtime_error("curl " + url + " failed: " + r.err);
  HttpResult result;
  const auto end = r.out.find("\r\n\r\n");
  const std::string head = r.out.substr(0, end);
  result.body = end == std::string::npos ? "" : r.out.substr(end + 4);
  const auto first_line_end = head.find("\r\n");
  result.status = std::stoi(head.substr(head.find(' ') + 1, 3));
  for (std::size_t at = first_line_end; at != std::string::npos && at < head.size();) {
    const auto next = head.find("\r\n", at + 2);
    std::string line = head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
    const auto colon = line.find(':');
    std::transform(line.begin(), line.begin() + std::ptrdiff_t(colon == std::string::npos ? 0 : colon),
                   line.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    result.headers += line + "\n";
    at = next;
  }
  return result;
}

Lighttpd::Lighttpd(Kind kind, const std::string& db, int fastcgi_processes) {
  std::filesystem::create_directory(root_ / "htdocs");
  const std::string template_name = kind == Kind::cgi ? "lighttpd-cgi.conf.in" : "lighttpd-fastcgi.conf.in";
  std::string config = read_file(std::string(GAZETTE_WEB_DIR) + "/" + template_name);
  if (config.empty()) throw std::runtime_error("missing " + template_name);
  port_ = free_loopback_port();
  replace_all(config, "@PORT@", std::to_string(port_));
  replace_all(config, "@ROOT@", root_.path());
  replace_all(config, "@DB@", db);
  replace_all(config, "@SEARCH_BIN@", GAZETTE_SEARCH_BIN);
  replace_all(config, "@PROCS@", std::to_string(fastcgi_processes));
  write_file(root_ / "lighttpd.conf", config);

  const std::string conf = root_ / "lighttpd.conf";
  std::vector<std::string> argv_strings{"lighttpd", "-D", "-f", conf};
  std::vector<char*> argv;
  for (auto& a : argv_strings) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attr, 0);  // its own group: the destructor kills lighttpd and its children
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  const std::string out_log = root_ / "stdout.log";
  posix_spawn_file_actions_addopen(&actions, 1, out_log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  const int rc = posix_spawnp(&pid_, "lighttpd", &actions, &attr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) throw std::runtime_error("cannot start lighttpd");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!accepts_connections(port_)) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("lighttpd exited: " + read_file(out_log) + read_file(root_ / "error.log"));
    }
    if (std::chrono::steady_clock::now() > deadline) {
      stop();  // the destructor does not run for an object whose constructor throws
      throw std::runtime_error("lighttpd did not start: " + read_file(root_ / "error.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

Lighttpd::~Lighttpd() {
  stop();
}

void Lighttpd::stop() noexcept {
  if (pid_ <= 0) return;
  kill(-pid_, SIGTERM);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
  while (waitpid(pid_, &status, WNOHANG) == 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  kill(-pid_, SIGKILL);  // whatever is left of the group (lighttpd, a FastCGI process that ignored TERM)
  waitpid(pid_, &status, 0);
  pid_ = -1;
}

std::string Lighttpd::url(const std::string& query) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/search" + query;
}

std::string Lighttpd::error_log() const {
  return read_file(root_ / "error.log");
}

}  // namespace gazette::test
