/// @file
/// @brief The loaded entity lists (internal): places, organisations, people and one lexicon of folded keys.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "gazette/entities/extractor.hpp"

namespace gazette::entities {

/// What kind of place a gazetteer entry names; a higher value wins when two lists share a name.
enum class PlaceKind : std::uint8_t { city, abbrev, subdivision, continent, region, curated_city, country };

/// A place of the gazetteers.
struct PlaceInfo {
  std::string name;           ///< canonical display name
  std::int32_t country = -1;  ///< index of its country in places, -1 for none (or itself a country)
  PlaceKind kind = PlaceKind::city;
  std::uint32_t population = 0;
  bool common_word = false;  ///< also a common English word ("Reading", "March")
  bool capital = false;      ///< a national capital
  bool tz_city = false;      ///< named by a tzdata zone
  bool ambiguous = false;    ///< another country has a city of this name at least a third as large
};

/// A curated organisation.
struct OrgInfo {
  std::string name;
  std::int32_t country = -1;  ///< index in places, -1 for none
};

/// Kinds of person title (titles.tsv).
enum class TitleKind : std::uint8_t { none, role, office, honorific };  ///< stronger kinds last

/// Context word kinds (context.tsv), as bits.
enum ContextBits : std::uint8_t { ctx_speech = 1, ctx_place = 2, ctx_org = 4 };

/// Organisation cue positions (org_cues.tsv), as bits.
enum CueBits : std::uint8_t { cue_suffix = 1, cue_head = 2 };

/// Everything known about one folded key (one or more words joined by single spaces).
struct Lexeme {
  std::int32_t place = -1;     ///< index in places
  std::int32_t org = -1;       ///< index in orgs
  std::int32_t person = -1;    ///< index in people
  std::int32_t demonym = -1;   ///< index in places of the country
  std::int32_t singular = -1;  ///< for a plural organisation cue: index in singulars
  TitleKind title = TitleKind::none;
  std::uint8_t cue = 0;      ///< CueBits
  std::uint8_t context = 0;  ///< ContextBits
  bool stopword = false;
  bool first_name = false;
  bool first_name_common = false;  ///< a first name that is also a common word ("Will", "Mark")
  bool prefix = false;             ///< some longer key starts with this one
};

/// Transparent string hash, so lookups take a string_view without allocating.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

}  // namespace gazette::entities

namespace gazette {

/// The loaded lists behind an EntityModel.
struct EntityModel::Data {
  std::vector<entities::PlaceInfo> places;
  std::vector<entities::OrgInfo> orgs;
  std::vector<std::string> people;
  std::vector<std::string> singulars;
  std::unordered_map<std::string, entities::Lexeme, entities::KeyHash, std::equal_to<>> lexicon;
  std::size_t max_words = 1;  ///< the longest key, in words
  std::unordered_map<std::string, std::int32_t, entities::KeyHash, std::equal_to<>>
      countries;  ///< name -> place

  /// The lexeme of a key, or nullptr.
  const entities::Lexeme* find(std::string_view key) const {
    const auto it = lexicon.find(key);
    return it == lexicon.end() ? nullptr : &it->second;
  }
};

}  // namespace gazette
