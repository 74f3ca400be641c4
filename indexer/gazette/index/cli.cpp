/// @file
/// @brief gazette-index options (Boost.Program_options) and the dispatch of its actions.
#include "gazette/index/cli.hpp"

#include <iostream>

#include <boost/program_options.hpp>

#include "gazette/core/error.hpp"
#include "gazette/index/interruption.hpp"
#include "gazette/index/maintenance.hpp"
#include "gazette/index/shard_maintenance.hpp"
#include "gazette/index/sharded_writer.hpp"

namespace po = boost::program_options;

namespace gazette {

namespace {

constexpr const char* usage_text = R"(Usage: gazette-index --db DIR [options] INPUT...
       gazette-index --db DIR --delete ID... [--delete-from FILE]
       gazette-index --db DIR --compact
       gazette-index --db DIR --rebuild

Reads news articles and adds them to the Gazette database DIR (created when missing).
An INPUT is a file, a directory (read recursively) or - for standard input (needs --format).
Formats, by extension, each also compressed as NAME.zst:
  .jsonl .ndjson   JSON Lines, one article per line (schemas/article.schema.json)
  .txt             one article per file: optional header lines (date 2025-03-03, source NAME,
                   url URL, author NAME, language en), a headline line, then the body
  .sgm .sgml       Reuters-21578 SGML
  .html .htm       a news web page: headline, date, author and URL from its metadata, the
                   main text without navigation, asides, share bars and comments
Re-indexing an article with the same id replaces it. Records that cannot be indexed are
reported on stderr with file and line and appended to the reject file; the rest is indexed.
--delete removes articles by id; the text of a deleted article stays in unused database blocks
until --compact rewrites the database (the purge step after a takedown).

Options)";

constexpr const char* exit_text = R"(
Exit status:
  0  every record was indexed (or every id deleted)
  1  usage error (bad option or argument, or options that conflict with the settings the
     database was indexed with, such as another --language, or --shards other than the archive's)
  2  some records were rejected (see the reject file; the others were indexed), or an id to
     delete was unknown
  3  fatal: nothing more could be written (database missing, locked, unwritable, or of another
     schema version), or SIGINT/SIGTERM stopped the run: the database keeps its last commit (after a
     signal, everything read so far is committed; a second signal stops at once)
)";

struct Choices {
  std::string db, format, rejects, reference_date, delete_from, shards;
};

po::options_description visible_options(IndexCommand& command, Choices& choices) {
  IndexOptions& options = command.options;
  po::options_description visible(usage_text);
  visible.add_options()("help,h", "show this help and exit")(
      "db,d", po::value(&choices.db)->value_name("DIR"), "database directory (required)")(
      "format,f", po::value(&choices.format)->value_name("NAME"),
      "input format for every input: jsonl, text, sgml or html")(
      "rejects", po::value(&choices.rejects)->value_name("PATH"),
      "reject file (default: DIR.rejects.jsonl beside the database)")(
      "language,l", po::value(&options.analyzer.language)->default_value("english"),
      "stemming language (a Xapian stemmer name, or none); fixed per database")(
      "no-fold-diacritics", "keep accents in index terms (fixed per database)")(
      "reference-date", po::value(&choices.reference_date)->value_name("YYYY-MM-DD"),
      "date that gives datelines without a year their year, and undated articles' relative dates")(
      "feed-order",
      "inputs list articles in transmission order on one clock (a wire feed): a dateline day one off the "
      "days of the datelines around it is taken as the feed's day (datelines carry their city's local day)")(
      "batch-size", po::value(&options.batch_size)->default_value(10000), "articles per commit")(
      "threads,j", po::value(&options.threads)->default_value(0),
      "analysis threads, and partition writers for a new database or shard writers (0: one per core)")(
      "shards", po::value(&choices.shards)->value_name("year|month|N"),
      "write DIR as a sharded archive: one database per publication year or month (undated articles in "
      "shard-undated), or N shards by a hash of the id; a stub file DIR/XAPIANDB lists them, so "
      "gazette-search, xapian-delve and quest open DIR as one (later runs keep the recorded scheme)")(
      "no-boilerplate",
      "keep promos, photo credits and link lists in the text (rules: common/data/boilerplate)")(
      "no-entities", "do not extract people, organisations and places")(
      "no-mentions", "do not index the dates the text mentions")(
      "no-stories", "do not group near-duplicate versions of a story")(
      "story-threshold", po::value(&options.story_threshold)->default_value(default_story_threshold),
      "estimated similarity (0..1) at which a new article joins an existing story")(
      "delete", po::value(&command.delete_ids)->multitoken()->value_name("ID..."), "delete these articles")(
      "delete-from", po::value(&choices.delete_from)->value_name("FILE"),
      "delete the ids listed in FILE, one a line")(
      "compact", "rewrite the database compactly, purging deleted articles' traces")(
      "rebuild", "re-analyse every stored article into a new database and swap it in (after an upgrade)")(
      "force", "read every input, also files the manifest says are unchanged since they were indexed")(
      "dry-run", "report what would be added, replaced, rejected or deleted, and write nothing")(
      "quiet,q", "no progress line");
  return visible;
}

std::optional<Day> parse_day_option(const std::string& text) {
  if (text.empty()) return std::nullopt;
  const auto t = parse_iso8601(text);
  if (!t || text.size() != 10)
    throw Error(ErrorCode::usage, "expected YYYY-MM-DD, got '" + text + "'", "--reference-date");
  return std::chrono::floor<std::chrono::days>(*t);
}

}  // namespace

IndexCommand parse_index_command(int argc, char** argv) {
  IndexCommand command;
  Choices choices;
  po::options_description all = visible_options(command, choices);
  all.add_options()("input", po::value(&command.options.inputs)->composing());
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    throw Error(ErrorCode::usage, std::string(e.what()) + " (see --help)");
  }
  if (vm.count("help")) {
    command.action = IndexCommand::Action::help;
    return command;
  }
  IndexOptions& options = command.options;
  if (choices.db.empty()) throw Error(ErrorCode::usage, "--db DIR is required (see --help)");
  options.db = choices.db;
  options.rejects = choices.rejects;
  options.analyzer.fold_diacritics = !vm.count("no-fold-diacritics");
  options.progress = !vm.count("quiet");
  options.boilerplate = !vm.count("no-boilerplate");
  options.entities = !vm.count("no-entities");
  options.mentions = !vm.count("no-mentions");
  options.stories = !vm.count("no-stories");
  options.force = vm.count("force");
  options.dry_run = vm.count("dry-run");
  options.reference_date = parse_day_option(choices.reference_date);
  options.feed_order = vm.count("feed-order");
  if (!choices.shards.empty()) options.shards = ShardScheme::parse(choices.shards);
  if (!choices.format.empty() && !(options.format = format_from_name(choices.format)))
    throw Error(ErrorCode::usage, "unknown format '" + choices.format + "' (jsonl, text, sgml or html)",
                "--format");
  if (!choices.delete_from.empty()) {
    const auto listed = read_id_list(choices.delete_from);
    command.delete_ids.insert(command.delete_ids.end(), listed.begin(), listed.end());
  }

  const bool deleting = vm.count("delete") || !choices.delete_from.empty();
  if (int(deleting) + int(vm.count("compact")) + int(vm.count("rebuild")) + int(!options.inputs.empty()) > 1)
    throw Error(ErrorCode::usage,
                "give INPUTs, --delete/--delete-from, --compact or --rebuild, one at a time");
  if (deleting)
    command.action = IndexCommand::Action::remove;
  else if (vm.count("compact"))
    command.action = IndexCommand::Action::compact;
  else if (vm.count("rebuild"))
    command.action = IndexCommand::Action::rebuild;
  else if (options.inputs.empty())
    throw Error(ErrorCode::usage, "no INPUT given (see --help)");
  return command;
}

void print_index_help(std::ostream& out) {
  IndexCommand command;
  Choices choices;
  out << visible_options(command, choices) << exit_text;
}

int run_index_command(const IndexCommand& command, std::ostream& log) {
  switch (command.action) {
    case IndexCommand::Action::help:
      print_index_help(std::cout);
      return exit_ok;
    case IndexCommand::Action::remove: {
      const auto& o = command.options;
      const DeleteSummary s = is_sharded_archive(o.db)
                                  ? delete_from_archive(o.db, command.delete_ids, log, o.dry_run)
                                  : delete_articles(o.db, command.delete_ids, log, o.dry_run);
      log << "gazette-index: " << s.deleted << " deleted, " << s.unknown << " unknown\n";
      return s.unknown ? exit_rejects : exit_ok;
    }
    case IndexCommand::Action::compact:
      if (is_sharded_archive(command.options.db))
        compact_archive(command.options.db, log);
      else
        compact_database(command.options.db, log);
      return exit_ok;
    case IndexCommand::Action::rebuild: {
      if (is_sharded_archive(command.options.db))
        throw Error(ErrorCode::usage,
                    "--rebuild works on one database: rebuild each shard (gazette-index --db DIR/shard-NAME "
                    "--rebuild) or re-index the inputs into a new archive",
                    command.options.db.string());
      const IndexSummary summary = rebuild_index(command.options, log);
      print_summary(summary, log);
      return summary.rejected ? exit_rejects : exit_ok;
    }
    case IndexCommand::Action::index:
      break;
  }
  install_interruption_handlers();
  const IndexSummary summary = run_index(command.options, log);
  print_summary(summary, log);
  if (summary.interrupted_by) return exit_fatal;
  return summary.rejected ? exit_rejects : exit_ok;
}

}  // namespace gazette
