/// @file
/// @brief make-queries: a benchmark query file from the real headlines of a corpus, one query per line, in
/// Gazette's query language and, for the peers, the same queries as quest arguments and SphinxQL statements.
///
/// Each query takes 2-4 content words of one headline (in headline order); some are phrases ("two words"
/// adjacent in the headline), some carry a date filter (date:1987-03, date:1987, or a day range around the
/// article's date), some a source filter (source:"The Guardian"), always in the query language, never
/// --filter. Deterministic for a seed and corpus.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <unordered_set>
#include <variant>
#include <vector>

#include <boost/program_options.hpp>

#include "bench_util.hpp"
#include "gazette/core/error.hpp"
#include "gazette/readers/reader.hpp"

namespace fs = std::filesystem;
namespace po = boost::program_options;
using namespace gazette;
using namespace gazette::bench;

namespace {

/// What a query needs from an article.
struct Headline {
  std::vector<std::vector<std::string>>
      runs;              ///< content words, split where a stopword or symbol came between
  std::int64_t day = 0;  ///< days since 1970-01-01
  bool dated = false;
  std::string source;
};

/// One benchmark query, before it is written in a dialect.
struct Query {
  std::vector<std::string> words;
  bool phrase = false;  ///< the first two words are a phrase
  enum class DateKind { none, year, month, range } date = DateKind::none;
  std::int64_t from = 0, to = 0;  ///< the day range of the date filter, inclusive
  std::string source;             ///< source filter, or empty
};

std::unordered_set<std::string> load_stopwords(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(ErrorCode::not_found, "cannot read stopwords", path.string());
  std::unordered_set<std::string> words;
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') words.insert(line);
  return words;
}

/// Content words of a headline, as runs of words adjacent in the text. Words are ASCII letters (and
/// UTF-8 bytes), lower-cased; numbers, words under three letters, stopwords and Reuters' ticker symbols
/// (`<SRD>`) end a run.
std::vector<std::vector<std::string>> content_runs(std::string_view title,
                                                   const std::unordered_set<std::string>& stop) {
  std::vector<std::vector<std::string>> runs(1);
  std::size_t i = 0;
  auto end_run = [&] {
    if (!runs.back().empty()) runs.emplace_back();
  };
  while (i < title.size()) {
    const char c = title[i];
    if (c == '<') {
      const auto close = title.find('>', i);
      i = close == std::string_view::npos ? title.size() : close + 1;
      end_run();
      continue;
    }
    auto word_char = [](char ch) {
      return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
             static_cast<unsigned char>(ch) >= 0x80;
    };
    if (!word_char(c)) {
      // Spaces keep a run going; other symbols ("/", "-", "'") end it: a phrase must be plain words.
      if (c != ' ') end_run();
      ++i;
      continue;
    }
    std::string word;
    bool digit = false;
    for (; i < title.size() && word_char(title[i]); ++i) {
      const char ch = title[i];
      digit |= ch >= '0' && ch <= '9';
      word += ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    }
    if (digit || word.size() < 3 || stop.contains(word))
      end_run();
    else
      runs.back().push_back(std::move(word));
  }
  if (runs.back().empty()) runs.pop_back();
  return runs;
}

/// A query from one headline; nullopt when the headline has too few content words for the drawn kind.
std::optional<Query> make_query(const Headline& h, Rng& rng) {
  std::vector<std::string> all;
  for (const auto& run : h.runs) all.insert(all.end(), run.begin(), run.end());
  Query q;
  const double kind = rng.unit();
  if (kind < 0.5) {  // 2-4 words
    if (all.size() < 2) return std::nullopt;
    const std::size_t want = std::min<std::size_t>(all.size(), 2 + rng.below(3));
    std::vector<bool> take(all.size(), false);
    for (std::size_t taken = 0; taken < want;) {
      const std::size_t at = rng.below(all.size());
      if (!take[at]) take[at] = true, ++taken;
    }
    for (std::size_t i = 0; i < all.size(); ++i)
      if (take[i]) q.words.push_back(all[i]);
    return q;
  }
  if (kind < 0.65) {  // a phrase of two adjacent words, sometimes with one more word
    std::vector<const std::vector<std::string>*> long_runs;
    for (const auto& run : h.runs)
      if (run.size() >= 2) long_runs.push_back(&run);
    if (long_runs.empty()) return std::nullopt;
    const auto& run = *rng.pick(long_runs);
    const std::size_t at = rng.below(run.size() - 1);
    q.words = {run[at], run[at + 1]};
    q.phrase = true;
    if (all.size() > 2 && rng.chance(0.3)) {
      const std::string& extra = rng.pick(all);
      if (extra != run[at] && extra != run[at + 1]) q.words.push_back(extra);
    }
    return q;
  }
  if (all.empty()) return std::nullopt;  // 1-2 words and a filter
  q.words.push_back(rng.pick(all));
  if (all.size() > 1 && rng.chance(0.5)) {
    const std::string& second = rng.pick(all);
    if (second != q.words[0]) q.words.push_back(second);
  }
  if (kind < 0.825) {
    if (!h.dated) return std::nullopt;
    const Civil c = civil_from_days(h.day);
    const double form = rng.unit();
    if (form < 0.4) {
      q.date = Query::DateKind::month;
      q.from = days_from_civil(c.year, c.month, 1);
      q.to =
          (c.month == 12 ? days_from_civil(c.year + 1, 1, 1) : days_from_civil(c.year, c.month + 1, 1)) - 1;
    } else if (form < 0.7) {
      q.date = Query::DateKind::year;
      q.from = days_from_civil(c.year, 1, 1);
      q.to = days_from_civil(c.year, 12, 31);
    } else {
      q.date = Query::DateKind::range;
      q.from = h.day - static_cast<std::int64_t>(1 + rng.below(30));
      q.to = h.day + static_cast<std::int64_t>(1 + rng.below(30));
    }
    return q;
  }
  if (h.source.empty() || h.source.find('"') != std::string::npos) return std::nullopt;
  q.source = h.source;
  return q;
}

std::string iso_day(std::int64_t day) {
  const Civil c = civil_from_days(day);
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", c.year, c.month, c.day);
  return text;
}

std::string words_text(const Query& q) {
  std::string text;
  for (std::size_t i = 0; i < q.words.size(); ++i) {
    if (i > 0) text += ' ';
    if (q.phrase && i == 0) text += '"';
    text += q.words[i];
    if (q.phrase && i == 1) text += '"';
  }
  return text;
}

/// Gazette's query language: `cocoa "crop estimates" date:1987-03 source:"The Guardian"`.
std::string gazette_query(const Query& q) {
  std::string text = words_text(q);
  switch (q.date) {
    case Query::DateKind::none:
      break;
    case Query::DateKind::year:
      text += " date:" + iso_day(q.from).substr(0, 4);
      break;
    case Query::DateKind::month:
      text += " date:" + iso_day(q.from).substr(0, 7);
      break;
    case Query::DateKind::range:
      text += " date:" + iso_day(q.from) + ".." + iso_day(q.to);
      break;
  }
  if (!q.source.empty())
    text += q.source.find(' ') == std::string::npos ? " source:" + q.source : " source:\"" + q.source + "\"";
  return text;
}

/// quest's query for the Omega database (bench/omega/articles.index: Omega's Y, M and D date terms, as
/// the boolean prefixes year:, month:, day: of bench/run.sh). A day range becomes the months it touches
/// (Xapian ORs filters of one prefix); the Omega database has no source, so a source filter is dropped.
std::string quest_query(const Query& q) {
  std::string text = words_text(q);
  const std::string from = iso_day(q.from);
  switch (q.date) {
    case Query::DateKind::none:
      break;
    case Query::DateKind::year:
      text += " year:" + from.substr(0, 4);
      break;
    case Query::DateKind::month:
      text += " month:" + from.substr(0, 4) + from.substr(5, 2);
      break;
    case Query::DateKind::range:
      for (Civil c = civil_from_days(q.from); days_from_civil(c.year, c.month, 1) <= q.to;
           c = c.month == 12 ? Civil{c.year + 1, 1, 1} : Civil{c.year, c.month + 1, 1}) {
        char month[16];
        std::snprintf(month, sizeof month, " month:%04d%02u", c.year, c.month);
        text += month;
      }
  }
  return text;
}

/// A SphinxQL statement for the Sphinx peer (bench/sphinx/sphinx.conf.in): the words in MATCH(), the
/// filters on the day and source_id attributes, ten hits, and facets by source and month.
std::string sphinx_query(const Query& q) {
  std::string text = "SELECT id FROM articles WHERE MATCH('" + words_text(q) + "')";
  if (q.date != Query::DateKind::none)
    text += " AND day BETWEEN " + std::to_string(yyyymmdd(civil_from_days(q.from))) + " AND " +
            std::to_string(yyyymmdd(civil_from_days(q.to)));
  if (!q.source.empty()) text += " AND source_id=" + std::to_string(source_key(q.source));
  text +=
      " LIMIT 10 FACET source_id ORDER BY COUNT(*) DESC LIMIT 10 FACET month ORDER BY month ASC LIMIT 1000;";
  return text;
}

std::ofstream open_output(const std::string& path) {
  std::ofstream out(path);
  if (!out) throw Error(ErrorCode::unavailable, "cannot write", path);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> inputs;
  std::string output, quest_output, sphinx_output;
  std::string stopwords = std::string(GAZETTE_ENTITY_DATA_DIR) + "/stopwords.txt";
  std::size_t count = 1000, scan = 100000;
  std::uint64_t seed = 1;
  po::options_description visible(
      "Usage: make-queries [options] INPUT...\n"
      "Writes COUNT distinct benchmark queries built from the headlines of the first SCAN articles of the\n"
      "inputs (any format gazette-index reads), one per line. Deterministic for a seed and input.\n\n"
      "Options");
  visible.add_options()("help,h", "show this help and exit")(
      "count,n", po::value(&count)->default_value(count), "queries to write")(
      "scan", po::value(&scan)->default_value(scan), "articles read from the inputs")(
      "seed,s", po::value(&seed)->default_value(seed), "random seed")(
      "output,o", po::value(&output)->value_name("PATH"), "Gazette queries (default: standard output)")(
      "quest", po::value(&quest_output)->value_name("PATH"),
      "also write the queries for quest (Omega database)")("sphinxql",
                                                           po::value(&sphinx_output)->value_name("PATH"),
                                                           "also write the queries as SphinxQL statements")(
      "stopwords", po::value(&stopwords)->default_value(stopwords), "words never used in a query");
  po::options_description hidden;
  hidden.add_options()("inputs", po::value(&inputs));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("inputs", -1);
  try {
    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
      std::cout << visible << '\n';
      return exit_ok;
    }
    if (inputs.empty()) throw po::error("no INPUT");
  } catch (const po::error& e) {
    std::cerr << "make-queries: " << e.what() << "\n" << visible << '\n';
    return exit_usage;
  }
  try {
    const auto stop = load_stopwords(stopwords);
    std::vector<Headline> headlines;
    const InputList list = expand_inputs(inputs);
    for (const auto& path : list.files) {
      auto reader = open_reader(path);
      while (headlines.size() < scan) {
        auto item = reader->next();
        if (!item) break;
        const auto* article = std::get_if<Article>(&*item);
        if (!article || article->title.empty()) continue;
        Headline h{content_runs(article->title, stop), 0, article->published.has_value(), article->source};
        if (h.dated)
          h.day = std::chrono::floor<std::chrono::days>(*article->published).time_since_epoch().count();
        if (!h.runs.empty()) headlines.push_back(std::move(h));
      }
    }
    if (headlines.empty()) throw Error(ErrorCode::bad_input, "no headlines with content words in the inputs");

    std::ofstream file, quest_file, sphinx_file;
    if (!output.empty()) file = open_output(output);
    std::ostream& out = output.empty() ? std::cout : file;
    if (!quest_output.empty()) quest_file = open_output(quest_output);
    if (!sphinx_output.empty()) sphinx_file = open_output(sphinx_output);
    std::unordered_set<std::string> seen;
    std::size_t attempt = 0;
    for (; seen.size() < count && attempt < count * 100; ++attempt) {
      Rng rng(seed, attempt, 1);
      const auto query = make_query(rng.pick(headlines), rng);
      if (!query) continue;
      const std::string text = gazette_query(*query);
      if (!seen.insert(text).second) continue;
      out << text << '\n';
      if (quest_file.is_open()) quest_file << quest_query(*query) << '\n';
      if (sphinx_file.is_open()) sphinx_file << sphinx_query(*query) << '\n';
    }
    if (seen.size() < count)
      std::cerr << "make-queries: only " << seen.size() << " distinct queries from " << headlines.size()
                << " headlines\n";
    out.flush();
    return out ? exit_ok : exit_fatal;
  } catch (const Error& e) {
    std::cerr << "make-queries: " << e.what() << '\n';
    return exit_fatal;
  }
}
