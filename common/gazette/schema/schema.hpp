/// @file
/// @brief THE index schema: term prefixes, value slots, query fields and metadata keys.
///
/// This header is the only place that names a prefix, a slot or a metadata key, so the indexer and the
/// searcher cannot disagree. Prefixes follow Xapian Omega's conventions where Omega has one, so
/// xapian-delve and quest can read a Gazette database. docs/schema.md documents it for people.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "gazette/core/article.hpp"
#include "gazette/core/time.hpp"

namespace gazette::schema {

/// Bumped whenever terms, slots or the stored record change incompatibly; a database of another version
/// must be rebuilt.
inline constexpr int version = 5;

/// Term prefixes.
namespace prefix {
inline constexpr std::string_view id = "Q";             ///< unique article id (boolean)
inline constexpr std::string_view title = "S";          ///< headline words (with positions)
inline constexpr std::string_view day = "D";            ///< publication day YYYYMMDD (boolean)
inline constexpr std::string_view month = "M";          ///< publication month YYYYMM (boolean)
inline constexpr std::string_view year = "Y";           ///< publication year YYYY (boolean)
inline constexpr std::string_view source = "XSRC";      ///< outlet, canonical form (boolean)
inline constexpr std::string_view author = "A";         ///< author, canonical form (boolean)
inline constexpr std::string_view language = "L";       ///< ISO 639-1 language (boolean)
inline constexpr std::string_view person = "XP";        ///< person, canonical name (boolean)
inline constexpr std::string_view organization = "XO";  ///< organisation, canonical name (boolean)
inline constexpr std::string_view place = "XL";         ///< place, canonical name (boolean)
inline constexpr std::string_view mention_day = "XMD";  ///< a day mentioned in the text (boolean)
inline constexpr std::string_view mention_month = "XMM";
inline constexpr std::string_view mention_year = "XMY";
inline constexpr std::string_view story = "XCL";    ///< story cluster id (boolean)
inline constexpr std::string_view sample = "XSMP";  ///< nested facet samples: XSMP1 (1/2) .. XSMP6 (1/64)
}  // namespace prefix

/// Value slots, each with its encoding.
enum Slot : Xapian::valueno {
  slot_date = 0,            ///< publication instant, UTC "YYYYMMDDhhmmss": sorting
  slot_source = 1,          ///< outlet as written: source facet
  slot_day = 2,             ///< publication day, "YYYYMMDD": date ranges and the date histogram
  slot_story = 3,           ///< story cluster id: collapse
  slot_age_bucket = 4,      ///< publication month "YYYYMM": the recency boost's ValueMapPostingSource
  slot_fingerprint = 5,     ///< near-duplicate fingerprint (stories/fingerprint.hpp encoding)
  slot_facets = 6,          ///< every facet slot's value, packed (facet_values.hpp): local facet counting
  slot_person_first = 10,   ///< persons, one per slot, most salient first (slots 10..13)
  slot_org_first = 20,      ///< organisations (slots 20..23)
  slot_place_first = 30,    ///< places (slots 30..33)
  slot_mention_first = 40,  ///< months mentioned in the text, "YYYY-MM", most mentioned first (slots 40..43)
};
/// How many entities of one type get a value slot (each counted by a built-in ValueCountMatchSpy, which
/// also runs on remote shards; an entity beyond the first few of its article is a filter term only).
inline constexpr unsigned entity_slots = 4;
/// Nested facet samples. An article's bucket is a hash of its id modulo 64; it carries XSMP<L> for each
/// level L = 1..sample_levels with bucket < 64 >> L, so the articles with XSMP<L> are a 1/2^L sample spread
/// over all dates, found by one term lookup (on average one such term per article).
inline constexpr unsigned sample_levels = 6;
/// The XSMP term of a sample level (1..sample_levels).
inline std::string sample_term(unsigned level) {
  return std::string(prefix::sample) + std::to_string(level);
}
/// Whether an article of this bucket (hash of its id modulo 2^sample_levels) is in the sample of a level.
inline constexpr bool in_sample(std::uint64_t bucket, unsigned level) noexcept {
  return bucket < (std::uint64_t{1} << sample_levels) >> level;
}

/// A boolean term of the articles whose long quotes are attributed to a report (stories/quotes.hpp), so the
/// quote rule finds them again when a later run adds the report they quote.
inline constexpr std::string_view quotes_term = "XQUOTES";

/// How many mentioned months get a value slot.
inline constexpr unsigned mention_slots = 4;

/// Weight of a headline word relative to a body word (added to the unprefixed term's wdf).
inline constexpr Xapian::termcount title_wdf = 3;
/// Position gap between headline and body, so a phrase never spans the two.
inline constexpr Xapian::termpos body_position_gap = 100;
/// Terms longer than this are hashed (ids) or dropped (words); Xapian's hard limit is 245 bytes.
inline constexpr std::size_t max_term_bytes = 240;

/// Database metadata keys.
namespace meta {
inline constexpr std::string_view schema_version = "gazette.schema_version";
inline constexpr std::string_view analyzer = "gazette.analyzer";  ///< AnalyzerSettings::signature()
inline constexpr std::string_view language = "gazette.language";  ///< stemming language
inline constexpr std::string_view fold_diacritics = "gazette.fold_diacritics";  ///< "1" or "0"
inline constexpr std::string_view last_update = "gazette.last_update";  ///< ISO 8601 time of the last commit
/// How a sharded archive routes articles ("year", "month" or "id:N"), kept in its control database.
inline constexpr std::string_view shard_scheme = "gazette.shard_scheme";
/// Near-duplicate LSH buckets: this prefix + the 6 bytes of a band key -> the stories holding it
/// (gazette/stories/lsh_bucket.hpp). In the database with the archive's data (a sharded archive's control).
inline constexpr std::string_view lsh_bucket = "lsh.";
}  // namespace meta

/// A sharded archive is a directory: a Xapian stub file listing its databases (so Xapian's own tools and
/// gazette-search open the set as one), a control database (no articles: settings, shard scheme, file
/// manifest, and the archive's write lock) listed first, and one database per shard.
namespace archive {
inline constexpr std::string_view stub_file = "XAPIANDB";
inline constexpr std::string_view control = "control";
inline constexpr std::string_view shard_prefix = "shard-";
}  // namespace archive

/// The Q term for an article id; ids too long for a term are replaced by a hash.
std::string id_term(std::string_view id);
/// The XCL term of a story id (hashed like id terms when too long).
std::string story_term(std::string_view story);

/// XMD, XMM and XMY terms for a day, month or year mentioned in the text.
std::string mention_day_term(Day day);
std::string mention_month_term(Day day);
std::string mention_year_term(Day day);

/// D, M and Y terms for a publication day.
std::string day_term(Day day);
std::string month_term(Day day);
std::string year_term(Day day);

/// Canonical form of a boolean filter value (source, author, language, entities): NFKC, case folded,
/// spaces collapsed. Indexing and every filter parser go through this one function.
std::string canonical_filter_value(std::string_view value);

/// How a query field is matched.
enum class FieldKind {
  text,        ///< probabilistic, analysed words (title:)
  boolean,     ///< exact canonical value, a filter (source:)
  identifier,  ///< an article or story id, matched verbatim (id:, story:)
  entity,      ///< a named entity: aliases folded to the canonical name, then exact (person:, org:, place:)
  date,        ///< publication date: a day, month, year or range (date:)
  mention,     ///< a day, month or year the text talks about (mentions:)
};

/// One searchable field: its name in queries, --filter, CGI f= and JSON, and where it lives in the index.
struct Field {
  std::string_view name;  ///< "title", "source", "date", ...
  FieldKind kind;
  std::string_view prefix;   ///< term prefix ("" for date and mentions, which use D/M/Y-style prefixes)
  std::optional<Slot> slot;  ///< the (first) value slot that holds it, for facets
  unsigned slot_count;       ///< how many consecutive slots from `slot` hold values of it
  std::string_view help;     ///< one line for --help and docs
};

/// The table of query fields.
inline constexpr std::array fields{
    Field{"title", FieldKind::text, prefix::title, std::nullopt, 0, "words of the headline"},
    Field{"source", FieldKind::boolean, prefix::source, slot_source, 1, "outlet, e.g. source:reuters"},
    Field{"person", FieldKind::entity, prefix::person, slot_person_first, entity_slots,
          "a person, e.g. person:\"Vladimir Putin\""},
    Field{"org", FieldKind::entity, prefix::organization, slot_org_first, entity_slots,
          "an organisation, e.g. org:opec"},
    Field{"place", FieldKind::entity, prefix::place, slot_place_first, entity_slots,
          "a place (a city also yields its country), e.g. place:russia"},
    Field{"date", FieldKind::date, "", slot_day, 1, "publication date: 1987, 1987-02, 1987-02-26 or A..B"},
    Field{"mentions", FieldKind::mention, "", slot_mention_first, mention_slots,
          "a period the text talks about: 2014, 2014-03 or 2014-03-18"},
    Field{"author", FieldKind::boolean, prefix::author, std::nullopt, 0, "author name"},
    Field{"lang", FieldKind::boolean, prefix::language, std::nullopt, 0, "language code, e.g. lang:en"},
    Field{"id", FieldKind::identifier, prefix::id, std::nullopt, 0, "article id"},
    Field{"story", FieldKind::identifier, prefix::story, std::nullopt, 0,
          "story id: every version of one story"},
};

/// The query field of an entity type ("person", "org" or "place").
const Field& entity_field(EntityType type) noexcept;

/// The field with this name, or nullptr.
const Field* find_field(std::string_view name) noexcept;

}  // namespace gazette::schema
