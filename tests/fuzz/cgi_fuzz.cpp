/// @file
/// @brief Fuzz target: a web request as the CGI and FastCGI front ends decode it, then its search. The
/// input's first line is the query string; a second line, when present, is a POST's content type and the
/// rest its body.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "gazette/core/error.hpp"
#include "gazette/core/utf8.hpp"
#include "gazette/front/cgi_params.hpp"
#include "query_harness.hpp"

namespace {

/// What parse_web_query promises about any request it accepts.
void check_limits(const gazette::WebQuery& web, const gazette::WebLimits& limits) {
  const gazette::SearchRequest& request = web.request;
  FUZZ_CHECK(gazette::is_valid_utf8(request.query) && request.query.size() <= limits.max_query_bytes);
  FUZZ_CHECK(gazette::is_valid_utf8(web.id) && web.id.size() <= limits.max_query_bytes);
  FUZZ_CHECK(request.filters.size() <= limits.max_filters);
  FUZZ_CHECK(web.page >= 1 && web.size >= 1 && web.size <= limits.max_page_size);
  FUZZ_CHECK(request.limit == web.size && request.offset == (web.page - 1) * web.size);
  FUZZ_CHECK(request.offset <= limits.max_offset);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static gazette::fuzz::QueryHarness harness;
  const auto fields = gazette::fuzz::split_fields({reinterpret_cast<const char*>(data), size}, 3);
  gazette::CgiInput input;
  input.query_string = fields[0];
  if (!fields[1].empty()) {
    input.method = "POST";
    input.content_type = fields[1];
    input.body = fields[2];
    input.content_length = input.body.size();
  }
  FUZZ_CHECK(gazette::percent_decode(gazette::percent_encode(input.query_string)) == input.query_string);

  const gazette::WebLimits limits;
  gazette::WebQuery web;
  try {
    web = gazette::parse_web_query(gazette::cgi_params(input), limits);
  } catch (const gazette::Error& e) {
    FUZZ_CHECK(e.code() == gazette::ErrorCode::usage);  // a 400 page
    return 0;
  }
  check_limits(web, limits);
  harness.run(web.request);
  return 0;
}
