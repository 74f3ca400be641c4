/// @file
/// @brief Bad input is reported with file and line, kept in the reject file, and loses nothing else.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "harness.hpp"

using namespace gazette::test;
using nlohmann::json;

namespace {

std::vector<json> reject_lines(const std::string& path) {
  std::vector<json> lines;
  std::istringstream in(read_file(path));
  for (std::string line; std::getline(in, line);) lines.push_back(json::parse(line));
  return lines;
}

bool has_reject(const std::vector<json>& rejects, const std::string& where, const std::string& reason_part) {
  return std::any_of(rejects.begin(), rejects.end(), [&](const json& r) {
    return r["where"] == where && std::string(r["reason"]).find(reason_part) != std::string::npos;
  });
}

}  // namespace

TEST_CASE("every kind of bad record is rejected with its place; every good record is indexed") {
  TempDir dir;
  const std::string in = dir / "in";
  std::filesystem::create_directory(in);
  write_file(in + "/mixed.jsonl",
             "{\"id\": \"ok-1\", \"title\": \"Good first record\", \"body\": \"Lighthouse keepers return\"}\n"
             "{\"id\": \"broken\", \"title\": \"missing brace\"\n"
             "{\"id\": \"utf8\", \"title\": \"bad \xC3\x28 byte\", \"body\": \"x\"}\n"
             "{\"id\": \"empty\", \"title\": \"  \", \"body\": \"\"}\n"
             "{\"id\": \"types\", \"title\": 5, \"body\": \"numbers are not headlines\"}\n"
             "[1, 2, 3]\n"
             "\n"
             "{\"id\": \"ok-2\", \"title\": \"Good last record\", \"body\": \"Lighthouse keepers stay\"}\n");
  write_file(in + "/invalid.txt", "Headline\n\nBody with a lone \xED\xA0\x80 surrogate\n");
  write_file(in + "/empty.txt", "");
  write_file(in + "/fine.txt",
             "Lighthouse keepers honoured\n\nThe keepers of the lighthouse were honoured.\n");
  write_file(dir / "notes.doc", "not an input format");
  const std::string db = dir / "db";

  const ProcessResult r = index({"--db", db, in, dir / "notes.doc", dir / "missing.jsonl"});
  INFO(r.err);
  CHECK(r.status == 2);
  const std::string mixed = in + "/mixed.jsonl";
  CHECK(r.err.find(mixed + ":2: rejected:") != std::string::npos);
  CHECK(r.err.find(mixed + ":3: rejected:") != std::string::npos);

  const auto rejects = reject_lines(dir / "db.rejects.jsonl");
  CHECK(has_reject(rejects, mixed + ":2", "JSON"));
  CHECK(has_reject(rejects, mixed + ":3", "UTF-8"));
  CHECK(has_reject(rejects, mixed + ":4", "no text"));
  CHECK(has_reject(rejects, mixed + ":5", "title"));
  CHECK(has_reject(rejects, mixed + ":6", "object"));
  CHECK(std::any_of(rejects.begin(), rejects.end(), [&](const json& j) {
    return std::string(j["where"]).rfind(in + "/invalid.txt", 0) == 0 &&
           std::string(j["reason"]).find("UTF-8") != std::string::npos;
  }));
  CHECK(has_reject(rejects, in + "/empty.txt", "no text"));
  CHECK(std::any_of(rejects.begin(), rejects.end(), [&](const json& j) {
    return std::string(j["where"]).find("notes.doc") != std::string::npos;
  }));
  CHECK(std::any_of(rejects.begin(), rejects.end(), [&](const json& j) {
    return std::string(j["where"]).find("missing.jsonl") != std::string::npos;
  }));
  // The reject file keeps the raw record.
  CHECK(std::any_of(rejects.begin(), rejects.end(), [](const json& j) {
    return std::string(j["record"]).find("missing brace") != std::string::npos;
  }));

  const json found = search_json(db, {"lighthouse", "--limit", "10"});
  CHECK(found["total"]["estimate"] == 3);
  CHECK(r.err.find("3 added") != std::string::npos);
}

TEST_CASE("usage errors exit 1 with a message") {
  CHECK(index({}).status == 1);
  TempDir dir;
  const ProcessResult no_input = index({"--db", dir / "db"});
  CHECK(no_input.status == 1);
  CHECK(no_input.err.find("no INPUT") != std::string::npos);
  const ProcessResult bad_format = index({"--db", dir / "db", "--format", "pdf", "-"});
  CHECK(bad_format.status == 1);
  CHECK(index({"--db", dir / "db", "--no-such-option", "x"}).status == 1);
  CHECK(search({"--db", dir / "db", "--sort", "sideways", "x"}).status == 1);
}

TEST_CASE("standard input with an explicit format") {
  TempDir dir;
  const ProcessResult r =
      index({"--db", dir / "db", "--format", "jsonl", "-"},
            "{\"id\": \"stdin-1\", \"title\": \"Piped article\", \"body\": \"Through a pipe\"}\n");
  CHECK(r.status == 0);
  CHECK(search_json(dir / "db", {"piped"})["hits"][0]["id"] == "stdin-1");
}

TEST_CASE("a database written with other analyzer settings is refused, not mixed") {
  TempDir dir;
  const std::string db = dir / "db";
  REQUIRE(index({"--db", db, sample_dir()}).status == 0);
  const ProcessResult other = index({"--db", db, "--language", "french", sample_dir()});
  CHECK(other.status == 1);
  CHECK(other.err.find("analyzer settings") != std::string::npos);
}
