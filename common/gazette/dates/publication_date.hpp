/// @file
/// @brief Publication date detection: an article's own date field or header, its URL, then its dateline.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "gazette/core/article.hpp"
#include "gazette/core/time.hpp"

namespace gazette::dates {

/// When "now" is, for resolving a date without a year and rejecting dates in the future.
struct DateContext {
  Instant now;                   ///< the current time (the indexer's clock or --now)
  std::optional<Day> reference;  ///< --reference-date or a file-level date; when set it replaces `now`
};

/// The day partial dates are resolved against: `reference` when set, else the day of `now`.
Day reference_day(const DateContext& context) noexcept;

/// The article fields that can carry a publication date. Views: the caller keeps the text alive.
struct PublicationInputs {
  std::string_view
      raw_date{};  ///< the input's own date field or a text file's date header value ("" when none)
  DateSource raw_date_source = DateSource::metadata;  ///< metadata (JSON/SGML field) or header (text header)
  std::string_view url{};                             ///< the article's URL ("" when none)
  std::string_view dateline{};  ///< a dateline the input marks as such ("SALVADOR, Feb 26 -")
  std::string_view
      body{};  ///< the text, whose first line may be a dateline ("WASHINGTON, March 3 (Reuters) - ")
};

/// What detection found. `problem` explains a rejected candidate ("impossible date '2025-02-30' in date
/// field") for the indexer's log; it can be set even when a later source supplied `published`.
struct PublicationDate {
  std::optional<Instant> published;
  DateSource source = DateSource::none;
  std::optional<std::string> problem;
};

/// The publication time from, in order: raw_date (ISO 8601 / RFC 3339, RFC 2822, Reuters "26-FEB-1987
/// 15:01:01.79", "March 3, 2025", "3 March 2025", "2025/03/03", unambiguous "13/03/2025"), the URL path
/// (/2025/03/03/, /2025-03-03/, /20250303/), the dateline field, a dateline opening the body. A dateline
/// has no year: it takes the one that puts the day on or before the reference day plus two days.
/// Impossible, ambiguous, garbled and future dates (more than two days after the reference day, or after
/// `now` without one) are never returned: they set `problem`. Never throws; thread-safe.
PublicationDate detect_publication_date(const PublicationInputs& inputs, const DateContext& context);

/// detect_publication_date() on an Article's raw_date, url, dateline and body; `raw_date_source` says
/// whether raw_date came from a metadata field or a text header.
PublicationDate detect_publication_date(const Article& article, DateSource raw_date_source,
                                        const DateContext& context);

}  // namespace gazette::dates
