import GRDB
import GRDBSQLite
import LIPEthereum

/// Binding and stepping through SQLite's own API (GRDB's documented raw statement handle), for
/// inserts made hundreds of thousands of times in one import: per row, GRDB's argument arrays cost
/// more than SQLite's insert. Parameters are 1-based; SQLite copies what it is given.
extension Statement {
    /// Binds text, or NULL.
    func bind(_ index: Int32, text: String?) {
        guard var text else { return _ = sqlite3_bind_null(sqliteStatement, index) }
        _ = text.withUTF8 {
            sqlite3_bind_text(sqliteStatement, index, $0.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) }, Int32($0.count), Self.transient)
        }
    }

    /// Binds an integer, or NULL.
    func bind(_ index: Int32, integer: Int64?) {
        guard let integer else { return _ = sqlite3_bind_null(sqliteStatement, index) }
        sqlite3_bind_int64(sqliteStatement, index, integer)
    }

    /// Binds a blob (empty, never NULL).
    func bind(_ index: Int32, bytes: ArraySlice<UInt8>) {
        _ = bytes.withUnsafeBytes { bytes in
            // A zero-length blob still needs a non-null pointer, or SQLite stores NULL.
            bytes.isEmpty
                ? sqlite3_bind_zeroblob(sqliteStatement, index, 0) : sqlite3_bind_blob(sqliteStatement, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
        }
    }

    /// Binds `0x` + the lowercase hex of `bytes` (at most 32), written on the stack.
    func bind(_ index: Int32, hex bytes: ArraySlice<UInt8>) {
        precondition(bytes.count <= 32)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 66) { out in
            let count = Hex.write(bytes, prefixed: true, into: out)
            _ = out.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(sqliteStatement, index, $0.baseAddress, Int32(count), Self.transient) }
        }
    }

    /// Steps the bound statement once and resets it; whether it changed a row. An error is GRDB's
    /// `DatabaseError`, as `execute` throws it.
    func stepOnce() throws -> Bool {
        let s = sqliteStatement
        let code = sqlite3_step(s)
        let changed = sqlite3_changes(sqlite3_db_handle(s)) > 0
        defer { sqlite3_reset(s) }
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(s))), sql: sql)
        }
        return changed
    }

    /// Steps a query once: whether it stands on a row (false when done). An error is GRDB's `DatabaseError`.
    func stepRow() throws -> Bool {
        let s = sqliteStatement
        let code = sqlite3_step(s)
        if code == SQLITE_ROW { return true }
        if code == SQLITE_DONE { return false }
        throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqlite3_db_handle(s))), sql: sql)
    }

    /// SQLITE_TRANSIENT: SQLite copies the buffer, which may go after the call. (Computed: a
    /// stored static is a lazy global, checked at every use.)
    private static var transient: sqlite3_destructor_type { unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self) }
}
