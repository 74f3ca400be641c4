/// @file
/// @brief Boilerplate removal: photo credits, share bars, promos and trailing link lists, by rules loaded
/// from a data file (common/data/boilerplate/rules.tsv).
///
/// A BoilerplateRules object is immutable after loading and may be shared by any number of threads.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gazette {

/// Lines longer than this (bytes, after trimming) are never removed by a rule: they are article text.
inline constexpr std::size_t max_boilerplate_line_bytes = 200;

/// The rules file used when none is given: $GAZETTE_BOILERPLATE when set, else the source tree's
/// common/data/boilerplate/rules.tsv.
std::filesystem::path default_boilerplate_rules_path();

/// What clean_text did to one body.
struct CleanResult {
  std::string text;                  ///< the body without boilerplate (paragraphs joined by "\n\n")
  std::vector<std::size_t> removed;  ///< per rule name (BoilerplateRules::names()): lines dropped, blocks cut
  /// Sum of removed.
  std::size_t total_removed() const noexcept;
};

/// The compiled rules of one rules file (format: see the header of rules.tsv).
class BoilerplateRules {
 public:
  /// Loads and compiles a rules file.
  /// @throws Error(not_found) when the file cannot be read, Error(bad_input) on a malformed line or pattern.
  static std::shared_ptr<const BoilerplateRules> load(
      const std::filesystem::path& path = default_boilerplate_rules_path());
  /// Compiles rules from text in the rules-file format; `where` names it in error messages.
  /// @throws Error(bad_input) on a malformed line or pattern.
  static std::shared_ptr<const BoilerplateRules> parse(std::string_view text, std::string_view where);

  ~BoilerplateRules();
  BoilerplateRules(const BoilerplateRules&) = delete;
  BoilerplateRules& operator=(const BoilerplateRules&) = delete;

  /// The distinct rule names in the order they first appear in the file; CleanResult::removed follows it.
  const std::vector<std::string>& names() const noexcept;

  struct Compiled;  ///< the RE2 sets (internal)

 private:
  explicit BoilerplateRules(std::unique_ptr<Compiled> compiled);
  friend CleanResult clean_text(const BoilerplateRules& rules, std::string_view body);
  std::unique_ptr<Compiled> compiled_;
};

/// Removes boilerplate from an article body: drops lines matching a `line` rule and cuts a trailing link
/// list that starts at a `tail` heading. Line breaks are kept, blank runs collapse to one blank line, and the
/// result is trimmed. Pure and thread-safe; never throws except std::bad_alloc.
CleanResult clean_text(const BoilerplateRules& rules, std::string_view body);

}  // namespace gazette
