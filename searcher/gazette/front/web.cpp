/// @file
/// @brief WebApp: web parameters to a SearchRequest, the one search path, and an HTML or JSON response.
#include "gazette/front/web.hpp"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <xapian.h>

#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"
#include "gazette/front/article_view.hpp"
#include "gazette/front/render_html.hpp"
#include "gazette/search/render.hpp"

namespace gazette {

namespace {

std::string_view trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

template <typename Number>
Number config_number(std::string_view value, const std::string& where) {
  Number n{};
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  if (value.empty() || ec != std::errc() || end != value.data() + value.size() || n <= 0)
    throw Error(ErrorCode::usage, "expected a positive number, got '" + std::string(value) + "'", where);
  return n;
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

HttpResponse json_response(int status, const nlohmann::json& body) {
  return {status, "application/json; charset=utf-8", dump(body)};
}

/// Server-side details go to standard error (the web server's error log), never to the client.
void log_error(std::string_view what) {
  std::cerr << "gazette-search: " << what << std::endl;
}

/// The Error's own words for the client's mistakes (4xx); a fixed sentence for the server's (5xx).
std::string public_message(const Error& e, int status) {
  if (status < 500) return e.what();
  if (e.where() == "time limit") return e.what();  // Searcher's deadline: the client can narrow the query
  return status == 503 ? "The archive is unavailable right now; please try again in a moment."
                       : "An internal error occurred; it has been logged.";
}

HttpResponse error_response(const Error& e, bool json, std::string_view query) {
  const int status = http_status_for(e.code());
  if (status >= 500) log_error(e.what());
  const std::string message = public_message(e, status);
  if (json) return json_response(status, error_json(Error(e.code(), message)));
  return {status, "text/html; charset=utf-8", render_error_page(status, message, query)};
}

}  // namespace

WebConfig parse_web_config(std::string_view text, const std::string& where) {
  WebConfig config;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const std::string at = where + ":" + std::to_string(line_number);
    const auto eq = line.find('=');
    if (eq == std::string_view::npos) throw Error(ErrorCode::usage, "expected KEY = VALUE", at);
    const std::string_view key = trim(line.substr(0, eq)), value = trim(line.substr(eq + 1));
    if (key == "database")
      config.database = value;
    else if (key == "time_limit")
      config.time_limit = config_number<double>(value, at);
    else if (key == "shard_timeout")
      config.archive.remote_timeout = config_number<double>(value, at);
    else if (key == "partial")
      config.archive.partial = config_number<int>(value, at) != 0;
    else if (key == "max_query_bytes")
      config.limits.max_query_bytes = config_number<std::size_t>(value, at);
    else if (key == "max_page_size")
      config.limits.max_page_size = config_number<std::size_t>(value, at);
    else if (key == "max_offset")
      config.limits.max_offset = config_number<std::size_t>(value, at);
    else if (key == "cache_mb")
      config.cache_mb = value == "0" ? 0 : config_number<std::size_t>(value, at);
    else
      throw Error(ErrorCode::usage, "unknown key '" + std::string(key) + "'", at);
  }
  return config;
}

WebConfig web_config_from_environment() {
  WebConfig config;
  if (const char* path = std::getenv("GAZETTE_CONFIG"); path && *path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorCode::usage, "cannot read the configuration file", path);
    std::ostringstream text;
    text << in.rdbuf();
    config = parse_web_config(text.str(), path);
  }
  if (const char* db = std::getenv("GAZETTE_DB"); db && *db) config.database = db;
  return config;
}

WebApp::WebApp(WebConfig config) : config_(std::move(config)), cache_(config_.cache_mb << 20) {}
WebApp::~WebApp() = default;

Searcher& WebApp::searcher() {
  if (searcher_) {
    searcher_->reopen();  // a long-lived process (FastCGI) sees what the indexer committed since
    return *searcher_;
  }
  if (config_.database.empty()) {
    log_error("no database configured: set GAZETTE_DB (or GAZETTE_CONFIG) in the web server's configuration");
    throw Error(ErrorCode::unavailable, "no database configured");
  }
  try {
    cache_.clear();  // a new Searcher counts its generations from 0 again
    searcher_ = std::make_unique<Searcher>(open_archive({config_.database}, config_.archive));
  } catch (const Error& e) {
    log_error(e.what());
    throw Error(ErrorCode::unavailable, "the archive cannot be opened");
  }
  return *searcher_;
}

HttpResponse WebApp::answer(const CgiParams& params) {
  WebQuery web = parse_web_query(params, config_.limits);
  web.request.time_limit = config_.time_limit;
  Searcher& s = searcher();
  const std::string key = params.key();
  if (s.generation() == cache_generation_)
    if (std::optional<HttpResponse> cached = cache_.find(key)) return std::move(*cached);
  HttpResponse response = render(web, s);
  if (s.generation() != cache_generation_) {  // the archive moved on: what the cache holds is stale
    cache_.clear();
    cache_generation_ = s.generation();
  }
  cache_.store(key, response);
  return response;
}

HttpResponse WebApp::render(const WebQuery& web, Searcher& s) {
  const bool json = web.format == WebFormat::json;
  if (!web.id.empty()) {
    const std::optional<ArticleView> view = open_article(s, web.request, web.id);
    if (!view) throw Error(ErrorCode::not_found, "no article has the id '" + web.id + "'", "id");
    if (json) return json_response(200, article_json(view->article));
    return {200, "text/html; charset=utf-8", render_article_page(*view, web, config_.limits)};
  }
  const SearchResponse response = s.search(web.request);
  if (json) return json_response(200, response_json(response));
  return {200, "text/html; charset=utf-8", render_search_page(response, web, config_.limits)};
}

HttpResponse WebApp::handle(const CgiParams& params) noexcept {
  const bool json = params.first("format") == "json";
  // The form is refilled with the query only when it is fit to show again.
  std::string query = params.first("q").value_or("");
  if (query.size() > config_.limits.max_query_bytes || !is_valid_utf8(query)) query.clear();
  try {
    try {
      return answer(params);
    } catch (const Error& e) {
      if (e.code() == ErrorCode::unavailable || e.code() == ErrorCode::corrupt) searcher_.reset();
      return error_response(e, json, query);
    } catch (const Xapian::Error& e) {
      searcher_.reset();
      return error_response(Error(ErrorCode::internal, e.get_description()), json, query);
    } catch (const std::exception& e) {
      return error_response(Error(ErrorCode::internal, e.what()), json, query);
    }
  } catch (...) {  // even rendering the error failed (out of memory): the shortest honest answer
    return {500, "text/plain; charset=utf-8", "internal error\n"};
  }
}

HttpResponse WebApp::handle(const CgiInput& input) noexcept {
  if (input.method != "GET" && input.method != "HEAD" && input.method != "POST")
    return {405, "text/plain; charset=utf-8", "use GET or POST\n"};
  // When the parameters cannot be decoded, a raw look decides whether the error should be JSON.
  const bool json = input.query_string.find("format=json") != std::string::npos;
  try {
    return handle(cgi_params(input));
  } catch (const Error& e) {  // a malformed query string or body
    try {
      return error_response(e, json, "");
    } catch (...) {
    }
  } catch (...) {
  }
  return {500, "text/plain; charset=utf-8", "internal error\n"};
}

int serve_cgi(WebApp& app, char** envp, std::istream& in, std::ostream& out) {
  CgiInput input = cgi_input_from_environment(envp);
  HttpResponse response;
  if (input.content_length > max_body_bytes) {
    response = {413, "text/plain; charset=utf-8", "request body too large\n"};
  } else {
    input.body.resize(input.content_length);
    in.read(input.body.data(), std::streamsize(input.body.size()));
    input.body.resize(std::size_t(in.gcount()));
    response = app.handle(input);
  }
  out << cgi_response_text(response, input.method == "HEAD") << std::flush;
  return exit_ok;
}

}  // namespace gazette
