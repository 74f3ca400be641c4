/// @file
/// @brief The command line of gazette-search: options into CliOptions, then the chosen front end.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "gazette/front/mode.hpp"
#include "gazette/search/archive.hpp"
#include "gazette/search/export.hpp"
#include "gazette/search/request.hpp"

namespace gazette {

/// Everything the command line says.
struct CliOptions {
  std::vector<std::string> db;     ///< --db (repeatable: searched as one), else $GAZETTE_DB
  ArchiveOptions archive;          ///< --partial, --shard-timeout
  std::string get;                 ///< --get ID
  std::string story;               ///< --story: every version of this story
  std::string color = "auto";      ///< auto, always or never
  std::optional<FrontMode> mode;   ///< --mode; detected when absent
  std::vector<std::string> words;  ///< the query (or name=value parameters with --mode cgi)
  bool json = false;
  bool help = false;
  bool inspect = false;                       ///< --inspect: summarise the archive
  std::optional<ExportFormat> export_format;  ///< --export: every match, not a page
  bool export_body = false;                   ///< --export-body: with the article text
  SearchRequest request;                      ///< filters, sort, paging, facet and snippet options
};

/// Reads argv. @throws gazette::Error(usage) for unknown options or values.
CliOptions parse_cli_options(int argc, char** argv);

/// Writes --help: usage, options, modes and exit statuses.
void print_help(std::ostream& out);

/// Runs the front end the options and the process's surroundings select (detect_mode) and returns the
/// exit status. @throws gazette::Error as Searcher does (the caller maps it to an exit status).
int run_cli(const CliOptions& options);

}  // namespace gazette
