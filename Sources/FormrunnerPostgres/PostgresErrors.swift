import FormrunnerCore
import PostgresNIO

/// Reports PostgreSQL failures the way every store does.
enum PostgresErrors {
    /// SQLSTATE of a unique violation.
    static let uniqueViolation = "23505"

    /// The SQLSTATE of a server error, if `error` is one.
    static func sqlState(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Runs `body`; store errors pass through, PostgreSQL failures become ``TicketStoreError/unavailable(_:)``.
    static func translated<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as TicketStoreError {
            throw error
        } catch let error as PSQLError {
            throw TicketStoreError.unavailable(describe(error))
        }
    }

    /// Runs `body` for an identity store: identity errors pass through, PostgreSQL failures (and a
    /// location that cannot be used) become ``IdentityStoreError/unavailable(_:)``.
    static func identityTranslated<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as IdentityStoreError {
            throw error
        } catch let error as PSQLError {
            throw IdentityStoreError.unavailable(describe(error))
        } catch TicketStoreError.unavailable(let reason) {
            throw IdentityStoreError.unavailable(reason)
        }
    }

    /// The server's message, or what went wrong with the connection.
    static func describe(_ error: PSQLError) -> String {
        if let info = error.serverInfo, let message = info[.message] {
            return "PostgreSQL: " + message + (info[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
        }
        if let underlying = error.underlying {
            return "cannot reach the PostgreSQL server: \(underlying)"
        }
        return "PostgreSQL: \(error.code)"
    }
}
