/// @file
/// @brief The reader interface: input files in any supported format become Articles or located rejections.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gazette/core/article.hpp"

namespace gazette {

/// An input record that cannot be indexed, with where it is, why, and its raw text for the reject file.
struct Rejection {
  std::string where;   ///< "path:line" (JSON Lines, SGML) or "path" (a whole text file)
  std::string reason;  ///< what is wrong, for a person: "invalid UTF-8 at column 17", "no text"
  std::string raw;     ///< the record as read (possibly truncated to a bound), kept in the reject file
};

/// Largest record a reader accepts (a JSON line, a text file, an SGML article); larger ones are rejected.
inline constexpr std::size_t max_record_bytes = 64u << 20;

/// Limits a reader works within. The defaults suit production; tests shrink them.
struct ReaderOptions {
  std::size_t max_record_bytes = gazette::max_record_bytes;  ///< larger records are rejected and skipped
  std::size_t chunk_bytes = 256u << 10;                      ///< bytes read from the input at a time
};

/// What a reader yields: an article to index or a rejected record.
using ReadItem = std::variant<Article, Rejection>;

/// The input formats Gazette reads. A `.zst` suffix on any of them is decompressed transparently.
enum class InputFormat {
  jsonl,  ///< JSON Lines matching schemas/article.schema.json (.jsonl, .ndjson)
  text,   ///< one article per plain-text file (.txt)
  sgml,   ///< Reuters-21578 SGML (.sgm, .sgml)
  html,   ///< one article per HTML page (.html, .htm)
};

/// The format for a path by its extension (after removing .zst); nullopt when not an input file.
std::optional<InputFormat> format_for_path(const std::filesystem::path& path);
/// The format named "jsonl", "text", "sgml" or "html" (for --format); nullopt otherwise.
std::optional<InputFormat> format_from_name(std::string_view name);

/// A pull-based stream of ReadItems from one input. Not thread-safe; one reader per input.
class ArticleReader {
 public:
  virtual ~ArticleReader() = default;
  /// The next item, or nullopt at the end of the input. Problems with one record become a Rejection;
  /// throws gazette::Error(bad_input) only when the whole input cannot be read (unreadable file,
  /// corrupt zstd frame), after which the reader yields nothing more.
  virtual std::optional<ReadItem> next() = 0;
  /// Bytes of input consumed so far (decompressed), for progress reports.
  virtual std::size_t bytes_read() const noexcept = 0;
};

/// Opens a reader for one file ("-" is standard input, which needs an explicit format).
/// @throws gazette::Error(not_found / bad_input) when the file cannot be opened or the format is unknown.
std::unique_ptr<ArticleReader> open_reader(const std::filesystem::path& path,
                                           std::optional<InputFormat> format = std::nullopt);
/// open_reader with explicit limits.
/// @throws gazette::Error(not_found / bad_input) as open_reader.
std::unique_ptr<ArticleReader> open_reader(const std::filesystem::path& path,
                                           std::optional<InputFormat> format, const ReaderOptions& options);

/// Expands command-line inputs: files as given, directories recursively (sorted, input files only, by
/// extension), "-" as is. Unreadable directories and symlink loops become Rejections, not exceptions.
struct InputList {
  std::vector<std::filesystem::path> files;
  std::vector<Rejection> problems;  ///< where = the path, reason = what is wrong, raw empty
};
/// Expands args as above. A file named explicitly needs an input extension unless `format` is given
/// (--format); a missing one, or one with an unknown extension, becomes a problem. Never throws Error.
InputList expand_inputs(const std::vector<std::string>& args,
                        std::optional<InputFormat> format = std::nullopt);

}  // namespace gazette
