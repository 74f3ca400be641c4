/// @file
/// @brief gazette-search: reads options into a SearchRequest, runs it, renders the response.
#include <unistd.h>

#include <iostream>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/search/render.hpp"
#include "gazette/search/searcher.hpp"

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr const char* usage_text = R"(Usage: gazette-search --db PATH [options] QUERY...
       gazette-search --db PATH [options] < queries.txt     (batch: one query per line)
       gazette-search --db PATH --get ID

Searches a Gazette database. QUERY uses Xapian's query syntax on Gazette's analyzer:
  words                    all words must match (ranked by BM25)
  "a phrase"               the words in this order
  a OR b, a AND NOT b, -b  boolean operators and exclusion; ( ) to group; econom* wildcard
  title:word               a word of the headline
  source:reuters           an outlet (also author:, lang:, id:)
  date:1987  date:1987-02  date:1987-02-26  date:1987-02-01..1987-03-31  date:..1987-03
An empty query lists the newest articles.

Options)";

constexpr const char* exit_text = R"(
Exit status:
  0  success (also when nothing matched)
  1  usage error or a query that cannot be parsed
  3  the database is missing, not a Gazette database, of another schema version, or failing
)";

struct CliOptions {
  std::string db, get, sort = "relevance", granularity = "auto", color = "auto";
  std::vector<std::string> words, filters;
  bool json = false;
  SearchRequest request;
};

bool use_color(const std::string& choice) {
  if (choice == "always") return true;
  if (choice == "never") return false;
  if (choice != "auto") throw Error(ErrorCode::usage, "expected auto, always or never", "--color");
  return isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
}

void print(const SearchResponse& response, const CliOptions& cli, const TextStyle& style) {
  if (cli.json)
    std::cout << response_json(response).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  else
    render_text(response, style, std::cout);
}

/// Batch mode: one query per line of standard input, one response each.
int run_batch(Searcher& searcher, CliOptions& cli, const TextStyle& style) {
  int status = exit_ok;
  std::string line;
  while (std::getline(std::cin, line)) {
    cli.request.query = line;
    try {
      print(searcher.search(cli.request), cli, style);
    } catch (const Error& e) {
      if (e.code() != ErrorCode::bad_query) throw;
      std::cerr << "gazette-search: " << e.what() << '\n';
      if (cli.json) std::cout << error_json(e).dump() << '\n';
      status = exit_usage;
    }
  }
  return status;
}

int run(CliOptions& cli) {
  Searcher searcher(cli.db);
  const TextStyle style{use_color(cli.color), 80};
  if (!cli.get.empty()) {
    const auto article = searcher.get(cli.get);
    if (!article) throw Error(ErrorCode::not_found, "no article with id '" + cli.get + "'", "--get");
    if (cli.json) std::cout << article_json(*article).dump(2) << '\n';
    else render_article_text(*article, style, std::cout);
    return exit_ok;
  }
  if (cli.words.empty() && !isatty(STDIN_FILENO)) return run_batch(searcher, cli, style);
  for (const std::string& word : cli.words) cli.request.query += (cli.request.query.empty() ? "" : " ") + word;
  print(searcher.search(cli.request), cli, style);
  return exit_ok;
}

}  // namespace

int main(int argc, char** argv) {
  CliOptions cli;
  po::options_description visible(usage_text);
  visible.add_options()
      ("help,h", "show this help and exit")
      ("db,d", po::value(&cli.db)->value_name("PATH"), "database directory or stub file (default: $GAZETTE_DB)")
      ("filter,F", po::value(&cli.filters)->value_name("FIELD=VALUE")->composing(),
       "only articles with this value (repeatable; fields: source, author, lang, id, date)")
      ("sort,s", po::value(&cli.sort), "relevance (default) or date (newest first)")
      ("offset", po::value(&cli.request.offset)->default_value(0), "skip this many hits")
      ("limit,n", po::value(&cli.request.limit)->default_value(10), "hits to show")
      ("granularity", po::value(&cli.granularity), "date histogram buckets: auto, day, week, month or year")
      ("json", "print JSON (schemas/search-response.schema.json) instead of text")
      ("get", po::value(&cli.get)->value_name("ID"), "print the stored article with this id")
      ("no-facets", "do not count facets")
      ("no-snippets", "do not show snippets")
      ("no-collapse", "list every version of a story")
      ("color", po::value(&cli.color), "highlight with ANSI bold: auto (default), always or never");
  po::options_description hidden;
  hidden.add_options()("words", po::value(&cli.words)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("words", -1);

  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << exit_text;
      return exit_ok;
    }
    if (cli.db.empty())
      if (const char* env = std::getenv("GAZETTE_DB")) cli.db = env;
    if (cli.db.empty()) throw Error(ErrorCode::usage, "--db PATH is required (see --help)");
    cli.json = vm.count("json");
    cli.request.sort = parse_sort(cli.sort);
    cli.request.granularity = parse_granularity(cli.granularity);
    cli.request.facets = !vm.count("no-facets");
    cli.request.snippets = !vm.count("no-snippets");
    cli.request.collapse = !vm.count("no-collapse");
    for (const std::string& f : cli.filters) cli.request.filters.push_back(parse_filter(f));
    return run(cli);
  } catch (const po::error& e) {
    std::cerr << "gazette-search: " << e.what() << " (see --help)\n";
    return exit_usage;
  } catch (const Error& e) {
    std::cerr << "gazette-search: " << e.what() << '\n';
    if (cli.json) std::cout << error_json(e).dump() << '\n';
    return exit_status_for(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "gazette-search: " << e.get_description() << '\n';
    return exit_fatal;
  } catch (const std::exception& e) {
    std::cerr << "gazette-search: internal error: " << e.what() << '\n';
    return exit_fatal;
  }
}
