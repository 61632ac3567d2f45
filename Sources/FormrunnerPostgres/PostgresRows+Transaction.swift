extension PostgresRows {
    /// Runs `body` between BEGIN and COMMIT on this connection, rolled back if it throws: the one
    /// transaction shape both PostgreSQL stores use.
    func inTransaction<T: Sendable>(_ body: (PostgresRows) async throws -> T) async throws -> T {
        try await run("BEGIN")
        do {
            let value = try await body(self)
            try await run("COMMIT")
            return value
        } catch {
            _ = try? await run("ROLLBACK")
            throw error
        }
    }
}
