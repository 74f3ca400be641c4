/// @file
/// @brief FacetSpies: packed or per-slot facet counting, and the facets built from the counts.
#include "gazette/search/facet_spies.hpp"

#include <algorithm>
#include <deque>
#include <memory_resource>
#include <string_view>
#include <unordered_map>

#include "gazette/schema/facet_values.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/search/date_histogram.hpp"
#include "gazette/search/key_counter.hpp"

namespace gazette {

/// Counts every facet slot from slot_facets: one value read per match instead of one per slot, and one hash
/// lookup per value. Past `limit` matches it only counts them (the caller then counts another way).
class FacetSpies::PackedSpy : public Xapian::MatchSpy {
 public:
  explicit PackedSpy(Xapian::doccount limit) : limit_(limit) {}

  void operator()(const Xapian::Document& document, double) override {
    if (++seen_ > limit_) return;
    schema::for_each_facet_value(document.get_value(schema::slot_facets),
                                 [this](const schema::PackedFacetValue& v) { counts_.add(v.key); });
  }

  void add_values(std::map<Xapian::valueno, SlotValues>& values) const {
    counts_.for_each([&values](std::string_view key, Xapian::doccount count) {
      values[schema::facet_key_slot(key)].emplace_back(key.substr(1), count);
    });
  }
  Xapian::doccount seen() const noexcept { return seen_; }
  bool complete() const noexcept { return seen_ <= limit_; }

 private:
  Xapian::doccount limit_;
  Xapian::doccount seen_ = 0;
  KeyCounter counts_;  ///< by slot byte + value
};

FacetSpies::FacetSpies(bool packed, Xapian::doccount limit) {
  if (packed) {
    packed_ = std::make_unique<PackedSpy>(limit);
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
  return packed_ && packed_->complete() ? packed_->seen() : 0;
}

std::map<Xapian::valueno, FacetSpies::SlotValues> FacetSpies::slot_values(
    std::deque<std::string>& owned) const {
  std::map<Xapian::valueno, SlotValues> values;
  if (packed_) packed_->add_values(values);
  for (const auto& [number, spy] : per_slot_) {
    SlotValues& slot = values[number];
    for (auto it = spy->values_begin(); it != spy->values_end(); ++it)
      slot.emplace_back(owned.emplace_back(*it), it.get_termfreq());
  }
  return values;
}

namespace {

/// The values_per_field most frequent values (ties in value order), each count multiplied by scale.
std::vector<FacetValue> top_values(std::vector<std::pair<std::string_view, std::size_t>> counted,
                                   std::size_t values_per_field, std::size_t scale) {
  const auto more_frequent = [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  };
  const std::size_t kept = std::min(values_per_field, counted.size());
  std::partial_sort(counted.begin(), counted.begin() + std::ptrdiff_t(kept), counted.end(), more_frequent);
  std::vector<FacetValue> top;
  for (std::size_t i = 0; i < kept; ++i)
    top.push_back({std::string(counted[i].first), counted[i].second * scale});
  return top;
}

}  // namespace

Facets FacetSpies::collect(Granularity granularity, std::size_t values_per_field, std::size_t scale) const {
  std::deque<std::string> owned;
  const std::map<Xapian::valueno, SlotValues> values = slot_values(owned);
  const auto slot = [&values](Xapian::valueno number) -> const SlotValues& {
    static const SlotValues none;
    const auto it = values.find(number);
    return it == values.end() ? none : it->second;
  };
  Facets facets;
  std::map<Day, std::size_t> per_day;
  for (const auto& [value, count] : slot(schema::slot_day))
    if (const auto day = parse_compact_day(value)) per_day[*day] += count * scale;
  facets.dates = build_date_histogram(per_day, granularity);

  std::pmr::monotonic_buffer_resource arena(64 * 1024);
  for (const schema::Field& field : schema::fields) {
    if (!field.slot || field.kind == schema::FieldKind::date) continue;
    std::pmr::unordered_map<std::string_view, std::size_t> summed(&arena);  // an entity may sit in any slot
    for (unsigned i = 0; i < field.slot_count; ++i)
      for (const auto& [value, count] : slot(*field.slot + i)) summed[value] += count;
    facets.fields.push_back(FieldFacet{std::string(field.name),
                                       top_values({summed.begin(), summed.end()}, values_per_field, scale)});
  }
  return facets;
}

}  // namespace gazette
