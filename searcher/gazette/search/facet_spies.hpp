/// @file
/// @brief FacetSpies: the facet counts of the matches one Enquire visits.
#pragma once

#include <xapian.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gazette/search/response.hpp"

namespace gazette {

/// Counts every facet over the matches of one get_mset, in one of two ways that count the same values:
/// - packed (local databases): one spy reads slot_facets, one value per match (schema/facet_values.hpp);
/// - per slot (any remote shard): one built-in ValueCountMatchSpy per facet slot, since xapian-tcpsrv runs
///   only Xapian's own spies. A field spread over several slots (one entity per slot) is summed.
class FacetSpies {
 public:
  explicit FacetSpies(bool packed);
  ~FacetSpies();
  FacetSpies(const FacetSpies&) = delete;
  FacetSpies& operator=(const FacetSpies&) = delete;

  void attach(Xapian::Enquire& enquire);

  /// How many matches the packed spy has counted (0 for per-slot spies).
  Xapian::doccount seen() const noexcept;

  /// The counts after the match, each multiplied by scale (the inverse of the sampled share).
  Facets collect(Granularity granularity, std::size_t values_per_field, std::size_t scale) const;

  /// One slot's counts: value -> matches holding it.
  using SlotCounts = std::map<std::string, Xapian::doccount, std::less<>>;

 private:
  std::map<Xapian::valueno, SlotCounts> slot_counts() const;

  class PackedSpy;
  std::unique_ptr<PackedSpy> packed_;
  std::vector<std::pair<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>>> per_slot_;
};

}  // namespace gazette
