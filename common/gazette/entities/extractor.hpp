/// @file
/// @brief Named-entity extraction: people, organisations and places in a headline and body, by rules over
/// capitalised token sequences plus gazetteers loaded once from common/data/entities.
///
/// An EntityModel is immutable after loading and may be shared by any number of threads; each thread extracts
/// with its own Extractor (which reuses its scratch buffers) or with extract_entities(). Extraction never
/// throws on odd text: control characters, invalid UTF-8, huge lines or text without capitals yield fewer
/// entities, not an error.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gazette/core/article.hpp"

namespace gazette {

/// One entity of an article, with all its mentions folded into one canonical name.
struct Entity {
  EntityType type = EntityType::place;
  std::string canonical;       ///< display form: "Vladimir Putin", "White House", "United States"
  std::uint32_t mentions = 0;  ///< how many times it is mentioned (a city's mentions count for its country)
  std::uint32_t first_offset =
      0;                  ///< byte offset of its first mention in the body, or in the title if only there
  bool in_title = false;  ///< mentioned in the headline

  friend bool operator==(const Entity&, const Entity&) = default;
};

/// The data directory compiled in (common/data/entities of the source tree), or $GAZETTE_ENTITY_DATA when
/// set.
std::filesystem::path default_entity_data_dir();

/// The gazetteers and curated lists, loaded once and read-only afterwards (safe to share across threads).
class EntityModel {
 public:
  /// Loads every list of data_dir. @throws gazette::Error(not_found / bad_input) when a file is missing or
  /// bad.
  static std::shared_ptr<const EntityModel> load(
      const std::filesystem::path& data_dir = default_entity_data_dir());

  ~EntityModel();
  EntityModel(const EntityModel&) = delete;
  EntityModel& operator=(const EntityModel&) = delete;

  /// Number of distinct lookup keys (names, aliases, cue words), for diagnostics.
  std::size_t key_count() const noexcept;

  /// True when a place entity's canonical name is a country's ("Russia"; not "Moscow" or "Crimea").
  bool is_country(std::string_view canonical) const noexcept;

  /// The canonical name a known name or alias of this type stands for ("US" -> "United States",
  /// "Zelenskiy" -> "Volodymyr Zelensky"), or nullopt when the lists do not know it.
  std::optional<std::string> canonical_name(EntityType type, std::string_view name) const;

  struct Data;
  /// The loaded lists (internal to the entities module).
  const Data& data() const noexcept { return *data_; }

 private:
  explicit EntityModel(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

/// Extracts entities; holds per-thread scratch buffers, so use one Extractor per thread.
class Extractor {
 public:
  /// The model must outlive the extractor.
  explicit Extractor(const EntityModel& model);
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  /// Entities of one article, most salient first (title mentions, then mention count, then first offset).
  std::vector<Entity> extract(std::string_view title, std::string_view body);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// One-shot extraction with a temporary Extractor (allocates its buffers per call).
std::vector<Entity> extract_entities(const EntityModel& model, std::string_view title, std::string_view body);

}  // namespace gazette
