/// @file
/// @brief QueryBuilder: one QueryParser set up from the schema's field table.
#include "gazette/search/query_builder.hpp"

#include <exception>
#include <utility>

#include "gazette/analysis/query_text.hpp"
#include "gazette/core/error.hpp"
#include "gazette/schema/schema.hpp"
#include "gazette/search/date_query.hpp"
#include "gazette/search/query_help.hpp"

namespace gazette {

namespace {

/// Every filterable field goes through filter_query(), so the query language, --filter and f= agree.
/// Xapian 1.4's QueryParser leaks its parse state when a FieldProcessor throws, so an error is kept in
/// `failure` (the value matches nothing meanwhile) and rethrown by build() once parsing is over.
class FilterFieldProcessor : public Xapian::FieldProcessor {
 public:
  FilterFieldProcessor(std::string_view field, EntityNames& names, std::exception_ptr& failure)
      : field_(field), names_(names), failure_(failure) {}
  Xapian::Query operator()(const std::string& value) override {
    try {
      return filter_query({field_, value}, names_);
    } catch (...) {
      if (!failure_) failure_ = std::current_exception();
      return Xapian::Query::MatchNothing;
    }
  }

 private:
  std::string field_;
  EntityNames& names_;
  std::exception_ptr& failure_;
};

Xapian::Query mention_query(const std::string& value) {
  const auto period = parse_date_period(value);
  if (!period)
    throw Error(
        ErrorCode::bad_query,
        "cannot read mentions '" + value + "': use a year, month or day such as 2014, 2014-03 or 2014-03-18",
        "mentions");
  switch (period->granularity) {
    case Granularity::year:
      return Xapian::Query(schema::mention_year_term(period->first));
    case Granularity::month:
      return Xapian::Query(schema::mention_month_term(period->first));
    default:
      return Xapian::Query(schema::mention_day_term(period->first));
  }
}

EntityType entity_type_of(const schema::Field& field) {
  return field.prefix == schema::prefix::person         ? EntityType::person
         : field.prefix == schema::prefix::organization ? EntityType::organization
                                                        : EntityType::place;
}

/// Most matches a wildcard may expand to, so `a*` cannot turn a query into thousands of terms.
constexpr Xapian::termcount max_wildcard_terms = 200;

}  // namespace

std::string EntityNames::canonical(EntityType type, const std::string& name) {
  if (!model_) model_ = EntityModel::load();
  return model_->canonical_name(type, name).value_or(name);
}

Xapian::Query filter_query(const Filter& filter, EntityNames& names) {
  const schema::Field* field = schema::find_field(filter.field);
  if (!field || field->kind == schema::FieldKind::text)
    throw Error(ErrorCode::usage, "cannot filter on '" + filter.field + "'", "filter");
  // Boolean values pass through the same canonicaliser as indexing, so `source:Reuters`,
  // `source:reuters` and `--filter source=REUTERS` are one filter.
  switch (field->kind) {
    case schema::FieldKind::date:
      return date_query(filter.value);
    case schema::FieldKind::mention:
      return mention_query(filter.value);
    case schema::FieldKind::identifier:
      return Xapian::Query(field->prefix == schema::prefix::id ? schema::id_term(filter.value)
                                                               : schema::story_term(filter.value));
    case schema::FieldKind::entity:
      return Xapian::Query(std::string(field->prefix) + schema::canonical_filter_value(names.canonical(
                                                            entity_type_of(*field), filter.value)));
    default:
      return Xapian::Query(std::string(field->prefix) + schema::canonical_filter_value(filter.value));
  }
}

QueryBuilder::QueryBuilder(const Xapian::Database& database, Analyzer& analyzer)
    : database_(database), analyzer_(analyzer) {
  parser_.set_database(database);
  if (analyzer.settings().language != "none") parser_.set_stemmer(Xapian::Stem(analyzer.settings().language));
  parser_.set_stemming_strategy(Xapian::QueryParser::STEM_ALL);
  parser_.set_default_op(Xapian::Query::OP_AND);
  parser_.set_max_expansion(max_wildcard_terms, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  for (const schema::Field& field : schema::fields) {
    const std::string name(field.name);
    if (field.kind == schema::FieldKind::text)
      parser_.add_prefix(name, std::string(field.prefix));
    else
      parser_.add_boolean_prefix(name,
                                 (new FilterFieldProcessor(field.name, names_, field_failure_))->release());
  }
}

Xapian::Query QueryBuilder::build(const SearchRequest& request) {
  Xapian::Query query = Xapian::Query::MatchAll;
  const bool has_text = request.query.find_first_not_of(" \t\r\n") != std::string::npos;
  if (has_text) {
    const std::string expanded =
        request.synonyms ? expand_synonyms(request.query, analyzer_, database_) : request.query;
    const std::string text = rewrite_query_text(expanded, analyzer_, [](std::string_view name) {
      const schema::Field* field = schema::find_field(name);
      if (!field) return QueryFieldKind::unknown;
      return field->kind == schema::FieldKind::text ? QueryFieldKind::free_text : QueryFieldKind::raw;
    });
    constexpr unsigned flags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                               Xapian::QueryParser::FLAG_PURE_NOT;
    field_failure_ = nullptr;
    parser_.set_default_op(request.match == MatchMode::any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    try {
      query = parser_.parse_query(text, flags);
    } catch (const Xapian::QueryParserError& e) {
      throw Error(ErrorCode::bad_query, "cannot parse the query '" + request.query + "': " + e.get_msg(),
                  "query");
    }
    if (field_failure_) std::rethrow_exception(std::exchange(field_failure_, nullptr));
    if (query.empty()) query = Xapian::Query::MatchAll;  // only stop characters: behave like no text
  }
  for (const Filter& filter : request.filters)
    query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter_query(filter, names_));
  return query;
}

std::set<std::string> QueryBuilder::highlight_terms(const Xapian::Query& query) {
  std::set<std::string> terms;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (term.empty()) continue;
    if (term.compare(0, schema::prefix::title.size(), schema::prefix::title) == 0 &&
        term.size() > schema::prefix::title.size() && !std::isupper(static_cast<unsigned char>(term[1])))
      terms.insert(term.substr(schema::prefix::title.size()));
    else if (!std::isupper(static_cast<unsigned char>(term[0])))
      terms.insert(term);
  }
  return terms;
}

}  // namespace gazette
