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

/// Rewrites a QueryParser query string so that the terms QueryParser (same stemmer, STEM_ALL) builds from
/// it are the analyzer's index terms:
/// - a word (text between whitespace, brackets and quotes) becomes its analyzer tokens; several tokens
///   are joined with '-' ("U.S.-Russia" -> "us-russia", "don't" -> "dont"), so QueryParser makes a phrase
///   of words written together; a word with no tokens disappears, with its +/- sign;
/// - "quoted phrases" keep their quotes (an unclosed one stays unclosed), their words are rewritten;
/// - brackets, upper-case AND OR NOT XOR NEAR ADJ NEAR/n ADJ/n outside quotes, a leading + or - and a
///   trailing '*' wildcard are kept; lower-case "and"/"or" stay words;
/// - `name:` before a non-space: field_kind(name) says free_text (the value, a word, phrase or bracket
///   group, is rewritten), raw (the value, quoted or up to whitespace or ')', is copied untouched) or
///   unknown ("name:" is text);
/// - whitespace runs become one space (U+202F, which the analyzer keeps inside numbers, is not whitespace).
std::string rewrite_query_text(std::string_view query, Analyzer& analyzer,
                               const std::function<QueryFieldKind(std::string_view)>& field_kind);

}  // namespace gazette
