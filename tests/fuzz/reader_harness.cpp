/// @file
/// @brief read_all: the readers' contract, checked item by item.
#include "reader_harness.hpp"

#include "fuzz_support.hpp"
#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"

namespace gazette::fuzz {

namespace {

void check_article(const Article& article) {
  for (const std::string* text : {&article.id, &article.title, &article.body, &article.source, &article.url,
                                  &article.author, &article.language, &article.raw_date, &article.dateline})
    FUZZ_CHECK(is_valid_utf8(*text));
}

void check_rejection(const Rejection& rejection) {
  FUZZ_CHECK(!rejection.where.empty());
  FUZZ_CHECK(!rejection.reason.empty());
}

}  // namespace

ReaderOptions small_reader_options() {
  ReaderOptions options;
  options.max_record_bytes = 3000;  // below libFuzzer's default 4096-byte inputs: both paths run
  options.chunk_bytes = 61;         // odd, so records and escapes straddle reads
  return options;
}

void read_all(std::string_view input, InputFormat format, const ReaderOptions& options) {
  const MemoryFile file(input);
  try {
    const auto reader = open_reader(file.path(), format, options);
    std::size_t items = 0;
    while (const auto item = reader->next()) {
      if (const auto* article = std::get_if<Article>(&*item))
        check_article(*article);
      else
        check_rejection(std::get<Rejection>(*item));
      FUZZ_CHECK(++items <= input.size() + 1);  // every item consumes input
    }
  } catch (const Error& e) {
    FUZZ_CHECK(e.code() == ErrorCode::bad_input);
  }
}

}  // namespace gazette::fuzz
