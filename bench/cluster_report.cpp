/// @file
/// @brief Story clustering on a corpus: clusters of two or more, their sizes, throughput of cleaning,
/// fingerprinting and clustering, a precision estimate over a random sample of clusters by two stated rules,
/// and a scale check of the per-article clustering cost on the corpus read several times.
///
/// Usage: cluster_report [PATH...] [--threshold T] [--sample N] [--seed S] [--bucket-cap C] [--copies M]
///                       [--no-quotes]
///   PATH: input files or folders in any Gazette format (default ../shared/corpora/reuters21578).
///   --no-quotes: leave out the quote rule (below), as the indexer before it.
///   --bucket-cap: band keys carried by C articles are stop keys (default max_band_bucket; 0: no cap).
///   --copies: the scale check reads the corpus M times (default 5; 1 skips it).
/// Every article is cleaned (boilerplate rules) and fingerprinted, then assigned in input order with an
/// in-memory LSH index and the library's decision (best_story_match over the first articles of the stories
/// found through its band keys that are not stop keys): it joins the best story or starts its own, as the
/// indexer should.
///
/// Quote rule (stories/quotes.hpp, the indexer's post-pass): after clustering, each article that heads its
/// own story and qualifies (quotes_qualify) is compared with the quote_candidates articles of other stories
/// published within quote_window_before days before to quote_window_after days after it (or undated) that
/// contain most of its quoted words (the indexer takes its best BM25 hits for those words instead, so it
/// finds at most these joins), best_quoted_candidate decides, resolve_quote_joins settles chains, and each
/// join is judged by rule A against its new story's first member; the joins rule A counts wrong are listed.
///
/// Precision rules, checked between each member of a sampled cluster and the cluster's first member:
///  - J5: the exact Jaccard index of word 5-shingles (lower-cased words of letters and digits, stopwords
///    kept) is at least 0.5: the same text, lightly edited.
///  - A: J5, or all of: the content words (fingerprint_words) of the smaller article overlap the other's by
///    at least 0.5; at least 2 of the first member's 3 most frequent names (fingerprint_names; all of them
///    when it has fewer, and it must have one) are names of the member; and their numbers
///    (fingerprint_numbers) do not disagree (both have 2 or more and share under 50% of the smaller set).
/// Rule A accepts a rewrite of the same facts; it shares the names and numbers definitions with the
/// decision's vetoes, so it is a check of the content-word side against stated facts, not an independent
/// judge.
///
/// Scale check: the corpus is clustered again read M times, copy c > 0 with ids suffixed "#c" and every digit
/// d of its cleaned body replaced by (d + c) mod 10, so copies keep their words but not their figures: the
/// worst case for the LSH buckets (M near-identical articles per band key). The cost per article is printed
/// for the corpus and for the M copies.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include <xxhash.h>

#include "gazette/cleanup/boilerplate.hpp"
#include "gazette/readers/reader.hpp"
#include "gazette/stories/fingerprint.hpp"
#include "gazette/stories/quotes.hpp"

namespace {

using namespace gazette;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

struct Options {
  std::vector<std::string> inputs;
  double threshold = default_story_threshold;
  std::size_t sample = 30;
  unsigned seed = 5;
  std::size_t bucket_cap = max_band_bucket;
  std::size_t copies = 5;
  bool quotes = true;
};

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--threshold" && has_value)
      options.threshold = std::stod(argv[++i]);
    else if (arg == "--sample" && has_value)
      options.sample = std::stoul(argv[++i]);
    else if (arg == "--seed" && has_value)
      options.seed = unsigned(std::stoul(argv[++i]));
    else if (arg == "--bucket-cap" && has_value)
      options.bucket_cap = std::stoul(argv[++i]);
    else if (arg == "--copies" && has_value)
      options.copies = std::max<std::size_t>(1, std::stoul(argv[++i]));
    else if (arg == "--no-quotes")
      options.quotes = false;
    else if (arg.starts_with("--"))
      throw std::runtime_error("unknown option " + arg);
    else
      options.inputs.push_back(arg);
  }
  if (options.inputs.empty()) options.inputs.push_back("../shared/corpora/reuters21578");
  if (options.bucket_cap == 0) options.bucket_cap = SIZE_MAX;
  return options;
}

// The J5 rule's features: hashes of 5 consecutive lower-cased words.
std::unordered_set<std::uint64_t> word_5_shingles(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else if (c >= 'A' && c <= 'Z') {
      word += char(c + 32);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  std::unordered_set<std::uint64_t> shingles;
  for (std::size_t i = 0; i + 5 <= std::max<std::size_t>(words.size(), 5); ++i) {
    std::string joined;
    for (std::size_t k = i; k < std::min(i + 5, words.size()); ++k) joined += words[k] + ' ';
    shingles.insert(XXH3_64bits(joined.data(), joined.size()));
  }
  return shingles;
}

template <class Set>
double jaccard(const Set& a, const Set& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t common = 0;
  for (const auto& h : a) common += b.count(h);
  return double(common) / double(a.size() + b.size() - common);
}

// |A n B| / min(|A|, |B|); 0 when either is empty.
double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0.0;
  std::size_t common = 0;
  for (const auto& w : a) common += b.count(w);
  return double(common) / double(std::min(a.size(), b.size()));
}

// What rule A looks at in one article.
struct Facts {
  std::set<std::string> words, names, numbers;
  std::vector<std::string> top_names;  // the 3 most frequent names, ties in order of first appearance
  std::unordered_set<std::uint64_t> shingles;
};

Facts facts_of(std::string_view body) {
  Facts f;
  const auto words = fingerprint_words(body), names = fingerprint_names(body),
             numbers = fingerprint_numbers(body);
  f.words.insert(words.begin(), words.end());
  f.names.insert(names.begin(), names.end());
  f.numbers.insert(numbers.begin(), numbers.end());
  std::vector<std::pair<std::string, std::size_t>> counts;  // in order of first appearance
  for (const auto& n : names) {
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& c) { return c.first == n; });
    if (it == counts.end())
      counts.emplace_back(n, 1);
    else
      ++it->second;
  }
  std::stable_sort(counts.begin(), counts.end(),
                   [](const auto& x, const auto& y) { return x.second > y.second; });
  for (std::size_t i = 0; i < std::min<std::size_t>(3, counts.size()); ++i)
    f.top_names.push_back(counts[i].first);
  f.shingles = word_5_shingles(body);
  return f;
}

struct Verdict {
  bool rule_a, j5;
  double j5_value;
};

Verdict judge(const Facts& first, const Facts& member) {
  const double j5 = jaccard(first.shingles, member.shingles);
  std::size_t named = 0;
  for (const auto& n : first.top_names) named += member.names.count(n);
  const bool names_ok = !first.top_names.empty() && named >= std::min<std::size_t>(2, first.top_names.size());
  const bool numbers_disagree =
      first.numbers.size() >= 2 && member.numbers.size() >= 2 && overlap(first.numbers, member.numbers) < 0.5;
  const bool rewrite = overlap(first.words, member.words) >= 0.5 && names_ok && !numbers_disagree;
  return {rewrite || j5 >= 0.5, j5 >= 0.5, j5};
}

struct Corpus {
  std::vector<Article> articles;
  double read_seconds = 0;
  std::size_t bytes = 0;
};

Corpus read_corpus(const std::vector<std::string>& inputs) {
  Corpus corpus;
  const auto start = Clock::now();
  const InputList list = expand_inputs(inputs);
  for (const auto& problem : list.problems)
    std::fprintf(stderr, "%s: %s\n", problem.where.c_str(), problem.reason.c_str());
  for (const auto& path : list.files) {
    auto reader = open_reader(path);
    while (auto item = reader->next())
      if (auto* article = std::get_if<Article>(&*item)) corpus.articles.push_back(std::move(*article));
    corpus.bytes += reader->bytes_read();
  }
  corpus.read_seconds = seconds_since(start);
  return corpus;
}

struct Fingerprints {
  std::vector<std::optional<Fingerprint>> fps;
  std::size_t fingerprinted = 0;
  double seconds = 0;
};

Fingerprints fingerprint_all(const std::vector<std::string>& bodies) {
  Fingerprints out;
  out.fps.resize(bodies.size());
  const auto start = Clock::now();
  for (std::size_t i = 0; i < bodies.size(); ++i) {
    out.fps[i] = fingerprint(bodies[i]);
    out.fingerprinted += out.fps[i] ? 1 : 0;
  }
  out.seconds = seconds_since(start);
  return out;
}

struct Clustering {
  std::vector<std::uint32_t> story;  // the first article of each article's story
  double seconds = 0;
  std::size_t candidates = 0;     // candidate stories compared, over all articles
  std::size_t stop_key_hits = 0;  // band keys skipped because their bucket was full
  std::size_t biggest_bucket = 0;
};

// Assigns stories in input order through an in-memory LSH index (the writer's serial stage).
Clustering cluster(const std::vector<std::optional<Fingerprint>>& fps, double threshold, std::size_t cap) {
  const std::size_t n = fps.size();
  Clustering out;
  out.story.resize(n);
  const auto start = Clock::now();
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets;
  std::vector<std::uint32_t> seen(n, UINT32_MAX), candidate_ids;
  std::vector<Fingerprint> candidates;
  for (std::size_t i = 0; i < n; ++i) {
    out.story[i] = std::uint32_t(i);
    if (!fps[i]) continue;
    const BandKeys keys = band_keys(*fps[i]);
    candidate_ids.clear();
    candidates.clear();
    // Candidates are the stories of the articles sharing a band key that is not a stop key, each
    // represented by its first article, so every member stays within the threshold of its story's first
    // version (no chaining).
    for (const std::uint64_t key : keys) {
      const auto it = buckets.find(key);
      if (it == buckets.end()) continue;
      if (it->second.size() >= cap) {
        ++out.stop_key_hits;
        continue;
      }
      for (const std::uint32_t j : it->second)
        if (seen[out.story[j]] != i) {
          seen[out.story[j]] = std::uint32_t(i);
          candidate_ids.push_back(out.story[j]);
        }
    }
    std::sort(candidate_ids.begin(), candidate_ids.end());  // older first: ties go to the older story
    for (const std::uint32_t j : candidate_ids) candidates.push_back(*fps[j]);
    out.candidates += candidates.size();
    if (const auto match = best_story_match(*fps[i], candidates, threshold))
      out.story[i] = candidate_ids[match->index];
    for (const std::uint64_t key : keys) {
      auto& bucket = buckets[key];
      if (bucket.size() < cap) bucket.push_back(std::uint32_t(i));
    }
  }
  out.seconds = seconds_since(start);
  for (const auto& [key, members] : buckets)
    out.biggest_bucket = std::max(out.biggest_bucket, members.size());
  return out;
}

// Clusters of two or more, in order of their first article.
std::vector<std::vector<std::uint32_t>> multi_clusters(const std::vector<std::uint32_t>& story) {
  std::map<std::uint32_t, std::vector<std::uint32_t>> clusters;
  for (std::size_t i = 0; i < story.size(); ++i) clusters[story[i]].push_back(std::uint32_t(i));
  std::vector<std::vector<std::uint32_t>> multi;
  for (auto& [id, members] : clusters)
    if (members.size() >= 2) multi.push_back(std::move(members));
  return multi;
}

void print_cost(const char* label, std::size_t n, const Fingerprints& f, const Clustering& c) {
  std::printf("%s: %zu articles, fingerprinted %zu\n", label, n, f.fingerprinted);
  std::printf("  fingerprint  %.3f s  %8.0f articles/s  %6.2f us/article\n", f.seconds, double(n) / f.seconds,
              1e6 * f.seconds / double(n));
  std::printf(
      "  cluster      %.3f s  %8.0f articles/s  %6.2f us/article  (%.2f candidate stories/article, "
      "%zu stop-key hits, largest bucket %zu)\n",
      c.seconds, double(n) / c.seconds, 1e6 * c.seconds / double(n),
      double(c.candidates) / double(std::max<std::size_t>(f.fingerprinted, 1)), c.stop_key_hits,
      c.biggest_bucket);
}

// The indexer's quote_joiner.hpp constants (the indexer library is not linked here).
constexpr std::size_t quote_candidates = 5;
constexpr int quote_window_before = 7, quote_window_after = 1;

struct QuoteJoins {
  std::size_t qualifying = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> joins;  // quoting article -> first of its new story
  std::map<std::uint32_t, double> containment;                 // of each joining article's best match
  double seconds = 0;
};

// Applies the quote rule to a clustering in memory (see the file comment).
QuoteJoins join_quotes(const std::vector<Article>& articles, const std::vector<std::string>& bodies,
                       const std::vector<std::optional<Fingerprint>>& fps,
                       std::vector<std::uint32_t>& story) {
  QuoteJoins out;
  const auto start = Clock::now();
  const std::size_t n = bodies.size();
  std::vector<std::vector<std::string>> words(n);
  for (std::size_t i = 0; i < n; ++i) words[i] = content_word_set(bodies[i]);
  const auto day_of = [&](std::size_t i) {
    return articles[i].published
               ? std::chrono::floor<std::chrono::days>(*articles[i].published).time_since_epoch().count()
               : 0;
  };
  std::vector<std::uint32_t> by_day(n);
  for (std::size_t i = 0; i < n; ++i) by_day[i] = std::uint32_t(i);
  std::stable_sort(by_day.begin(), by_day.end(), [&](auto a, auto b) { return day_of(a) < day_of(b); });
  const auto name = [](std::uint32_t i) {  // zero-padded: string order is index order
    char buf[16];
    std::snprintf(buf, sizeof buf, "%010u", i);
    return std::string(buf);
  };
  std::map<std::string, std::string> quotes;
  std::vector<std::pair<double, std::uint32_t>> scored;
  for (std::size_t i = 0; i < n; ++i) {
    if (story[i] != i) continue;
    const std::vector<std::string> quoted = quoted_words(bodies[i]);
    if (!quotes_qualify(quoted)) continue;
    ++out.qualifying;
    auto first = by_day.begin(), last = by_day.end();
    if (articles[i].published) {
      const long day = day_of(i);
      first = std::lower_bound(by_day.begin(), by_day.end(), day - quote_window_before,
                               [&](std::uint32_t j, long d) { return day_of(j) < d; });
      last = std::upper_bound(first, by_day.end(), day + quote_window_after,
                              [&](long d, std::uint32_t j) { return d < day_of(j); });
    }
    scored.clear();
    for (auto it = first; it != last; ++it)
      if (story[*it] != i) scored.emplace_back(-containment(quoted, words[*it]), *it);
    for (auto it = by_day.begin(); articles[i].published && it != first && !articles[*it].published; ++it)
      if (story[*it] != i) scored.emplace_back(-containment(quoted, words[*it]), *it);  // date unknown
    const std::size_t k = std::min(quote_candidates, scored.size());
    std::partial_sort(scored.begin(), scored.begin() + std::ptrdiff_t(k), scored.end());
    std::vector<QuoteCandidate> candidates;
    for (std::size_t c = 0; c < k; ++c)
      candidates.push_back({words[scored[c].second], fps[scored[c].second]});
    if (const auto match = best_quoted_candidate(quoted, fps[i], candidates)) {
      quotes.emplace(name(std::uint32_t(i)), name(story[scored[match->index].second]));
      out.containment[std::uint32_t(i)] = match->containment;
    }
  }
  for (const auto& [from, to] : resolve_quote_joins(quotes)) {
    const auto f = std::uint32_t(std::stoul(from)), t = std::uint32_t(std::stoul(to));
    for (std::uint32_t& s : story)
      if (s == f) s = t;
    out.joins.emplace_back(f, t);
  }
  out.seconds = seconds_since(start);
  return out;
}

// Copy c of a cleaned body: every digit d becomes (d + c) mod 10.
std::string perturb_numbers(std::string body, std::size_t c) {
  for (char& ch : body)
    if (ch >= '0' && ch <= '9') ch = char('0' + (ch - '0' + int(c)) % 10);
  return body;
}

}  // namespace

int main(int argc, char** argv) try {
  const Options options = parse_options(argc, argv);
  Corpus corpus = read_corpus(options.inputs);
  const std::size_t n = corpus.articles.size();
  if (n == 0) throw std::runtime_error("no articles read");
  const auto rules = BoilerplateRules::load();

  // Clean and fingerprint (the per-article work the indexer's workers do).
  std::vector<std::string> bodies(n);
  std::vector<std::size_t> removed(rules->names().size(), 0);
  auto start = Clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    CleanResult cleaned = clean_text(*rules, corpus.articles[i].body);
    for (std::size_t r = 0; r < removed.size(); ++r) removed[r] += cleaned.removed[r];
    bodies[i] = std::move(cleaned.text);
  }
  const double clean_seconds = seconds_since(start);
  const Fingerprints fps = fingerprint_all(bodies);
  start = Clock::now();
  std::size_t qualifying_bodies = 0;  // the indexer's workers check every article's quotes
  for (const std::string& body : bodies) qualifying_bodies += quotes_qualify(quoted_words(body)) ? 1 : 0;
  const double quote_seconds = seconds_since(start);
  Clustering clustering = cluster(fps.fps, options.threshold, options.bucket_cap);
  const std::vector<std::uint32_t> before_quotes = clustering.story;
  QuoteJoins quote_joins;
  if (options.quotes) quote_joins = join_quotes(corpus.articles, bodies, fps.fps, clustering.story);
  const auto multi = multi_clusters(clustering.story);

  std::map<std::string, std::size_t> sizes;
  std::size_t in_multi = 0, largest = 0;
  for (const auto& members : multi) {
    const std::size_t s = members.size();
    in_multi += s;
    largest = std::max(largest, s);
    sizes[s == 2 ? "2" : s == 3 ? "3" : s <= 5 ? "4-5" : s <= 10 ? "6-10" : s <= 50 ? "11-50" : "51+"]++;
  }

  std::printf("articles %zu (%.1f MB read in %.2f s)\n", n, double(corpus.bytes) / 1e6, corpus.read_seconds);
  std::printf(
      "threshold %.2f, K=%zu, bands %zu x %zu rows, bucket cap %s, vetoes: numbers (both >= %zu, "
      "overlap < %.2f), names (overlap < %.2f)\n",
      options.threshold, minhash_size, lsh_bands, lsh_rows,
      options.bucket_cap == SIZE_MAX ? "none" : std::to_string(options.bucket_cap).c_str(), min_veto_numbers,
      numbers_overlap_veto, names_overlap_veto);
  std::printf("boilerplate removed:");
  for (std::size_t r = 0; r < removed.size(); ++r)
    std::printf(" %s %zu", rules->names()[r].c_str(), removed[r]);
  std::printf("\nclean        %.3f s  %8.0f articles/s  %6.2f us/article\n", clean_seconds,
              double(n) / clean_seconds, 1e6 * clean_seconds / double(n));
  print_cost("corpus", n, fps, clustering);
  std::printf(
      "  quotes       %.3f s  %8.0f articles/s  %6.2f us/article  (%zu articles with long quotes "
      "attributed to a report)\n",
      quote_seconds, double(n) / quote_seconds, 1e6 * quote_seconds / double(n), qualifying_bodies);
  std::printf("fingerprint+cluster %.2f us/article\n", 1e6 * (fps.seconds + clustering.seconds) / double(n));
  std::printf("clusters of two or more: %zu holding %zu articles; largest %zu; sizes:", multi.size(),
              in_multi, largest);
  for (const char* key : {"2", "3", "4-5", "6-10", "11-50", "51+"})
    if (sizes.count(key)) std::printf(" %s:%zu", key, sizes[key]);
  std::printf("\n");
  if (options.quotes) {
    std::size_t right = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> wrong;
    for (const auto& [from, to] : quote_joins.joins) {
      if (judge(facts_of(bodies[to]), facts_of(bodies[from])).rule_a)
        ++right;
      else
        wrong.emplace_back(from, to);
    }
    std::printf(
        "quote rule: %zu articles qualify (heads of their own story with >= %zu distinct content words in "
        "quotes of >= %zu bytes attributed to a report), %zu joins (containment >= %.2f, %zu candidates "
        "within -%d..+%d days) in %.2f s; rule A right for %zu of %zu joins (clusters of two or more without "
        "the rule: %zu)\n",
        quote_joins.qualifying, min_quoted_words, min_quote_bytes, quote_joins.joins.size(),
        quote_containment_threshold, quote_candidates, quote_window_before, quote_window_after,
        quote_joins.seconds, right, quote_joins.joins.size(), multi_clusters(before_quotes).size());
    for (const auto& [from, to] : wrong)
      std::printf("  rule A wrong: containment %.2f | %.55s | joined %.55s\n", quote_joins.containment[from],
                  corpus.articles[from].title.c_str(), corpus.articles[to].title.c_str());
  }

  // Precision over a fixed-seed sample of clusters.
  std::vector<std::size_t> order(multi.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::shuffle(order.begin(), order.end(), rng);
  order.resize(std::min(order.size(), options.sample));
  std::size_t pairs = 0, right_a = 0, right_j5 = 0, clean_a = 0, clean_j5 = 0;
  std::printf(
      "\nprecision rules (each member against the cluster's first member):\n"
      "  J5: exact Jaccard of word 5-shingles >= 0.5\n"
      "  A:  J5, or content-word overlap (of the smaller set) >= 0.5 and 2 of the first member's 3 most "
      "frequent names in the member and numbers not disagreeing (both >= 2, overlap < 0.5)\n"
      "sample of %zu clusters (seed %u):\n",
      order.size(), options.seed);
  for (const std::size_t c : order) {
    const auto& members = multi[c];
    const Facts first = facts_of(bodies[members[0]]);
    std::size_t ok_a = 0, ok_j5 = 0;
    double worst = 1.0;
    std::uint32_t worst_member = members[0];
    for (std::size_t m = 1; m < members.size(); ++m) {
      const Verdict v = judge(first, facts_of(bodies[members[m]]));
      ok_a += v.rule_a ? 1 : 0;
      ok_j5 += v.j5 ? 1 : 0;
      if (v.j5_value < worst) {
        worst = v.j5_value;
        worst_member = members[m];
      }
    }
    pairs += members.size() - 1;
    right_a += ok_a;
    right_j5 += ok_j5;
    clean_a += ok_a + 1 == members.size() ? 1 : 0;
    clean_j5 += ok_j5 + 1 == members.size() ? 1 : 0;
    std::printf("  size %3zu  A %3zu/%-3zu J5 %3zu/%-3zu min J5 %.2f est %.2f | %.55s | %.55s\n",
                members.size(), ok_a, members.size() - 1, ok_j5, members.size() - 1, worst,
                estimate_similarity(*fps.fps[members[0]], *fps.fps[worst_member]),
                corpus.articles[members[0]].title.c_str(), corpus.articles[worst_member].title.c_str());
  }
  const auto percent = [&](std::size_t k) { return pairs ? 100.0 * double(k) / double(pairs) : 0.0; };
  std::printf("precision rule A:  %zu of %zu members right (%.1f%%); %zu of %zu clusters entirely right\n",
              right_a, pairs, percent(right_a), clean_a, order.size());
  std::printf("precision rule J5: %zu of %zu members right (%.1f%%); %zu of %zu clusters entirely right\n",
              right_j5, pairs, percent(right_j5), clean_j5, order.size());

  if (options.copies > 1) {
    std::vector<std::string> scaled;
    std::unordered_set<std::string> ids;  // a re-read corpus needs unique ids, as the indexer would
    scaled.reserve(n * options.copies);
    for (std::size_t c = 0; c < options.copies; ++c)
      for (std::size_t i = 0; i < n; ++i) {
        ids.insert(corpus.articles[i].id + (c ? "#" + std::to_string(c) : ""));
        scaled.push_back(c ? perturb_numbers(bodies[i], c) : bodies[i]);
      }
    const Fingerprints scaled_fps = fingerprint_all(scaled);
    const Clustering scaled_clustering = cluster(scaled_fps.fps, options.threshold, options.bucket_cap);
    std::printf(
        "\nscale check: the corpus read %zu times (%zu unique ids), copies with their digits shifted\n",
        options.copies, ids.size());
    print_cost("x1", n, fps, clustering);
    const std::string label = "x" + std::to_string(options.copies);
    print_cost(label.c_str(), scaled.size(), scaled_fps, scaled_clustering);
    std::printf("  clusters of two or more at %s: %zu; cluster cost per article %s / x1 = %.2f\n",
                label.c_str(), multi_clusters(scaled_clustering.story).size(), label.c_str(),
                (scaled_clustering.seconds / double(scaled.size())) / (clustering.seconds / double(n)));
  }
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "cluster_report: %s\n", e.what());
  return 1;
}
