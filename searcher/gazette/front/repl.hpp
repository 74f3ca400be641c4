/// @file
/// @brief The interactive session: libedit line editing, history, commands, paging and tab completion.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "gazette/search/request.hpp"
#include "gazette/search/response.hpp"
#include "gazette/search/searcher.hpp"

namespace gazette {

/// A line typed in the session: a search, or a command (`:name argument`).
struct ReplLine {
  std::string command;   ///< "" for a search, else the name without ':' ("next", "filter", ...)
  std::string argument;  ///< the search text, or the command's argument (trimmed)
};

/// Splits a typed line. Throws nothing.
ReplLine parse_repl_line(const std::string& line);

/// The prompt for a request: "gazette> ", with the sort order and active filters when there are any
/// ("gazette [date] source=reuters> "). Throws nothing but std::bad_alloc.
std::string repl_prompt(const SearchRequest& request);

/// Tab completion candidates for `word` (the word under the cursor) in `line`: commands after a leading
/// ':', field names ("source:", or "source=" after :filter), and field values from `facets` of the last
/// response ("source:reuters"). Sorted, only those starting with word.
std::vector<std::string> repl_completions(const std::string& line, const std::string& word,
                                          const std::optional<Facets>& facets);

/// The history file: $GAZETTE_HISTORY, else ~/.gazette_history ("" when neither HOME nor it is set).
std::string repl_history_path();

/// Runs the session on the terminal until :quit or end of input. `defaults` gives the initial filters,
/// sort and snippet options. Returns the exit status. Errors of a line (a bad query, a failing database)
/// are shown and the session goes on; throws only std::bad_alloc.
int run_repl(Searcher& searcher, const SearchRequest& defaults);

}  // namespace gazette
