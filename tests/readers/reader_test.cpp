/// @file
/// @brief Formats by name and extension; open_reader errors; standard input.
#include <fcntl.h>
#include <unistd.h>

#include "../test_paths.hpp"
#include "doctest/doctest.h"
#include "gazette/core/error.hpp"
#include "gazette/readers/reader.hpp"
#include "reader_test_util.hpp"

using namespace gazette;

TEST_CASE("format_for_path and format_from_name") {
  CHECK(format_for_path("a.jsonl") == InputFormat::jsonl);
  CHECK(format_for_path("dir.d/a.ndjson") == InputFormat::jsonl);
  CHECK(format_for_path("a.jsonl.zst") == InputFormat::jsonl);
  CHECK(format_for_path("A.TXT.ZST") == InputFormat::text);
  CHECK(format_for_path("reut2-000.sgm") == InputFormat::sgml);
  CHECK(format_for_path("x.sgml.zst") == InputFormat::sgml);
  CHECK_FALSE(format_for_path("a.json"));
  CHECK_FALSE(format_for_path("a.zst"));
  CHECK_FALSE(format_for_path("a.txt.gz"));
  CHECK_FALSE(format_for_path("txt"));
  CHECK_FALSE(format_for_path("-"));

  CHECK(format_from_name("jsonl") == InputFormat::jsonl);
  CHECK(format_from_name("text") == InputFormat::text);
  CHECK(format_from_name("sgml") == InputFormat::sgml);
  CHECK_FALSE(format_from_name("txt"));
  CHECK_FALSE(format_from_name(""));
}

TEST_CASE("open_reader: missing files, directories and unknown formats throw with the path") {
  test::TempDir dir;
  const auto code_of = [](const std::filesystem::path& path, std::optional<InputFormat> format) {
    try {
      open_reader(path, format);
    } catch (const Error& e) {
      CHECK(std::string(e.what()).find(path == "-" ? "<stdin>" : path.string()) != std::string::npos);
      return e.code();
    }
    FAIL("no error for " << path);
    return ErrorCode::internal;
  };
  CHECK(code_of(dir / "none.jsonl", std::nullopt) == ErrorCode::not_found);
  std::filesystem::create_directory(dir / "d.txt");
  CHECK(code_of(dir / "d.txt", std::nullopt) == ErrorCode::bad_input);
  test::write_file(dir / "notes.md", "x");
  CHECK(code_of(dir / "notes.md", std::nullopt) == ErrorCode::bad_input);
  CHECK(code_of("-", std::nullopt) == ErrorCode::bad_input);
}

TEST_CASE("open_reader: an explicit format overrides the extension") {
  test::TempDir dir;
  test::write_file(dir / "story.md", "Headline\n\nBody");
  const auto all = test::read_all(dir / "story.md", InputFormat::text);
  REQUIRE(all.articles.size() == 1);
  CHECK(all.articles[0].title == "Headline");
}

TEST_CASE("open_reader: \"-\" reads standard input, zstd-compressed or not") {
  test::TempDir dir;
  const std::string lines = "{\"title\":\"from stdin\"}\n{\"title\":\"second\"}\n";
  test::write_file(dir / "plain", lines);
  test::write_file(dir / "compressed", test::zstd_compress(lines));
  for (const char* name : {"plain", "compressed"}) {
    CAPTURE(name);
    const int saved = ::dup(STDIN_FILENO);
    const int fd = ::open((dir / name).c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    ::dup2(fd, STDIN_FILENO);
    ::close(fd);
    const auto all = test::read_all("-", InputFormat::jsonl);
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    REQUIRE(all.articles.size() == 2);
    CHECK(all.articles[0].title == "from stdin");
    CHECK(all.articles[1].origin == "<stdin>:2");
  }
}
