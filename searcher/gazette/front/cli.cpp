/// @file
/// @brief gazette-search's options, and the command-line front ends (one query, batch) beside the others.
#include "gazette/front/cli.hpp"

#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

#include <boost/program_options.hpp>

#include "gazette/core/error.hpp"
#include "gazette/front/fastcgi.hpp"
#include "gazette/front/repl.hpp"
#include "gazette/front/web.hpp"
#include "gazette/search/inspect.hpp"
#include "gazette/search/render.hpp"
#include "gazette/search/searcher.hpp"

namespace po = boost::program_options;

namespace gazette {

namespace {

constexpr const char* usage_text = R"(Usage: gazette-search --db PATH [options] QUERY...
       gazette-search --db PATH                          (on a terminal: interactive session)
       gazette-search --db PATH [options] < queries.txt  (batch: one query per line)
       gazette-search --db PATH --get ID
       gazette-search --db PATH --inspect [--json]
       gazette-search --db PATH [QUERY...] [--filter F=V] --export jsonl|csv|facets [--export-body] [--sort S]
       gazette-search --mode cgi --db PATH q=QUERY [f=FIELD:VALUE] [page=N] [format=json]

Searches a Gazette database. QUERY uses Xapian's query syntax on Gazette's analyzer:
  words                    all words must match (ranked by BM25)
  "a phrase"               the words in this order
  a OR b, a AND NOT b, -b  boolean operators and exclusion; ( ) to group; econom* wildcard
  title:word               a word of the headline
  source:reuters           an outlet (also author:, lang:, id:)
  person:"Vladimir Putin"  a person; org:opec an organisation; place:russia a place (aliases fold:
                           place:US = place:"United States", person:Zelenskiy = person:"Volodymyr Zelensky")
  mentions:2014-03         articles whose text talks about March 2014 (a year, month or day)
  date:1987  date:1987-02  date:1987-02-26  date:1987-02-01..1987-03-31  date:..1987-03
An empty query lists the newest articles.

Options)";

constexpr const char* mode_text = R"(
Modes (--mode, else detected in this order):
  cgi          GATEWAY_INTERFACE is set: answer one HTTP request; the database comes from GAZETTE_DB or
               the file GAZETTE_CONFIG names, and the command line is ignored
  fastcgi      standard input is a FastCGI socket (spawn-fcgi, lighttpd bin-path): serve many requests
  once         a QUERY, --get, --story, --inspect or --export is given
  interactive  standard input is a terminal (type :help there)
  batch        otherwise: one query per line of standard input
)";

constexpr const char* exit_text = R"(
Exit status:
  0  success (also when nothing matched)
  1  usage error or a query that cannot be parsed
  3  the database is missing, not a Gazette database, of another schema version, or failing; or the
     export cannot be written (a full disk). An export whose reader stops early (| head) ends quietly with 0.
     With several databases (shards): a shard missing, not answering within --shard-timeout, or indexed
     with another schema or analyzer; the message names it (--partial: only when no shard answers).
)";

struct Choices {
  std::string sort = "relevance", granularity = "auto", match = "auto", mode, since, recency, now, story,
              export_format;
  std::vector<std::string> filters;
};

po::options_description visible_options(CliOptions& cli, Choices& choices) {
  po::options_description visible(usage_text);
  visible.add_options()("help,h", "show this help and exit")(
      "db,d", po::value(&cli.db)->value_name("PATH")->composing(),
      "database directory, stub file or sharded archive, or tcp://HOST:PORT (xapian-tcpsrv); repeat it to "
      "search several as one (default: $GAZETTE_DB)")(
      "partial", "when a shard does not answer, show the other shards' results, flagged partial")(
      "shard-timeout", po::value(&cli.archive.remote_timeout)->value_name("SECONDS")->default_value(10),
      "time a remote shard may take to connect and to answer each request")(
      "filter,F", po::value(&choices.filters)->value_name("FIELD=VALUE")->composing(),
      "only articles with this value (repeatable; fields: source, person, org, place, date, mentions, "
      "author, "
      "lang, id)")("sort,s", po::value(&choices.sort),
                   "relevance (default), date (newest first) or date-asc (oldest first)")(
      "offset", po::value(&cli.request.offset)->default_value(0), "skip this many hits")(
      "limit,n", po::value(&cli.request.limit)->default_value(10), "hits to show")(
      "granularity", po::value(&choices.granularity),
      "date histogram buckets: auto, day, week, month or year")(
      "since", po::value(&choices.since)->value_name("AGE"),
      "only articles of the last AGE before now (7d, 2w, 3m, 1y); now is --now or the newest article")(
      "recency", po::value(&choices.recency)->value_name("HALF_LIFE"),
      "boost recent articles: score = BM25 + W * 2^(-age / HALF_LIFE), HALF_LIFE such as 30d or 1y")(
      "recency-weight", po::value(&cli.request.recency_weight)->value_name("W")->default_value(5.0),
      "W in the --recency formula (BM25 scores are typically 5 to 30)")(
      "now", po::value(&choices.now)->value_name("DATE"),
      "the date relative dates count from (default: the newest article)")(
      "json", "print JSON (schemas/search-response.schema.json) instead of text")(
      "get", po::value(&cli.get)->value_name("ID"), "print the stored article with this id")(
      "inspect",
      "summarise the archive: articles, dates, sources, stories, top entities, schema, size "
      "(text, or JSON with --json)")(
      "export", po::value(&choices.export_format)->value_name("FORMAT"),
      "write every match, not a page, in the --sort order: jsonl or csv (id, date, source, url, title, "
      "entities, story), or facets (CSV kind,field,value,count: exact facet counts and the date histogram)")(
      "export-body", "with --export jsonl|csv: include the article text")("no-facets", "do not count facets")(
      "no-snippets", "do not show snippets")("no-collapse", "list every version of a story")(
      "match", po::value(&choices.match)->value_name("MODE"),
      "how words combine: all, any, or auto (default: all; any when fewer than 30 articles have all)")(
      "like", po::value(&cli.request.like_id)->value_name("ID"),
      "more like this: articles similar to this one (its story's versions excluded); words, if any, must "
      "match too")("no-synonyms", "search only the words given, not their synonyms (U.S. = United States)")(
      "no-query-dates",
      "search date words as words (by default 'election last week' searches 'election' in last week)")(
      "story", po::value(&choices.story)->value_name("ID"),
      "list every version of the story with this id, newest first")(
      "color", po::value(&cli.color), "highlight with ANSI bold: auto (default), always or never")(
      "mode", po::value(&choices.mode)->value_name("MODE"), "cgi, fastcgi, interactive, batch or once");
  return visible;
}

bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  if (choice != "auto") throw Error(ErrorCode::usage, "expected auto, always or never", "--color");
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
}

void print(const SearchResponse& response, bool json, const TextStyle& style) {
  if (json)
    std::cout << response_json(response).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)
              << '\n';
  else
    render_text(response, style, std::cout);
}

/// Batch mode: one query per line of standard input, one response each; a bad query is reported and the
/// next line read.
int run_batch(Searcher& searcher, SearchRequest request, bool json, const TextStyle& style) {
  int status = exit_ok;
  std::string line;
  while (std::getline(std::cin, line)) {
    request.query = line;
    try {
      print(searcher.search(request), json, style);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::bad_query) throw;
      std::cerr << "gazette-search: " << e.what() << '\n';
      if (json) std::cout << error_json(e).dump() << '\n';
      status = exit_usage;
    }
    std::cout.flush();  // a program feeding queries one at a time reads each answer before the next
  }
  return status;
}

int run_once(Searcher& searcher, const CliOptions& cli, const TextStyle& style) {
  if (!cli.get.empty()) {
    const auto article = searcher.get(cli.get);
    if (!article) throw Error(ErrorCode::not_found, "no article with id '" + cli.get + "'", "--get");
    if (cli.json)
      std::cout << article_json(*article).dump(2) << '\n';
    else
      render_article_text(*article, style, std::cout);
    return exit_ok;
  }
  SearchRequest request = cli.request;
  for (const std::string& word : cli.words) request.query += (request.query.empty() ? "" : " ") + word;
  print(searcher.search(request), cli.json, style);
  return exit_ok;
}

/// True when standard output is a pipe whose reader has gone (it stopped reading, as head does).
bool stdout_reader_gone() {
  pollfd out{STDOUT_FILENO, 0, 0};
  return poll(&out, 1, 0) == 1 && (out.revents & POLLERR);
}

/// --export: every match to standard output. A reader that stops early is not an error: writing stops
/// quietly.
int run_export(Searcher& searcher, const CliOptions& cli) {
  SearchRequest request = cli.request;
  for (const std::string& word : cli.words) request.query += (request.query.empty() ? "" : " ") + word;
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe becomes a failed write (EPIPE) instead of killing us
  errno = 0;
  const ExportResult result =
      export_matches(searcher, request, *cli.export_format, cli.export_body, std::cout);
  const int write_error = errno;
  if (result.complete || write_error == EPIPE || stdout_reader_gone()) return exit_ok;
  throw Error(
      ErrorCode::unavailable,
      "cannot write the export after " + std::to_string(result.rows) + " rows: " + std::strerror(write_error),
      "standard output");
}

/// The web modes take the server's configuration; --db, given by whoever starts the process, wins.
WebConfig web_config(const CliOptions& cli) {
  WebConfig config = web_config_from_environment();
  if (cli.db.size() > 1)
    throw Error(ErrorCode::usage, "the web modes take one --db: list the shards in a stub file", "--db");
  if (!cli.db.empty()) config.database = cli.db.front();
  return config;
}

}  // namespace

CliOptions parse_cli_options(int argc, char** argv) {
  CliOptions cli;
  Choices choices;
  po::options_description all = visible_options(cli, choices);
  all.add_options()("words", po::value(&cli.words)->composing());
  po::positional_options_description positional;
  positional.add("words", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    cli.help = vm.count("help");
    cli.json = vm.count("json");
    cli.request.facets = !vm.count("no-facets");
    cli.request.snippets = !vm.count("no-snippets");
    cli.request.collapse = !vm.count("no-collapse");
    cli.request.synonyms = !vm.count("no-synonyms");
    cli.request.query_dates = !vm.count("no-query-dates");
    cli.inspect = vm.count("inspect");
    cli.export_body = vm.count("export-body");
    cli.archive.partial = vm.count("partial");
  } catch (const po::error& e) {
    throw Error(ErrorCode::usage, std::string(e.what()) + " (see --help)");
  }
  if (cli.db.empty())
    if (const char* env = std::getenv("GAZETTE_DB")) cli.db = {env};
  if (!choices.mode.empty()) cli.mode = parse_mode(choices.mode);
  cli.request.sort = parse_sort(choices.sort);
  cli.request.match = parse_match(choices.match);
  cli.request.granularity = parse_granularity(choices.granularity);
  for (const std::string& f : choices.filters) cli.request.filters.push_back(parse_filter(f));
  if (!choices.story.empty()) {
    cli.story = choices.story;
    cli.request.filters.push_back({"story", choices.story});
    cli.request.collapse = false;
    cli.request.sort = SortOrder::date;
  }
  if (!choices.since.empty()) cli.request.since_days = parse_duration_days(choices.since, "--since");
  if (!choices.recency.empty())
    cli.request.recency_half_life_days = parse_duration_days(choices.recency, "--recency");
  if (!choices.now.empty() && !(cli.request.now = parse_iso8601(choices.now)))
    throw Error(ErrorCode::usage, "expected a date such as 2025-03-03, got '" + choices.now + "'", "--now");
  if (!choices.export_format.empty()) cli.export_format = parse_export_format(choices.export_format);
  if (int(cli.inspect) + int(cli.export_format.has_value()) + int(!cli.get.empty()) > 1)
    throw Error(ErrorCode::usage, "--inspect, --export and --get cannot be combined");
  if (cli.export_body && (!cli.export_format || *cli.export_format == ExportFormat::facets))
    throw Error(ErrorCode::usage, "--export-body needs --export jsonl or csv");
  use_color(cli.color);  // validates the choice
  return cli;
}

void print_help(std::ostream& out) {
  CliOptions cli;
  Choices choices;
  out << visible_options(cli, choices) << mode_text << exit_text;
}

int run_cli(const CliOptions& cli) {
  const FrontMode mode =
      detect_mode(cli.mode, !cli.words.empty() || !cli.get.empty() || !cli.story.empty() ||
                                !cli.request.like_id.empty() || cli.inspect || cli.export_format);
  if (mode == FrontMode::cgi) {  // from a shell or a test: name=value arguments, as Omega's cgiparam takes
    WebApp app(web_config(cli));
    const HttpResponse response = app.handle(cgi_params_from_arguments(cli.words));
    std::cout << cgi_response_text(response) << std::flush;
    return exit_ok;
  }
  if (mode == FrontMode::fastcgi) {
    WebApp app(web_config(cli));
    return serve_fastcgi(app);
  }
  if (cli.db.empty()) throw Error(ErrorCode::usage, "--db PATH is required (see --help)");
  if (cli.inspect) {
    const ArchiveReport report = inspect_archive(open_archive(cli.db, cli.archive));
    if (cli.json)
      std::cout << inspect_json(report).dump() << '\n';
    else
      render_inspect_text(report, std::cout);
    return exit_ok;
  }
  Searcher searcher(open_archive(cli.db, cli.archive));
  if (cli.export_format) return run_export(searcher, cli);
  const TextStyle style{use_color(cli.color), 80};
  switch (mode) {
    case FrontMode::interactive:
      return run_repl(searcher, cli.request);
    case FrontMode::batch:
      return run_batch(searcher, cli.request, cli.json, style);
    default:
      return run_once(searcher, cli, style);
  }
}

}  // namespace gazette
