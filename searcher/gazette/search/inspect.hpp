/// @file
/// @brief Inspecting an archive: what it holds, since when, from whom, how big, built how (--inspect).
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "gazette/core/time.hpp"
#include "gazette/search/archive.hpp"

namespace gazette {

/// A value and how many articles carry it.
struct ValueCount {
  std::string value;
  std::size_t count;
};

/// The most frequent entities of one type.
struct TopEntities {
  std::string field;               ///< the query field: "person", "org" or "place"
  std::vector<ValueCount> values;  ///< canonical (lower-case) names, most articles first
};

/// A summary of an archive.
struct ArchiveReport {
  std::string path;
  std::size_t articles = 0;
  std::size_t undated = 0;                 ///< articles without a publication date
  std::optional<Day> first_day, last_day;  ///< publication days of the oldest and newest articles
  std::size_t stories = 0;                 ///< distinct story ids (near-duplicate versions count once)
  std::size_t source_count = 0;            ///< distinct sources
  std::vector<ValueCount> sources;         ///< as written, most articles first, at most report_sources
  int schema_version = 0;                  ///< schema::meta::schema_version (open_archive checked it)
  std::string analyzer;                    ///< schema::meta::analyzer: the analyzer's signature
  std::string language;                    ///< stemming language
  bool fold_diacritics = true;
  std::string last_update;            ///< ISO 8601 time of the last commit ("" when unknown)
  std::uintmax_t bytes_on_disk = 0;   ///< all files of the database folder (or the stub file)
  std::vector<TopEntities> entities;  ///< person, org, place, each at most report_entities
};

/// Sources listed by a report.
inline constexpr std::size_t report_sources = 50;
/// Entities listed per type by a report.
inline constexpr std::size_t report_entities = 10;

/// Summarises an archive: a pass over the source slot, term lists for dates, stories and entities.
/// @throws gazette::Error(unavailable) when the database fails.
ArchiveReport inspect_archive(const Archive& archive);

/// The report as JSON, valid against $defs/inspect of schemas/search-response.schema.json.
nlohmann::json inspect_json(const ArchiveReport& report);

/// The report for a person.
void render_inspect_text(const ArchiveReport& report, std::ostream& out);

}  // namespace gazette
