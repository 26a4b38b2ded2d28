#pragma once

#include <string>
#include <utility>
#include <variant>

namespace citytwin::data
{

/// Kinds of expected failure reported by the data layer. The app maps each to a translated sentence.
enum class ErrorCode
{
    FileNotFound,
    OpenFailed,
    NotVector,
    NoFeatures,
    CrsUnknown,
    CrsMissing,
    TransformFailed,
    InvalidArgument,
    StoreFailed,
    ImportRejected,
    /// A file recognised (its format named in the detail) whose content cannot be read or is not supported.
    ContentUnreadable,
    /// The file's format is recognised, but the file is damaged or uses a part of the format that is not supported.
    FormatNotSupported,
};

/// An expected failure: a code, a technical English detail and, where there is one, the file concerned.
struct Error
{
    ErrorCode code = ErrorCode::InvalidArgument;
    std::string detail;
    std::string path;

    /// Returns "path: detail", or the detail alone when no path is known.
    std::string message() const { return path.empty() ? detail : path + ": " + detail; }
};

/// Either a value or an Error (a small stand-in for C++23 std::expected). Never ignored: the compiler warns
/// where a call's Result is dropped (an unchecked failure).
template <class T> class [[nodiscard]] Result
{
public:
    Result(T value) : mState(std::move(value)) {}
    Result(Error error) : mState(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(mState); }
    explicit operator bool() const { return ok(); }

    T& value() & { return std::get<T>(mState); }
    const T& value() const& { return std::get<T>(mState); }
    /// On a temporary Result, returns the value itself (so `for (x : f().value())` does not dangle).
    T value() && { return std::get<T>(std::move(mState)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    /// Returns the value, or fallback when this is an Error.
    T value_or(T fallback) const& { return ok() ? value() : fallback; }

    const Error& error() const { return std::get<Error>(mState); }

private:
    std::variant<T, Error> mState;
};

} // namespace citytwin::data
