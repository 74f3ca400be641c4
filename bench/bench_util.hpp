/// @file
/// @brief Helpers shared by the benchmark programs: deterministic random streams, the civil calendar,
/// the source key the Sphinx peer filters on, and latency statistics.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::bench {

/// splitmix64's finaliser: a good 64-bit mix.
inline std::uint64_t mix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

/// A deterministic random stream for (seed, index, stream): the same numbers on every machine.
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t index, std::uint64_t stream)
      : state_(mix(mix(seed) ^ mix(index * 8 + stream))) {}
  std::uint64_t next() { return mix(state_ += 0x9e3779b97f4a7c15ULL); }
  /// Uniform in [0, n); 0 when n is 0.
  std::uint64_t below(std::uint64_t n) { return n ? next() % n : 0; }
  double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  bool chance(double p) { return unit() < p; }
  template <class V>
  const auto& pick(const V& values) {
    return values[below(values.size())];
  }

 private:
  std::uint64_t state_;
};

/// A calendar day.
struct Civil {
  int year;
  unsigned month, day;
};

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
inline std::int64_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

/// The date of a day number (inverse of days_from_civil).
inline Civil civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<int>(yoe) + static_cast<int>(era * 400) + (m <= 2), m, d};
}

/// YYYYMMDD as an integer (the Sphinx peer's `day` attribute).
inline std::uint32_t yyyymmdd(const Civil& c) {
  return static_cast<std::uint32_t>(c.year) * 10000 + c.month * 100 + c.day;
}

/// The Sphinx peer's integer key for an outlet: FNV-1a of the name, ASCII-lower-cased, runs of spaces
/// collapsed, trimmed. sphinx-dump and make-queries must agree, so both call this.
inline std::uint32_t source_key(std::string_view source) {
  std::uint32_t h = 2166136261u;
  bool space = false, started = false;
  for (char c : source) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = started;
      continue;
    }
    if (space) h = (h ^ ' ') * 16777619u;
    space = false;
    started = true;
    const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    h = (h ^ static_cast<unsigned char>(lower)) * 16777619u;
  }
  return h;
}

/// Prints one line of latency statistics in milliseconds, `key=value` pairs for bench/run.sh:
/// `queries=N errors=E median_ms=... p95_ms=... p99_ms=... mean_ms=... total_s=...`.
inline void print_latencies(std::vector<double> ms, std::size_t errors) {
  std::sort(ms.begin(), ms.end());
  auto quantile = [&](double q) {
    if (ms.empty()) return 0.0;
    const auto at = static_cast<std::size_t>(q * static_cast<double>(ms.size() - 1) + 0.5);
    return ms[std::min(at, ms.size() - 1)];
  };
  double total = 0;
  for (double v : ms) total += v;
  std::printf("queries=%zu errors=%zu median_ms=%.3f p95_ms=%.3f p99_ms=%.3f mean_ms=%.3f total_s=%.3f\n",
              ms.size(), errors, quantile(0.5), quantile(0.95), quantile(0.99),
              ms.empty() ? 0.0 : total / static_cast<double>(ms.size()), total / 1000);
}

}  // namespace gazette::bench
