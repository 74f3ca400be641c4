/// @file
/// @brief omega-dump: writes articles read by Gazette's readers in scriptindex's dump format, so Xapian
/// Omega's scriptindex indexes exactly the same text as gazette-index in the peer benchmarks.
#include <iostream>
#include <variant>

#include "gazette/core/error.hpp"
#include "gazette/readers/reader.hpp"

using namespace gazette;

namespace {

/// scriptindex dump format: `name=value` lines, continuation lines start with '=', a blank line ends a
/// record.
void write_field(std::ostream& out, const char* name, const std::string& value) {
  out << name << '=';
  for (char c : value) {
    out << c;
    if (c == '\n') out << '=';
  }
  out << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "Usage: omega-dump INPUT... > dump.txt\n"
                 "Writes every article of the inputs as a scriptindex record (id, title, date, body).\n";
    return exit_usage;
  }
  try {
    const InputList inputs = expand_inputs(std::vector<std::string>(argv + 1, argv + argc));
    std::size_t articles = 0;
    for (const auto& path : inputs.files) {
      auto reader = open_reader(path);
      while (auto item = reader->next()) {
        const auto* article = std::get_if<Article>(&*item);
        if (!article) continue;
        write_field(std::cout, "id", article->id.empty() ? derive_article_id(*article) : article->id);
        write_field(std::cout, "title", article->title);
        write_field(std::cout, "date",
                    article->published ? format_compact(*article->published).substr(0, 8) : "");
        write_field(std::cout, "body", article->body);
        std::cout << '\n';
        ++articles;
      }
    }
    std::cerr << "omega-dump: " << articles << " articles\n";
    return exit_ok;
  } catch (const Error& e) {
    std::cerr << "omega-dump: " << e.what() << '\n';
    return exit_fatal;
  }
}
