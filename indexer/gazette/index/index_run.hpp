/// @file
/// @brief One indexing run: inputs read, analysed on all cores, written by one writer, summarised.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "gazette/analysis/analyzer.hpp"
#include "gazette/core/time.hpp"
#include "gazette/index/shard_scheme.hpp"
#include "gazette/readers/reader.hpp"
#include "gazette/stories/fingerprint.hpp"

namespace gazette {

/// What gazette-index was asked to do.
struct IndexOptions {
  std::filesystem::path db;           ///< database directory (created when missing)
  std::vector<std::string> inputs;    ///< files, directories, or "-" for standard input
  std::optional<InputFormat> format;  ///< forces the input format (needed for "-")
  std::filesystem::path rejects;      ///< reject file; empty means "<db>.rejects.jsonl"
  AnalyzerSettings analyzer;
  std::string default_language = "en";  ///< ISO 639-1 code for articles that do not name one
  std::size_t batch_size = 10000;       ///< documents per commit
  unsigned threads = 0;                 ///< analysis threads; 0 means one per core
  std::optional<Day> reference_date;    ///< for datelines without a year
  bool feed_order = false;  ///< inputs are wire feeds in transmission order: settle datelines (FeedClock)
  bool boilerplate = true;  ///< remove promos, credits and link lists from bodies
  bool entities = true;     ///< extract people, organisations and places
  bool mentions = true;     ///< index the dates the text mentions
  bool stories = true;      ///< group near-duplicates into stories
  double story_threshold = default_story_threshold;  ///< estimated similarity to join a story
  bool progress = true;                              ///< a progress line on stderr for runs over a second
  bool force = false;                                ///< read files the manifest says are unchanged
  bool dry_run = false;                ///< report what would be added, replaced and rejected; write nothing
  std::filesystem::path stored_input;  ///< read the articles stored in this database instead of inputs
  /// Write a sharded archive routed this way (--shards); an existing sharded archive keeps its own.
  std::optional<ShardScheme> shards;
};

/// What an indexing run did.
struct IndexSummary {
  std::size_t files = 0;
  std::size_t skipped_files = 0;  ///< unchanged since the manifest recorded them
  bool dry_run = false;
  int interrupted_by = 0;  ///< SIGINT or SIGTERM stopped the run early (what was read is committed)
  std::size_t read = 0;    ///< articles read (good and rejected records)
  std::size_t added = 0;
  std::size_t replaced = 0;
  std::size_t duplicates = 0;         ///< ids seen twice in this run
  std::size_t joined_stories = 0;     ///< articles that joined the story of a near-duplicate
  std::size_t story_comparisons = 0;  ///< fingerprints compared to find them
  std::size_t quote_checked = 0;      ///< quoting articles heading their own story (quote_joiner.hpp)
  std::size_t quote_joins = 0;        ///< of those, articles that joined the story they quote
  double quote_seconds = 0;           ///< time of the quote pass
  std::size_t rejected = 0;
  std::size_t warnings = 0;
  std::size_t bytes = 0;                                         ///< input bytes (decompressed)
  std::vector<std::pair<std::string, std::size_t>> boilerplate;  ///< removals per rule
  double seconds = 0;
  std::size_t documents = 0;  ///< documents in the database afterwards
  std::filesystem::path rejects_path;
};

/// The reject file used when IndexOptions::rejects is empty.
std::filesystem::path default_rejects_path(const std::filesystem::path& db);

/// Runs the indexer; messages (warnings, rejections, progress) go to log.
/// @throws gazette::Error for failures that stop the whole run (database locked, not writable, settings
/// mismatch); bad records never throw, they are counted and written to the reject file.
IndexSummary run_index(const IndexOptions& options, std::ostream& log);

/// Re-analyses every article stored in options.db into a new database beside it, then swaps it in place.
/// The old database stays locked and untouched until the new one is complete; a rebuild stopped halfway
/// leaves only a work folder (removed by the next rebuild). Works on databases of older schema versions.
/// @throws gazette::Error as run_index does, or (unavailable) when the swap fails.
IndexSummary rebuild_index(const IndexOptions& options, std::ostream& log);

/// The summary as a few human-readable lines.
void print_summary(const IndexSummary& summary, std::ostream& out);

}  // namespace gazette
