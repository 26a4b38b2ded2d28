#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace citytwin::data
{

/// Returns true when text is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(std::string_view text);

/// Decodes GBK / GB18030 bytes into UTF-8 (glibc iconv); nothing when the bytes are not valid GB18030.
std::optional<std::string> gbkToUtf8(std::string_view text);

} // namespace citytwin::data
