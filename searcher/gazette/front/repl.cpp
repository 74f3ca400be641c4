/// @file
/// @brief The interactive session over libedit's readline interface.
#include "gazette/front/repl.hpp"

#include <editline/readline.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <sstream>

#include "gazette/core/error.hpp"
#include "gazette/front/article_view.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/search/markup.hpp"
#include "gazette/search/render.hpp"

namespace gazette {

namespace {

constexpr std::string_view bold_on = "\x1b[1m", bold_off = "\x1b[0m";

constexpr const char* commands[] = {":next",     ":prev",   ":page", ":open", ":like", ":filter",
                                    ":unfilter", ":facets", ":sort", ":json", ":help", ":quit"};

constexpr const char* help_text =
    R"(Type words to search (the same syntax as the command line: "a phrase", a OR b, -word,
title:word, source:NAME, date:1987-03, date:1987-03-01..1987-03-31). An empty search lists the newest.
  :next  :prev  :page N   move through the results (pages fit the terminal)
  :open N                 the whole article N, query words highlighted (through $PAGER when set)
  :like N|ID              articles like result N (or the article with this id), its story's versions left out
  :filter FIELD=VALUE     keep only matching articles (repeatable); :unfilter [FIELD] drops filters
  :facets                 date histogram and top values of the current results
  :sort date|relevance    result order
  :json                   the current page as JSON
  :help  :quit            this text; leave (also Ctrl-D)
Tab completes commands, field names and the values of the last results' facets.
)";

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return std::string(s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1));
}

struct TerminalSize {
  std::size_t rows = 24, cols = 80;
};

TerminalSize terminal_size() {
  TerminalSize size;
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
    size.rows = ws.ws_row;
    size.cols = ws.ws_col;
  }
  return size;
}

bool color_terminal() {
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
}

/// Writes text through $PAGER when it is set (less gets -R for the highlights, as git does), else to stdout.
void page_out(const std::string& text) {
  const char* pager = std::getenv("PAGER");
  if (!pager || !*pager) {
    std::cout << text << std::flush;
    return;
  }
  setenv("LESS", std::getenv("LESS") ? std::getenv("LESS") : "FRX", 1);
  std::cout << std::flush;
  FILE* pipe = popen(pager, "w");
  if (!pipe) {
    std::cout << text << std::flush;
    return;
  }
  std::fwrite(text.data(), 1, text.size(), pipe);
  pclose(pipe);
}

/// The session's state: the request being paged through and the last response.
class Session {
 public:
  Session(Searcher& searcher, const SearchRequest& defaults) : searcher_(searcher), request_(defaults) {}

  /// Runs one typed line; false when the session should end.
  bool execute(const std::string& typed);
  std::string prompt() const { return repl_prompt(request_); }
  const std::optional<Facets>& facets() const { return facets_; }

 private:
  void run_search();
  void show();
  void open(const std::string& argument);
  /// The hit of the current page with this rank ("3"), or nullptr.
  const Hit* hit_numbered(const std::string& argument) const;
  std::size_t page_count() const;

  Searcher& searcher_;
  SearchRequest request_;
  std::size_t page_ = 0;  // 0-based
  std::optional<SearchResponse> last_;
  std::optional<Facets> facets_;  // kept apart so completion sees them between searches
};

void Session::run_search() {
  const TerminalSize size = terminal_size();
  // A hit takes about five lines (blank, headline, byline, a two-line snippet); keep header and footer.
  request_.limit = std::max<std::size_t>(1, (size.rows > 4 ? size.rows - 4 : 1) / 5);
  request_.snippet_words = std::max<std::size_t>(8, size.cols / 4);
  request_.offset = page_ * request_.limit;
  last_ = searcher_.search(request_);
  facets_ = last_->facets;
  show();
}

std::size_t Session::page_count() const {
  if (!last_ || last_->total == 0) return 1;
  return (last_->total + request_.limit - 1) / request_.limit;
}

void Session::show() {
  SearchResponse shown = *last_;
  shown.facets.reset();  // facets on request (:facets), so a page fits the screen
  render_text(shown, TextStyle{color_terminal(), terminal_size().cols}, std::cout);
  std::cout << "\n-- page " << page_ + 1 << " of " << page_count()
            << " -- :next :prev :open N :facets :help\n";
}

const Hit* Session::hit_numbered(const std::string& argument) const {
  for (const Hit& h : last_->hits)
    if (std::to_string(h.rank) == argument) return &h;
  return nullptr;
}

void Session::open(const std::string& argument) {
  if (!last_) throw Error(ErrorCode::usage, "search first, then :open a result number", ":open");
  const Hit* hit = hit_numbered(argument);
  if (!hit) throw Error(ErrorCode::usage, "no result numbered '" + argument + "' on this page", ":open");
  const std::optional<ArticleView> view = open_article(searcher_, request_, hit->article.id);
  if (!view) throw Error(ErrorCode::not_found, "the article is no longer in the archive", ":open");
  const bool color = color_terminal();
  const std::string_view on = color ? bold_on : "", off = color ? bold_off : "";
  std::ostringstream text;
  text << on << (view->article.title.empty() ? "(no headline)" : view->article.title) << off << '\n'
       << byline(view->article) << '\n';
  if (!view->article.url.empty()) text << view->article.url << '\n';
  text << '\n'
       << (view->body.text.empty() ? view->article.body : highlighted_plain(view->body, on, off)) << '\n';
  page_out(text.str());
}

bool Session::execute(const std::string& typed) {
  const ReplLine line = parse_repl_line(typed);
  const std::string& arg = line.argument;
  try {
    if (line.command.empty()) {
      request_.query = arg;
      request_.like_id.clear();
      page_ = 0;
      run_search();
    } else if (line.command == "quit" || line.command == "q" || line.command == "exit") {
      return false;
    } else if (line.command == "help") {
      std::cout << help_text;
    } else if (line.command == "next" || line.command == "prev" || line.command == "page") {
      if (!last_) throw Error(ErrorCode::usage, "search first", ":" + line.command);
      std::size_t page = page_;
      if (line.command == "next")
        page = page_ + 1;
      else if (line.command == "prev")
        page = page_ == 0 ? 0 : page_ - 1;
      else
        page = std::strtoul(arg.c_str(), nullptr, 10) - 1;
      if (page >= page_count())
        throw Error(ErrorCode::usage, "no such page (there are " + std::to_string(page_count()) + ")",
                    ":page");
      page_ = page;
      run_search();
    } else if (line.command == "open") {
      open(arg);
    } else if (line.command == "like") {
      const Hit* hit = last_ ? hit_numbered(arg) : nullptr;
      request_.like_id = hit ? hit->article.id : arg;
      request_.query.clear();
      page_ = 0;
      run_search();
    } else if (line.command == "filter") {
      request_.filters.push_back(parse_filter(arg));
      page_ = 0;
      if (last_) run_search();
    } else if (line.command == "unfilter") {
      std::erase_if(request_.filters, [&](const Filter& f) { return arg.empty() || f.field == arg; });
      page_ = 0;
      if (last_) run_search();
    } else if (line.command == "sort") {
      request_.sort = parse_sort(arg);
      page_ = 0;
      if (last_) run_search();
    } else if (line.command == "facets") {
      if (!last_) throw Error(ErrorCode::usage, "search first", ":facets");
      SearchResponse facets_only = *last_;
      facets_only.hits.clear();
      render_text(facets_only, TextStyle{color_terminal(), terminal_size().cols}, std::cout);
    } else if (line.command == "json") {
      if (!last_) throw Error(ErrorCode::usage, "search first", ":json");
      std::cout << response_json(*last_).dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
                << '\n';
    } else {
      throw Error(ErrorCode::usage, "unknown command (type :help)", ":" + line.command);
    }
  } catch (const Error& e) {
    std::cout << "error: " << e.what() << '\n';
  }
  return true;
}

// libedit calls completion through plain C function pointers: the session they complete for lives here.
Session* completing_session = nullptr;
std::vector<std::string> candidates;

char* next_candidate(const char*, int state) {
  static std::size_t next = 0;
  if (state == 0) next = 0;
  return next < candidates.size() ? strdup(candidates[next++].c_str()) : nullptr;
}

char** complete(const char* text, int start, int) {
  rl_attempted_completion_over = 1;  // never fall back to file names
  if (!completing_session) return nullptr;
  candidates = repl_completions(std::string(rl_line_buffer, std::size_t(std::max(start, 0))), text,
                                completing_session->facets());
  const bool open_ended =
      !candidates.empty() && std::all_of(candidates.begin(), candidates.end(),
                                         [](auto& c) { return c.back() == ':' || c.back() == '='; });
  rl_completion_append_character = open_ended ? '\0' : ' ';
  return candidates.empty() ? nullptr : rl_completion_matches(text, next_candidate);
}

}  // namespace

ReplLine parse_repl_line(const std::string& line) {
  const std::string text = trim(line);
  if (text.empty() || text[0] != ':') return {"", text};
  const auto space = text.find_first_of(" \t");
  if (space == std::string::npos) return {text.substr(1), ""};
  return {text.substr(1, space - 1), trim(std::string_view(text).substr(space))};
}

std::string repl_prompt(const SearchRequest& request) {
  std::string prompt = "gazette";
  if (request.sort == SortOrder::date) prompt += " [by date]";
  for (const Filter& f : request.filters) prompt += " " + f.field + "=" + f.value;
  return prompt + "> ";
}

std::vector<std::string> repl_completions(const std::string& line, const std::string& word,
                                          const std::optional<Facets>& facets) {
  std::vector<std::string> all;
  const std::string before = trim(line);
  const ReplLine context = parse_repl_line(before);
  if (before.empty() && (word.empty() || word[0] == ':')) {
    all.assign(std::begin(commands), std::end(commands));
  } else if (context.command == "sort") {
    all = {"date", "relevance"};
  } else if (context.command.empty() || context.command == "filter" || context.command == "unfilter") {
    const bool filter = !context.command.empty();
    const std::string sep = context.command == "filter" ? "=" : context.command == "unfilter" ? "" : ":";
    for (const schema::Field& field : schema::fields)
      if (!filter || field.kind != schema::FieldKind::text) all.push_back(std::string(field.name) + sep);
    if (facets && context.command != "unfilter") {
      auto add = [&](std::string_view field, const std::string& value) {
        const bool quote = value.find_first_of(" \t") != std::string::npos;
        all.push_back(std::string(field) + sep + (quote ? "\"" + value + "\"" : value));
      };
      for (const FieldFacet& facet : facets->fields)
        for (const FacetValue& v : facet.values) add(facet.field, v.value);
      if (facets->dates.granularity != Granularity::week)
        for (const auto& b : facets->dates.buckets) add("date", b.key);
    }
  }
  std::vector<std::string> matches;
  for (std::string& c : all)
    if (c.compare(0, word.size(), word) == 0) matches.push_back(std::move(c));
  std::sort(matches.begin(), matches.end());
  matches.erase(std::unique(matches.begin(), matches.end()), matches.end());
  return matches;
}

std::string repl_history_path() {
  if (const char* path = std::getenv("GAZETTE_HISTORY"); path && *path) return path;
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.gazette_history";
  return {};
}

int run_repl(Searcher& searcher, const SearchRequest& defaults) {
  Session session(searcher, defaults);
  completing_session = &session;
  rl_readline_name = "gazette";
  static char word_breaks[] = " \t\n";
  rl_basic_word_break_characters = word_breaks;
  rl_completer_word_break_characters = word_breaks;
  rl_attempted_completion_function = complete;
  const std::string history = repl_history_path();
  stifle_history(1000);
  if (!history.empty()) read_history(history.c_str());
  std::cout << "Gazette: " << searcher.size() << " articles. Type words to search, :help for commands.\n";
  while (true) {
    const std::string prompt = session.prompt();
    char* raw = readline(prompt.c_str());
    if (!raw) break;  // end of input (Ctrl-D)
    const std::string line = raw;
    std::free(raw);
    if (trim(line).empty()) continue;
    add_history(line.c_str());
    if (!history.empty()) write_history(history.c_str());  // after every line: a killed session keeps it
    if (!session.execute(line)) break;
  }
  std::cout << '\n';
  completing_session = nullptr;
  return exit_ok;
}

}  // namespace gazette
