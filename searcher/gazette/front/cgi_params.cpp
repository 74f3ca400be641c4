/// @file
/// @brief CGI parameter decoding and the web request's validation.
#include "gazette/front/cgi_params.hpp"

#include <charconv>
#include <cstring>

#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"

namespace gazette {

namespace {

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/// A value that may reach the searcher or the page: valid UTF-8 and of bounded size.
std::string checked_text(std::string value, const char* name, std::size_t max_bytes) {
  if (!is_valid_utf8(value)) throw Error(ErrorCode::usage, "the value is not valid UTF-8", name);
  if (value.size() > max_bytes)
    throw Error(ErrorCode::usage, "the value is longer than " + std::to_string(max_bytes) + " bytes", name);
  return value;
}

/// A whole number from `min`; anything else (sign, spaces, letters, overflow) is an error.
std::size_t checked_number(const std::string& text, const char* name, std::size_t min) {
  std::size_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < min)
    throw Error(ErrorCode::usage,
                "expected a whole number from " + std::to_string(min) + ", got '" + text + "'", name);
  return value;
}

}  // namespace

std::optional<std::string> CgiParams::first(std::string_view name) const {
  for (const auto& [n, v] : entries_)
    if (n == name) return v;
  return std::nullopt;
}

std::vector<std::string> CgiParams::all(std::string_view name) const {
  std::vector<std::string> values;
  for (const auto& [n, v] : entries_)
    if (n == name) values.push_back(v);
  return values;
}

std::string CgiParams::key() const {
  std::string key;
  for (const auto& [name, value] : entries_) {
    // Lengths first, so no name or value can imitate a separator.
    key.append(std::to_string(name.size())).append(":").append(name);
    key.append(std::to_string(value.size())).append(":").append(value);
  }
  return key;
}

CgiInput cgi_input_from_environment(char** envp) {
  CgiInput input;
  for (char** e = envp; e && *e; ++e) {
    const std::string_view entry(*e);
    const auto eq = entry.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string_view name = entry.substr(0, eq), value = entry.substr(eq + 1);
    if (name == "REQUEST_METHOD")
      input.method = value;
    else if (name == "QUERY_STRING")
      input.query_string = value;
    else if (name == "CONTENT_TYPE")
      input.content_type = value;
    else if (name == "CONTENT_LENGTH")
      std::from_chars(value.data(), value.data() + value.size(), input.content_length);
  }
  return input;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+') {
      out += ' ';
    } else if (c == '%') {
      const int hi = i + 2 < text.size() ? hex_value(text[i + 1]) : -1;
      const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
      if (hi < 0 || lo < 0)
        throw Error(ErrorCode::usage, "malformed percent-encoding '" + std::string(text.substr(i, 3)) + "'",
                    "query string");
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string percent_encode(std::string_view text) {
  static constexpr char digits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3 / 2);
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') ||
        std::strchr("-._~", c)) {
      out += c;
    } else {
      out += '%';
      out += digits[u >> 4];
      out += digits[u & 15];
    }
  }
  return out;
}

void parse_urlencoded(std::string_view text, CgiParams& params) {
  while (!text.empty()) {
    const auto end = text.find_first_of("&;");
    const std::string_view pair = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos)
      params.add(percent_decode(pair), "");
    else
      params.add(percent_decode(pair.substr(0, eq)), percent_decode(pair.substr(eq + 1)));
  }
}

CgiParams cgi_params(const CgiInput& input) {
  CgiParams params;
  parse_urlencoded(input.query_string, params);
  if (input.method == "POST") {
    const std::string_view type =
        std::string_view(input.content_type).substr(0, input.content_type.find(';'));
    if (type != "application/x-www-form-urlencoded")
      throw Error(ErrorCode::usage,
                  "expected a form (application/x-www-form-urlencoded), got '" + input.content_type + "'",
                  "request body");
    parse_urlencoded(input.body, params);
  }
  return params;
}

CgiParams cgi_params_from_arguments(const std::vector<std::string>& arguments) {
  CgiParams params;
  for (const std::string& argument : arguments) {
    const auto eq = argument.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(ErrorCode::usage, "expected NAME=VALUE, got '" + argument + "'", "argument");
    params.add(argument.substr(0, eq), argument.substr(eq + 1));
  }
  return params;
}

WebQuery parse_web_query(const CgiParams& params, const WebLimits& limits) {
  WebQuery web;
  SearchRequest& request = web.request;
  if (auto q = params.first("q")) request.query = checked_text(std::move(*q), "q", limits.max_query_bytes);
  if (auto id = params.first("id")) web.id = checked_text(std::move(*id), "id", limits.max_query_bytes);
  if (auto like = params.first("like"))
    request.like_id = checked_text(std::move(*like), "like", limits.max_query_bytes);
  request.query_dates = params.first("qd") != "0";
  request.synonyms = params.first("syn") != "0";
  if (const auto format = params.first("format")) {
    if (*format == "json")
      web.format = WebFormat::json;
    else if (*format != "html")
      throw Error(ErrorCode::usage, "expected html or json, got '" + *format + "'", "format");
  }
  if (const auto sort = params.first("sort"); sort && !sort->empty()) request.sort = parse_sort(*sort);
  if (const auto match = params.first("match"); match && !match->empty()) request.match = parse_match(*match);
  if (const auto g = params.first("granularity"); g && !g->empty())
    request.granularity = parse_granularity(*g);
  const std::vector<std::string> filters = params.all("f");
  if (filters.size() > limits.max_filters)
    throw Error(ErrorCode::usage, "more than " + std::to_string(limits.max_filters) + " filters", "f");
  for (const std::string& f : filters)
    if (!f.empty()) request.filters.push_back(parse_filter(checked_text(f, "f", limits.max_query_bytes)));

  web.size = limits.default_page_size;
  if (const auto size = params.first("size"); size && !size->empty())
    web.size = std::min(checked_number(*size, "size", 1), limits.max_page_size);
  if (const auto page = params.first("page"); page && !page->empty())
    web.page = checked_number(*page, "page", 1);
  if ((web.page - 1) > limits.max_offset / web.size)
    throw Error(ErrorCode::usage,
                "only the first " + std::to_string(limits.max_offset) +
                    " results can be paged through; refine the query",
                "page");
  request.offset = (web.page - 1) * web.size;
  request.limit = web.size;
  return web;
}

}  // namespace gazette
