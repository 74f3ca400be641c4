/// @file
/// @brief expand_inputs: sorted recursive walks, explicit files, and problems instead of exceptions.
#include <unistd.h>

#include <algorithm>

#include "doctest/doctest.h"
#include "gazette/readers/reader.hpp"
#include "reader_test_util.hpp"

using namespace gazette;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names(const std::vector<fs::path>& files, const fs::path& root) {
  std::vector<std::string> out;
  for (const fs::path& f : files) out.push_back(f.lexically_relative(root).string());
  return out;
}

const Rejection* problem_for(const InputList& list, const fs::path& path) {
  const auto it = std::find_if(list.problems.begin(), list.problems.end(),
                               [&](const Rejection& r) { return r.where == path.string(); });
  return it == list.problems.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("expand_inputs: directories are walked recursively in sorted order, input files only") {
  test::TempDir dir;
  const fs::path root = dir / "tree";
  fs::create_directories(root / "sub" / "deeper");
  fs::create_directories(root / ".git");
  for (const char* name : {"b.jsonl", "a.txt", "c.sgm.zst", "notes.md", ".hidden.txt", "sub/z.ndjson",
                           "sub/Y.TXT", "sub/deeper/x.sgml", "sub/data.json", ".git/config.txt", "a.txt.gz"})
    test::write_file(root / name, "x");
  fs::create_directory_symlink(root, root / "sub" / "loop");  // leads back to an ancestor
  fs::create_symlink(root / "missing.txt", root / "dangling.txt");

  const InputList list = expand_inputs({root.string()});
  CHECK(names(list.files, root) == std::vector<std::string>{"a.txt", "b.jsonl", "c.sgm.zst", "sub/Y.TXT",
                                                            "sub/deeper/x.sgml", "sub/z.ndjson"});
  REQUIRE(list.problems.size() == 2);
  const Rejection* loop = problem_for(list, root / "sub" / "loop");
  REQUIRE(loop);
  CHECK(loop->reason.starts_with("symbolic link loop"));
  const Rejection* dangling = problem_for(list, root / "dangling.txt");
  REQUIRE(dangling);
  CHECK(dangling->reason == "cannot read: No such file or directory");
}

TEST_CASE("expand_inputs: explicit files, stdin, unknown formats and missing files") {
  test::TempDir dir;
  test::write_file(dir / "readme.md", "x");
  test::write_file(dir / "a.jsonl", "x");
  const std::vector<std::string> args{(dir / "a.jsonl").string(), "-", (dir / "readme.md").string(),
                                      (dir / "none.jsonl").string()};

  const InputList list = expand_inputs(args);
  CHECK(list.files == std::vector<fs::path>{dir / "a.jsonl", "-"});
  REQUIRE(list.problems.size() == 2);
  CHECK(list.problems[0].where == (dir / "readme.md").string());
  CHECK(list.problems[0].reason == "unknown input format; use --format");
  CHECK(list.problems[1].where == (dir / "none.jsonl").string());
  CHECK(list.problems[1].reason == "cannot read: No such file or directory");

  const InputList forced = expand_inputs(args, InputFormat::text);
  CHECK(forced.files == std::vector<fs::path>{dir / "a.jsonl", "-", dir / "readme.md"});
  CHECK(forced.problems.size() == 1);
}

TEST_CASE("expand_inputs: a directory listed twice or reached by two links is walked once") {
  test::TempDir dir;
  fs::create_directories(dir / "real");
  test::write_file(dir / "real" / "a.txt", "x");
  fs::create_directory_symlink(dir / "real", dir / "link");
  const InputList list = expand_inputs({dir.path().string(), (dir / "real").string()});
  CHECK(list.files == std::vector<fs::path>{dir / "link" / "a.txt"});
  CHECK(list.problems.empty());
}

TEST_CASE("expand_inputs: an unreadable directory is a problem") {
  if (::geteuid() == 0) {
    MESSAGE("running as root, which reads any directory: skipped");
    return;
  }
  test::TempDir dir;
  fs::create_directories(dir / "locked");
  test::write_file(dir / "locked" / "a.txt", "x");
  fs::permissions(dir / "locked", fs::perms::none);
  const InputList list = expand_inputs({dir.path().string()});
  fs::permissions(dir / "locked", fs::perms::owner_all);
  CHECK(list.files.empty());
  REQUIRE(list.problems.size() == 1);
  CHECK(list.problems[0].where == (dir / "locked").string());
  CHECK(list.problems[0].reason.starts_with("cannot read directory: "));
}
