/// @file
/// @brief Story clustering on a corpus: clusters of two or more, their sizes, throughput of cleaning,
/// fingerprinting and clustering, and a precision estimate over a random sample of clusters.
///
/// Usage: cluster_report [PATH...] [--threshold T] [--sample N] [--seed S]
///   PATH: input files or folders in any Gazette format (default ../shared/corpora/reuters21578).
/// Every article is cleaned (boilerplate rules) and fingerprinted, then assigned in input order with an
/// in-memory LSH index and the library's decision (best_story_match over the first articles of the stories
/// found through its band terms): it joins the best story or starts its own, as the indexer should. Precision rule: a member of a sampled cluster is right
/// when the exact Jaccard index of word 5-shingles (lower-cased words of letters and digits, stopwords kept)
/// between it and the cluster's first member is at least 0.5; the rule is printed with the figures.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <variant>
#include <vector>

#include <xxhash.h>

#include "gazette/cleanup/boilerplate.hpp"
#include "gazette/readers/reader.hpp"
#include "gazette/stories/fingerprint.hpp"

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
    else if (arg.starts_with("--"))
      throw std::runtime_error("unknown option " + arg);
    else
      options.inputs.push_back(arg);
  }
  if (options.inputs.empty()) options.inputs.push_back("../shared/corpora/reuters21578");
  return options;
}

// The precision rule's features: hashes of 5 consecutive lower-cased words.
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

double jaccard(const std::unordered_set<std::uint64_t>& a, const std::unordered_set<std::uint64_t>& b) {
  if (a.empty() && b.empty()) return 1.0;
  std::size_t common = 0;
  for (const auto h : a) common += b.count(h);
  return double(common) / double(a.size() + b.size() - common);
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
  for (const auto& problem : list.problems) std::fprintf(stderr, "%s: %s\n", problem.where.c_str(), problem.reason.c_str());
  for (const auto& path : list.files) {
    auto reader = open_reader(path);
    while (auto item = reader->next())
      if (auto* article = std::get_if<Article>(&*item)) corpus.articles.push_back(std::move(*article));
    corpus.bytes += reader->bytes_read();
  }
  corpus.read_seconds = seconds_since(start);
  return corpus;
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
  std::vector<std::optional<Fingerprint>> fps(n);
  std::vector<std::size_t> removed(rules->names().size(), 0);
  auto start = Clock::now();
  for (std::size_t i = 0; i < n; ++i) {
    CleanResult cleaned = clean_text(*rules, corpus.articles[i].body);
    for (std::size_t r = 0; r < removed.size(); ++r) removed[r] += cleaned.removed[r];
    bodies[i] = std::move(cleaned.text);
  }
  const double clean_seconds = seconds_since(start);
  start = Clock::now();
  for (std::size_t i = 0; i < n; ++i) fps[i] = fingerprint(bodies[i]);
  const double fingerprint_seconds = seconds_since(start);

  // Assign stories in input order through an in-memory LSH index (the writer's serial stage).
  start = Clock::now();
  std::unordered_map<std::string, std::vector<std::uint32_t>> buckets;
  std::vector<std::uint32_t> story(n), seen(n, UINT32_MAX);
  std::vector<std::uint32_t> candidate_ids;
  std::vector<Fingerprint> candidates;
  std::size_t total_candidates = 0, fingerprinted = 0;
  for (std::size_t i = 0; i < n; ++i) {
    story[i] = std::uint32_t(i);
    if (!fps[i]) continue;
    ++fingerprinted;
    const auto terms = band_terms(*fps[i]);
    candidate_ids.clear();
    candidates.clear();
    // Candidates are the stories of the articles sharing a band, each represented by its first article, so
    // every member stays within the threshold of its story's first version (no chaining).
    for (const auto& term : terms) {
      const auto it = buckets.find(term);
      if (it == buckets.end()) continue;
      for (const std::uint32_t j : it->second)
        if (seen[story[j]] != i) {
          seen[story[j]] = std::uint32_t(i);
          candidate_ids.push_back(story[j]);
        }
    }
    std::sort(candidate_ids.begin(), candidate_ids.end());  // older first: ties go to the older story
    for (const std::uint32_t j : candidate_ids) candidates.push_back(*fps[j]);
    total_candidates += candidates.size();
    if (const auto match = best_story_match(*fps[i], candidates, options.threshold))
      story[i] = candidate_ids[match->index];
    for (const auto& term : terms) buckets[term].push_back(std::uint32_t(i));
  }
  const double cluster_seconds = seconds_since(start);

  std::map<std::uint32_t, std::vector<std::uint32_t>> clusters;
  for (std::size_t i = 0; i < n; ++i) clusters[story[i]].push_back(std::uint32_t(i));
  std::vector<std::vector<std::uint32_t>> multi;
  for (auto& [id, members] : clusters)
    if (members.size() >= 2) multi.push_back(std::move(members));
  std::map<std::string, std::size_t> sizes;
  std::size_t in_multi = 0, largest = 0, biggest_bucket = 0;
  for (const auto& members : multi) {
    const std::size_t s = members.size();
    in_multi += s;
    largest = std::max(largest, s);
    sizes[s == 2 ? "2" : s == 3 ? "3" : s <= 5 ? "4-5" : s <= 10 ? "6-10" : s <= 50 ? "11-50" : "51+"]++;
  }
  for (const auto& [term, members] : buckets) biggest_bucket = std::max(biggest_bucket, members.size());

  std::printf("articles %zu (%.1f MB read in %.2f s), fingerprinted %zu (the rest too short)\n", n,
              double(corpus.bytes) / 1e6, corpus.read_seconds, fingerprinted);
  std::printf("threshold %.2f, K=%zu, bands %zu x %zu rows\n", options.threshold, minhash_size, lsh_bands, lsh_rows);
  std::printf("boilerplate removed:");
  for (std::size_t r = 0; r < removed.size(); ++r) std::printf(" %s %zu", rules->names()[r].c_str(), removed[r]);
  std::printf("\nclean        %.3f s  %8.0f articles/s  %6.2f us/article\n", clean_seconds, double(n) / clean_seconds,
              1e6 * clean_seconds / double(n));
  std::printf("fingerprint  %.3f s  %8.0f articles/s  %6.2f us/article\n", fingerprint_seconds,
              double(n) / fingerprint_seconds, 1e6 * fingerprint_seconds / double(n));
  std::printf("cluster      %.3f s  %8.0f articles/s  %6.2f us/article  (%.2f candidate stories/article, largest "
              "bucket %zu)\n",
              cluster_seconds, double(n) / cluster_seconds, 1e6 * cluster_seconds / double(n),
              double(total_candidates) / double(std::max<std::size_t>(fingerprinted, 1)), biggest_bucket);
  std::printf("fingerprint+cluster %.2f us/article\n", 1e6 * (fingerprint_seconds + cluster_seconds) / double(n));
  std::printf("clusters of two or more: %zu holding %zu articles; largest %zu; sizes:", multi.size(), in_multi,
              largest);
  for (const char* key : {"2", "3", "4-5", "6-10", "11-50", "51+"})
    if (sizes.count(key)) std::printf(" %s:%zu", key, sizes[key]);
  std::printf("\n");

  // Precision over a fixed-seed sample of clusters.
  std::vector<std::size_t> order(multi.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937 rng(options.seed);
  std::shuffle(order.begin(), order.end(), rng);
  order.resize(std::min(order.size(), options.sample));
  std::size_t pairs = 0, right = 0, clean_clusters = 0;
  std::printf("\nprecision rule: a member is right when the exact Jaccard of word 5-shingles between it and the "
              "cluster's first member is >= 0.5\nsample of %zu clusters (seed %u):\n",
              order.size(), options.seed);
  for (const std::size_t c : order) {
    const auto& members = multi[c];
    const auto first = word_5_shingles(bodies[members[0]]);
    std::size_t ok = 0;
    double worst = 1.0;
    std::uint32_t worst_member = members[0];
    for (std::size_t m = 1; m < members.size(); ++m) {
      const double j = jaccard(first, word_5_shingles(bodies[members[m]]));
      ok += j >= 0.5 ? 1 : 0;
      if (j < worst) {
        worst = j;
        worst_member = members[m];
      }
    }
    pairs += members.size() - 1;
    right += ok;
    clean_clusters += ok + 1 == members.size() ? 1 : 0;
    std::printf("  size %3zu  right %3zu/%-3zu  min J5 %.2f  est %.2f  | %.60s | %.60s\n", members.size(), ok,
                members.size() - 1, worst, estimate_similarity(*fps[members[0]], *fps[worst_member]),
                corpus.articles[members[0]].title.c_str(), corpus.articles[worst_member].title.c_str());
  }
  std::printf("precision: %zu of %zu members right (%.1f%%); %zu of %zu clusters entirely right\n", right, pairs,
              pairs ? 100.0 * double(right) / double(pairs) : 0.0, clean_clusters, order.size());
  return 0;
} catch (const std::exception& e) {
  std::fprintf(stderr, "cluster_report: %s\n", e.what());
  return 1;
}
