/// @file
/// @brief expand_inputs: command-line arguments to a sorted list of input files, with located problems.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <system_error>
#include <utility>

#include "gazette/readers/reader.hpp"

namespace gazette {

namespace {

namespace fs = std::filesystem;

using FileKey = std::pair<dev_t, ino_t>;

// Walks directory trees depth first in sorted order, following symbolic links but never into a directory
// twice, so a link loop ends with a problem instead of recursing forever.
class TreeWalker {
 public:
  explicit TreeWalker(InputList& list) : list_(list) {}

  // Adds the input files under dir (whose stat is st) and problems for what cannot be read.
  void walk(const fs::path& dir, const struct stat& st) {
    const FileKey key{st.st_dev, st.st_ino};
    if (std::find(ancestors_.begin(), ancestors_.end(), key) != ancestors_.end())
      return problem(dir, "symbolic link loop: leads back to a directory that contains it");
    if (!listed_.insert(key).second) return;  // reached again through another link: its files are listed

    std::error_code ec;
    std::vector<fs::path> entries;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
      entries.push_back(it->path());
    if (ec) return problem(dir, "cannot read directory: " + ec.message());
    std::sort(entries.begin(), entries.end(), [](const fs::path& a, const fs::path& b) {
      return a.filename().native() < b.filename().native();
    });

    ancestors_.push_back(key);
    for (const fs::path& entry : entries) {
      if (entry.filename().native().starts_with('.')) continue;  // hidden files and directories
      struct stat entry_st {};
      if (::stat(entry.c_str(), &entry_st) != 0) {
        // Listed but not reachable: a dangling link, a link loop or no permission on the target.
        problem(entry, std::string("cannot read: ") + std::strerror(errno));
      } else if (S_ISDIR(entry_st.st_mode)) {
        walk(entry, entry_st);
      } else if (S_ISREG(entry_st.st_mode) && format_for_path(entry)) {
        list_.files.push_back(entry);
      }
    }
    ancestors_.pop_back();
  }

  // Records a problem with path.
  void problem(const fs::path& path, std::string reason) {
    list_.problems.push_back({path.string(), std::move(reason), {}});
  }

 private:
  InputList& list_;
  std::vector<FileKey> ancestors_;  // directories being walked, outermost first
  std::set<FileKey> listed_;        // every directory walked so far
};

}  // namespace

InputList expand_inputs(const std::vector<std::string>& args, std::optional<InputFormat> format) {
  InputList list;
  TreeWalker walker(list);
  for (const std::string& arg : args) {
    if (arg == "-") {
      list.files.emplace_back(arg);
      continue;
    }
    const fs::path path(arg);
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
      walker.problem(path, std::string("cannot read: ") + std::strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      walker.walk(path, st);
    } else if (!format && !format_for_path(path)) {
      walker.problem(path, "unknown input format; use --format");
    } else {
      list.files.push_back(path);
    }
  }
  return list;
}

}  // namespace gazette
