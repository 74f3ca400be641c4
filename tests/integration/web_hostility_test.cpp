/// @file
/// @brief Hostile requests against the real lighttpd set-up (CGI and FastCGI): XSS payloads in every
/// parameter, 1 MB query strings, wildcard explosions and all-covering ranges, absurd pages and sizes, and a
/// flood from wrk. Every response is well formed and arrives within 10 s (the searcher's 5 s time limit plus
/// process start), no process is left behind, and the database is unchanged.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <dirent.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "harness.hpp"
#include "web_server.hpp"

using namespace gazette::test;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

/// The bound on every response's time, stated in the file comment.
constexpr double max_seconds = 10;

struct RawResponse {
  int status = 0;
  std::string head, body;
  double seconds = 0;
};

int port_of(const Lighttpd& server) {
  const std::string url = server.url();
  const auto colon = url.rfind(':');
  return std::stoi(url.substr(colon + 1, url.find('/', colon) - colon - 1));
}

/// Sends `request` as is over a fresh loopback connection and reads the answer to the end (HTTP/1.0, so the
/// server closes the connection and never chunks).
RawResponse raw_http(int port, const std::string& request) {
  const auto start = Clock::now();
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  timeval timeout{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(std::uint16_t(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  // The server may answer (and close) before it has read a huge request: a failed send is no error.
  for (std::size_t sent = 0; sent < request.size();) {
    const ssize_t n = send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += std::size_t(n);
  }
  shutdown(fd, SHUT_WR);
  std::string answer;
  char buffer[65536];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, std::size_t(n));
  close(fd);
  RawResponse r;
  r.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  const auto end = answer.find("\r\n\r\n");
  r.head = answer.substr(0, end);
  r.body = end == std::string::npos ? "" : answer.substr(end + 4);
  if (answer.starts_with("HTTP/1.") && answer.size() > 12) r.status = std::stoi(answer.substr(9, 3));
  return r;
}

std::string get(const std::string& target) {
  return "GET " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
}

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += char(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::string header_value(const std::string& head, const std::string& name) {
  std::istringstream lines(head);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.size() > name.size() && line[name.size()] == ':' &&
        std::equal(name.begin(), name.end(), line.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        }))
      return line.substr(line.find_first_not_of(' ', name.size() + 1));
  }
  return {};
}

/// Checks that responses are well formed, safe and in time. HTML pages and JSON answers are collected and
/// checked by the Python tools in one run each, at the end.
class ResponseChecker {
 public:
  /// Checks one response; `what` names the request in messages.
  void check(const RawResponse& r, const std::string& what, const std::set<int>& statuses) {
    INFO(what << ": status " << r.status << ", " << r.seconds << " s\n"
              << r.head << "\n"
              << r.body.substr(0, 500));
    CHECK(statuses.count(r.status) == 1);
    CHECK(r.seconds < max_seconds);
    const std::string length = header_value(r.head, "Content-Length");
    if (!length.empty()) CHECK(std::stoul(length) == r.body.size());
    const std::string type = header_value(r.head, "Content-Type");
    if (type.starts_with("text/html") && !r.body.starts_with("<?xml")) {  // the searcher's, not lighttpd's
      CHECK(header_value(r.head, "Content-Security-Policy").find("default-src 'none'") != std::string::npos);
      pages_.push_back(r.body);
      page_names_.push_back(what);
    } else if (type.starts_with("application/json")) {
      const auto json = nlohmann::json::parse(r.body);
      if (r.status == 200)
        json_lines_ += json.dump() + "\n";
      else
        CHECK(json.contains("error"));
    }
  }

  /// Runs the collected checks.
  void finish() {
    std::string joined;
    for (const std::string& page : pages_) joined += (joined.empty() ? "" : std::string(1, '\0')) + page;
    const ProcessResult html = run_process({GAZETTE_PYTHON, GAZETTE_HTML_CHECKER}, joined);
    std::string names;
    for (std::size_t i = 0; i < page_names_.size(); ++i)
      names += std::to_string(i + 1) + ": " + page_names_[i] + "\n";
    CHECK_MESSAGE(html.status == 0, html.out << html.err << "pages:\n" << names);
    if (!json_lines_.empty()) CHECK(schema_problems(json_lines_, "search-response.schema.json") == "");
    MESSAGE(pages_.size() << " HTML pages and " << std::count(json_lines_.begin(), json_lines_.end(), '\n')
                          << " JSON answers checked");
  }

 private:
  std::vector<std::string> pages_, page_names_;
  std::string json_lines_;
};

/// Every file of a database folder and a hash of its content.
std::map<std::string, std::size_t> snapshot(const std::string& db) {
  std::map<std::string, std::size_t> files;
  for (const auto& entry : fs::directory_iterator(db))
    files[entry.path().filename()] = std::hash<std::string>{}(read_file(entry.path()));
  return files;
}

/// The pids in a process group (from /proc).
std::vector<int> group_members(int pgid) {
  std::vector<int> members;
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = read_file(entry.path() / "stat");
    const auto paren = stat.rfind(')');
    if (paren == std::string::npos) continue;
    std::istringstream fields(stat.substr(paren + 2));
    std::string state;
    int ppid = 0, pgrp = 0;
    fields >> state >> ppid >> pgrp;
    if (pgrp == pgid && state != "Z") members.push_back(std::stoi(name));
  }
  return members;
}

/// The pid of the lighttpd this test process started (its child; also its process group).
int lighttpd_pid() {
  for (const auto& entry : fs::directory_iterator("/proc")) {
    const std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = read_file(entry.path() / "stat");
    const auto paren = stat.rfind(')');
    if (paren == std::string::npos || stat.find("(lighttpd)") == std::string::npos) continue;
    std::istringstream fields(stat.substr(paren + 2));
    std::string state;
    int ppid = 0;
    fields >> state >> ppid;
    if (ppid == getpid()) return std::stoi(name);
  }
  return -1;
}

/// A database with many distinct words, so that wildcards have something to explode into.
const std::string& wide_db() {
  static TempDir dir;
  static const std::string db = [] {
    std::mt19937 generator(3);
    std::ofstream out(dir / "wide.jsonl");
    for (int a = 0; a < 1500; ++a) {
      std::string body;
      for (int w = 0; w < 40; ++w) {
        std::string word;
        for (int k = 0; k < 6; ++k) word += char('a' + generator() % 26);
        body += word + " ";
      }
      out << "{\"id\": \"w" << a << "\", \"title\": \"Harbour " << a << "\", \"date\": \"19" << 10 + a % 90
          << "-0" << 1 + a % 9 << "-1" << a % 10 << "\", \"body\": \"" << body << "\"}\n";
    }
    out.close();
    const std::string path = dir / "db";
    const ProcessResult r = index({"--db", path, dir / "wide.jsonl"});
    if (r.status != 0) throw std::runtime_error("cannot index: " + r.err);
    return path;
  }();
  return db;
}

const std::vector<std::string> xss_payloads{
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "javascript:alert(1)",
    "</title><script>alert(1)</script>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "\" autofocus onfocus=alert(1) x=\"",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "<iframe src=//example.com></iframe>",
    "\xE2\x80\xA8<script>\xE2\x80\xA9",
};

/// The hostile requests of this file, as (name, request target) pairs.
std::vector<std::pair<std::string, std::string>> hostile_targets() {
  std::vector<std::pair<std::string, std::string>> targets;
  for (const std::string& p : xss_payloads) {
    const std::string e = percent_encode(p);
    for (const std::string& param :
         {"q=" + e, "f=" + e, "f=source:" + e, "sort=" + e, "id=" + e, "page=" + e, "size=" + e,
          "format=" + e, "q=" + e + "&format=json", "f=source:" + e + "&format=json", "id=" + e + "&q=" + e})
      targets.emplace_back("xss " + param.substr(0, param.find('=')), "/search?" + param);
  }
  for (const char* q :
       {"a*", "*", "a* b* c* d* e* f*", "a* OR b* OR c* OR d* OR e* OR f* OR g* OR h* OR i* OR j*", "NOT a*",
        "date:..9999", "date:0001..9999-12-31", "date:1900..2100 a*", "title:*", "mentions:..9999",
        "\"a* b*\"", "a*^100", "((((((((((a*))))))))))"})
    for (const char* extra : {"", "&sort=date", "&format=json"})
      targets.emplace_back(std::string("wildcard ") + q, "/search?q=" + percent_encode(q) + extra);
  for (const char* f : {"date:..9999", "date:0001..9999", "source:*", "date:*"})
    targets.emplace_back(std::string("range filter ") + f, "/search?q=a*&f=" + percent_encode(f));
  for (const char* paging :
       {"page=999999999", "page=99999999999999999999", "page=0", "page=-1", "size=100000", "size=-5",
        "size=0", "size=1e9", "page=1000&size=100", "page=99&size=100&q=a*"})
    targets.emplace_back(std::string("paging ") + paging, std::string("/search?") + paging);
  std::string many_filters;
  for (int i = 0; i < 400; ++i) many_filters += "&f=source:" + std::to_string(i);
  targets.emplace_back("400 filters", "/search?q=harbour" + many_filters);
  return targets;
}

void check_hostile_requests(Lighttpd& server) {
  const int port = port_of(server);
  ResponseChecker checker;
  for (const auto& [name, target] : hostile_targets())
    checker.check(raw_http(port, get(target)), name + ": " + target.substr(0, 200), {200, 400, 404, 503});

  // 1 MB query strings: lighttpd refuses an oversized request line itself; a 1 MB form body reaches the
  // searcher, which refuses a q over 1,000 bytes.
  const std::string megabyte(1 << 20, 'a');
  checker.check(raw_http(port, get("/search?q=" + megabyte)), "1 MB GET", {400, 413, 414, 431});
  checker.check(raw_http(port, get("/search?q=" + megabyte + "*")), "1 MB wildcard GET",
                {400, 413, 414, 431});
  const std::string form = "q=" + megabyte;
  checker.check(raw_http(port,
                         "POST /search HTTP/1.0\r\nHost: 127.0.0.1\r\n"
                         "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                             std::to_string(form.size()) + "\r\n\r\n" + form),
                "1 MB POST", {400, 413});
  // A page far past the results, and a size over the cap.
  CHECK(raw_http(port, get("/search?page=999999999")).status == 400);
  const RawResponse big = raw_http(port, get("/search?q=a*&size=100000&format=json"));
  REQUIRE(big.status == 200);
  CHECK(nlohmann::json::parse(big.body)["hits"].size() <= 100);
  checker.finish();
}

/// wrk's Lua script: cycles through hostile requests and counts answers that are not an expected status or
/// have no body.
std::string wrk_script() {
  std::string paths;
  for (const auto& [name, target] : hostile_targets()) {
    if (target.size() > 2000) continue;
    paths += "  \"" + target + "\",\n";
  }
  return "local paths = {\n" + paths +
         "}\n"
         "local i = 0\n"
         "bad = 0\n"
         "local threads = {}\n"
         "function setup(thread) table.insert(threads, thread) end\n"
         "function request()\n"
         "  i = i % #paths + 1\n"
         "  return wrk.format(\"GET\", paths[i])\n"
         "end\n"
         "function response(status, headers, body)\n"
         "  if not (status == 200 or status == 400 or status == 404 or status == 503) or #body == 0 then\n"
         "    bad = bad + 1\n"
         "  end\n"
         "end\n"
         "function done(summary, latency, requests)\n"
         "  local total = 0\n"
         "  for _, t in ipairs(threads) do total = total + t:get(\"bad\") end\n"
         "  io.write(\"bad responses: \" .. total .. \"\\n\")\n"
         "  io.write(\"max latency us: \" .. latency.max .. \"\\n\")\n"
         "end\n";
}

/// Floods the server for 3 s with 4 connections and checks what wrk saw.
void flood(Lighttpd& server, const TempDir& dir) {
  if (!have_program("wrk")) {
    MESSAGE("flood skipped: wrk is not installed (scripts/install-deps.sh installs it)");
    return;
  }
  write_file(dir / "hostile.lua", wrk_script());
  const std::string base = server.url().substr(0, server.url().find("/search"));
  const ProcessResult r =
      run_process({"wrk", "-t2", "-c4", "-d3s", "--timeout", "10s", "-s", dir / "hostile.lua", base});
  INFO(r.out << r.err);
  REQUIRE(r.status == 0);
  CHECK(r.out.find("bad responses: 0\n") != std::string::npos);
  CHECK(r.out.find("Socket errors") == std::string::npos);  // no connect, read, write errors or timeouts
  const auto at = r.out.find("max latency us: ");
  REQUIRE(at != std::string::npos);
  const double max_latency = std::stod(r.out.substr(at + 16)) / 1e6;
  const auto summary = r.out.find(" requests in ");
  REQUIRE(summary != std::string::npos);
  const auto line_start = r.out.rfind('\n', summary) + 1;
  MESSAGE("wrk: " << r.out.substr(line_start, r.out.find('\n', summary) - line_start) << "; slowest "
                  << max_latency << " s");
  CHECK(max_latency < max_seconds);
}

void run_against(Lighttpd::Kind kind, const char* name) {
  if (!have_program("lighttpd") || !have_program("curl")) {
    MESSAGE("skipped: lighttpd not installed (scripts/install-deps.sh installs it)");
    return;
  }
  TempDir dir;
  const std::string db = wide_db();
  const auto before = snapshot(db);
  int group = -1;
  {
    Lighttpd server(kind, db, 2);
    group = lighttpd_pid();
    REQUIRE(group > 0);
    INFO(std::string(name));
    check_hostile_requests(server);
    flood(server, dir);
    // Still serving, and nothing left running but the server (and its FastCGI processes).
    CHECK(raw_http(port_of(server), get("/search?q=harbour")).status == 200);
    const std::size_t expected = kind == Lighttpd::Kind::cgi ? 1 : 3;
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    while (group_members(group).size() > expected && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(group_members(group).size() == expected);
    CHECK(server.error_log().find("signal") == std::string::npos);  // no searcher crashed
  }
  // The server's destructor killed its process group; the kernel may take a moment to end them.
  const auto deadline = Clock::now() + std::chrono::seconds(5);
  while (!group_members(group).empty() && Clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  CHECK(group_members(group).empty());
  CHECK(snapshot(db) == before);
}

}  // namespace

TEST_CASE("hostile requests through lighttpd and CGI") {
  run_against(Lighttpd::Kind::cgi, "cgi");
}

TEST_CASE("hostile requests through lighttpd and FastCGI") {
  run_against(Lighttpd::Kind::fastcgi, "fastcgi");
}
