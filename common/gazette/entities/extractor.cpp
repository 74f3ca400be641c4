/// @file
/// @brief Entity extraction: capitalised sequences split by gazetteer matches, organisation cues, titles and
/// context rules, then per-article coreference (surnames, acronyms) and folding into canonical entities.
#include "gazette/entities/extractor.hpp"

#include <algorithm>
#include <deque>
#include <unordered_map>

#include "gazette/entities/model_data.hpp"
#include "gazette/entities/text_scan.hpp"

namespace gazette {
namespace {

using entities::Lexeme;
using entities::PlaceInfo;
using entities::PlaceKind;
using entities::ScanToken;
using entities::TitleKind;
using entities::TokenKind;

/// Longest name a rule accepts as a person, in words ("Ashley St Clair", "Javier Perez de Cuellar").
constexpr std::size_t max_person_words = 5;
/// A city this large is a place on its name alone; smaller ones need context (a dateline, "in X").
constexpr std::uint32_t large_city = 100000;
/// A city whose name is also an English word needs this population to count without context.
constexpr std::uint32_t huge_city = 1000000;

/// Lower-case words that may join the capitalised words of one name.
bool is_connector_key(std::string_view k) {
  static constexpr std::string_view words[] = {
      "of", "for", "the", "and", "on", "de", "van", "von", "der", "den", "del", "della", "da",
      "di", "du",  "dos", "das", "la", "le", "al",  "el",  "bin", "ibn", "ben", "y",     "&"};
  return std::find(std::begin(words), std::end(words), k) != std::end(words);
}

/// Connectors that may sit inside a person's name.
bool is_particle_key(std::string_view k) {
  static constexpr std::string_view words[] = {"de", "van", "von", "der", "den", "del", "della",
                                               "da", "di",  "du",  "dos", "das", "la",  "le",
                                               "al", "el",  "bin", "ibn", "ben", "y"};
  return std::find(std::begin(words), std::end(words), k) != std::end(words);
}

enum class ChunkKind : std::uint8_t { place, person, org, title, demonym, residual, org_span, link, stop };

/// A run of tokens [begin, end) of one capitalised sequence with what it was recognised as.
struct Chunk {
  ChunkKind kind;
  std::uint32_t begin, end;
  const Lexeme* lex = nullptr;
  std::string_view name = {};  ///< an org_span's canonical name
};

/// One mention before folding; canonical points into the model or the extractor's name store.
struct Mention {
  EntityType type;
  std::string_view canonical;
  std::uint32_t offset;
  bool in_title;
  std::int32_t place = -1;  ///< place index, for a city's country
};

/// A headline speaker ("VOLCKER SEES ..."): a person unless the body says otherwise.
struct Speaker {
  std::string_view name;
  std::string key;
  std::uint32_t offset;
  bool in_title;
};

/// A capitalised word no rule claimed: may still be a surname or an acronym defined elsewhere.
struct Pending {
  std::uint32_t key_begin, key_size, offset;
  bool in_title;
  bool acronym;
};

}  // namespace

struct Extractor::Impl {
  explicit Impl(const EntityModel& model) : model_(model.data()) {}

  std::vector<Entity> extract(std::string_view title, std::string_view body) {
    reset();
    scan(body, false);
    scan(title, true);
    resolve();
    return fold();
  }

 private:
  // ---- per-text state -------------------------------------------------------------------------------
  const EntityModel::Data& model_;
  std::string keys_;
  std::vector<ScanToken> tokens_;
  std::string_view text_;
  bool in_title_ = false;
  std::size_t first_word_ = 0;  ///< index of the text's first word (for datelines)
  std::string key_buf_;
  std::vector<Chunk> chunks_;
  std::vector<std::uint32_t> in_org_;         ///< per token of the sequence: 1 + index in span_names_, or 0
  std::vector<std::string_view> span_names_;  ///< organisations found by cues in the current sequence

  // ---- per-article state ----------------------------------------------------------------------------
  std::deque<std::string> names_;  ///< canonical names built by rules (deque: views stay valid)
  std::vector<Mention> mentions_;
  std::vector<Pending> pending_;
  std::vector<Speaker> speakers_;
  std::size_t body_words_ = 0;
  std::unordered_map<std::string, std::pair<std::string_view, std::size_t>, entities::KeyHash,
                     std::equal_to<>>
      surnames_;  ///< key -> (name, words)
  std::unordered_map<std::string, std::string_view, entities::KeyHash, std::equal_to<>> acronyms_;

  void reset() {
    keys_.clear();
    names_.clear();
    mentions_.clear();
    pending_.clear();
    speakers_.clear();
    surnames_.clear();
    acronyms_.clear();
  }

  // ---- token helpers --------------------------------------------------------------------------------
  std::string_view key(std::size_t i) const {
    return std::string_view(keys_).substr(tokens_[i].key_begin, tokens_[i].key_size);
  }
  std::string_view raw(std::size_t i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  bool is_word(std::size_t i) const { return i < tokens_.size() && tokens_[i].kind == TokenKind::word; }
  const Lexeme* lex(std::size_t i) const { return is_word(i) ? model_.find(key(i)) : nullptr; }

  bool capword(std::size_t i) const {
    if (!is_word(i)) return false;
    const ScanToken& t = tokens_[i];
    if (t.has(entities::tf_digit_start)) return false;
    return t.has(entities::tf_cap) || t.has(entities::tf_upper);
  }
  bool connector(std::size_t i) const {
    return is_word(i) && tokens_[i].has(entities::tf_lower) && is_connector_key(key(i));
  }
  bool headline(std::size_t i) const { return tokens_[i].has(entities::tf_headline); }
  bool kind_at(std::size_t i, TokenKind kind) const { return i < tokens_.size() && tokens_[i].kind == kind; }

  /// Text of tokens [b, e) with single spaces (none around joining hyphens), a plural cue made singular.
  std::string_view make_name(std::size_t b, std::size_t e, std::size_t replace_at = SIZE_MAX,
                             std::string_view replacement = {}) {
    std::string name;
    bool glue = true;
    for (std::size_t i = b; i < e; ++i) {
      if (tokens_[i].kind == TokenKind::hyphen) {
        name.push_back('-');
        glue = true;
        continue;
      }
      if (!glue) name.push_back(' ');
      name.append(i == replace_at ? replacement : raw(i));
      glue = false;
    }
    names_.push_back(std::move(name));
    return names_.back();
  }

  /// Upper-case ASCII words to title case, in place ("HOWARD BAKER" -> "Howard Baker").
  static void title_case(std::string& name) {
    bool word_start = true;
    for (char& c : name) {
      if (c >= 'A' && c <= 'Z' && !word_start) c = static_cast<char>(c - 'A' + 'a');
      word_start = c == ' ' || c == '-';
    }
  }

  std::size_t word_count(std::size_t b, std::size_t e) const {
    std::size_t n = 0;
    for (std::size_t i = b; i < e; ++i) n += is_word(i);
    return n;
  }

  void add(EntityType type, std::string_view canonical, std::size_t token, std::int32_t place = -1) {
    mentions_.push_back({type, canonical, tokens_[token].begin, in_title_, place});
  }

  void add_person(std::string_view name, std::size_t token, std::size_t words) {
    add(EntityType::person, name, token);
    if (words < 2) return;
    const auto space = name.rfind(' ');
    std::string last;
    entities::fold_word(name.substr(space + 1), last);
    auto [it, inserted] = surnames_.try_emplace(std::move(last), name, words);
    if (!inserted && it->second.second < words) it->second = {name, words};
  }

  // ---- scanning -------------------------------------------------------------------------------------
  void scan(std::string_view text, bool in_title) {
    text_ = text;
    in_title_ = in_title;
    tokens_.clear();
    entities::scan_text(text, tokens_, keys_);
    first_word_ = 0;
    while (first_word_ < tokens_.size() && !is_word(first_word_)) ++first_word_;
    if (!in_title)
      body_words_ = static_cast<std::size_t>(std::count_if(
          tokens_.begin(), tokens_.end(), [](const ScanToken& t) { return t.kind == TokenKind::word; }));
    const std::size_t n = tokens_.size();
    for (std::size_t i = 0; i < n; ++i) {
      if (!capword(i)) continue;
      if (i > 0 && raw(i - 1) == "<") continue;  // a ticker symbol: "Union Carbide Corp <UK>"
      std::size_t e = i + 1;
      while (e < n && !tokens_[e].has(entities::tf_line_start)) {
        if (capword(e)) {
          ++e;
        } else if (tokens_[e].kind == TokenKind::hyphen && capword(e + 1)) {
          e += 2;
        } else if (connector(e) && capword(e + 1) && !tokens_[e + 1].has(entities::tf_line_start)) {
          e += 2;
        } else if (connector(e) && connector(e + 1) && key(e + 1) == "the" && capword(e + 2)) {
          e += 3;
        } else {
          break;
        }
      }
      sequence(i, e);
      i = e - 1;
    }
  }

  /// Recognises the entities of the capitalised sequence [s, e).
  void sequence(std::size_t s, std::size_t e) {
    const bool head = headline(s);
    in_org_.assign(e - s, 0);
    span_names_.clear();
    chunks_.clear();
    if (!head) org_spans(s, e);
    segment(s, e, head);
    classify(s, e, head);
  }

  // ---- organisation cues ----------------------------------------------------------------------------
  bool may_extend_left(std::size_t s, std::size_t j) const {
    if (in_org_[j - s]) return false;
    if (tokens_[j].kind == TokenKind::hyphen) return true;
    if (!is_word(j)) return false;
    if (connector(j)) return key(j) != "and";
    const Lexeme* l = lex(j);
    return l == nullptr ||
           (!l->stopword && l->title != TitleKind::honorific && l->title != TitleKind::office);
  }

  void org_spans(std::size_t s, std::size_t e) {
    for (std::size_t k = e; k-- > s;) {
      const Lexeme* cue = capword(k) ? lex(k) : nullptr;
      if (cue == nullptr || cue->cue == 0) continue;
      std::size_t left = k;
      if (cue->cue & entities::cue_suffix)
        while (left > s && may_extend_left(s, left - 1)) --left;
      while (left < k && (connector(left) || tokens_[left].kind == TokenKind::hyphen)) ++left;
      std::size_t right = k + 1;
      if ((cue->cue & entities::cue_head) && k + 2 < e && connector(k + 1) &&
          (key(k + 1) == "of" || key(k + 1) == "for")) {
        // "Bank of Japan", "Office of Foreign Assets Control": up to "and" or the next organisation.
        right = k + 2;
        while (right < e && !in_org_[right - s] && !(connector(right) && key(right) == "and")) ++right;
        while (right > k + 2 && (connector(right - 1) || tokens_[right - 1].kind == TokenKind::hyphen))
          --right;
      }
      if (word_count(left, right) < 2) continue;
      org_span(s, left, right, k, cue);
      k = left;
    }
  }

  /// An organisation named by a cue over tokens [b, e) (cue at c): curated name, place prefix, plural cue.
  void org_span(std::size_t s, std::size_t b, std::size_t e, std::size_t c, const Lexeme* cue) {
    span_names_.emplace_back();
    for (std::size_t i = b; i < e; ++i) in_org_[i - s] = static_cast<std::uint32_t>(span_names_.size());
    if (const Lexeme* whole = find_span(b, e); whole != nullptr && whole->org >= 0) {
      add_org(model_.orgs[static_cast<std::size_t>(whole->org)].name, b);
      countries_in(b, e);
      return;
    }
    // "U.S. Treasury Department": a country before a curated organisation.
    for (std::size_t n = b + 1; n < e && n <= b + 3; ++n) {
      const Lexeme* place = find_span(b, n);
      const Lexeme* rest = find_span(n, e);
      if (place != nullptr && place->place >= 0 && rest != nullptr && rest->org >= 0) {
        add_place(place->place, b);
        add_org(model_.orgs[static_cast<std::size_t>(rest->org)].name, n);
        return;
      }
    }
    if (cue->singular >= 0) {
      const std::string_view singular = model_.singulars[static_cast<std::size_t>(cue->singular)];
      add_org(make_name(b, e, c, singular), b);
      // "the State and Treasury Departments": the word before "and" shares the cue.
      if (b >= s + 2 && connector(b - 1) && key(b - 1) == "and" && capword(b - 2) && !in_org_[b - 2 - s]) {
        in_org_[b - 2 - s] = in_org_[b - s];
        names_.push_back(std::string(raw(b - 2)) + ' ' + std::string(singular));
        add(EntityType::organization, names_.back(), b - 2);
      }
    } else {
      add_org(make_name(b, e), b);
    }
    countries_in(b, e);
  }

  /// An organisation named after a country ("Bank of Japan") also places the article there.
  void countries_in(std::size_t b, std::size_t e) {
    for (std::size_t i = b; i < e; ++i) {
      const Lexeme* l = lex(i);
      if (l != nullptr && l->place >= 0 &&
          model_.places[static_cast<std::size_t>(l->place)].kind == PlaceKind::country)
        add_place(l->place, i);
    }
  }

  /// The lexeme of the words of tokens [b, e), or nullptr.
  const Lexeme* find_span(std::size_t b, std::size_t e) {
    key_buf_.clear();
    for (std::size_t i = b; i < e; ++i) {
      if (!is_word(i)) continue;
      if (!key_buf_.empty()) key_buf_.push_back(' ');
      key_buf_.append(key(i));
    }
    return key_buf_.empty() ? nullptr : model_.find(key_buf_);
  }

  // ---- gazetteer segmentation -----------------------------------------------------------------------
  /// What a lexeme is taken as when it names several things.
  static ChunkKind role_of(const EntityModel::Data& model, const Lexeme& l) {
    if (l.place >= 0 && model.places[static_cast<std::size_t>(l.place)].kind == PlaceKind::country)
      return ChunkKind::place;
    if (l.person >= 0) return ChunkKind::person;
    if (l.org >= 0) return ChunkKind::org;
    if (l.place >= 0) return ChunkKind::place;
    if (l.title != TitleKind::none) return ChunkKind::title;
    if (l.demonym >= 0) return ChunkKind::demonym;
    return ChunkKind::residual;
  }

  void segment(std::size_t s, std::size_t e, bool head) {
    std::size_t i = s;
    while (i < e) {
      if (const std::uint32_t span = in_org_[i - s]; span != 0) {
        std::size_t j = i;
        while (j < e && in_org_[j - s] == span) ++j;
        chunks_.push_back({ChunkKind::org_span, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j),
                           nullptr, span_names_[span - 1]});
        i = j;
        continue;
      }
      if (!is_word(i) || connector(i)) {
        chunks_.push_back(
            {ChunkKind::link, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(i + 1)});
        ++i;
        continue;
      }
      // Longest gazetteer match starting here.
      key_buf_.clear();
      std::size_t best = 0, words = 0;
      const Lexeme* best_lex = nullptr;
      ChunkKind best_kind = ChunkKind::residual;
      for (std::size_t j = i; j < e && words < model_.max_words && !in_org_[j - s]; ++j) {
        if (!is_word(j)) continue;
        if (!key_buf_.empty()) key_buf_.push_back(' ');
        key_buf_.append(key(j));
        ++words;
        const Lexeme* l = model_.find(key_buf_);
        if (l == nullptr) break;
        const ChunkKind kind = role_of(model_, *l);
        if (kind != ChunkKind::residual && !connector(j)) {
          best = j + 1;
          best_lex = l;
          best_kind = kind;
        }
        if (!l->prefix) break;
      }
      if (best_lex != nullptr && best == i + 1 && best_lex->stopword) {
        // "Us", "Who": a stop word counts as a name only as an acronym ("US", "WHO", "U.S.").
        const bool dotted = tokens_[i].has(entities::tf_dotted);
        const bool acronym = tokens_[i].has(entities::tf_upper) && !head;
        const bool country = best_kind == ChunkKind::place;
        if (!(dotted || acronym || (head && country))) best_lex = nullptr;
      }
      if (best_lex != nullptr && best_kind == ChunkKind::place &&
          (part_of_name(s, i, best, *best_lex) ||
           !accept_place(model_.places[static_cast<std::size_t>(best_lex->place)], s, e, best,
                         chunks_.empty(), head))) {
        if (best_lex->person >= 0) {
          best_kind = ChunkKind::person;
        } else {
          for (; i < best; ++i)  // not a place here: its words are ordinary capitalised words
            chunks_.push_back({ChunkKind::residual, static_cast<std::uint32_t>(i),
                               static_cast<std::uint32_t>(i + 1), lex(i)});
          continue;
        }
      }
      if (best_lex != nullptr) {
        chunks_.push_back(
            {best_kind, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(best), best_lex});
        i = best;
        continue;
      }
      const Lexeme* l = lex(i);
      // In a headline every word is capitalised: stop words and verbs such as SAYS end names there.
      const bool stop = l != nullptr && (l->stopword || (head && (l->context & entities::ctx_speech)));
      chunks_.push_back({stop ? ChunkKind::stop : ChunkKind::residual, static_cast<std::uint32_t>(i),
                         static_cast<std::uint32_t>(i + 1), l});
      ++i;
    }
    merge_residuals(head);
  }

  /// Whether the place name over tokens [i, end) is rather part of a person's name: "Paul Volcker" (a first
  /// name before another capitalised word), "Kenneth Douglas" (after a first name), or a surname already
  /// used.
  bool part_of_name(std::size_t s, std::size_t i, std::size_t end, const Lexeme& l) const {
    if (model_.places[static_cast<std::size_t>(l.place)].kind == PlaceKind::country || end != i + 1)
      return false;
    if (l.first_name && capword(end) && end < tokens_.size() && !tokens_[end].has(entities::tf_line_start))
      return true;
    if (i > s && !chunks_.empty() && chunks_.back().kind == ChunkKind::residual && chunks_.back().end == i) {
      const Lexeme* before = lex(i - 1);
      if (before != nullptr && before->first_name) return true;
    }
    return surnames_.find(key(i)) != surnames_.end();
  }

  /// Joins residual words (and stop words between them) into runs; particles and hyphens may join a run.
  void merge_residuals(bool head) {
    std::vector<Chunk> out;
    out.reserve(chunks_.size());
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      Chunk ch = chunks_[c];
      if (ch.kind == ChunkKind::stop) {
        // A stop word inside a run of residual words belongs to it ("Theresa May"); at its edges it is
        // dropped.
        const bool inside = !head && !out.empty() && out.back().kind == ChunkKind::residual &&
                            out.back().end == ch.begin && c + 1 < chunks_.size() &&
                            chunks_[c + 1].kind == ChunkKind::residual;
        if (!inside) {
          out.push_back(ch);
          continue;
        }
        ch.kind = ChunkKind::residual;
      }
      if (ch.kind == ChunkKind::residual && !out.empty()) {
        Chunk& last = out.back();
        if (last.kind == ChunkKind::residual && last.end == ch.begin) {
          last.end = ch.end;
          continue;
        }
        // residual, link (particle or hyphen), residual
        if (last.kind == ChunkKind::link && out.size() >= 2 &&
            out[out.size() - 2].kind == ChunkKind::residual) {
          const std::size_t t = last.begin;
          const bool joins = tokens_[t].kind == TokenKind::hyphen || (is_word(t) && is_particle_key(key(t)));
          if (joins) {
            out.pop_back();
            out.back().end = ch.end;
            continue;
          }
        }
      }
      out.push_back(ch);
    }
    chunks_.swap(out);
  }

  // ---- rules ----------------------------------------------------------------------------------------
  bool is_dateline(std::size_t s, std::size_t e) const {
    if (in_title_ || s != first_word_ || e - s > 4) return false;
    return kind_at(e, TokenKind::comma) || kind_at(e, TokenKind::colon) || kind_at(e, TokenKind::dash) ||
           kind_at(e, TokenKind::open_paren);
  }

  /// How strongly the words around a place name say it is a place.
  enum class Context { none, weak, strong };

  /// The place named right after "X," ("Midland, Mich.", "Salvador, Brazil"), or nullptr.
  const PlaceInfo* place_after_comma(std::size_t e, std::size_t end) const {
    if (end != e || !kind_at(e, TokenKind::comma) || !capword(e + 1)) return nullptr;
    const Lexeme* after = lex(e + 1);
    if (after == nullptr || after->place < 0) return nullptr;
    const PlaceInfo& p = model_.places[static_cast<std::size_t>(after->place)];
    const bool qualifies = p.kind == PlaceKind::country || p.kind == PlaceKind::abbrev ||
                           p.kind == PlaceKind::subdivision || p.kind == PlaceKind::region;
    return qualifies ? &p : nullptr;
  }

  /// Weak: "in X", "from X". Strong: a dateline ("SALVADOR, Feb 26 -"), or "X, <state or country>".
  Context place_context(std::size_t s, std::size_t e, std::size_t end, bool first_chunk) const {
    if (first_chunk && is_dateline(s, e)) return Context::strong;
    if (place_after_comma(e, end) != nullptr) return Context::strong;
    if (first_chunk && s > 0) {
      const Lexeme* before = lex(s - 1);
      if (before != nullptr && (before->context & entities::ctx_place) &&
          tokens_[s - 1].has(entities::tf_lower))
        return Context::weak;
    }
    return Context::none;
  }

  /// Whether the place name over tokens [begin, end) of the sequence [s, e) counts as a place here.
  bool accept_place(const PlaceInfo& p, std::size_t s, std::size_t e, std::size_t end, bool first_chunk,
                    bool head) const {
    switch (p.kind) {
      case PlaceKind::country:
      case PlaceKind::region:
      case PlaceKind::continent:
      case PlaceKind::curated_city:
        return true;
      case PlaceKind::abbrev:
        return first_chunk && s >= 2 && kind_at(s - 1, TokenKind::comma) && capword(s - 2);
      case PlaceKind::subdivision:
        return !p.common_word || place_context(s, e, end, first_chunk) == Context::strong;
      case PlaceKind::city: {
        // "Reading, Penn.": the state or country after the comma says which Reading; another one's is not it.
        if (const PlaceInfo* after = place_after_comma(e, end); after != nullptr) {
          const std::int32_t country = after->kind == PlaceKind::country
                                           ? static_cast<std::int32_t>(after - model_.places.data())
                                           : after->country;
          return country == p.country;
        }
        const Context context = place_context(s, e, end, first_chunk);
        if (context == Context::strong) return true;
        if (p.ambiguous && !p.capital) return false;  // "Santa Cruz": which country is unclear
        if (p.common_word) return p.population >= huge_city && !head;
        return p.tz_city || p.population >= large_city || context == Context::weak;
      }
    }
    return false;
  }

  /// An organisation mention; the first one of a cue span names the span (for acronym definitions).
  void add_org(std::string_view name, std::size_t token) {
    add(EntityType::organization, name, token);
    if (!span_names_.empty() && span_names_.back().empty()) span_names_.back() = name;
  }

  void add_place(std::int32_t index, std::size_t token) {
    add(EntityType::place, model_.places[static_cast<std::size_t>(index)].name, token, index);
  }

  /// The title or role word just before the sequence ("economist Jane Roe", "former President ..."), if any.
  TitleKind title_before(std::size_t s) const {
    if (s == 0 || !is_word(s - 1) || !tokens_[s - 1].has(entities::tf_lower)) return TitleKind::none;
    const Lexeme* l = lex(s - 1);
    return l == nullptr ? TitleKind::none : l->title;
  }

  /// ", a partner at", ", the chairman of", ", 55,": an apposition that describes a person.
  bool apposition_after(std::size_t e) const {
    if (!kind_at(e, TokenKind::comma)) return false;
    if (is_word(e + 1) && tokens_[e + 1].has(entities::tf_digit_start) && kind_at(e + 2, TokenKind::comma))
      return true;
    if (!is_word(e + 1)) return false;
    const std::string_view det = key(e + 1);
    if (det != "a" && det != "an" && det != "the" && det != "who") return false;
    if (det == "who") return true;
    for (std::size_t i = e + 2; i < e + 6 && is_word(i); ++i) {
      const Lexeme* l = lex(i);
      if (l != nullptr && l->title != TitleKind::none) return true;
    }
    return false;
  }

  bool org_noun_after(std::size_t e) const {
    if (!is_word(e) || !tokens_[e].has(entities::tf_lower)) return false;
    const Lexeme* one = lex(e);
    if (is_word(e + 1)) {
      std::string two(key(e));
      two += ' ';
      two += key(e + 1);
      const Lexeme* l = model_.find(two);
      if (l != nullptr && (l->context & entities::ctx_org)) return true;
    }
    return one != nullptr && (one->context & entities::ctx_org);
  }

  bool speech_after(std::size_t e) const {
    const Lexeme* l = lex(e);
    return l != nullptr && (l->context & entities::ctx_speech) && tokens_[e].has(entities::tf_lower);
  }

  void classify(std::size_t s, std::size_t e, bool head) {
    TitleKind title = head ? TitleKind::none : title_before(s);
    for (std::size_t c = 0; c < chunks_.size(); ++c) {
      const Chunk& ch = chunks_[c];
      const bool last_chunk = c + 1 == chunks_.size();
      TitleKind next_title = TitleKind::none;
      switch (ch.kind) {
        case ChunkKind::place:
          add_place(ch.lex->place, ch.begin);
          break;
        case ChunkKind::person: {
          const std::string_view name = model_.people[static_cast<std::size_t>(ch.lex->person)];
          add_person(name, ch.begin, 2);
          break;
        }
        case ChunkKind::org: {
          const std::string_view name = model_.orgs[static_cast<std::size_t>(ch.lex->org)].name;
          add(EntityType::organization, name, ch.begin);
          countries_in(ch.begin, ch.end);
          acronym_definition(ch.end, name);
          break;
        }
        case ChunkKind::org_span:
          if (last_chunk) acronym_definition(ch.end, ch.name);
          break;
        case ChunkKind::title:
          next_title = ch.lex->title;
          break;
        case ChunkKind::residual:
          residual(ch, e, title, last_chunk, head);
          break;
        case ChunkKind::demonym:
        case ChunkKind::link:
        case ChunkKind::stop:
          break;
      }
      if (ch.kind != ChunkKind::link) title = next_title;
    }
  }

  /// "International Cocoa Organization (ICCO)": the acronym names the organisation in this article.
  void acronym_definition(std::size_t after, std::string_view name) {
    if (kind_at(after, TokenKind::open_paren) && is_word(after + 1) &&
        tokens_[after + 1].has(entities::tf_upper) && kind_at(after + 2, TokenKind::close_paren))
      acronyms_.try_emplace(std::string(key(after + 1)), name);
  }

  /// "VOLCKER SEES ...", "TREASURY'S BAKER SAYS ...": in a headline, one or two unknown words at its start
  /// (or after a possessive) before a speech verb name a person, unless a ticker ("<DF>") marks a company.
  bool headline_speaker(const Chunk& ch, std::size_t e, std::size_t words) const {
    if (words == 0) return false;
    if (words > 2 || ch.end >= e || !speech_after_headline(ch.end)) return false;
    const std::size_t b = ch.begin;
    const bool at_start =
        b == 0 || tokens_[b].has(entities::tf_line_start) || kind_at(b - 1, TokenKind::possessive);
    if (!at_start) return false;
    for (std::size_t i = b; i < ch.end; ++i)
      if (!is_word(i) || tokens_[i].key_size < 4 || tokens_[i].has(entities::tf_dotted)) return false;
    return true;
  }

  bool speech_after_headline(std::size_t e) const {
    const Lexeme* l = lex(e);
    return l != nullptr && (l->context & entities::ctx_speech);
  }

  void residual(const Chunk& ch, std::size_t e, TitleKind title, bool last_chunk, bool head) {
    const std::size_t words = word_count(ch.begin, ch.end);
    if (!head) {
      const bool acronym = words == 1 && tokens_[ch.begin].has(entities::tf_upper);
      if (title != TitleKind::none && !acronym && words <= max_person_words &&
          (words >= 2 || title != TitleKind::role)) {
        add_person(make_name(ch.begin, ch.end), ch.begin, words);
        return;
      }
      if (last_chunk && words >= 1 && org_noun_after(e)) {
        add(EntityType::organization, make_name(ch.begin, ch.end), ch.begin);
        return;
      }
      if (words >= 2 && words <= max_person_words && !acronym) {
        const Lexeme* first = lex(ch.begin);
        const bool sentence_start = tokens_[ch.begin].has(entities::tf_sentence_start);
        const bool first_name = first != nullptr && first->first_name &&
                                !tokens_[ch.begin].has(entities::tf_upper) &&
                                (!first->first_name_common || !sentence_start);
        const bool said = last_chunk && words <= 3 && speech_after(e);
        const bool apposition = last_chunk && apposition_after(e);
        if (first_name || said || apposition) {
          add_person(make_name(ch.begin, ch.end), ch.begin, words);
          return;
        }
      }
      if (acronym && last_chunk && speech_after(e)) {
        add(EntityType::organization, make_name(ch.begin, ch.end), ch.begin);
        return;
      }
    }
    if (head && headline_speaker(ch, e, words)) {
      std::string last;
      entities::fold_word(raw(ch.end - 1), last);
      const std::string_view name = make_name(ch.begin, ch.end);
      title_case(names_.back());  // in place: "VOLCKER" -> "Volcker"
      speakers_.push_back({name, std::move(last), tokens_[ch.begin].begin, in_title_});
      return;
    }
    for (std::size_t i = ch.begin; i < ch.end; ++i) {
      if (!capword(i)) continue;
      const Lexeme* l = lex(i);
      if (l != nullptr && l->stopword) continue;
      pending_.push_back({tokens_[i].key_begin, tokens_[i].key_size, tokens_[i].begin, in_title_,
                          tokens_[i].has(entities::tf_upper)});
    }
  }

  // ---- coreference and folding ----------------------------------------------------------------------
  /// Headline speakers: the body's person of that surname, else its organisation of that first word
  /// ("WESTINGHOUSE SEES ..." over "Westinghouse Electric Corp said ..."); a person only when the body is too
  /// short to tell (a headline-only brief).
  void resolve_speakers() {
    constexpr std::size_t short_body_words = 20;
    std::string first;
    for (const Speaker& sp : speakers_) {
      if (const auto it = surnames_.find(sp.key); it != surnames_.end()) {
        mentions_.push_back({EntityType::person, it->second.first, sp.offset, sp.in_title, -1});
        continue;
      }
      const auto org = std::find_if(mentions_.begin(), mentions_.end(), [&](const Mention& m) {
        if (m.type != EntityType::organization) return false;
        first.clear();
        entities::fold_word(m.canonical.substr(0, m.canonical.find(' ')), first);
        return first == sp.key;
      });
      if (org != mentions_.end()) {
        const std::string_view name = org->canonical;
        mentions_.push_back({EntityType::organization, name, sp.offset, sp.in_title, -1});
      } else if (body_words_ < short_body_words) {
        mentions_.push_back({EntityType::person, sp.name, sp.offset, sp.in_title, -1});
      }
    }
  }

  void resolve() {
    resolve_speakers();
    // Single-word persons ("President Trump") take the full name used elsewhere in the article.
    for (Mention& m : mentions_) {
      if (m.type != EntityType::person || m.canonical.find(' ') != std::string_view::npos) continue;
      key_buf_.clear();
      entities::fold_word(m.canonical, key_buf_);
      if (const auto it = surnames_.find(key_buf_); it != surnames_.end()) m.canonical = it->second.first;
    }
    for (const Pending& p : pending_) {
      const std::string_view key = std::string_view(keys_).substr(p.key_begin, p.key_size);
      if (const auto it = surnames_.find(key); it != surnames_.end()) {
        mentions_.push_back({EntityType::person, it->second.first, p.offset, p.in_title, -1});
      } else if (p.acronym) {
        if (const auto a = acronyms_.find(key); a != acronyms_.end())
          mentions_.push_back({EntityType::organization, a->second, p.offset, p.in_title, -1});
      }
    }
  }

  std::vector<Entity> fold() {
    struct Acc {
      Entity entity;
      bool in_body = false;
    };
    std::vector<Acc> acc;
    std::unordered_map<std::string, std::size_t> index;
    std::string id;
    auto count = [&](EntityType type, std::string_view canonical, const Mention& m) {
      id.assign(1, static_cast<char>('0' + static_cast<int>(type)));
      id.append(canonical);
      auto [it, inserted] = index.try_emplace(id, acc.size());
      if (inserted) {
        acc.push_back({});
        acc.back().entity.type = type;
        acc.back().entity.canonical = std::string(canonical);
        acc.back().entity.first_offset = m.offset;
      }
      Acc& a = acc[it->second];
      ++a.entity.mentions;
      if (m.in_title) {
        a.entity.in_title = true;
        if (!a.in_body) a.entity.first_offset = std::min(a.entity.first_offset, m.offset);
      } else {
        a.entity.first_offset = a.in_body ? std::min(a.entity.first_offset, m.offset) : m.offset;
        a.in_body = true;
      }
    };
    for (const Mention& m : mentions_) {
      count(m.type, m.canonical, m);
      if (m.place < 0) continue;
      const PlaceInfo& p = model_.places[static_cast<std::size_t>(m.place)];
      if (p.kind != PlaceKind::country && p.country >= 0)
        count(EntityType::place, model_.places[static_cast<std::size_t>(p.country)].name, m);
    }
    std::vector<Entity> out;
    out.reserve(acc.size());
    for (auto& a : acc) out.push_back(std::move(a.entity));
    std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) {
      if (a.in_title != b.in_title) return a.in_title;
      if (a.mentions != b.mentions) return a.mentions > b.mentions;
      return a.first_offset < b.first_offset;
    });
    return out;
  }
};

Extractor::Extractor(const EntityModel& model) : impl_(std::make_unique<Impl>(model)) {}
Extractor::~Extractor() = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

std::vector<Entity> Extractor::extract(std::string_view title, std::string_view body) {
  return impl_->extract(title, body);
}

std::vector<Entity> extract_entities(const EntityModel& model, std::string_view title,
                                     std::string_view body) {
  return Extractor(model).extract(title, body);
}

}  // namespace gazette
