/// @file
/// @brief Input formats by name and extension, and open_reader choosing the reader for a format.
#include "gazette/readers/reader.hpp"

#include <array>
#include <utility>

#include "gazette/core/error.hpp"
#include "gazette/readers/byte_source.hpp"
#include "gazette/readers/html_reader.hpp"
#include "gazette/readers/jsonl_reader.hpp"
#include "gazette/readers/reader_util.hpp"
#include "gazette/readers/sgml_reader.hpp"
#include "gazette/readers/text_reader.hpp"

namespace gazette {

namespace {

constexpr std::array<std::pair<std::string_view, InputFormat>, 7> extensions{{
    {".jsonl", InputFormat::jsonl},
    {".ndjson", InputFormat::jsonl},
    {".txt", InputFormat::text},
    {".sgm", InputFormat::sgml},
    {".sgml", InputFormat::sgml},
    {".html", InputFormat::html},
    {".htm", InputFormat::html},
}};

constexpr std::array<std::pair<std::string_view, InputFormat>, 4> names{{
    {"jsonl", InputFormat::jsonl},
    {"text", InputFormat::text},
    {"sgml", InputFormat::sgml},
    {"html", InputFormat::html},
}};

}  // namespace

std::optional<InputFormat> format_for_path(const std::filesystem::path& path) {
  std::filesystem::path name = path.filename();
  if (iequals_ascii(name.extension().string(), ".zst")) name = name.stem();
  const std::string extension = name.extension().string();
  for (const auto& [ext, format] : extensions)
    if (iequals_ascii(extension, ext)) return format;
  return std::nullopt;
}

std::optional<InputFormat> format_from_name(std::string_view name) {
  for (const auto& [known, format] : names)
    if (name == known) return format;
  return std::nullopt;
}

std::unique_ptr<ArticleReader> open_reader(const std::filesystem::path& path,
                                           std::optional<InputFormat> format) {
  return open_reader(path, format, ReaderOptions{});
}

std::unique_ptr<ArticleReader> open_reader(const std::filesystem::path& path,
                                           std::optional<InputFormat> format, const ReaderOptions& options) {
  if (!format && path != "-") format = format_for_path(path);
  if (!format)
    throw Error(ErrorCode::bad_input, "unknown input format; use --format",
                path == "-" ? "<stdin>" : path.string());
  ByteSource source(path, options.chunk_bytes);
  switch (*format) {
    case InputFormat::jsonl:
      return make_jsonl_reader(std::move(source), options);
    case InputFormat::text:
      return make_text_reader(std::move(source), options);
    case InputFormat::html:
      return make_html_reader(std::move(source), options);
    case InputFormat::sgml:
      break;
  }
  return make_sgml_reader(std::move(source), options);
}

}  // namespace gazette
