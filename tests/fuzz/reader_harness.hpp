/// @file
/// @brief Runs one input reader over a fuzz input to the end and checks what the readers promise.
#pragma once

#include <string_view>

#include "gazette/readers/reader.hpp"

namespace gazette::fuzz {

/// Limits small enough that short inputs cross chunk boundaries and (up to 4096 bytes) the record bound.
ReaderOptions small_reader_options();

/// Opens the input as a file of `format` and reads every item. Checks: only Error(bad_input) escapes a
/// reader, every article's text is valid UTF-8 (the analyzer relies on it), every rejection says where and
/// why, and the reader ends.
void read_all(std::string_view input, InputFormat format, const ReaderOptions& options);

}  // namespace gazette::fuzz
