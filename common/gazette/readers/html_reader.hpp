/// @file
/// @brief HTML input: one article per page (.html, .htm), parsed with Gumbo; metadata from meta tags,
/// JSON-LD and the element tree, the main text by a text-density score.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "gazette/readers/byte_source.hpp"
#include "gazette/readers/reader.hpp"

namespace gazette {

/// Parses one HTML page named `name` (the Article's origin).
/// - headline: og:title, else JSON-LD headline, else the first <h1> (one inside <article> first), else
///   <title>; without the site's name (strip_site_name).
/// - raw_date (metadata): meta article:published_time (or a known date meta), else JSON-LD datePublished,
///   else an itemprop="datePublished" element, else the first <time datetime> outside navigation, asides,
///   footers and comments; `published` is set when it is ISO 8601.
/// - author: meta author, else JSON-LD author names, else the text of a rel="author" link.
/// - url: link rel=canonical, else og:url, else JSON-LD url. source: og:site_name, else JSON-LD publisher.
/// - language: <html lang> (else og:locale), normalised to ISO 639-1.
/// - body: the text blocks of the element with the best text-density score (paragraph text, commas, little
///   link text) and of its siblings that score close to it; nav, header, footer, aside, forms, scripts,
///   styles, figures, hidden elements and elements whose class, id or role names menus, share bars, cookie
///   banners, related stories, comments, newsletters or ads are never part of it. Paragraphs are joined by
///   "\n\n", <br> lines by "\n".
/// Malformed markup is read as Gumbo repairs it; a page nested deeper than max_html_depth is read up to the
/// tag that goes deeper. Rejected ("no article text") only when no body text is found.
/// Pure and thread-safe; never throws Error.
ReadItem parse_html_article(std::string_view content, std::string name);

/// A reader yielding the one item of an HTML file (rejected when larger than options.max_record_bytes).
std::unique_ptr<ArticleReader> make_html_reader(ByteSource source, const ReaderOptions& options);

}  // namespace gazette
