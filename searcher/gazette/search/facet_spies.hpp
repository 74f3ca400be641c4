/// @file
/// @brief FacetSpies: the facet counts of the matches one Enquire visits.
#pragma once

#include <xapian.h>

#include <deque>
#include <map>
#include <memory>
#include <string>
#include <string_view>
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
  /// packed: count from slot_facets, at most `limit` matches (past it, seen() is 0 and the counts partial).
  explicit FacetSpies(bool packed, Xapian::doccount limit = Xapian::doccount(-1));
  ~FacetSpies();
  FacetSpies(const FacetSpies&) = delete;
  FacetSpies& operator=(const FacetSpies&) = delete;

  void attach(Xapian::Enquire& enquire);

  /// How many matches the packed spy has counted, when it counted all it saw (else 0, as for per-slot spies).
  Xapian::doccount seen() const noexcept;

  /// The counts after the match, each multiplied by scale (the inverse of the sampled share).
  Facets collect(Granularity granularity, std::size_t values_per_field, std::size_t scale) const;

  /// One slot's counted values and how many matches hold each.
  using SlotValues = std::vector<std::pair<std::string_view, Xapian::doccount>>;

 private:
  /// Every slot's values; the views point into the spies or into `owned`.
  std::map<Xapian::valueno, SlotValues> slot_values(std::deque<std::string>& owned) const;

  class PackedSpy;
  std::unique_ptr<PackedSpy> packed_;
  std::vector<std::pair<Xapian::valueno, std::unique_ptr<Xapian::ValueCountMatchSpy>>> per_slot_;
};

}  // namespace gazette
