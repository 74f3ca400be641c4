/// @file
/// @brief inspect_archive and its renderers.
#include "gazette/search/inspect.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <ostream>
#include <queue>

#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace {
using nlohmann::json;

/// The day of a D term ("D19870302"), or nullopt.
std::optional<Day> term_day(const std::string& term) {
  if (term.size() != schema::prefix::day.size() + 8) return std::nullopt;
  const std::string compact = term.substr(schema::prefix::day.size());
  const auto instant =
      parse_iso8601(compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2));
  if (!instant) return std::nullopt;
  return std::chrono::floor<std::chrono::days>(*instant);
}

/// The n terms with this prefix that index the most articles (ties: alphabetical), without the prefix.
std::vector<ValueCount> top_terms(const Xapian::Database& db, std::string_view prefix, std::size_t n) {
  // Worst on top, so the heap keeps the best n however many terms there are.
  const auto better = [](const ValueCount& a, const ValueCount& b) {
    return a.count != b.count ? a.count > b.count : a.value < b.value;
  };
  std::priority_queue<ValueCount, std::vector<ValueCount>, decltype(better)> best(better);
  const std::string p(prefix);
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) {
    best.push({(*it).substr(p.size()), it.get_termfreq()});
    if (best.size() > n) best.pop();
  }
  std::vector<ValueCount> values;
  for (; !best.empty(); best.pop()) values.push_back(best.top());
  std::reverse(values.begin(), values.end());
  return values;
}

std::size_t count_terms(const Xapian::Database& db, std::string_view prefix) {
  const std::string p(prefix);
  std::size_t n = 0;
  for (auto it = db.allterms_begin(p); it != db.allterms_end(p); ++it) ++n;
  return n;
}

std::uintmax_t size_on_disk(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_directory(path, ec)) return std::filesystem::file_size(path, ec);
  std::uintmax_t bytes = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file(ec)) bytes += it->file_size(ec);
  return bytes;
}

/// "1.2 MB": a size for a person.
std::string human_size(std::uintmax_t bytes) {
  const char* units[] = {"bytes", "KB", "MB", "GB", "TB"};
  double size = double(bytes);
  std::size_t unit = 0;
  while (size >= 1024 && unit + 1 < std::size(units)) {
    size /= 1024;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, unit ? "%.1f %s" : "%.0f %s", size, units[unit]);
  return buf;
}

json values_json(const std::vector<ValueCount>& values) {
  json out = json::array();
  for (const ValueCount& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
  return out;
}

void render_values(const std::vector<ValueCount>& values, std::ostream& out) {
  std::size_t width = 0;
  for (const ValueCount& v : values) width = std::max(width, v.value.size());
  for (const ValueCount& v : values)
    out << "  " << v.value << std::string(width - v.value.size() + 2, ' ') << v.count << '\n';
}
}  // namespace

ArchiveReport inspect_archive(const Archive& archive) {
  const Xapian::Database& db = archive.database;
  ArchiveReport report;
  report.path = archive.path;
  try {
    report.articles = db.get_doccount();
    report.undated = report.articles - db.get_value_freq(schema::slot_day);
    // The D terms, not the day slot's bounds: Xapian does not narrow value bounds when articles are deleted.
    const std::string day_prefix(schema::prefix::day);
    for (auto it = db.allterms_begin(day_prefix); it != db.allterms_end(day_prefix); ++it) {
      const auto day = term_day(*it);
      if (!day) continue;
      if (!report.first_day) report.first_day = day;
      report.last_day = day;
    }
    report.stories = count_terms(db, schema::prefix::story);

    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy sources(schema::slot_source);
    enquire.add_matchspy(&sources);
    enquire.get_mset(0, 0, db.get_doccount());
    for (auto it = sources.values_begin(); it != sources.values_end(); ++it) ++report.source_count;
    for (auto it = sources.top_values_begin(report_sources); it != sources.top_values_end(report_sources);
         ++it)
      report.sources.push_back({*it, it.get_termfreq()});

    report.schema_version = std::stoi(db.get_metadata(std::string(schema::meta::schema_version)));
    report.analyzer = db.get_metadata(std::string(schema::meta::analyzer));
    report.language = archive.analyzer.language;
    report.fold_diacritics = archive.analyzer.fold_diacritics;
    report.last_update = db.get_metadata(std::string(schema::meta::last_update));
    for (const char* field : {"person", "org", "place"})
      report.entities.push_back({field, top_terms(db, schema::find_field(field)->prefix, report_entities)});
  } catch (const Xapian::Error& e) {
    throw Error(ErrorCode::unavailable, "database error: " + e.get_msg(), archive.path);
  }
  report.bytes_on_disk = size_on_disk(archive.path);
  return report;
}

json inspect_json(const ArchiveReport& r) {
  json entities = json::object();
  for (const TopEntities& e : r.entities) entities[e.field] = values_json(e.values);
  return {{"path", r.path},
          {"articles", r.articles},
          {"undated", r.undated},
          {"dates", r.first_day
                        ? json{{"first", format_iso_day(*r.first_day)}, {"last", format_iso_day(*r.last_day)}}
                        : json(nullptr)},
          {"stories", r.stories},
          {"sources", {{"distinct", r.source_count}, {"top", values_json(r.sources)}}},
          {"schema",
           {{"version", r.schema_version},
            {"analyzer", r.analyzer},
            {"language", r.language},
            {"fold_diacritics", r.fold_diacritics}}},
          {"last_update", r.last_update.empty() ? json(nullptr) : json(r.last_update)},
          {"bytes_on_disk", r.bytes_on_disk},
          {"entities", entities}};
}

void render_inspect_text(const ArchiveReport& r, std::ostream& out) {
  out << "Archive       " << r.path << '\n';
  out << "Articles      " << r.articles;
  if (r.undated) out << " (" << r.undated << " undated)";
  out << '\n';
  out << "Dates         "
      << (r.first_day ? format_iso_day(*r.first_day) + " .. " + format_iso_day(*r.last_day) : "none") << '\n';
  out << "Stories       " << r.stories << '\n';
  out << "Schema        version " << r.schema_version << '\n';
  out << "Analyzer      " << r.language << " stemming, diacritics " << (r.fold_diacritics ? "folded" : "kept")
      << " (" << r.analyzer << ")\n";
  out << "Size on disk  " << human_size(r.bytes_on_disk) << " (" << r.bytes_on_disk << " bytes)\n";
  out << "Last update   " << (r.last_update.empty() ? "unknown" : r.last_update) << '\n';
  out << "\nSources (" << r.source_count;
  if (r.source_count > r.sources.size()) out << ", the " << r.sources.size() << " largest shown";
  out << "):\n";
  render_values(r.sources, out);
  for (const TopEntities& e : r.entities) {
    const std::string_view kind = e.field == "person" ? "people"
                                  : e.field == "org"  ? "organisations"
                                                      : "places";
    out << "\nTop " << kind << " (articles, " << e.field << ":NAME):\n";
    render_values(e.values, out);
  }
}

}  // namespace gazette
