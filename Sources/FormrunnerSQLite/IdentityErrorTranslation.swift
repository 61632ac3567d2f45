import FormrunnerCore
import GRDB

extension SQLiteIdentityStore {
    /// Runs `body`, reporting SQLite failures and the shared opener's ``TicketStoreError/unavailable(_:)``
    /// as ``IdentityStoreError/unavailable(_:)``; identity errors pass through unchanged.
    static func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw IdentityStoreError.unavailable(describe(error))
        } catch TicketStoreError.unavailable(let reason) {
            throw IdentityStoreError.unavailable(reason)
        }
    }

    /// Runs `body`, reporting SQLite failures as ``IdentityStoreError/unavailable(_:)``.
    static func translated<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw IdentityStoreError.unavailable(describe(error))
        }
    }

    private static func describe(_ error: DatabaseError) -> String {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return "the database stayed busy for more than \(Int(SQLiteTicketStore.busyTimeout)) seconds; try again"
        }
        return error.message ?? error.description
    }
}
