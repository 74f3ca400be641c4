/// @file
/// @brief DocumentBuilder: terms, values and data of one article, as schema.hpp defines them.
#include "gazette/index/document_builder.hpp"

#include "gazette/core/hash.hpp"
#include "gazette/schema/schema.hpp"

namespace gazette {

namespace prefix = schema::prefix;

DocumentBuilder::DocumentBuilder(const AnalyzerSettings& settings) : analyzer_(settings) {}

Xapian::termpos DocumentBuilder::add_text(Xapian::Document& doc, std::string_view text, Xapian::termpos first_position,
                               bool is_title) {
  tokens_.clear();
  analyzer_.tokenize(text, tokens_);
  Xapian::termpos position = first_position;
  std::string title_term;
  for (const Token& token : tokens_) {
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

Xapian::Document DocumentBuilder::build(const Article& article) {
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

  // Until story clustering lands every article is its own story; collapse then keeps every hit.
  doc.add_value(schema::slot_story, article.id);
  doc.add_boolean_term(std::string(prefix::sample) + std::to_string(hash64(article.id) % 64));

  doc.set_data(codec_.encode(article));
  return doc;
}

}  // namespace gazette
