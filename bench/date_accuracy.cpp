/// @file
/// @brief Publication days detected from Reuters-21578 datelines against the <DATE> gold, and
/// mention-scanning speed.
///
/// Usage: date_accuracy [PATH]   (PATH: a Reuters-21578 folder or .sgm file; default
/// ../shared/corpora/reuters21578) The <DATE> field is ignored for detection: each article's day comes from
/// its <DATELINE> alone, with the reference day 1987-12-31 (the collection covers February to October 1987,
/// so the dateline rule "the year that puts the day on or before the reference" gives 1987), and is compared
/// with the day of <DATE>. A second figure settles the detected days of each file on the feed's clock
/// (gazette-index --feed-order): the datelines of neighbouring articles, never <DATE>.
#include <chrono>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "gazette/core/error.hpp"
#include "gazette/dates/feed_clock.hpp"
#include "gazette/dates/mentions.hpp"
#include "gazette/dates/publication_date.hpp"
#include "gazette/readers/reader.hpp"

namespace {

using namespace std::chrono;

/// One article with a dateline: the day detected from it and the gold day.
struct Detection {
  std::optional<gazette::Day> detected, gold;
  std::string where;  // origin and dateline, for the mismatch list
};

struct Tally {
  long articles = 0, with_dateline = 0, detected = 0, matching = 0, within_one_day = 0, without_gold = 0;
  long matching_on_feed_clock = 0;
  std::vector<std::string> mismatches;                       // the first ten
  std::vector<std::pair<std::string, gazette::Day>> bodies;  // text and publication day, for the speed run
};

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n-") == std::string::npos;
}

constexpr gazette::Day reference = sys_days{1987y / December / 31};

// Records the article; returns its detection when it has a dateline.
std::optional<Detection> detect(gazette::Article& article, Tally& tally) {
  ++tally.articles;
  if (!article.published) ++tally.without_gold;
  tally.bodies.emplace_back(std::move(article.body),
                            article.published ? floor<days>(*article.published) : reference);
  if (blank(article.dateline)) return std::nullopt;
  const auto found =
      gazette::dates::detect_publication_date(gazette::dates::PublicationInputs{.dateline = article.dateline},
                                              {gazette::Instant{reference}, reference});
  Detection detection;
  detection.where = article.origin + "  dateline '" + article.dateline + "'";
  if (found.published) detection.detected = floor<days>(*found.published);
  if (article.published) detection.gold = floor<days>(*article.published);
  return detection;
}

// Scores one file's detections alone and settled on the feed's clock.
void score(const std::vector<Detection>& file, Tally& tally) {
  gazette::dates::FeedClock clock;
  for (const auto& detection : file) clock.push(detection.detected);
  clock.finish();
  for (const auto& detection : file) {
    const auto settled = clock.pop();
    ++tally.with_dateline;
    if (!detection.detected) continue;
    ++tally.detected;
    if (!detection.gold) continue;
    const gazette::Day detected = *detection.detected, gold = *detection.gold;
    if (detected == gold) ++tally.matching;
    if (settled == gold) ++tally.matching_on_feed_clock;
    if (abs((detected - gold).count()) <= 1) ++tally.within_one_day;
    if (detected != gold && tally.mismatches.size() < 10)
      tally.mismatches.push_back(detection.where + "  detected " + gazette::format_iso_day(detected) +
                                 "  gold " + gazette::format_iso_day(gold));
  }
}

// Scans every body for mentions five times; returns the best MB/s and the number of mentions per pass.
std::pair<double, std::size_t> mention_speed(const Tally& tally) {
  double bytes = 0, best_seconds = 1e9;
  std::size_t mentions = 0;
  for (const auto& [body, day] : tally.bodies) bytes += double(body.size());
  for (int pass = 0; pass < 5; ++pass) {
    mentions = 0;
    const auto start = steady_clock::now();
    for (const auto& [body, day] : tally.bodies)
      mentions += gazette::dates::find_date_mentions(body, day).size();
    best_seconds = std::min(best_seconds, duration<double>(steady_clock::now() - start).count());
  }
  return {bytes / 1e6 / best_seconds, mentions};
}

double percent(long part, long whole) {
  return whole == 0 ? 0.0 : 100.0 * double(part) / double(whole);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 || (argc == 2 && std::string(argv[1]).starts_with("-"))) {
    std::fprintf(stderr,
                 "usage: date_accuracy [REUTERS_DIR_OR_SGM]   (default ../shared/corpora/reuters21578)\n");
    return gazette::exit_usage;
  }
  try {
    const auto inputs = gazette::expand_inputs({argc == 2 ? argv[1] : "../shared/corpora/reuters21578"});
    for (const auto& problem : inputs.problems)
      std::fprintf(stderr, "%s: %s\n", problem.where.c_str(), problem.reason.c_str());
    if (inputs.files.empty()) return gazette::exit_fatal;
    Tally tally;
    for (const auto& file : inputs.files) {
      const auto reader = gazette::open_reader(file);
      std::vector<Detection> detections;
      while (auto item = reader->next())
        if (auto* article = std::get_if<gazette::Article>(&*item))
          if (auto detection = detect(*article, tally)) detections.push_back(std::move(*detection));
      score(detections, tally);
    }
    const auto [mb_per_second, mentions] = mention_speed(tally);
    std::printf(
        "reference day:        1987-12-31 (datelines carry no year; Reuters-21578 is Feb-Oct 1987)\n");
    std::printf("articles:             %ld (%ld without a <DATE> gold day)\n", tally.articles,
                tally.without_gold);
    std::printf("with a dateline:      %ld\n", tally.with_dateline);
    std::printf("detected:             %ld\n", tally.detected);
    std::printf("matching gold day:    %ld\n", tally.matching);
    std::printf("share:                %.2f%% of articles with a dateline, %.2f%% of detected\n",
                percent(tally.matching, tally.with_dateline), percent(tally.matching, tally.detected));
    std::printf("within one day:       %.2f%% of articles with a dateline\n",
                percent(tally.within_one_day, tally.with_dateline));
    std::printf(
        "on the feed's clock:  %.2f%% of articles with a dateline (%ld; gazette-index --feed-order)\n",
        percent(tally.matching_on_feed_clock, tally.with_dateline), tally.matching_on_feed_clock);
    std::printf("first mismatches:\n");
    for (const auto& line : tally.mismatches) std::printf("  %s\n", line.c_str());
    std::printf(
        "mention scanning:     %.0f MB/s over %zu bodies, %zu mentions (best of 5 passes, one thread)\n",
        mb_per_second, tally.bodies.size(), mentions);
    return gazette::exit_ok;
  } catch (const gazette::Error& error) {
    std::fprintf(stderr, "date_accuracy: %s\n", error.what());
    return gazette::exit_status_for(error.code());
  } catch (const std::exception& error) {
    std::fprintf(stderr, "date_accuracy: %s\n", error.what());
    return gazette::exit_fatal;
  }
}
