#pragma once

#include "data/core/result.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace citytwin::data
{

/// A prepared SQLite statement (RAII). Values are always bound, never pasted into SQL.
/// Bind indexes are 1-based, column indexes 0-based, as in SQLite.
class Statement
{
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* statement);

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bindBlob(int index, const void* data, std::size_t size);
    Statement& bindNull(int index);
    /// Binds the value, or NULL when absent.
    template <class T> Statement& bindOptional(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Executes one step: true when a row is available, false when done; an Error on failure.
    Result<bool> step();
    /// Steps to completion (for statements without rows) and resets.
    Result<bool> run();
    /// Steps through every row, calling onRow with the statement positioned on it; then resets.
    Result<bool> forEachRow(const std::function<void(const Statement&)>& onRow);
    void reset();

    bool isNull(int column) const;
    std::int64_t columnInt64(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::string_view columnBlob(int column) const;

    bool valid() const { return mStatement != nullptr; }

private:
    struct Finalizer
    {
        void operator()(sqlite3_stmt* statement) const;
    };
    std::unique_ptr<sqlite3_stmt, Finalizer> mStatement;
};

/// An SQLite connection (RAII), with the GeoPackage geometry functions (ST_MinX, ST_MaxX, ST_MinY, ST_MaxY,
/// ST_IsEmpty) registered so that GeoPackage R-tree triggers work on this connection too.
class Database
{
public:
    enum class Mode
    {
        ReadOnly,
        ReadWrite,
        ReadWriteCreate,
    };

    static Result<Database> open(const std::string& path, Mode mode);

    /// Executes SQL without parameters (schema, pragmas).
    Result<bool> exec(const std::string& sql);
    /// Executes a setting whose failure costs only speed (a cache size, a memory map): a failure is logged as a
    /// warning, not returned.
    void tune(const std::string& sql);
    Result<Statement> prepare(const std::string& sql);
    /// Returns the single integer a query yields (0 when no row).
    Result<std::int64_t> queryInt64(const std::string& sql);

    /// Returns PRAGMA data_version: it changes when another connection commits.
    std::int64_t dataVersion();
    std::int64_t lastInsertRowId() const;
    /// Returns the rows changed by the last statement.
    int changes() const;
    std::string lastError() const;
    const std::string& path() const { return mPath; }
    sqlite3* handle() const { return mDatabase.get(); }

    /// Returns an Error carrying the connection's last message and the database path.
    Error error(ErrorCode code, const std::string& what) const;

private:
    struct Closer
    {
        void operator()(sqlite3* database) const;
    };
    std::unique_ptr<sqlite3, Closer> mDatabase;
    std::string mPath;
    std::unique_ptr<Statement> mDataVersion;
};

/// A write transaction that rolls back in its destructor unless committed.
class Transaction
{
public:
    /// Begins IMMEDIATE (takes the write lock now, waiting up to the busy timeout).
    static Result<std::unique_ptr<Transaction>> begin(Database& database);
    ~Transaction();
    Result<bool> commit();

    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    explicit Transaction(Database& database) : mDatabase(database) {}
    Database& mDatabase;
    bool mDone = false;
};

} // namespace citytwin::data
