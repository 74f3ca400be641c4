/// @file
/// @brief Boilerplate rules: loading rules.tsv into two RE2 sets (line rules, tail headings) and applying
/// them line by line.
#include "gazette/cleanup/boilerplate.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <sstream>

#include "gazette/core/error.hpp"

namespace gazette {

/// One RE2 set per rule kind, each pattern mapped to the index of its rule name.
struct BoilerplateRules::Compiled {
  Compiled() : lines(options(), RE2::ANCHOR_BOTH), tails(options(), RE2::ANCHOR_BOTH) {}

  static RE2::Options options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_never_capture(true);
    return o;
  }

  std::vector<std::string> names;
  RE2::Set lines, tails;
  std::vector<std::size_t> line_name, tail_name;  // pattern index -> name index
};

namespace {

constexpr bool is_space(char c) noexcept {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Lines a tail heading must be followed by, and how many of the first few of them are inspected.
constexpr std::size_t min_link_lines = 2;
constexpr std::size_t inspected_link_lines = 6;
constexpr std::size_t max_headline_bytes = 160;
constexpr std::size_t max_headline_words = 25;

bool ends_with(std::string_view s, std::string_view suffix) noexcept {
  return s.ends_with(suffix);
}

// A line that reads like a link in a list: a teaser cut off with an ellipsis, or a short headline without a
// closing full stop.
bool looks_like_link_text(std::string_view line) noexcept {
  if (ends_with(line, "...") || ends_with(line, "\xE2\x80\xA6")) return true;  // "…"
  if (line.size() > max_headline_bytes || line.back() == '.') return false;
  const auto words = std::count(line.begin(), line.end(), ' ') + 1;
  return std::size_t(words) <= max_headline_words;
}

// True when the non-empty lines from `from` on look like a list of headlines and teasers.
bool followed_by_link_list(const std::vector<std::string_view>& lines, std::size_t from) {
  std::size_t seen = 0, linky = 0;
  bool first = true;
  for (std::size_t i = from; i < lines.size() && seen < inspected_link_lines; ++i) {
    if (lines[i].empty()) continue;
    const bool link = looks_like_link_text(lines[i]);
    if (first && !link) return false;
    first = false;
    ++seen;
    linky += link ? 1 : 0;
  }
  return seen >= min_link_lines && linky * 3 >= seen * 2;
}

bool short_enough(std::string_view line) noexcept {
  return !line.empty() && line.size() <= max_boilerplate_line_bytes;
}

}  // namespace

std::size_t CleanResult::total_removed() const noexcept {
  return std::accumulate(removed.begin(), removed.end(), std::size_t{0});
}

std::filesystem::path default_boilerplate_rules_path() {
  if (const char* env = std::getenv("GAZETTE_BOILERPLATE"); env != nullptr && *env != '\0') return env;
  return std::filesystem::path(GAZETTE_DATA_DIR) / "boilerplate" / "rules.tsv";
}

std::shared_ptr<const BoilerplateRules> BoilerplateRules::load(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::not_found, "cannot open boilerplate rules", path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse(text.str(), path.string());
}

std::shared_ptr<const BoilerplateRules> BoilerplateRules::parse(std::string_view text,
                                                                std::string_view where) {
  auto compiled = std::make_unique<Compiled>();
  std::size_t number = 0;
  while (!text.empty()) {
    const std::size_t newline = text.find('\n');
    std::string_view line = text.substr(0, newline);
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty() || line.front() == '#') continue;
    const std::string place = std::string(where) + ":" + std::to_string(number);
    const std::size_t tab1 = line.find('\t');
    const std::size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string_view::npos)
      throw Error(ErrorCode::bad_input, "expected KIND<TAB>NAME<TAB>PATTERN", place);
    const std::string_view kind = line.substr(0, tab1);
    const std::string name(line.substr(tab1 + 1, tab2 - tab1 - 1));
    const std::string_view pattern = line.substr(tab2 + 1);
    if (name.empty() || pattern.empty())
      throw Error(ErrorCode::bad_input, "empty rule name or pattern", place);
    RE2::Set* set = nullptr;
    std::vector<std::size_t>* names = nullptr;
    if (kind == "line") {
      set = &compiled->lines;
      names = &compiled->line_name;
    } else if (kind == "tail") {
      set = &compiled->tails;
      names = &compiled->tail_name;
    } else {
      throw Error(ErrorCode::bad_input, "unknown rule kind '" + std::string(kind) + "' (line or tail)",
                  place);
    }
    std::string error;
    if (set->Add(pattern, &error) < 0) throw Error(ErrorCode::bad_input, "bad pattern: " + error, place);
    const auto it = std::find(compiled->names.begin(), compiled->names.end(), name);
    names->push_back(std::size_t(it - compiled->names.begin()));
    if (it == compiled->names.end()) compiled->names.push_back(name);
  }
  if (!compiled->lines.Compile() || !compiled->tails.Compile())
    throw Error(ErrorCode::bad_input, "boilerplate rules do not compile (too large)", std::string(where));
  return std::shared_ptr<const BoilerplateRules>(new BoilerplateRules(std::move(compiled)));
}

BoilerplateRules::BoilerplateRules(std::unique_ptr<Compiled> compiled) : compiled_(std::move(compiled)) {}
BoilerplateRules::~BoilerplateRules() = default;

const std::vector<std::string>& BoilerplateRules::names() const noexcept {
  return compiled_->names;
}

CleanResult clean_text(const BoilerplateRules& rules, std::string_view body) {
  const BoilerplateRules::Compiled& c = *rules.compiled_;
  CleanResult result;
  result.removed.assign(c.names.size(), 0);

  std::vector<std::string_view> lines;
  for (std::string_view rest = body; !rest.empty();) {
    const std::size_t newline = rest.find('\n');
    lines.push_back(trim(rest.substr(0, newline)));
    rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
  }

  std::vector<int> hits;
  // The first tail heading after some text that opens a list of links ends the article.
  std::size_t end = lines.size();
  bool text_before = false;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].empty()) continue;
    if (text_before && short_enough(lines[i]) && c.tails.Match(lines[i], &hits) &&
        followed_by_link_list(lines, i + 1)) {
      ++result.removed[c.tail_name[std::size_t(*std::min_element(hits.begin(), hits.end()))]];
      end = i;
      break;
    }
    text_before = true;
  }

  bool blank = false;  // a blank line since the last kept line: the next one starts a paragraph
  for (std::size_t i = 0; i < end; ++i) {
    const std::string_view line = lines[i];
    if (line.empty()) {
      blank = true;
      continue;
    }
    if (short_enough(line) && c.lines.Match(line, &hits)) {
      ++result.removed[c.line_name[std::size_t(*std::min_element(hits.begin(), hits.end()))]];
      continue;
    }
    if (!result.text.empty()) result.text += blank ? "\n\n" : "\n";
    result.text += line;
    blank = false;
  }
  return result;
}

}  // namespace gazette
