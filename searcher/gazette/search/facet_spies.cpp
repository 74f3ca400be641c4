/// @file
/// @brief FacetSpies: packed or per-slot facet counting, and the facets built from the counts.
#include "gazette/search/facet_spies.hpp"

#include <algorithm>

#include "gazette/schema/facet_values.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/search/date_histogram.hpp"

namespace gazette {

/// Counts every facet slot from slot_facets: one value read per match instead of one per slot.
class FacetSpies::PackedSpy : public Xapian::MatchSpy {
 public:
  void operator()(const Xapian::Document& document, double) override {
    ++seen_;
    schema::for_each_facet_value(document.get_value(schema::slot_facets),
                                 [this](Xapian::valueno slot, std::string_view value) {
                                   SlotCounts& counts = counts_[slot];
                                   if (auto it = counts.find(value); it != counts.end())
                                     ++it->second;
                                   else
                                     counts.emplace(value, 1);
                                 });
  }
  const std::map<Xapian::valueno, SlotCounts>& counts() const noexcept { return counts_; }
  Xapian::doccount seen() const noexcept { return seen_; }

 private:
  Xapian::doccount seen_ = 0;
  std::map<Xapian::valueno, SlotCounts> counts_;
};

FacetSpies::FacetSpies(bool packed) {
  if (packed) {
    packed_ = std::make_unique<PackedSpy>();
    return;
  }
  for (const schema::Field& field : schema::fields)
    for (unsigned i = 0; field.slot && i < field.slot_count; ++i)
      per_slot_.emplace_back(*field.slot + i, std::make_unique<Xapian::ValueCountMatchSpy>(*field.slot + i));
}

FacetSpies::~FacetSpies() = default;

void FacetSpies::attach(Xapian::Enquire& enquire) {
  if (packed_) enquire.add_matchspy(packed_.get());
  for (auto& [slot, spy] : per_slot_) enquire.add_matchspy(spy.get());
}

Xapian::doccount FacetSpies::seen() const noexcept {
  return packed_ ? packed_->seen() : 0;
}

std::map<Xapian::valueno, FacetSpies::SlotCounts> FacetSpies::slot_counts() const {
  if (packed_) return packed_->counts();
  std::map<Xapian::valueno, SlotCounts> counts;
  for (const auto& [number, spy] : per_slot_) {
    SlotCounts& slot = counts[number];
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it) slot[*it] = it.get_termfreq();
  }
  return counts;
}

Facets FacetSpies::collect(Granularity granularity, std::size_t values_per_field, std::size_t scale) const {
  const std::map<Xapian::valueno, SlotCounts> counts = slot_counts();
  const auto slot = [&counts](Xapian::valueno number) -> const SlotCounts& {
    static const SlotCounts none;
    const auto it = counts.find(number);
    return it == counts.end() ? none : it->second;
  };
  Facets facets;
  std::map<Day, std::size_t> per_day;
  for (const auto& [value, count] : slot(schema::slot_day))
    if (const auto day = parse_compact_day(value)) per_day[*day] += count * scale;
  facets.dates = build_date_histogram(per_day, granularity);

  for (const schema::Field& field : schema::fields) {
    if (!field.slot || field.kind == schema::FieldKind::date) continue;
    std::map<std::string, std::size_t> summed;
    for (unsigned i = 0; i < field.slot_count; ++i)
      for (const auto& [value, count] : slot(*field.slot + i)) summed[value] += count * scale;
    FieldFacet& facet = facets.fields.emplace_back(FieldFacet{std::string(field.name), {}});
    for (auto& [value, count] : summed) facet.values.push_back({value, count});
    std::stable_sort(facet.values.begin(), facet.values.end(),
                     [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
    if (facet.values.size() > values_per_field) facet.values.resize(values_per_field);
  }
  return facets;
}

}  // namespace gazette
