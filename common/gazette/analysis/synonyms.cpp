/// @file
/// @brief Synonym files and entity alias lists read into groups of analysed forms.
#include "gazette/analysis/synonyms.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>

#include "gazette/core/error.hpp"

namespace gazette {

namespace {

/// The lines of a text file without '#' comments and blank lines.
std::vector<std::string> data_lines(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::not_found, "cannot read the synonym list", path.string());
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#' && line.find_first_not_of(" \t\r") != std::string::npos)
      lines.push_back(line);
  return lines;
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

/// Adds the group of these written forms when it has two distinct analysed forms.
void add_group(const std::vector<std::string_view>& written, Analyzer& analyzer,
               std::vector<SynonymGroup>& groups) {
  SynonymGroup group;
  for (std::string_view text : written) {
    std::string form = synonym_form(text, analyzer);
    if (!form.empty() && std::find(group.begin(), group.end(), form) == group.end())
      group.push_back(std::move(form));
  }
  if (group.size() > 1) groups.push_back(std::move(group));
}

}  // namespace

std::string synonym_form(std::string_view text, Analyzer& analyzer) {
  std::vector<Token> tokens;
  analyzer.tokenize(text, tokens);
  std::string form;
  for (const Token& token : tokens) form.append(form.empty() ? "" : " ").append(token.text);
  return form;
}

std::filesystem::path default_synonyms_path() {
  if (const char* env = std::getenv("GAZETTE_SYNONYMS"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path(GAZETTE_DATA_DIR) / "synonyms" / "news.tsv";
}

std::vector<SynonymGroup> load_synonym_groups(const std::filesystem::path& path, Analyzer& analyzer) {
  std::vector<SynonymGroup> groups;
  for (const std::string& line : data_lines(path)) add_group(split(line, '\t'), analyzer, groups);
  return groups;
}

std::vector<SynonymGroup> entity_alias_groups(Analyzer& analyzer) {
  std::vector<SynonymGroup> groups;
  const std::filesystem::path lists = std::filesystem::path(GAZETTE_DATA_DIR) / "entities";
  for (const char* file : {"people.tsv", "organizations.tsv"})
    for (const std::string& line : data_lines(lists / file)) {
      const auto columns = split(line, '\t');  // canonical, aliases (|-separated), ...
      std::vector<std::string_view> written{columns[0]};
      if (columns.size() > 1)
        for (std::string_view alias : split(columns[1], '|')) written.push_back(alias);
      add_group(written, analyzer, groups);
    }
  return groups;
}

}  // namespace gazette
