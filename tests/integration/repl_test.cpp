/// @file
/// @brief The interactive session on a real terminal: gazette-search inside tmux, driven with send-keys and
/// read with capture-pane (search, :filter, :next, :open with PAGER=cat, tab completion, history).
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <thread>

#include "harness.hpp"
#include "web_server.hpp"

using namespace gazette::test;

namespace {

/// A tmux server of its own (its own socket), killed with everything in it when the object goes.
class Tmux {
 public:
  Tmux(const std::string& command) : socket_("gazette-test-" + std::to_string(getpid())) {
    const ProcessResult r = tmux({"new-session", "-d", "-x", "110", "-y", "12", command});
    if (r.status != 0) throw std::runtime_error("tmux: " + r.err);
  }
  ~Tmux() { tmux({"kill-server"}); }
  Tmux(const Tmux&) = delete;
  Tmux& operator=(const Tmux&) = delete;

  void type(const std::string& keys) { tmux({"send-keys", "-l", keys}); }
  void key(const std::string& name) { tmux({"send-keys", name}); }
  /// The screen, with escape sequences when `escapes`.
  std::string screen(bool escapes = false) {
    return tmux({"capture-pane", "-p", "-J", "-S", "-200", escapes ? "-e" : "-J"}).out;
  }
  /// Waits until the screen shows `text` (true) or 10 s pass (false).
  bool wait_for(const std::string& text, bool escapes = false) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (screen(escapes).find(text) != std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  /// Whether the session's process has ended.
  bool ended() {
    return tmux({"list-panes", "-F", "#{pane_dead}"}).out.find('1') != std::string::npos ||
           tmux({"has-session"}).status != 0;
  }

 private:
  ProcessResult tmux(std::vector<std::string> args) {
    args.insert(args.begin(), {"tmux", "-L", socket_, "-f", "/dev/null"});
    return run_process(args);
  }
  std::string socket_;
};

}  // namespace

TEST_CASE("the interactive session on a terminal") {
  if (!have_program("tmux")) {
    MESSAGE("tmux is not installed (bash scripts/install-deps.sh): skipped");
    return;
  }
  TempDir home;
  const std::string history = home / "history";
  Tmux tmux("env TERM=xterm PAGER=cat GAZETTE_HISTORY=" + history + " " + GAZETTE_SEARCH_BIN + " --db " +
            indexed_sample_db());
  REQUIRE(tmux.wait_for("gazette> "));  // 12 rows: one hit per page

  tmux.type("terminal");
  tmux.key("Enter");
  REQUIRE(tmux.wait_for("-- page 1 of"));
  CHECK(tmux.screen().find("container terminal") != std::string::npos);

  tmux.type(":filter sou");  // tab completes the field name, then the source from the last facets
  tmux.key("Tab");
  REQUIRE(tmux.wait_for(":filter source="));
  tmux.type("\"Eastm");
  tmux.key("Tab");
  CHECK(tmux.wait_for(":filter source=\"Eastmere Courier\""));
  tmux.key("Enter");
  REQUIRE(tmux.wait_for("gazette source=Eastmere Courier> "));

  tmux.type(":next");
  tmux.key("Enter");
  CHECK(tmux.wait_for("-- page 2 of"));
  tmux.type(":prev");
  tmux.key("Enter");
  tmux.type(":open 1");
  tmux.key("Enter");
  // The whole article through $PAGER (cat), with the query's word in bold.
  CHECK(tmux.wait_for("spawning grounds in the bay."));
  CHECK(tmux.wait_for("\x1b[1mterminal", true));

  tmux.type(":quit");
  tmux.key("Enter");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!tmux.ended() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const std::string saved = read_file(history);
  CHECK(saved.find("terminal") != std::string::npos);
  CHECK(saved.find(":filter\\040source=") != std::string::npos);  // libedit's format escapes spaces
  CHECK(saved.find(":open\\0401") != std::string::npos);
}
