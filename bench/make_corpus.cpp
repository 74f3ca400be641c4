/// @file
/// @brief make-corpus: writes a scale corpus of N distinct news articles as JSON Lines (optionally zstd),
/// from an order-2 word-level Markov model trained on Reuters-21578, for the benchmarks of issue 7.
///
/// Each article follows one Reuters article picked as its template: the headline and every sentence start
/// with that article's opening words and continue as random walks of the model, so vocabulary, sentence
/// lengths and article lengths follow Reuters while the text is new. Numbers are redrawn, dates spread over
/// 1985-2024, outlets come from bench/data/sources.tsv, and people, organisations and places from
/// bench/data and common/data/entities are woven in ("Finance Minister X said", "in PLACE", "the ORG").
/// About 10% of articles are rewrites of an earlier one (sentences reordered, dropped and added, words
/// substituted, another outlet, a date within days); every article carries its true story as the extra
/// top-level field "story_truth", which readers ignore. Article i is a pure function of (seed, i), so the
/// output is identical for any number of threads.
#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include <zstd.h>
#include <boost/program_options.hpp>

#include "bench_util.hpp"
#include "gazette/core/error.hpp"
#include "gazette/readers/reader.hpp"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using namespace gazette;
using namespace gazette::bench;

namespace {

/// What a random stream of an article is used for; each purpose draws from its own stream.
enum Stream : std::uint64_t { stream_original = 1, stream_rewrite = 2, stream_kind = 3, stream_origin = 4 };

// ---------------------------------------------------------------------------------------------------------
// Text helpers.

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
char to_lower(char c) {
  return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c;
}
char to_upper(char c) {
  return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

/// A token without the punctuation around it: `"Japan's,` gives `Japan's`.
std::string_view core(std::string_view token) {
  constexpr std::string_view punct = "\"'()[],.;:!?";
  const auto begin = token.find_first_not_of(punct);
  if (begin == std::string_view::npos) return {};
  const auto end = token.find_last_not_of(punct);
  return token.substr(begin, end - begin + 1);
}

std::vector<std::string_view> split_whitespace(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    const std::size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

/// Whether `token` ends a sentence when followed by `next` ("" at the end of a paragraph).
bool ends_sentence(std::string_view token, std::string_view next) {
  std::size_t end = token.size();
  while (end > 0 && (token[end - 1] == '"' || token[end - 1] == '\'' || token[end - 1] == ')')) --end;
  if (end == 0 || (token[end - 1] != '.' && token[end - 1] != '?' && token[end - 1] != '!'))
    return next.empty();
  if (next.empty()) return true;
  if (!is_upper(next[0]) && next[0] != '"') return false;
  const std::string_view word = core(token);
  if (word.find('.') != std::string_view::npos) return false;  // U.S., U.K.: an abbreviation, not an end
  if (word.size() == 1 && is_upper(word[0])) return false;     // an initial
  static const std::unordered_set<std::string_view> abbreviations{
      "Mr",  "Mrs", "Ms",   "Dr",  "Co",  "Corp", "Inc",  "Ltd", "St",   "Jan",
      "Feb", "Aug", "Sept", "Sep", "Oct", "Nov",  "Dec",  "No",  "Gen",  "Sen",
      "Rep", "Gov", "Lt",   "Col", "Jr",  "Sr",   "Bros", "Plc", "Prof", "vs"};
  return !abbreviations.contains(word);
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (u < 0x20) {
      out += "\\u00";
      out += hex[u >> 4];
      out += hex[u & 15];
    } else {
      out += c;
    }
  }
  out += '"';
}

constexpr std::array<std::string_view, 12> month_abbrev{"Jan",  "Feb", "March", "April", "May", "June",
                                                        "July", "Aug", "Sept",  "Oct",   "Nov", "Dec"};

// ---------------------------------------------------------------------------------------------------------
// The Markov model.

/// An order-2 word-level Markov chain over whitespace tokens (punctuation stays on its word).
class Markov {
 public:
  static constexpr std::uint32_t bos = 0, eos = 1;

  Markov() {
    intern("<s>");
    intern("</s>");
  }
  std::uint32_t intern(std::string_view word) {
    auto [it, added] = ids_.try_emplace(std::string(word), static_cast<std::uint32_t>(words_.size()));
    if (added) words_.emplace_back(word);
    return it->second;
  }
  const std::string& word(std::uint32_t id) const { return words_[id]; }
  std::size_t vocabulary() const { return words_.size(); }

  /// Records one training sequence (bos bos w1 ... wn eos).
  void observe(const std::vector<std::uint32_t>& sequence) {
    std::uint32_t a = bos, b = bos;
    for (std::uint32_t t : sequence) {
      triples_.emplace_back(key(a, b), t);
      a = b;
      b = t;
    }
    triples_.emplace_back(key(a, b), eos);
  }

  /// Turns the recorded sequences into transition tables; observe() must not be called afterwards.
  void build() {
    std::sort(triples_.begin(), triples_.end());
    std::size_t distinct = 0;
    for (std::size_t i = 0; i < triples_.size(); ++i)
      distinct += i == 0 || triples_[i].first != triples_[i - 1].first;
    std::size_t capacity = 16;
    while (capacity < distinct * 2) capacity *= 2;
    table_.assign(capacity, Slot{});
    for (std::size_t i = 0; i < triples_.size();) {
      const std::uint64_t state = triples_[i].first;
      const auto begin = static_cast<std::uint32_t>(next_.size());
      std::uint32_t total = 0;
      while (i < triples_.size() && triples_[i].first == state) {
        const std::uint32_t token = triples_[i].second;
        while (i < triples_.size() && triples_[i].first == state && triples_[i].second == token) {
          ++total;
          ++i;
        }
        next_.push_back(token);
        cumulative_.push_back(total);
      }
      std::size_t at = mix(state) & (table_.size() - 1);
      while (table_[at].key != empty) at = (at + 1) & (table_.size() - 1);
      table_[at] = {state, begin, static_cast<std::uint32_t>(next_.size())};
      ++states_;
    }
    transitions_ = triples_.size();
    triples_ = {};
  }

  /// A successor of (a, b) drawn by its training frequency; eos for an unseen state.
  std::uint32_t sample(std::uint32_t a, std::uint32_t b, Rng& rng) const {
    const std::uint64_t state = key(a, b);
    std::size_t at = mix(state) & (table_.size() - 1);
    while (table_[at].key != state) {
      if (table_[at].key == empty) return eos;
      at = (at + 1) & (table_.size() - 1);
    }
    const auto [_, begin, end] = table_[at];
    const std::uint32_t r = static_cast<std::uint32_t>(rng.below(cumulative_[end - 1]));
    const auto pos = std::upper_bound(cumulative_.begin() + begin, cumulative_.begin() + end, r);
    return next_[static_cast<std::size_t>(pos - cumulative_.begin())];
  }
  std::size_t transitions() const { return transitions_; }
  std::size_t states() const { return states_; }

 private:
  static std::uint64_t key(std::uint32_t a, std::uint32_t b) { return (std::uint64_t{a} << 32) | b; }

  std::vector<std::string> words_;
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> triples_;
  /// Open-addressing table of states: key, then the range of its successors in next_ and cumulative_.
  static constexpr std::uint64_t empty = ~std::uint64_t{0};  // never a key: token ids are below 2^32 - 1
  struct Slot {
    std::uint64_t key = empty;
    std::uint32_t begin = 0, end = 0;
  };
  std::vector<Slot> table_;
  std::size_t states_ = 0;
  std::vector<std::uint32_t> next_, cumulative_;
  std::size_t transitions_ = 0;
};

/// A Reuters article as a template: its headline tokens and the two opening tokens of each sentence.
struct Template {
  std::vector<std::uint32_t> title;
  std::vector<std::array<std::uint32_t, 2>> openings;
  std::vector<std::uint8_t> paragraph_starts;  ///< 1 where a sentence opens a paragraph
};

/// Everything learnt from Reuters-21578.
struct Model {
  Markov body, title;
  std::vector<Template> templates;
  std::vector<std::uint8_t> lowerable;   ///< per body token: usually written in lower case
  std::vector<std::string> title_forms;  ///< per title token: its usual spelling in bodies
  std::size_t training_articles = 0;
};

Model train(const fs::path& reuters) {
  Model model;
  const InputList inputs = expand_inputs({reuters.string()});
  if (inputs.files.empty()) throw Error(ErrorCode::not_found, "no Reuters-21578 files", reuters.string());
  std::vector<std::uint32_t> body_counts;
  for (const auto& path : inputs.files) {
    auto reader = open_reader(path);
    while (auto item = reader->next()) {
      const auto* article = std::get_if<Article>(&*item);
      if (!article) continue;
      ++model.training_articles;
      Template tpl;
      std::string headline = article->title;  // without Reuters' ticker symbols ("<SRD>")
      for (std::size_t lt; (lt = headline.find('<')) != std::string::npos;)
        headline.erase(lt, headline.find('>', lt) == std::string::npos ? std::string::npos
                                                                       : headline.find('>', lt) - lt + 1);
      for (std::string_view token : split_whitespace(headline))
        tpl.title.push_back(model.title.intern(lower(token)));
      if (!tpl.title.empty()) model.title.observe(tpl.title);

      // Paragraphs are separated by blank lines; sentences end at . ? ! before a capital.
      std::string_view body = article->body;
      std::vector<std::uint32_t> sentence;
      bool paragraph_start = true;
      while (!body.empty()) {
        const auto gap = body.find("\n\n");
        const std::string_view paragraph = body.substr(0, gap);
        body = gap == std::string_view::npos ? std::string_view{} : body.substr(gap + 2);
        const auto tokens = split_whitespace(paragraph);
        for (std::size_t i = 0; i < tokens.size(); ++i) {
          const std::uint32_t id = model.body.intern(tokens[i]);
          if (id >= body_counts.size()) body_counts.resize(id + 1);
          ++body_counts[id];
          sentence.push_back(id);
          if (ends_sentence(tokens[i], i + 1 < tokens.size() ? tokens[i + 1] : std::string_view{})) {
            model.body.observe(sentence);
            tpl.openings.push_back({sentence[0], sentence.size() > 1 ? sentence[1] : Markov::eos});
            tpl.paragraph_starts.push_back(paragraph_start);
            paragraph_start = false;
            sentence.clear();
          }
        }
        paragraph_start = true;
      }
      if (!tpl.title.empty() && !tpl.openings.empty()) model.templates.push_back(std::move(tpl));
    }
  }
  if (model.templates.empty())
    throw Error(ErrorCode::bad_input, "no Reuters-21578 articles", reuters.string());
  model.body.build();
  model.title.build();

  // The usual spelling of each word in bodies (most frequent form of its core), for casing headlines
  // and for lower-casing a sentence that follows "X said".
  body_counts.resize(model.body.vocabulary());
  std::unordered_map<std::string, std::pair<std::string, std::uint32_t>> usual;  // lower core -> form, count
  std::unordered_map<std::string, std::unordered_map<std::string, std::uint32_t>> forms;
  for (std::uint32_t id = 2; id < model.body.vocabulary(); ++id) {
    const std::string_view word = core(model.body.word(id));
    if (!word.empty()) forms[lower(word)][std::string(word)] += body_counts[id];
  }
  for (auto& [key, counts] : forms) {
    // Deterministic: highest count, then the lexicographically smallest form.
    const auto best = std::min_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
      return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    usual.emplace(key, *best);
  }
  model.lowerable.assign(model.body.vocabulary(), 0);
  for (std::uint32_t id = 2; id < model.body.vocabulary(); ++id) {
    const std::string_view word = core(model.body.word(id));
    const auto it = usual.find(lower(word));
    model.lowerable[id] = it != usual.end() && !it->second.first.empty() && is_lower(it->second.first[0]);
  }
  model.title_forms.resize(model.title.vocabulary());
  for (std::uint32_t id = 2; id < model.title.vocabulary(); ++id) {
    const std::string& token = model.title.word(id);
    const std::string_view word = core(token);
    const auto it = usual.find(std::string(word));
    if (word.empty() || it == usual.end()) {
      model.title_forms[id] = token;
    } else {
      const auto at = token.find(word);
      model.title_forms[id] = token.substr(0, at) + it->second.first + token.substr(at + word.size());
    }
  }
  return model;
}

// ---------------------------------------------------------------------------------------------------------
// Lists of names.

struct Outlet {
  std::string name, domain;
};

struct Lists {
  std::vector<std::string> first_names, surnames, famous, offices, roles, institutions, companies, places;
  std::vector<Outlet> outlets;
  std::unordered_map<std::string, std::vector<std::string>> synonyms;
};

/// Tab-separated rows of a data file, comments (#) and blank lines skipped.
std::vector<std::vector<std::string>> read_rows(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::not_found, "cannot read data file", path.string());
  std::vector<std::vector<std::string>> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> row;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      row.push_back(line.substr(start, tab - start));
    row.push_back(line.substr(start));
    rows.push_back(std::move(row));
  }
  if (rows.empty()) throw Error(ErrorCode::bad_input, "empty data file", path.string());
  return rows;
}

std::vector<std::string> split_bars(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t bar; (bar = s.find('|', start)) != std::string::npos; start = bar + 1)
    out.push_back(s.substr(start, bar - start));
  out.push_back(s.substr(start));
  return out;
}

Lists load_lists(const fs::path& data, const fs::path& entities) {
  Lists lists;
  for (auto& row : read_rows(data / "surnames.txt")) lists.surnames.push_back(row[0]);
  for (auto& row : read_rows(data / "offices.txt")) lists.offices.push_back(row[0]);
  for (auto& row : read_rows(data / "roles.txt")) lists.roles.push_back(row[0]);
  for (auto& row : read_rows(data / "companies.txt")) lists.companies.push_back(row[0]);
  for (auto& row : read_rows(data / "sources.tsv"))
    if (row.size() >= 2) lists.outlets.push_back({row[0], row[1]});
  for (auto& row : read_rows(data / "synonyms.tsv"))
    if (row.size() >= 2) lists.synonyms[row[0]] = split_bars(row[1]);
  // first_names.tsv: name, flags ("w": also a common English word, which reads badly as a name).
  for (auto& row : read_rows(entities / "first_names.tsv"))
    if (row.size() < 2 || row[1].find('w') == std::string::npos) lists.first_names.push_back(row[0]);
  for (auto& row : read_rows(entities / "people.tsv")) lists.famous.push_back(row[0]);
  // organizations.tsv: canonical name; written "the X" except names that never take the article.
  static const std::unordered_set<std::string> bare{"Downing Street", "Congress", "Euratom"};
  for (auto& row : read_rows(entities / "organizations.tsv"))
    lists.institutions.push_back(bare.contains(row[0]) ? row[0] : "the " + row[0]);
  // Places: countries (curated display names over ISO names) and cities of 250,000 people or more.
  std::unordered_map<std::string, std::string> country_names;
  for (auto& row : read_rows(entities / "country_names.tsv"))
    if (row.size() >= 2 && !row[1].empty()) country_names[row[0]] = row[1];
  for (auto& row : read_rows(entities / "countries.tsv")) {
    if (row.size() < 2) continue;
    const auto curated = country_names.find(row[0]);
    const std::string& name = curated != country_names.end() ? curated->second : row[1];
    if (name.find_first_of(",(") == std::string::npos) lists.places.push_back(name);
  }
  for (auto& row : read_rows(entities / "cities.tsv"))  // name, country, population, flags
    if (row.size() >= 4 && std::stol(row[2]) >= 250000 && row[3].find_first_of("wa") == std::string::npos &&
        row[0].find_first_of("0123456789") == std::string::npos)
      lists.places.push_back(row[0]);
  if (lists.first_names.empty() || lists.outlets.size() < 2 || lists.places.empty())
    throw Error(ErrorCode::bad_input, "name lists are too short", data.string());
  return lists;
}

// ---------------------------------------------------------------------------------------------------------
// Articles.

struct Sentence {
  std::string text;
  bool lowerable = false;  ///< the first word is usually lower case: the sentence may follow "X said"
  bool paragraph_start = false;
};

/// An article before rendering.
struct Draft {
  std::string title;
  std::vector<Sentence> sentences;
  std::string dateline;  ///< "SALVADOR, Feb 26 - ", or empty
  std::int64_t day = 0;  ///< days since 1970-01-01
  unsigned second = 0;   ///< second of the day
  std::size_t outlet = 0;
  std::string author;
  std::size_t story = 0;  ///< index of the article that started the story
};

struct Settings {
  std::uint64_t seed = 1;
  double rewrite_share = 0.1;
};

class Generator {
 public:
  Generator(const Model& model, const Lists& lists, Settings settings)
      : model_(model), lists_(lists), settings_(settings) {}

  /// Appends article `index` as one JSON line.
  void render(std::size_t index, std::string& out) const {
    const Draft draft = article(index);
    const Civil date = civil_from_days(draft.day);
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%04d-%02u-%02uT%02u:%02u:%02uZ", date.year, date.month, date.day,
                  draft.second / 3600, draft.second / 60 % 60, draft.second % 60);
    const Outlet& outlet = lists_.outlets[draft.outlet];
    out += "{\"id\":\"gen-";
    out += std::to_string(index);
    out += "\",\"title\":";
    append_json_string(out, draft.title);
    out += ",\"body\":";
    std::string body = draft.dateline;
    for (std::size_t i = 0; i < draft.sentences.size(); ++i) {
      if (i > 0) body += draft.sentences[i].paragraph_start ? "\n\n" : " ";
      body += draft.sentences[i].text;
    }
    append_json_string(out, body);
    out += ",\"date\":\"";
    out += stamp;
    out += "\",\"source\":";
    append_json_string(out, outlet.name);
    std::string url = "https://www." + outlet.domain + "/" + std::string(stamp, 4) + "/" +
                      std::string(stamp + 5, 2) + "/" + std::string(stamp + 8, 2) + "/";
    std::size_t words = 0;
    bool dash = false;
    for (char c : draft.title) {
      if (std::isalnum(static_cast<unsigned char>(c))) {
        if (dash) url += '-';
        dash = false;
        url += to_lower(c);
      } else if (!dash && url.back() != '/') {
        dash = true;
        if (++words == 8) break;
      }
    }
    url += (url.back() == '/' ? "" : "-") + std::to_string(index);
    out += ",\"url\":";
    append_json_string(out, url);
    if (!draft.author.empty()) {
      out += ",\"author\":";
      append_json_string(out, draft.author);
    }
    out += ",\"language\":\"en\",\"story_truth\":\"s";
    out += std::to_string(draft.story);
    out += "\"}\n";
  }

 private:
  static constexpr std::size_t rewrite_window = 5000;  ///< a rewrite follows one of this many articles

  bool is_rewrite(std::size_t index) const {
    return index > 0 && Rng(settings_.seed, index, stream_kind).chance(settings_.rewrite_share);
  }
  /// The original article a rewrite is based on (never itself a rewrite).
  std::size_t origin(std::size_t index) const {
    while (is_rewrite(index)) {
      Rng rng(settings_.seed, index, stream_origin);
      index -= 1 + rng.below(std::min(index, rewrite_window));
    }
    return index;
  }

  Draft article(std::size_t index) const {
    const std::size_t root = origin(index);
    Draft draft = original(root);
    if (root != index) {
      Rng rng(settings_.seed, index, stream_rewrite);
      rewrite(draft, rng);
    }
    return draft;
  }

  std::string person(Rng& rng) const {
    if (rng.chance(0.1)) return rng.pick(lists_.famous);
    return rng.pick(lists_.first_names) + " " + rng.pick(lists_.surnames);
  }

  /// A token of generated text: numbers of three digits or more are redrawn with the same shape, years
  /// are moved to the article's era, everything else is kept.
  void emit(std::string& text, const std::string& token, int year_shift, Rng& rng) const {
    if (!text.empty()) text += ' ';
    const std::string_view word = core(token);
    const auto digits = std::count_if(word.begin(), word.end(), is_digit);
    if (digits < 3 ||
        !std::all_of(word.begin(), word.end(), [](char c) { return is_digit(c) || c == '.' || c == ','; })) {
      text += token;
      return;
    }
    if (word.size() == 4 && digits == 4 && (word.starts_with("19") || word.starts_with("20"))) {
      const auto at = token.find(word);
      text += token.substr(0, at) + std::to_string(std::stoi(std::string(word)) + year_shift) +
              token.substr(at + 4);
      return;
    }
    bool leading = true;
    for (char c : token) {
      if (is_digit(c)) {
        c = static_cast<char>('0' + (leading ? 1 + rng.below(9) : rng.below(10)));
        leading = false;
      } else {
        leading = c != '.' && c != ',';
      }
      text += c;
    }
  }

  Sentence sentence(const std::array<std::uint32_t, 2>& opening, int year_shift, Rng& rng) const {
    const Markov& chain = model_.body;
    Sentence s;
    s.lowerable = model_.lowerable[opening[0]];
    emit(s.text, chain.word(opening[0]), year_shift, rng);
    if (opening[1] != Markov::eos) {
      emit(s.text, chain.word(opening[1]), year_shift, rng);
      std::uint32_t a = opening[0], b = opening[1];
      for (int n = 2; n < 120; ++n) {
        const std::uint32_t next = chain.sample(a, b, rng);
        if (next == Markov::eos) break;
        emit(s.text, chain.word(next), year_shift, rng);
        a = b;
        b = next;
      }
    }
    const char last = s.text.back();
    if (last != '.' && last != '?' && last != '!' && last != '"') s.text += '.';
    return s;
  }

  std::string headline(const Template& tpl, int year_shift, Rng& rng) const {
    const Markov& chain = model_.title;
    std::string text;
    std::uint32_t a = Markov::bos, b = tpl.title[0];
    emit(text, model_.title_forms[b], year_shift, rng);
    for (int n = 1; n < 14; ++n) {
      const std::uint32_t next = chain.sample(a, b, rng);
      if (next == Markov::eos) break;
      emit(text, model_.title_forms[next], year_shift, rng);
      a = b;
      b = next;
    }
    text[0] = to_upper(text[0]);
    return text;
  }

  Draft original(std::size_t index) const {
    Rng rng(settings_.seed, index, stream_original);
    const Template& tpl = rng.pick(model_.templates);
    Draft draft;
    draft.story = index;
    draft.day = days_from_civil(1985, 1, 1) + static_cast<std::int64_t>(rng.below(14610));  // to 2024-12-31
    draft.second = static_cast<unsigned>(rng.below(86400));
    draft.outlet = rng.below(lists_.outlets.size());
    const int year_shift = civil_from_days(draft.day).year - 1987;
    if (rng.chance(0.4)) draft.author = person(rng);
    draft.title = headline(tpl, year_shift, rng);
    for (std::size_t i = 0; i < tpl.openings.size(); ++i) {
      draft.sentences.push_back(sentence(tpl.openings[i], year_shift, rng));
      draft.sentences.back().paragraph_start = tpl.paragraph_starts[i];
    }
    mention_entities(draft, rng);
    if (rng.chance(0.3)) {
      const Civil date = civil_from_days(draft.day);
      std::string city = rng.pick(lists_.places);
      for (char& c : city) c = to_upper(c);
      draft.dateline =
          city + ", " + std::string(month_abbrev[date.month - 1]) + " " + std::to_string(date.day) + " - ";
    }
    return draft;
  }

  /// Weaves a person, an organisation and a place into some sentences in the ways news text names them.
  void mention_entities(Draft& draft, Rng& rng) const {
    const std::string full = person(rng);
    const auto space = full.rfind(' ');
    const std::string surname = space == std::string::npos ? full : full.substr(space + 1);
    const std::string office = rng.pick(lists_.offices);
    const std::string org = rng.chance(0.5) ? rng.pick(lists_.institutions) : rng.pick(lists_.companies);
    const std::string place = rng.pick(lists_.places);
    bool named = false;
    auto name = [&]() -> std::string {
      if (named) return surname;
      named = true;
      return rng.chance(0.6) ? office + " " + full : full;
    };
    auto capital = [](std::string s) {
      s[0] = to_upper(s[0]);
      return s;
    };
    std::size_t mentions = 0;
    for (std::size_t i = 0; i < draft.sentences.size(); ++i) {
      if (!rng.chance(i == 0 ? 0.15 : 0.3) && !(mentions == 0 && i + 1 == draft.sentences.size())) continue;
      Sentence& s = draft.sentences[i];
      std::string& text = s.text;
      const bool plain_end = text.size() > 1 && text.back() == '.' && text[text.size() - 2] != '.';
      const std::string lowered = s.lowerable ? static_cast<char>(to_lower(text[0])) + text.substr(1) : text;
      ++mentions;
      switch (rng.below(6)) {
        case 0:
          if (text.ends_with(", he said.") || text.ends_with(", she said.")) {
            text.replace(text.rfind(", ") + 2, text.rfind(' ') - text.rfind(", ") - 2, name());
            break;
          }
          [[fallthrough]];
        case 1:
          text = capital(name()) + " said " + lowered;
          break;
        case 2:
          text = "In " + place + ", " + lowered;
          break;
        case 3:
          if (plain_end) {
            text.pop_back();
            text += ", " + name() + ", " + rng.pick(lists_.roles) + " " + org + ", said.";
          } else {
            text = capital(org) + " said " + lowered;
          }
          break;
        case 4:
          text = capital(org) + " said " + lowered;
          break;
        default:
          if (plain_end) {
            text.pop_back();
            text += " in " + place + ".";
          } else {
            text = "In " + place + ", " + lowered;
          }
      }
      s.lowerable = false;
    }
  }

  /// Substitutes some words by the synonym list, keeping the punctuation around them.
  std::string substitute(const std::string& text, double share, Rng& rng) const {
    std::string out;
    for (std::string_view token : split_whitespace(text)) {
      if (!out.empty()) out += ' ';
      const std::string_view word = core(token);
      const auto it = word.empty() ? lists_.synonyms.end() : lists_.synonyms.find(std::string(word));
      if (it == lists_.synonyms.end() || !rng.chance(share)) {
        out += token;
        continue;
      }
      const auto at = token.find(word);
      out += token.substr(0, at);
      out += rng.pick(it->second);
      out += token.substr(at + word.size());
    }
    return out;
  }

  /// Another outlet's version of a story: reordered, trimmed and extended, reworded, days later.
  void rewrite(Draft& draft, Rng& rng) const {
    auto& s = draft.sentences;
    const std::size_t keep_lead = s.size() > 1 && rng.chance(0.7) ? 1 : 0;
    for (std::size_t swaps = 1 + rng.below(s.size() / 2 + 1); swaps > 0 && s.size() - keep_lead > 1;
         --swaps) {
      const std::size_t a = keep_lead + rng.below(s.size() - keep_lead);
      const std::size_t b = keep_lead + rng.below(s.size() - keep_lead);
      std::swap(s[a].text, s[b].text);
    }
    for (std::size_t drops = s.size() > 4 ? rng.below(3) : 0; drops > 0; --drops)
      s.erase(s.begin() + static_cast<std::ptrdiff_t>(1 + rng.below(s.size() - 1)));
    const int year_shift = civil_from_days(draft.day).year - 1987;
    for (std::size_t adds = rng.below(3); adds > 0; --adds) {
      const Template& tpl = rng.pick(model_.templates);
      Sentence added = sentence(rng.pick(tpl.openings), year_shift, rng);
      added.paragraph_start = true;
      s.insert(s.begin() + static_cast<std::ptrdiff_t>(1 + rng.below(s.size())), std::move(added));
    }
    for (auto& sentence : s) sentence.text = substitute(sentence.text, 0.3, rng);
    draft.title = substitute(draft.title, 0.5, rng);
    draft.outlet = (draft.outlet + 1 + rng.below(lists_.outlets.size() - 1)) % lists_.outlets.size();
    draft.day += static_cast<std::int64_t>(rng.below(4));
    draft.second = static_cast<unsigned>(rng.below(86400));
    draft.author = rng.chance(0.4) ? person(rng) : std::string();
    if (rng.chance(0.5)) draft.dateline.clear();
  }

  const Model& model_;
  const Lists& lists_;
  Settings settings_;
};

// ---------------------------------------------------------------------------------------------------------
// Output: a file or standard output, zstd-compressed when the name ends in .zst.

class Sink {
 public:
  Sink(const std::string& path, int level) {
    if (path.empty() || path == "-") {
      file_ = stdout;
    } else {
      file_ = std::fopen(path.c_str(), "wb");
      if (!file_) throw Error(ErrorCode::unavailable, "cannot write", path);
      owned_ = true;
    }
    if (path.ends_with(".zst")) {
      zstd_ = ZSTD_createCCtx();
      ZSTD_CCtx_setParameter(zstd_, ZSTD_c_compressionLevel, level);
      ZSTD_CCtx_setParameter(zstd_, ZSTD_c_checksumFlag, 1);
      buffer_.resize(ZSTD_CStreamOutSize());
    }
    path_ = path.empty() ? "-" : path;
  }
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink() {
    if (zstd_) ZSTD_freeCCtx(zstd_);
    if (owned_) std::fclose(file_);
  }

  void write(std::string_view data) {
    bytes_ += data.size();
    if (!zstd_) {
      put(data.data(), data.size());
      return;
    }
    ZSTD_inBuffer in{data.data(), data.size(), 0};
    while (in.pos < in.size) compress(in, ZSTD_e_continue);
  }
  void finish() {
    if (zstd_) {
      ZSTD_inBuffer in{nullptr, 0, 0};
      while (compress(in, ZSTD_e_end) != 0) {
      }
    }
    if (std::fflush(file_) != 0) throw Error(ErrorCode::unavailable, "write failed", path_);
  }
  std::size_t bytes() const { return bytes_; }

 private:
  std::size_t compress(ZSTD_inBuffer& in, ZSTD_EndDirective mode) {
    ZSTD_outBuffer out{buffer_.data(), buffer_.size(), 0};
    const std::size_t left = ZSTD_compressStream2(zstd_, &out, &in, mode);
    if (ZSTD_isError(left)) throw Error(ErrorCode::unavailable, ZSTD_getErrorName(left), path_);
    put(buffer_.data(), out.pos);
    return left;
  }
  void put(const char* data, std::size_t size) {
    if (std::fwrite(data, 1, size, file_) != size) throw Error(ErrorCode::unavailable, "write failed", path_);
  }

  std::FILE* file_ = nullptr;
  bool owned_ = false;
  ZSTD_CCtx* zstd_ = nullptr;
  std::vector<char> buffer_;
  std::string path_;
  std::size_t bytes_ = 0;
};

/// Renders articles [0, count) on `threads` threads in blocks and writes the blocks in order.
void generate(const Generator& generator, std::size_t count, unsigned threads, Sink& sink) {
  constexpr std::size_t block = 1000;
  const std::size_t blocks = (count + block - 1) / block;
  const std::size_t window = 4 * threads;  // blocks in flight, bounding memory
  std::vector<std::string> slots(window);
  std::vector<bool> ready(window, false);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t written = 0;
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;

  auto work = [&] {
    try {
      for (std::size_t b; (b = next.fetch_add(1)) < blocks;) {
        {
          std::unique_lock lock(mutex);
          changed.wait(lock, [&] { return b < written + window || failure; });
          if (failure) return;
        }
        std::string text;
        for (std::size_t i = b * block; i < std::min(count, (b + 1) * block); ++i) generator.render(i, text);
        std::lock_guard lock(mutex);
        slots[b % window] = std::move(text);
        ready[b % window] = true;
        changed.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      failure = std::current_exception();
      changed.notify_all();
    }
  };
  std::vector<std::jthread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
  for (std::size_t b = 0; b < blocks; ++b) {
    std::string text;
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return ready[b % window] || failure; });
      if (failure) break;
      text = std::move(slots[b % window]);
      ready[b % window] = false;
      written = b + 1;
      changed.notify_all();
    }
    sink.write(text);
  }
  workers.clear();
  if (failure) std::rethrow_exception(failure);
  sink.finish();
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  std::string output, reuters, data_dir = GAZETTE_BENCH_DATA_DIR, entity_dir = GAZETTE_ENTITY_DATA_DIR;
  std::size_t count = 1000;
  unsigned threads = 0;
  int level = 3;
  Settings settings;
  po::options_description options(
      "Usage: make-corpus --reuters DIR [options]\n"
      "Writes COUNT distinct generated news articles as JSON Lines (schemas/article.schema.json plus a\n"
      "\"story_truth\" field: the true story, for clustering evaluation). Deterministic for a seed.\n\n"
      "Options");
  options.add_options()("help,h", "show this help and exit")(
      "reuters,r", po::value(&reuters)->value_name("DIR"),
      "Reuters-21578 to train on (default: $GAZETTE_CORPUS or ../shared/corpora/reuters21578)")(
      "count,n", po::value(&count)->default_value(count), "articles to write")(
      "output,o", po::value(&output)->value_name("PATH"),
      "output file (default: standard output); .zst compresses")(
      "seed,s", po::value(&settings.seed)->default_value(settings.seed), "random seed")(
      "rewrites", po::value(&settings.rewrite_share)->default_value(settings.rewrite_share),
      "share of articles that are rewrites of an earlier one")(
      "threads,j", po::value(&threads)->default_value(0), "generator threads (0: one per core)")(
      "zstd-level", po::value(&level)->default_value(level), "zstd level for .zst output")(
      "data", po::value(&data_dir)->default_value(data_dir), "directory of bench/data lists")(
      "entities", po::value(&entity_dir)->default_value(entity_dir),
      "directory of common/data/entities lists");
  try {
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << options << '\n';
      return exit_ok;
    }
    if (settings.rewrite_share < 0 || settings.rewrite_share > 0.9)
      throw po::error("--rewrites must be in [0, 0.9]");
  } catch (const po::error& e) {
    std::cerr << "make-corpus: " << e.what() << "\n" << options << '\n';
    return exit_usage;
  }
  if (reuters.empty()) {
    const char* env = std::getenv("GAZETTE_CORPUS");
    reuters = env ? env : "../shared/corpora/reuters21578";
  }
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  try {
    const auto start = std::chrono::steady_clock::now();
    const Model model = train(reuters);
    const Lists lists = load_lists(data_dir, entity_dir);
    const double trained = seconds_since(start);
    std::cerr << "make-corpus: trained on " << model.training_articles << " articles ("
              << model.templates.size() << " templates, " << model.body.vocabulary() << " words, "
              << model.body.states() << " states) in " << trained << " s\n";
    Sink sink(output, level);
    const Generator generator(model, lists, settings);
    const auto begin = std::chrono::steady_clock::now();
    generate(generator, count, threads, sink);
    const double elapsed = seconds_since(begin);
    char line[200];
    std::snprintf(line, sizeof line,
                  "make-corpus: %zu articles, %.1f MB in %.2f s on %u threads (%.0f articles/s)\n", count,
                  static_cast<double>(sink.bytes()) / 1e6, elapsed, threads,
                  static_cast<double>(count) / std::max(elapsed, 1e-9));
    std::cerr << line;
    return exit_ok;
  } catch (const Error& e) {
    std::cerr << "make-corpus: " << e.what() << '\n';
    return exit_fatal;
  } catch (const std::exception& e) {
    std::cerr << "make-corpus: " << e.what() << '\n';
    return exit_fatal;
  }
}
