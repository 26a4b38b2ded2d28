#include "data/io/sqlite_database.hpp"

#include "data/core/log.hpp"
#include "data/io/gpkg_geometry.hpp"

#include <sqlite3.h>

namespace citytwin::data
{
namespace
{
constexpr int BusyTimeoutMs = 30000;

// SQLite counts its memory under one process-wide mutex by default: every allocation of every connection takes it,
// so a background import and the GUI thread's reads wait on each other. Nothing here reads the counts. Set before
// SQLite starts (static initialisation, before main); where it has already started the call changes nothing.
[[maybe_unused]] const bool gMemoryCountsOff = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;

std::string_view blobArgument(sqlite3_value* value)
{
    if (sqlite3_value_type(value) != SQLITE_BLOB)
        return {};
    return {static_cast<const char*>(sqlite3_value_blob(value)), static_cast<std::size_t>(sqlite3_value_bytes(value))};
}

/// ST_MinX / ST_MaxX / ST_MinY / ST_MaxY over a GeoPackage blob; the user data selects the coordinate.
void envelopeFunction(sqlite3_context* context, int, sqlite3_value** arguments)
{
    const auto extent = gpkg::envelope(blobArgument(arguments[0]));
    if (!extent)
    {
        sqlite3_result_null(context);
        return;
    }
    switch (reinterpret_cast<std::intptr_t>(sqlite3_user_data(context)))
    {
    case 0:
        sqlite3_result_double(context, extent->minX);
        break;
    case 1:
        sqlite3_result_double(context, extent->maxX);
        break;
    case 2:
        sqlite3_result_double(context, extent->minY);
        break;
    default:
        sqlite3_result_double(context, extent->maxY);
        break;
    }
}

void isEmptyFunction(sqlite3_context* context, int, sqlite3_value** arguments)
{
    const std::string_view blob = blobArgument(arguments[0]);
    if (blob.size() < 8)
    {
        sqlite3_result_null(context);
        return;
    }
    sqlite3_result_int(context, (static_cast<unsigned char>(blob[3]) & 0x10) ? 1 : 0);
}

void registerGeoPackageFunctions(sqlite3* database)
{
    const char* names[] = {"ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"};
    for (std::intptr_t i = 0; i < 4; ++i)
        sqlite3_create_function(database, names[i], 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, reinterpret_cast<void*>(i),
                                envelopeFunction, nullptr, nullptr);
    sqlite3_create_function(database, "ST_IsEmpty", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, isEmptyFunction,
                            nullptr, nullptr);
}

Error statementError(sqlite3_stmt* statement, const char* what)
{
    sqlite3* database = sqlite3_db_handle(statement);
    const char* file = sqlite3_db_filename(database, "main");
    const int code = sqlite3_errcode(database);
    const ErrorCode errorCode =
        (code == SQLITE_NOTADB || code == SQLITE_CORRUPT) ? ErrorCode::OpenFailed : ErrorCode::StoreFailed;
    return Error{errorCode, std::string(what) + ": " + sqlite3_errmsg(database), file ? file : ""};
}
} // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* statement) const
{
    sqlite3_finalize(statement);
}

Statement::Statement(sqlite3_stmt* statement) : mStatement(statement) {}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(mStatement.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(mStatement.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, std::string_view text)
{
    sqlite3_bind_text(mStatement.get(), index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindBlob(int index, const void* data, std::size_t size)
{
    sqlite3_bind_blob(mStatement.get(), index, data, static_cast<int>(size), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(mStatement.get(), index);
    return *this;
}

Result<bool> Statement::step()
{
    const int code = sqlite3_step(mStatement.get());
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    Error error = statementError(mStatement.get(), "SQL step failed");
    sqlite3_reset(mStatement.get());
    return error;
}

Result<bool> Statement::run()
{
    Result<bool> result = step();
    while (result.ok() && result.value())
        result = step();
    reset();
    return result.ok() ? Result<bool>(true) : result;
}

Result<bool> Statement::forEachRow(const std::function<void(const Statement&)>& onRow)
{
    while (true)
    {
        auto row = step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        onRow(*this);
    }
    reset();
    return true;
}

void Statement::reset()
{
    sqlite3_reset(mStatement.get());
    sqlite3_clear_bindings(mStatement.get());
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(mStatement.get(), column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(mStatement.get(), column);
}

double Statement::columnDouble(int column) const
{
    return sqlite3_column_double(mStatement.get(), column);
}

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(mStatement.get(), column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<std::size_t>(sqlite3_column_bytes(mStatement.get(), column)))
                : std::string();
}

std::string_view Statement::columnBlob(int column) const
{
    const void* data = sqlite3_column_blob(mStatement.get(), column);
    return data ? std::string_view(static_cast<const char*>(data),
                                   static_cast<std::size_t>(sqlite3_column_bytes(mStatement.get(), column)))
                : std::string_view();
}

void Database::Closer::operator()(sqlite3* database) const
{
    sqlite3_close_v2(database);
}

Result<Database> Database::open(const std::string& path, Mode mode)
{
    int flags = SQLITE_OPEN_NOMUTEX;
    flags |= mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (mode == Mode::ReadWriteCreate)
        flags |= SQLITE_OPEN_CREATE;
    sqlite3* raw = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database database;
    database.mDatabase.reset(raw);
    database.mPath = path;
    if (code != SQLITE_OK)
        return Error{ErrorCode::OpenFailed,
                     std::string("cannot open the database: ") + (raw ? sqlite3_errmsg(raw) : "out of memory"), path};
    sqlite3_busy_timeout(raw, BusyTimeoutMs);
    sqlite3_extended_result_codes(raw, 0);
    registerGeoPackageFunctions(raw);
    // Touch the schema now: a file that is not a database fails here with a clear message, not later.
    if (auto check = database.queryInt64("SELECT count(*) FROM sqlite_master"); !check)
        return Error{ErrorCode::OpenFailed, "not an SQLite database / GeoPackage (" + check.error().detail + ")", path};
    return database;
}

Result<bool> Database::exec(const std::string& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(mDatabase.get(), sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK)
    {
        const int code = sqlite3_errcode(mDatabase.get());
        Error error{ErrorCode::StoreFailed,
                    std::string("SQL failed: ") + (message ? message : "?") +
                        (code == SQLITE_FULL || code == SQLITE_IOERR ? " (is the disk full, or a file-size limit reached?)"
                                                                     : ""),
                    mPath};
        sqlite3_free(message);
        return error;
    }
    return true;
}

void Database::tune(const std::string& sql)
{
    if (auto done = exec(sql); !done)
        log(LogLevel::Warning, "data.sqlite", done.error().message());
}

Result<Statement> Database::prepare(const std::string& sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(mDatabase.get(), sql.c_str(), static_cast<int>(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        return error(ErrorCode::StoreFailed, "cannot prepare SQL");
    return Statement(statement);
}

Result<std::int64_t> Database::queryInt64(const std::string& sql)
{
    auto statement = prepare(sql);
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return row.value() ? statement->columnInt64(0) : 0;
}

std::int64_t Database::dataVersion()
{
    if (!mDataVersion)
    {
        auto statement = prepare("PRAGMA data_version");
        if (!statement)
            return -1;
        mDataVersion = std::make_unique<Statement>(std::move(statement.value()));
    }
    const auto row = mDataVersion->step();
    const std::int64_t version = row.ok() && row.value() ? mDataVersion->columnInt64(0) : -1;
    mDataVersion->reset();
    return version;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(mDatabase.get());
}

int Database::changes() const
{
    return sqlite3_changes(mDatabase.get());
}

std::string Database::lastError() const
{
    std::string message = sqlite3_errmsg(mDatabase.get());
    // A write that hit a full disk or a file-size limit: SQLITE_FULL, or an I/O error on write (EFBIG).
    const int code = sqlite3_errcode(mDatabase.get());
    if (code == SQLITE_FULL || code == SQLITE_IOERR)
        message += " (is the disk full, or a file-size limit reached?)";
    return message;
}

Error Database::error(ErrorCode code, const std::string& what) const
{
    return Error{code, what + ": " + lastError(), mPath};
}

Result<std::unique_ptr<Transaction>> Transaction::begin(Database& database)
{
    if (auto begun = database.exec("BEGIN IMMEDIATE"); !begun)
        return begun.error();
    return std::unique_ptr<Transaction>(new Transaction(database));
}

Transaction::~Transaction()
{
    if (!mDone)
        if (auto rolledBack = mDatabase.exec("ROLLBACK"); !rolledBack)
            log(LogLevel::Error, "data.sqlite", "rollback failed: " + rolledBack.error().message());
}

Result<bool> Transaction::commit()
{
    auto committed = mDatabase.exec("COMMIT");
    if (committed)
        mDone = true;
    return committed;
}

} // namespace citytwin::data
