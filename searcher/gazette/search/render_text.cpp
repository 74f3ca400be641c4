/// @file
/// @brief The human renderer: numbered hits with highlighted snippets, then facets as bar charts.
#include <algorithm>
#include <cstdio>
#include <ostream>

#include "gazette/search/markup.hpp"
#include "gazette/search/render.hpp"

namespace gazette {

namespace {
constexpr std::string_view bold_on = "\x1b[1m", bold_off = "\x1b[0m";

std::string describe_total(const SearchResponse& r) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "%s%zu result%s (%.1f ms)", r.total_exact ? "" : "about ", r.total,
                r.total == 1 ? "" : "s", r.seconds * 1000.0);
  return buf;
}

/// The text with line breaks and runs of spaces folded to single spaces, for a one-paragraph snippet.
std::string one_line(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
    if (!space)
      out += c;
    else if (!out.empty() && out.back() != ' ')
      out += ' ';
  }
  return out;
}

/// "Vladimir Putin, Russia, White House" : the first few entities of a hit.
std::string entity_line(const Article& a) {
  constexpr std::size_t shown = 6;
  std::string line;
  for (std::size_t i = 0; i < a.entities.size() && i < shown; ++i)
    line += (i ? ", " : "") + a.entities[i].name;
  return line;
}

void render_histogram(const DateHistogram& h, std::size_t width, std::ostream& out) {
  if (h.buckets.empty()) return;
  std::size_t peak = 1, key_width = 0;
  for (const auto& b : h.buckets) {
    peak = std::max(peak, b.count);
    key_width = std::max(key_width, b.key.size());
  }
  const std::size_t bar_width = width > key_width + 16 ? width - key_width - 16 : 10;
  out << "Dates (by " << granularity_name(h.granularity) << "):\n";
  for (const auto& b : h.buckets) {
    const std::size_t len = (b.count * bar_width + peak - 1) / peak;
    std::string bar;
    for (std::size_t i = 0; i < len; ++i) bar += "\u2588";
    char count[24];
    std::snprintf(count, sizeof count, "%7zu ", b.count);
    out << "  " << b.key << std::string(key_width - b.key.size() + 1, ' ') << count << bar << '\n';
  }
}
}  // namespace

std::string byline(const Article& a) {
  std::string line;
  auto add = [&](const std::string& part) {
    if (part.empty()) return;
    if (!line.empty()) line += " \u00b7 ";
    line += part;
  };
  add(a.published ? format_iso_day(std::chrono::floor<std::chrono::days>(*a.published)) : "");
  add(a.source);
  add(a.author);
  add("id " + a.id);
  return line;
}

void render_text(const SearchResponse& r, const TextStyle& style, std::ostream& out) {
  const std::string_view on = style.color ? bold_on : "", off = style.color ? bold_off : "";
  for (const std::string& shard : r.missing_shards)
    out << "partial results: shard " << shard << " did not answer\n";
  out << describe_total(r);
  if (!r.hits.empty()) out << ", showing " << r.hits.front().rank << "\u2013" << r.hits.back().rank;
  out << '\n';
  if (r.matched == MatchMode::any && r.request.match == MatchMode::automatic)
    out << "Few articles have all the words: showing those with any of them, best first (--match all)\n";
  if (r.suggestion) out << "Did you mean: " << on << *r.suggestion << off << '\n';
  for (const QueryDate& date : r.query_dates)
    out << "Date from the query: '" << date.text << "' -> " << date.filter.field << ':' << date.filter.value
        << " (searching '" << r.query_text << "'; --no-query-dates searches the words instead)\n";
  for (const Hit& hit : r.hits) {
    out << '\n'
        << std::string(hit.rank < 10 ? 2 : 1, ' ') << hit.rank << ". "
        << highlighted_plain(hit.title, on, off);
    if (hit.title.text.empty()) out << "(no headline)";
    out << "\n    " << byline(hit.article) << '\n';
    if (const std::string entities = entity_line(hit.article); !entities.empty())
      out << "    " << entities << '\n';
    if (!hit.snippet.text.empty()) out << "    " << one_line(highlighted_plain(hit.snippet, on, off)) << '\n';
    if (hit.story_size > 1) {
      out << "    + " << hit.story_size - 1 << " other version" << (hit.story_size > 2 ? "s" : "") << ":";
      for (const Version& v : hit.other_versions) {
        Article version;
        version.id = v.id;
        version.source = v.source;
        version.published = v.published;
        out << "\n      " << (v.title.empty() ? "(no headline)" : v.title) << " \u00b7 " << byline(version);
      }
      out << '\n';
    }
  }
  if (r.facets) {
    out << '\n';
    render_histogram(r.facets->dates, style.width, out);
    for (const FieldFacet& facet : r.facets->fields) {
      if (facet.values.empty()) continue;
      out << facet.field << ":";
      for (const auto& v : facet.values) out << "  " << v.value << " (" << v.count << ")";
      out << '\n';
    }
    if (r.facets->estimated) out << "(facet counts are estimated from a sample)\n";
  }
}

void render_article_text(const Article& a, const TextStyle& style, std::ostream& out) {
  const std::string_view on = style.color ? bold_on : "", off = style.color ? bold_off : "";
  out << on << (a.title.empty() ? "(no headline)" : a.title) << off << '\n' << byline(a) << '\n';
  if (!a.url.empty()) out << a.url << '\n';
  out << '\n' << a.body << '\n';
}

}  // namespace gazette
