/// @file
/// @brief StoredReader: decodes each document's stored record into an Article.
#include "gazette/index/stored_reader.hpp"

#include "gazette/core/error.hpp"
#include "gazette/store/record.hpp"

namespace gazette {

namespace {

class StoredReader : public ArticleReader {
 public:
  explicit StoredReader(Xapian::Database db) : db_(std::move(db)), it_(db_.postlist_begin("")) {}

  std::optional<ReadItem> next() override {
    if (it_ == db_.postlist_end("")) return std::nullopt;
    const Xapian::docid doc = *it_;
    ++it_;
    const std::string where = "stored document " + std::to_string(doc);
    const std::string data = db_.get_document(doc).get_data();
    bytes_ += data.size();
    try {
      Article article = codec_.decode(data);
      article.origin = where;
      return article;
    } catch (const Error& e) {
      return Rejection{where, e.what(), {}};
    }
  }

  std::size_t bytes_read() const noexcept override { return bytes_; }

 private:
  Xapian::Database db_;
  Xapian::PostingIterator it_;
  RecordCodec codec_;
  std::size_t bytes_ = 0;
};

}  // namespace

std::unique_ptr<ArticleReader> make_stored_reader(Xapian::Database db) {
  return std::make_unique<StoredReader>(std::move(db));
}

}  // namespace gazette
