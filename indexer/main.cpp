/// @file
/// @brief gazette-index: reads options into IndexOptions, runs the indexer, maps errors to exit statuses.
#include <iostream>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/index/index_run.hpp"

namespace po = boost::program_options;
using namespace gazette;

namespace {

constexpr const char* usage_text = R"(Usage: gazette-index --db DIR [options] INPUT...

Reads news articles and adds them to the Gazette database DIR (created when missing).
An INPUT is a file, a directory (read recursively) or - for standard input (needs --format).
Formats, by extension, each also compressed as NAME.zst:
  .jsonl .ndjson   JSON Lines, one article per line (schemas/article.schema.json)
  .txt             one article per file: headline line, optional header lines
                   (date 2025-03-03, source NAME, url URL, author NAME, language en), body
  .sgm .sgml       Reuters-21578 SGML
Re-indexing an article with the same id replaces it. Records that cannot be indexed are
reported on stderr with file and line and appended to the reject file; the rest is indexed.

Options)";

constexpr const char* exit_text = R"(
Exit status:
  0  every record was indexed
  1  usage error (bad option or argument, or options that conflict with the settings the
     database was indexed with, such as another --language)
  2  some records were rejected (see the reject file); the others were indexed
  3  fatal: nothing more could be written (database locked, unwritable, or of another schema
     version); the database keeps its last commit
)";

std::optional<Day> parse_day_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto t = parse_iso8601(text);
  if (!t || text.size() != 10) throw Error(ErrorCode::usage, "expected YYYY-MM-DD, got '" + text + "'", "--reference-date");
  return std::chrono::floor<std::chrono::days>(*t);
}

}  // namespace

int main(int argc, char** argv) {
  IndexOptions options;
  std::string db, format, rejects, reference_date;
  po::options_description visible(usage_text);
  visible.add_options()
      ("help,h", "show this help and exit")
      ("db,d", po::value(&db)->value_name("DIR"), "database directory (required)")
      ("format,f", po::value(&format)->value_name("NAME"), "input format for every input: jsonl, text or sgml")
      ("rejects", po::value(&rejects)->value_name("PATH"), "reject file (default: DIR.rejects.jsonl beside the database)")
      ("language,l", po::value(&options.analyzer.language)->default_value("english"),
       "stemming language (a Xapian stemmer name, or none); fixed per database")
      ("no-fold-diacritics", "keep accents in index terms (fixed per database)")
      ("reference-date", po::value(&reference_date)->value_name("YYYY-MM-DD"),
       "date that gives datelines without a year their year")
      ("batch-size", po::value(&options.batch_size)->default_value(10000), "articles per commit")
      ("threads,j", po::value(&options.threads)->default_value(0), "analysis threads (0: one per core)")
      ("no-boilerplate", "keep promos, photo credits and link lists in the text (rules: common/data/boilerplate)")
      ("no-entities", "do not extract people, organisations and places")
      ("no-mentions", "do not index the dates the text mentions")
      ("quiet,q", "no progress line");
  po::options_description hidden;
  hidden.add_options()("input", po::value(&options.inputs)->composing());
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("input", -1);

  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << exit_text;
      return exit_ok;
    }
    if (db.empty()) throw Error(ErrorCode::usage, "--db DIR is required (see --help)");
    if (options.inputs.empty()) throw Error(ErrorCode::usage, "no INPUT given (see --help)");
    options.db = db;
    options.rejects = rejects;
    options.analyzer.fold_diacritics = !vm.count("no-fold-diacritics");
    options.progress = !vm.count("quiet");
    options.boilerplate = !vm.count("no-boilerplate");
    options.entities = !vm.count("no-entities");
    options.mentions = !vm.count("no-mentions");
    options.reference_date = parse_day_option(reference_date);
    if (!format.empty() && !(options.format = format_from_name(format)))
      throw Error(ErrorCode::usage, "unknown format '" + format + "' (jsonl, text or sgml)", "--format");

    const IndexSummary summary = run_index(options, std::cerr);
    print_summary(summary, std::cerr);
    return summary.rejected ? exit_rejects : exit_ok;
  } catch (const po::error& e) {
    std::cerr << "gazette-index: " << e.what() << " (see --help)\n";
    return exit_usage;
  } catch (const Error& e) {
    std::cerr << "gazette-index: " << e.what() << '\n';
    return e.code() == ErrorCode::bad_input ? exit_fatal : exit_status_for(e.code());
  } catch (const Xapian::Error& e) {
    std::cerr << "gazette-index: " << e.get_description() << '\n';
    return exit_fatal;
  } catch (const std::exception& e) {
    std::cerr << "gazette-index: internal error: " << e.what() << '\n';
    return exit_fatal;
  }
}
