/// @file
/// @brief Loading the entity lists of common/data/entities into one lexicon of folded keys.
#include <unicode/locdspnm.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <unordered_map>

#include "gazette/core/error.hpp"
#include "gazette/entities/extractor.hpp"
#include "gazette/entities/model_data.hpp"
#include "gazette/entities/text_scan.hpp"

namespace gazette {
namespace {

using entities::Lexeme;
using entities::PlaceInfo;
using entities::PlaceKind;
using entities::TitleKind;

using Fields = std::vector<std::string_view>;

/// Calls row(fields, where) for every data line of a tab-separated file ('#' lines are comments).
void read_tsv(const std::filesystem::path& path,
              const std::function<void(const Fields&, const std::string&)>& row) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::not_found, "cannot open entity data file", path.string());
  std::string line;
  Fields fields;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    fields.clear();
    std::string_view rest(line);
    for (;;) {
      const auto tab = rest.find('\t');
      fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    row(fields, path.string() + ":" + std::to_string(number));
  }
}

std::string_view field(const Fields& fields, std::size_t i) {
  return i < fields.size() ? fields[i] : std::string_view{};
}

/// Splits "a|b|c", skipping empty parts.
std::vector<std::string_view> split_bar(std::string_view list) {
  std::vector<std::string_view> out;
  while (!list.empty()) {
    const auto bar = list.find('|');
    if (bar != 0) out.push_back(list.substr(0, bar));
    if (bar == std::string_view::npos) break;
    list.remove_prefix(bar + 1);
  }
  return out;
}

class Loader {
 public:
  explicit Loader(const std::filesystem::path& dir)
      : dir_(dir), data_(std::make_unique<EntityModel::Data>()) {}

  std::unique_ptr<EntityModel::Data> run() {
    load_countries();
    load_places();
    load_subdivisions();
    load_cities();
    load_demonyms();
    load_orgs();
    load_people();
    load_words();
    mark_prefixes();
    return std::move(data_);
  }

 private:
  /// The lookup key of a name as the extractor will see it: folded words joined by spaces; "" when the name
  /// has punctuation that ends a capitalised sequence (commas, parentheses, possessives).
  std::string key_of(std::string_view name) {
    tokens_.clear();
    keys_.clear();
    entities::scan_text(name, tokens_, keys_);
    std::string key;
    // An abbreviation's dot ("Calif.") is a full stop to the tokenizer when nothing follows it.
    if (!tokens_.empty() && tokens_.back().kind == entities::TokenKind::period) tokens_.pop_back();
    for (const auto& t : tokens_) {
      if (t.kind == entities::TokenKind::hyphen) continue;
      if (t.kind != entities::TokenKind::word) return {};
      if (!key.empty()) key.push_back(' ');
      key.append(keys_, t.key_begin, t.key_size);
    }
    return key;
  }

  Lexeme* lexeme(std::string_view name) {
    std::string key = key_of(name);
    if (key.empty()) return nullptr;
    std::size_t words = 1;
    for (char c : key) words += c == ' ';
    data_->max_words = std::max(data_->max_words, words);
    return &data_->lexicon[std::move(key)];
  }

  void add_place_name(std::string_view name, std::int32_t index) {
    Lexeme* lex = lexeme(name);
    if (lex == nullptr) return;
    const PlaceInfo& place = data_->places[static_cast<std::size_t>(index)];
    if (lex->place >= 0) {
      const PlaceInfo& old = data_->places[static_cast<std::size_t>(lex->place)];
      // A large city keeps its name against a province of the same name ("Istanbul"); else the higher kind
      // wins.
      const bool city_over_province =
          place.kind == PlaceKind::city && old.kind == PlaceKind::subdivision && place.population >= 100000;
      if (!city_over_province &&
          (old.kind > place.kind || (old.kind == place.kind && old.population >= place.population)))
        return;
    }
    lex->place = index;
  }

  std::int32_t add_place(PlaceInfo place) {
    data_->places.push_back(std::move(place));
    return static_cast<std::int32_t>(data_->places.size() - 1);
  }

  std::int32_t country_index(std::string_view code, const std::string& where) {
    if (code == "-" || code.empty()) return -1;
    const auto it = countries_.find(std::string(code));
    if (it == countries_.end())
      throw Error(ErrorCode::bad_input, "unknown country code " + std::string(code), where);
    return it->second;
  }

  void load_countries() {
    std::vector<std::string>
        iso_codes;  // current ISO 3166-1 codes (ICU maps historic ones to their successors)
    read_tsv(dir_ / "countries.tsv", [&](const Fields& f, const std::string& where) {
      if (f.size() < 2) throw Error(ErrorCode::bad_input, "expected code and name", where);
      PlaceInfo p;
      p.name = std::string(f[1]);
      p.kind = PlaceKind::country;
      countries_[std::string(f[0])] = add_place(std::move(p));
      iso_codes.emplace_back(f[0]);
      for (auto v : split_bar(field(f, 2))) names_[std::string(f[0])].emplace_back(v);
    });
    read_tsv(dir_ / "country_names.tsv", [&](const Fields& f, const std::string& where) {
      if (f.size() < 2) throw Error(ErrorCode::bad_input, "expected code and name", where);
      const std::string code(f[0]);
      auto it = countries_.find(code);
      if (it == countries_.end()) {
        PlaceInfo p;
        p.kind = PlaceKind::country;
        it = countries_.emplace(code, add_place(std::move(p))).first;
      }
      PlaceInfo& place = data_->places[static_cast<std::size_t>(it->second)];
      if (!f[1].empty()) {
        if (!place.name.empty()) names_[code].push_back(place.name);
        place.name = std::string(f[1]);
      }
      for (auto v : split_bar(field(f, 2))) names_[code].emplace_back(v);
    });
    add_icu_country_names(iso_codes);
    for (const auto& [code, index] : countries_) {
      data_->countries.emplace(data_->places[static_cast<std::size_t>(index)].name, index);
      add_place_name(data_->places[static_cast<std::size_t>(index)].name, index);
      for (const auto& v : names_[code]) add_place_name(v, index);
    }
  }

  /// ICU's English display names of each region ("Russia", "Hong Kong SAR China", short "Hong Kong").
  void add_icu_country_names(const std::vector<std::string>& codes) {
    std::array<UDisplayContext, 1> context{UDISPCTX_LENGTH_SHORT};
    std::unique_ptr<icu::LocaleDisplayNames> short_names(
        icu::LocaleDisplayNames::createInstance(icu::Locale::getEnglish(), context.data(), 1));
    for (const auto& code : codes) {
      icu::UnicodeString name;
      icu::Locale("en", code.c_str()).getDisplayCountry(icu::Locale::getEnglish(), name);
      std::string utf8;
      name.toUTF8String(utf8);
      if (utf8 != code) names_[code].push_back(utf8);
      if (short_names) {
        icu::UnicodeString short_name;
        short_names->regionDisplayName(code.c_str(), short_name);
        std::string short_utf8;
        short_name.toUTF8String(short_utf8);
        if (short_utf8 != code && short_utf8 != utf8) names_[code].push_back(short_utf8);
      }
    }
  }

  void load_places() {
    read_tsv(dir_ / "places.tsv", [&](const Fields& f, const std::string& where) {
      if (f.size() < 3) throw Error(ErrorCode::bad_input, "expected name, country and kind", where);
      PlaceInfo p;
      p.name = std::string(f[0]);
      p.country = country_index(f[1], where);
      const std::string_view kind = f[2];
      if (kind == "city")
        p.kind = PlaceKind::curated_city;
      else if (kind == "region")
        p.kind = PlaceKind::region;
      else if (kind == "continent")
        p.kind = PlaceKind::continent;
      else if (kind == "abbrev")
        p.kind = PlaceKind::abbrev;
      else
        throw Error(ErrorCode::bad_input, "unknown place kind " + std::string(kind), where);
      const bool abbrev = p.kind == PlaceKind::abbrev;
      const std::int32_t index = add_place(std::move(p));
      if (!abbrev) add_place_name(f[0], index);  // an abbreviation entry names only its abbreviations
      for (auto v : split_bar(field(f, 3))) add_place_name(v, index);
    });
  }

  void load_subdivisions() {
    read_tsv(dir_ / "subdivisions.tsv", [&](const Fields& f, const std::string& where) {
      if (f.size() < 3) throw Error(ErrorCode::bad_input, "expected name, country and type", where);
      PlaceInfo p;
      p.name = std::string(f[0]);
      p.country = country_index(f[1], where);
      p.kind = PlaceKind::subdivision;
      p.common_word = field(f, 3).find('w') != std::string_view::npos;
      add_place_name(f[0], add_place(std::move(p)));
    });
  }

  void load_cities() {
    read_tsv(dir_ / "cities.tsv", [&](const Fields& f, const std::string& where) {
      if (f.size() < 3) throw Error(ErrorCode::bad_input, "expected name, country and population", where);
      PlaceInfo p;
      p.name = std::string(f[0]);
      p.country = country_index(f[1], where);
      p.kind = PlaceKind::city;
      std::from_chars(f[2].data(), f[2].data() + f[2].size(), p.population);
      const std::string_view flags = field(f, 3);
      p.common_word = flags.find('w') != std::string_view::npos;
      p.capital = flags.find('c') != std::string_view::npos;
      p.tz_city = flags.find('t') != std::string_view::npos;
      p.ambiguous = flags.find('a') != std::string_view::npos;
      add_place_name(f[0], add_place(std::move(p)));
    });
  }

  void load_demonyms() {
    read_tsv(dir_ / "demonyms.tsv", [&](const Fields& f, const std::string& where) {
      if (f.size() < 2) throw Error(ErrorCode::bad_input, "expected demonym and country", where);
      if (Lexeme* lex = lexeme(f[0])) lex->demonym = country_index(f[1], where);
    });
  }

  void load_orgs() {
    read_tsv(dir_ / "organizations.tsv", [&](const Fields& f, const std::string& where) {
      if (f.empty() || f[0].empty()) throw Error(ErrorCode::bad_input, "expected a name", where);
      data_->orgs.push_back({std::string(f[0]), country_index(field(f, 2), where)});
      const auto index = static_cast<std::int32_t>(data_->orgs.size() - 1);
      if (Lexeme* lex = lexeme(f[0])) lex->org = index;
      for (auto v : split_bar(field(f, 1)))
        if (Lexeme* lex = lexeme(v)) lex->org = index;
    });
  }

  void load_people() {
    read_tsv(dir_ / "people.tsv", [&](const Fields& f, const std::string& where) {
      if (f.empty() || f[0].empty()) throw Error(ErrorCode::bad_input, "expected a name", where);
      data_->people.emplace_back(f[0]);
      const auto index = static_cast<std::int32_t>(data_->people.size() - 1);
      if (Lexeme* lex = lexeme(f[0])) lex->person = index;
      for (auto v : split_bar(field(f, 1)))
        if (Lexeme* lex = lexeme(v)) lex->person = index;
    });
  }

  void load_words() {
    read_tsv(dir_ / "titles.tsv", [&](const Fields& f, const std::string& where) {
      const std::string_view kind = field(f, 1);
      TitleKind title = kind == "honorific" ? TitleKind::honorific
                        : kind == "office"  ? TitleKind::office
                        : kind == "role"    ? TitleKind::role
                                            : TitleKind::none;
      if (title == TitleKind::none) throw Error(ErrorCode::bad_input, "unknown title kind", where);
      if (Lexeme* lex = lexeme(f[0]); lex != nullptr && lex->title < title) lex->title = title;
    });
    read_tsv(dir_ / "org_cues.tsv", [&](const Fields& f, const std::string& where) {
      const std::string_view position = field(f, 1);
      std::uint8_t bits = position == "suffix" ? entities::cue_suffix
                          : position == "head" ? entities::cue_head
                          : position == "both" ? entities::cue_suffix | entities::cue_head
                                               : 0;
      if (bits == 0) throw Error(ErrorCode::bad_input, "unknown cue position", where);
      Lexeme* lex = lexeme(f[0]);
      if (lex == nullptr) return;
      lex->cue |= bits;
      if (!field(f, 2).empty()) {
        data_->singulars.emplace_back(f[2]);
        lex->singular = static_cast<std::int32_t>(data_->singulars.size() - 1);
      }
    });
    read_tsv(dir_ / "context.tsv", [&](const Fields& f, const std::string& where) {
      const std::string_view kind = field(f, 1);
      std::uint8_t bits = kind == "speech"  ? entities::ctx_speech
                          : kind == "place" ? entities::ctx_place
                          : kind == "org"   ? entities::ctx_org
                                            : 0;
      if (bits == 0) throw Error(ErrorCode::bad_input, "unknown context kind", where);
      if (Lexeme* lex = lexeme(f[0])) lex->context |= bits;
    });
    read_tsv(dir_ / "stopwords.txt", [&](const Fields& f, const std::string&) {
      if (Lexeme* lex = lexeme(f[0])) lex->stopword = true;
    });
    read_tsv(dir_ / "first_names.tsv", [&](const Fields& f, const std::string&) {
      if (Lexeme* lex = lexeme(f[0])) {
        lex->first_name = true;
        lex->first_name_common = field(f, 1).find('w') != std::string_view::npos;
      }
    });
    read_tsv(dir_ / "first_names_extra.txt", [&](const Fields& f, const std::string&) {
      if (Lexeme* lex = lexeme(f[0])) lex->first_name = true;
    });
  }

  void mark_prefixes() {
    std::vector<std::string> prefixes;
    for (const auto& [key, lex] : data_->lexicon)
      for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1))
        prefixes.push_back(key.substr(0, space));
    for (auto& p : prefixes) data_->lexicon[std::move(p)].prefix = true;
  }

  std::filesystem::path dir_;
  std::unique_ptr<EntityModel::Data> data_;
  std::unordered_map<std::string, std::int32_t> countries_;
  std::unordered_map<std::string, std::vector<std::string>> names_;
  std::vector<entities::ScanToken> tokens_;
  std::string keys_;
};

}  // namespace

std::filesystem::path default_entity_data_dir() {
  if (const char* env = std::getenv("GAZETTE_ENTITY_DATA"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path(GAZETTE_DATA_DIR) / "entities";
}

std::shared_ptr<const EntityModel> EntityModel::load(const std::filesystem::path& data_dir) {
  return std::shared_ptr<const EntityModel>(new EntityModel(Loader(data_dir).run()));
}

EntityModel::EntityModel(std::unique_ptr<Data> data) : data_(std::move(data)) {}
EntityModel::~EntityModel() = default;

std::size_t EntityModel::key_count() const noexcept {
  return data_->lexicon.size();
}

bool EntityModel::is_country(std::string_view canonical) const noexcept {
  return data_->countries.find(canonical) != data_->countries.end();
}

}  // namespace gazette

namespace gazette {

std::optional<std::string> EntityModel::canonical_name(EntityType type, std::string_view name) const {
  std::string key, word_key;
  std::size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < name.size() && name[i] != ' ') ++i;
    if (i == start) break;
    word_key.clear();
    entities::fold_word(name.substr(start, i - start), word_key);
    if (word_key.empty()) continue;
    if (!key.empty()) key += ' ';
    key += word_key;
  }
  const entities::Lexeme* lexeme = data_->find(key);
  if (!lexeme) return std::nullopt;
  switch (type) {
    case EntityType::person:
      if (lexeme->person >= 0) return data_->people[std::size_t(lexeme->person)];
      break;
    case EntityType::organization:
      if (lexeme->org >= 0) return data_->orgs[std::size_t(lexeme->org)].name;
      break;
    case EntityType::place:
      if (lexeme->place >= 0) return data_->places[std::size_t(lexeme->place)].name;
      break;
  }
  return std::nullopt;
}

}  // namespace gazette
