# @brief The queries of the web benchmarks (web_bench.sh, cgi_instructions.sh): single words and pairs of
# Reuters-21578's subjects, sourced by both so that they measure the same requests.
# shellcheck disable=SC2034
web_queries=(cocoa "oil prices" "interest rates" wheat "trade deficit" gold "bank of japan" coffee earnings
             "crude oil" dollar "money supply" sugar copper "stock exchange" merger shipping strike "grain exports" tin)
