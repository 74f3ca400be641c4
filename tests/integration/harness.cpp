/// @file
/// @brief Integration test helpers.
#include "harness.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <random>

namespace gazette::test {

ProcessResult index(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv{GAZETTE_INDEX_BIN, "--quiet"};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input);
}

ProcessResult search(const std::vector<std::string>& args, const std::string& input) {
  std::vector<std::string> argv{GAZETTE_SEARCH_BIN};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv, input);
}

std::string schema_problems(const std::string& json_lines, const std::string& schema_name,
                            const std::string& def) {
  std::vector<std::string> argv{GAZETTE_PYTHON, GAZETTE_VALIDATOR,
                                std::string(GAZETTE_SCHEMAS_DIR) + "/" + schema_name};
  if (!def.empty()) argv.push_back(def);
  const ProcessResult r = run_process(argv, json_lines);
  return r.status == 0 ? "" : r.out + r.err;
}

nlohmann::json search_json(const std::string& db, const std::vector<std::string>& args) {
  std::vector<std::string> argv{"--db", db, "--json"};
  argv.insert(argv.end(), args.begin(), args.end());
  const ProcessResult r = search(argv);
  INFO("stderr: " << r.err);
  REQUIRE(r.status == 0);
  CHECK(schema_problems(r.out, "search-response.schema.json") == "");
  return nlohmann::json::parse(r.out);
}

std::vector<std::string> hit_ids(const nlohmann::json& response) {
  std::vector<std::string> ids;
  for (const auto& hit : response.at("hits")) ids.push_back(hit.at("id"));
  return ids;
}

std::size_t total(const nlohmann::json& response) {
  return response["total"]["estimate"].get<std::size_t>();
}

std::size_t facet_count(const nlohmann::json& response, const std::string& field, const std::string& value) {
  for (const auto& v : response["facets"]["fields"][field])
    if (v["value"] == value) return v["count"];
  return 0;
}

std::string sample_dir() {
  return (data_dir() / "sample").string();
}

void write_generated_corpus(const std::string& dir, const GeneratedCorpus& shape) {
  std::filesystem::create_directories(dir);
  std::mt19937 generator(shape.seed);
  const char* words[] = {"harbour", "cranes", "strike", "pilots", "tanker", "grain",  "export", "union",
                         "wages",   "port",   "ferry",  "cargo",  "berth",  "tariff", "quay",   "dock"};
  const char* sources[] = {"Reuters", "AP", "AFP"};
  for (int f = 0; f < shape.files; ++f) {
    std::ofstream out(dir + "/part" + std::to_string(f) + ".jsonl");
    for (int a = 0; a < shape.articles_per_file; ++a) {
      const std::string id = shape.id_prefix + "-" + std::to_string(f) + "-" + std::to_string(a);
      std::string body;
      for (int w = 0; w < shape.words_per_article; ++w)
        body += std::string(words[generator() % 16]) +
                std::to_string(generator() % unsigned(shape.word_variants)) + " ";
      out << "{\"id\": \"" << id << "\", \"title\": \"Harbour report " << id << "\", \"source\": \""
          << sources[a % 3] << "\", \"date\": \"2025-0" << 1 + f % 9 << "-1" << a % 10 << "\", \"body\": \""
          << body << "\"}\n";
    }
  }
}

bool files_contain(const std::string& dir, const std::string& needle) {
  for (const auto& file : std::filesystem::recursive_directory_iterator(dir))
    if (file.is_regular_file() && read_file(file.path().string()).find(needle) != std::string::npos)
      return true;
  return false;
}

}  // namespace gazette::test
