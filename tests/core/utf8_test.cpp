/// @file
/// @brief UTF-8 validation against the malformed sequences of Unicode's table 3-7.
#include <doctest/doctest.h>

#include <string>

#include "gazette/core/utf8.hpp"

using namespace gazette;

TEST_CASE("valid UTF-8 passes") {
  CHECK(is_valid_utf8(""));
  CHECK(is_valid_utf8("plain ASCII"));
  CHECK(is_valid_utf8("São Paulo — Зеленский 東京 😀"));
  CHECK(is_valid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST_CASE("malformed sequences are found at their first byte") {
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);        // overlong '/'
  CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);      // overlong 3-byte
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);     // lone surrogate U+D800
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(find_invalid_utf8("abc\xE2\x82") == 3);       // truncated at the end
  CHECK(find_invalid_utf8("\xE2\x28\xA1") == 0);      // bad continuation
  CHECK(find_invalid_utf8("\x80") == 0);              // stray continuation
  CHECK(find_invalid_utf8("\xFF") == 0);
}

TEST_CASE("is_ascii looks at every byte, including the tail after whole words") {
  CHECK(is_ascii("0123456789abcdef"));
  CHECK_FALSE(is_ascii("0123456789abcdef\xC3\xA9"));
  CHECK_FALSE(
      is_ascii("\xC3\xA9"
               "0123456789"));
  CHECK(is_ascii(std::string("a\0b", 3)));
}
