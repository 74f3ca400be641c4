/// @file
/// @brief sphinx-dump: writes articles read by Gazette's readers as the tab-separated source of the Sphinx
/// peer (bench/sphinx/sphinx.conf.in: id, title, body, source_id, day, month), so the Sphinx indexer
/// indexes exactly the text gazette-index does. Reports the articles and bytes of text on stderr.
#include <chrono>
#include <iostream>
#include <variant>

#include "bench_util.hpp"
#include "gazette/core/error.hpp"
#include "gazette/readers/reader.hpp"

using namespace gazette;

namespace {

/// A TSV cell: tabs and line breaks become spaces (Sphinx's tsvpipe has no escapes).
void write_cell(std::ostream& out, const std::string& value) {
  for (char c : value) out << (c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "Usage: sphinx-dump INPUT... > articles.tsv\n"
                 "Writes every article of the inputs as a row of the Sphinx peer's tsvpipe source and\n"
                 "reports \"sphinx-dump: N articles, B bytes of text\" (title + body) on stderr.\n";
    return exit_usage;
  }
  try {
    std::ios::sync_with_stdio(false);
    const InputList inputs = expand_inputs(std::vector<std::string>(argv + 1, argv + argc));
    std::size_t articles = 0, text_bytes = 0;
    for (const auto& path : inputs.files) {
      auto reader = open_reader(path);
      while (auto item = reader->next()) {
        const auto* article = std::get_if<Article>(&*item);
        if (!article) continue;
        std::uint32_t day = 0;
        if (article->published) {
          const auto days =
              std::chrono::floor<std::chrono::days>(*article->published).time_since_epoch().count();
          day = bench::yyyymmdd(bench::civil_from_days(days));
        }
        std::cout << ++articles << '\t';
        write_cell(std::cout, article->title);
        std::cout << '\t';
        write_cell(std::cout, article->body);
        std::cout << '\t' << bench::source_key(article->source) << '\t' << day << '\t' << day / 100 << '\n';
        text_bytes += article->title.size() + article->body.size();
      }
    }
    std::cerr << "sphinx-dump: " << articles << " articles, " << text_bytes << " bytes of text\n";
    return std::cout.flush() ? exit_ok : exit_fatal;
  } catch (const Error& e) {
    std::cerr << "sphinx-dump: " << e.what() << '\n';
    return exit_fatal;
  }
}
