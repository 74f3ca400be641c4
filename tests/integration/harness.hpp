/// @file
/// @brief Helpers shared by the integration tests: run the binaries, parse and validate their JSON.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../test_paths.hpp"
#include "process.hpp"

namespace gazette::test {

/// gazette-index with these arguments.
ProcessResult index(const std::vector<std::string>& args, const std::string& input = {});
/// gazette-search with these arguments.
ProcessResult search(const std::vector<std::string>& args, const std::string& input = {});
/// gazette-search --db db --json args..., checked to exit 0 and to validate against the response schema.
nlohmann::json search_json(const std::string& db, const std::vector<std::string>& args);
/// The ids of the hits of a JSON response, in order.
std::vector<std::string> hit_ids(const nlohmann::json& response);
/// Validates one JSON document per line against schemas/NAME (optionally its $defs/DEF); "" when valid,
/// else the validator's messages.
std::string schema_problems(const std::string& json_lines, const std::string& schema_name,
                            const std::string& def = {});
/// tests/data/sample, the archive the demo and these tests index.
std::string sample_dir();
/// The match total of a JSON response.
std::size_t total(const nlohmann::json& response);
/// The count of one value of a field facet in a JSON response (0 when absent).
std::size_t facet_count(const nlohmann::json& response, const std::string& field, const std::string& value);

/// Whether any file under dir holds these bytes (a deleted article's words after compaction must not).
bool files_contain(const std::string& dir, const std::string& needle);

/// The shape of a generated corpus: distinct articles over a small harbour vocabulary.
struct GeneratedCorpus {
  int files = 4;
  int articles_per_file = 150;
  int words_per_article = 120;
  int word_variants = 500;  ///< numbers appended to the 16 words: more variants, less similar articles
  unsigned seed = 11;
  std::string id_prefix = "gen";
};

/// Writes DIR/part0.jsonl ...: articles "PREFIX-F-A" headlined "Harbour report PREFIX-F-A", from Reuters, AP
/// or AFP, dated 2025-0(F+1)-1(A mod 10), whose bodies draw words from the vocabulary (no two are
/// near-duplicates).
void write_generated_corpus(const std::string& dir, const GeneratedCorpus& shape);

}  // namespace gazette::test

/// Ends the test case with a message when Reuters-21578 is not there.
#define SKIP_WITHOUT_REUTERS()                                                     \
  if (!std::filesystem::exists(gazette::test::reuters_dir())) {                    \
    MESSAGE("skipped: Reuters-21578 not found at " << gazette::test::reuters_dir() \
                                                   << " (set GAZETTE_CORPUS)");    \
    return;                                                                        \
  }

/// Ends the test case with a message when the seed articles are not there.
#define SKIP_WITHOUT_SEEDS()                                                                         \
  if (!std::filesystem::exists(gazette::test::seeds_dir())) {                                        \
    MESSAGE("skipped: seeds not found at " << gazette::test::seeds_dir() << " (set GAZETTE_SEEDS)"); \
    return;                                                                                          \
  }
