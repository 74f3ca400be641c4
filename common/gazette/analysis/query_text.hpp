/// @file
/// @brief Rewrites the free text of a query into the analyzer's token forms, keeping QueryParser syntax.
///
/// Xapian's QueryParser tokenizes with its own rules (no NFKC, no case folding, "U.S.-Russia" split into a
/// phrase). Passing every free-text word through the Analyzer first makes query terms equal index terms.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "gazette/analysis/analyzer.hpp"

namespace gazette {

/// How the query rewriter treats the value after `name:`.
enum class QueryFieldKind {
  unknown,    ///< not a field: "name:" stays text
  free_text,  ///< analysed like free text (title:)
  raw,        ///< passed through untouched for a FieldProcessor or boolean prefix (date:, source:, place:)
};

/// Rewrites a QueryParser query string: free-text words become their normalised tokens (hyphen- or
/// punctuation-joined words stay joined with '-' so QueryParser keeps them as a phrase); quotes, brackets,
/// AND/OR/NOT/XOR/NEAR/ADJ, +/- prefixes, trailing '*' wildcards and field prefixes are kept.
std::string rewrite_query_text(std::string_view query, Analyzer& analyzer,
                               const std::function<QueryFieldKind(std::string_view)>& field_kind);

}  // namespace gazette
