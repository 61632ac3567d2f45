import FormrunnerCore
import GRDB

extension SQLiteTicketStore {
    /// Runs `body`, reporting SQLite failures (busy past the timeout, disk full, a corrupt file) as
    /// ``TicketStoreError/unavailable(_:)``; store errors pass through unchanged.
    static func translated<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw TicketStoreError.unavailable(describe(error))
        }
    }

    /// Runs `body`, reporting SQLite failures as ``TicketStoreError/unavailable(_:)``.
    static func translated<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw TicketStoreError.unavailable(describe(error))
        }
    }

    private static func describe(_ error: DatabaseError) -> String {
        if error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
            return "the database stayed busy for more than \(Int(busyTimeout)) seconds; try again"
        }
        return error.message ?? error.description
    }
}
