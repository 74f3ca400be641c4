/// @file
/// @brief Fuzz target: a query as gazette-search reads it. The first line is the query text (any bytes, as
/// a command line may pass), each further line a --filter FIELD=VALUE.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.hpp"
#include "gazette/core/error.hpp"
#include "query_harness.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static gazette::fuzz::QueryHarness harness;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  gazette::SearchRequest request;
  const auto newline = input.find('\n');
  request.query = input.substr(0, newline);
  input = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);
  while (!input.empty()) {
    const auto end = input.find('\n');
    try {
      request.filters.push_back(gazette::parse_filter(std::string(input.substr(0, end))));
    } catch (const gazette::Error& e) {
      // an unknown field: gazette-search stops with a usage error before searching
      FUZZ_CHECK(e.code() == gazette::ErrorCode::usage);
      return 0;
    }
    input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
  }
  harness.run(request);
  return 0;
}
