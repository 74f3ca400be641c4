/// @file
/// @brief WholeFileReader: the bounded read shared by the one-article-per-file formats.
#include "gazette/readers/whole_file_reader.hpp"

#include "gazette/readers/chunk_buffer.hpp"
#include "gazette/readers/reader_util.hpp"

namespace gazette {

namespace {

class WholeFileReader final : public ArticleReader {
 public:
  WholeFileReader(ByteSource source, const ReaderOptions& options, WholeFileParser parse)
      : buffer_(std::move(source), options.chunk_bytes, options.max_record_bytes),
        max_record_bytes_(options.max_record_bytes),
        parse_(std::move(parse)) {}

  std::optional<ReadItem> next() override {
    if (done_) return std::nullopt;
    done_ = true;
    while (buffer_.window().size() <= max_record_bytes_ && buffer_.fill()) {
    }
    const std::string_view content = buffer_.window();
    if (content.size() > max_record_bytes_)
      return Rejection{buffer_.name(), oversized_reason(max_record_bytes_), truncate_raw(content)};
    return parse_(content, buffer_.name());
  }

  std::size_t bytes_read() const noexcept override { return buffer_.bytes_read(); }

 private:
  ChunkBuffer buffer_;
  std::size_t max_record_bytes_;
  WholeFileParser parse_;
  bool done_ = false;
};

}  // namespace

std::unique_ptr<ArticleReader> make_whole_file_reader(ByteSource source, const ReaderOptions& options,
                                                      WholeFileParser parse) {
  return std::make_unique<WholeFileReader>(std::move(source), options, std::move(parse));
}

}  // namespace gazette
