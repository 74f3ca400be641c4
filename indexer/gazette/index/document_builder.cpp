/// @file
/// @brief DocumentBuilder: terms, values and data of one article, as schema.hpp defines them.
#include "gazette/index/document_builder.hpp"

#include <algorithm>
#include <map>

#include "gazette/core/hash.hpp"
#include "gazette/schema/facet_values.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace prefix = schema::prefix;

void set_story(Xapian::Document& document, const std::string& story) {
  document.add_value(schema::slot_story, story);
  document.add_boolean_term(schema::story_term(story));
}

DocumentBuilder::DocumentBuilder(const AnalyzerSettings& settings) : analyzer_(settings) {}

Xapian::termpos DocumentBuilder::add_text(Xapian::Document& doc, std::string_view text,
                                          Xapian::termpos first_position, bool is_title) {
  tokens_.clear();
  analyzer_.tokenize(text, tokens_);
  Xapian::termpos position = first_position;
  std::string title_term;
  for (const Token& token : tokens_) {
    count_spelling(spellings_, token.text);
    const std::string term = analyzer_.stem(token.text);
    if (term.empty() || term.size() > schema::max_term_bytes - prefix::title.size()) continue;
    if (is_title) {
      doc.add_posting(term, position, schema::title_wdf);
      title_term.assign(prefix::title).append(term);
      doc.add_posting(title_term, position);
    } else {
      doc.add_posting(term, position);
    }
    ++position;
  }
  return position;
}

namespace {

/// Entity filter terms, and the first schema::entity_slots entities of each type in that type's slots.
void add_entities(Xapian::Document& doc, const std::vector<NamedEntity>& entities) {
  unsigned used[3] = {0, 0, 0};
  for (const NamedEntity& entity : entities) {
    const schema::Field& field = schema::entity_field(entity.type);
    doc.add_boolean_term(std::string(field.prefix) + schema::canonical_filter_value(entity.name));
    unsigned& n = used[unsigned(entity.type)];
    if (n < field.slot_count) doc.add_value(*field.slot + n++, entity.name);
  }
}

/// XMD/XMM/XMY terms for every period a mention covers, and the most mentioned months (or years) in slots.
void add_mentions(Xapian::Document& doc, const std::vector<dates::DateMention>& mentions) {
  using namespace std::chrono;
  constexpr int max_periods = 62;        // "the past 100 years" must not add a hundred terms
  std::map<std::string, unsigned> keys;  // "YYYY-MM" or "YYYY" -> mentions
  for (const dates::DateMention& m : mentions) {
    Day day = m.first_day;
    for (int i = 0; i < std::min(m.count, max_periods); ++i) {
      const year_month_day ymd{day};
      switch (m.granularity) {
        case dates::Granularity::day:
          doc.add_boolean_term(schema::mention_day_term(day));
          day += days{1};
          break;
        case dates::Granularity::month:
          day = sys_days{(ymd.year() / ymd.month() + months{1}) / 1};
          break;
        case dates::Granularity::year:
          day = sys_days{(ymd.year() + years{1}) / January / 1};
          break;
      }
      if (m.granularity != dates::Granularity::year)
        doc.add_boolean_term(schema::mention_month_term(sys_days{ymd}));
      doc.add_boolean_term(schema::mention_year_term(sys_days{ymd}));
      const std::string iso = format_iso_day(sys_days{ymd});
      ++keys[m.granularity == dates::Granularity::year ? iso.substr(0, 4) : iso.substr(0, 7)];
    }
  }
  std::vector<std::pair<std::string, unsigned>> ranked(keys.begin(), keys.end());
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (unsigned i = 0; i < ranked.size() && i < schema::mention_slots; ++i)
    doc.add_value(schema::slot_mention_first + i, ranked[i].first);
}

}  // namespace

Xapian::Document DocumentBuilder::build(const Article& article,
                                        const std::vector<dates::DateMention>& mentions,
                                        const std::optional<Fingerprint>& fingerprint) {
  Xapian::Document doc;
  const std::string id_term = schema::id_term(article.id);
  doc.add_boolean_term(id_term);

  const Xapian::termpos after_title = add_text(doc, article.title, 1, true);
  add_text(doc, article.body, after_title + schema::body_position_gap, false);

  if (article.published) {
    const Day day = std::chrono::floor<std::chrono::days>(*article.published);
    doc.add_boolean_term(schema::day_term(day));
    doc.add_boolean_term(schema::month_term(day));
    doc.add_boolean_term(schema::year_term(day));
    doc.add_value(schema::slot_date, format_compact(*article.published));
    const std::string compact_day = format_compact_day(day);
    doc.add_value(schema::slot_day, compact_day);
    doc.add_value(schema::slot_age_bucket, compact_day.substr(0, 6));
  }
  if (!article.source.empty()) {
    doc.add_boolean_term(std::string(prefix::source) + schema::canonical_filter_value(article.source));
    doc.add_value(schema::slot_source, article.source);
  }
  if (!article.author.empty())
    doc.add_boolean_term(std::string(prefix::author) + schema::canonical_filter_value(article.author));
  if (!article.language.empty())
    doc.add_boolean_term(std::string(prefix::language) + schema::canonical_filter_value(article.language));

  add_entities(doc, article.entities);
  add_mentions(doc, mentions);
  doc.add_value(schema::slot_facets, schema::pack_facet_values(doc));

  if (fingerprint) doc.add_value(schema::slot_fingerprint, encode_fingerprint(*fingerprint));
  const std::uint64_t bucket = hash64(article.id) % (1u << schema::sample_levels);
  for (unsigned level = 1; level <= schema::sample_levels && schema::in_sample(bucket, level); ++level)
    doc.add_boolean_term(schema::sample_term(level));

  doc.set_data(codec_.encode(article));
  return doc;
}

}  // namespace gazette
