/// @file
/// @brief RecordCodec: field record encoding and zstd compression.
#include "gazette/store/record.hpp"

#include <zstd.h>

#include <charconv>
#include <cstdint>

#include "gazette/core/error.hpp"

namespace gazette {

namespace {

// Field tags of the record; never reuse a number.
enum Tag : unsigned char {
  tag_id = 1,
  tag_title = 2,
  tag_body = 3,
  tag_source = 4,
  tag_url = 5,
  tag_author = 6,
  tag_language = 7,
  tag_published = 8,  // seconds since the epoch, decimal
  tag_date_source = 9,
  tag_raw_date = 10,
  tag_dateline = 11,
  tag_entity = 12,  // one per entity: a type letter (P, O, L) then the canonical name
};

constexpr char entity_letter(EntityType type) {
  return type == EntityType::person ? 'P' : type == EntityType::organization ? 'O' : 'L';
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(char((v & 0x7f) | 0x80));
    v >>= 7;
  }
  out.push_back(char(v));
}

bool get_varint(std::string_view& in, std::uint64_t& v) {
  v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    v |= std::uint64_t(byte & 0x7f) << shift;
    if (!(byte & 0x80)) return true;
  }
  return false;
}

void put_field(std::string& out, Tag tag, std::string_view value) {
  if (value.empty()) return;
  out.push_back(char(tag));
  put_varint(out, value.size());
  out.append(value);
}

[[noreturn]] void corrupt(const std::string& why) {
  throw Error(ErrorCode::corrupt, "stored article " + why);
}

}  // namespace

struct RecordCodec::Impl {
  ZSTD_CCtx* cctx = ZSTD_createCCtx();
  ZSTD_DCtx* dctx = ZSTD_createDCtx();
  std::string fields;  // reused buffers avoid an allocation per record
  std::string plain;

  ~Impl() {
    ZSTD_freeCCtx(cctx);
    ZSTD_freeDCtx(dctx);
  }
};

RecordCodec::RecordCodec(int compression_level) : impl_(std::make_unique<Impl>()) {
  if (!impl_->cctx || !impl_->dctx) throw Error(ErrorCode::internal, "cannot create zstd contexts");
  ZSTD_CCtx_setParameter(impl_->cctx, ZSTD_c_compressionLevel, compression_level);
  // A 4-byte checksum per record turns a damaged block into an error instead of a wrong article.
  ZSTD_CCtx_setParameter(impl_->cctx, ZSTD_c_checksumFlag, 1);
}
RecordCodec::~RecordCodec() = default;
RecordCodec::RecordCodec(RecordCodec&&) noexcept = default;
RecordCodec& RecordCodec::operator=(RecordCodec&&) noexcept = default;

std::string RecordCodec::encode(const Article& a) {
  std::string& f = impl_->fields;
  f.clear();
  put_field(f, tag_id, a.id);
  put_field(f, tag_title, a.title);
  put_field(f, tag_body, a.body);
  put_field(f, tag_source, a.source);
  put_field(f, tag_url, a.url);
  put_field(f, tag_author, a.author);
  put_field(f, tag_language, a.language);
  if (a.published) put_field(f, tag_published, std::to_string(a.published->time_since_epoch().count()));
  if (a.date_source != DateSource::none) put_field(f, tag_date_source, date_source_name(a.date_source));
  put_field(f, tag_raw_date, a.raw_date);
  put_field(f, tag_dateline, a.dateline);
  std::string entity;
  for (const NamedEntity& e : a.entities) {
    entity.assign(1, entity_letter(e.type)).append(e.name);
    put_field(f, tag_entity, entity);
  }

  std::string out;
  out.push_back(char(record_format));
  put_varint(out, 0);  // no dictionary yet
  const std::size_t header = out.size();
  out.resize(header + ZSTD_compressBound(f.size()));
  const std::size_t n =
      ZSTD_compress2(impl_->cctx, out.data() + header, out.size() - header, f.data(), f.size());
  if (ZSTD_isError(n)) throw Error(ErrorCode::internal, std::string("zstd: ") + ZSTD_getErrorName(n));
  out.resize(header + n);
  return out;
}

Article RecordCodec::decode(std::string_view record) {
  if (record.empty() || static_cast<unsigned char>(record.front()) != record_format)
    corrupt("has an unknown format (rebuild the database with gazette-index --rebuild)");
  record.remove_prefix(1);
  std::uint64_t dictionary;
  if (!get_varint(record, dictionary)) corrupt("is truncated");
  if (dictionary != 0) corrupt("needs zstd dictionary " + std::to_string(dictionary) + ", which is unknown");

  const unsigned long long size = ZSTD_getFrameContentSize(record.data(), record.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN || size > (1ull << 31))
    corrupt("has a damaged zstd frame");
  std::string& plain = impl_->plain;
  plain.resize(size);
  const std::size_t n =
      ZSTD_decompressDCtx(impl_->dctx, plain.data(), plain.size(), record.data(), record.size());
  if (ZSTD_isError(n) || n != size) corrupt("has a damaged zstd frame");

  Article a;
  std::string_view in = plain;
  while (!in.empty()) {
    const auto tag = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    std::uint64_t len;
    if (!get_varint(in, len) || len > in.size()) corrupt("is truncated");
    const std::string_view value = in.substr(0, len);
    in.remove_prefix(len);
    switch (tag) {
      case tag_id:
        a.id = value;
        break;
      case tag_title:
        a.title = value;
        break;
      case tag_body:
        a.body = value;
        break;
      case tag_source:
        a.source = value;
        break;
      case tag_url:
        a.url = value;
        break;
      case tag_author:
        a.author = value;
        break;
      case tag_language:
        a.language = value;
        break;
      case tag_published: {
        long long seconds = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
        if (ec != std::errc{} || end != value.data() + value.size()) corrupt("has a damaged date");
        a.published = Instant{std::chrono::seconds{seconds}};
        break;
      }
      case tag_date_source:
        a.date_source = date_source_from_name(value);
        break;
      case tag_raw_date:
        a.raw_date = value;
        break;
      case tag_dateline:
        a.dateline = value;
        break;
      case tag_entity: {
        if (value.size() < 2) corrupt("has a damaged entity");
        const EntityType type = value[0] == 'P'   ? EntityType::person
                                : value[0] == 'O' ? EntityType::organization
                                                  : EntityType::place;
        a.entities.push_back({type, std::string(value.substr(1))});
        break;
      }
      default:
        break;  // a field from a newer writer
    }
  }
  return a;
}

}  // namespace gazette
