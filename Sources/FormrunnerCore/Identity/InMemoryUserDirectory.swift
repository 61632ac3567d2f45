import Foundation

/// A user directory kept in memory for as long as it lives: for tests, dry runs and `memory:`.
/// It follows the ``UserDirectory`` contract exactly like the SQLite directory.
public actor InMemoryUserDirectory: UserDirectory {
    private var users: [String: UserRecord] = [:]
    /// Moves with every add, update and removal (see ``changeCount()``).
    private var changes: Int64 = 0

    /// A directory holding `users` (each added as by ``add(_:)``; a duplicate keeps the last).
    public init(_ users: [UserRecord] = []) {
        for user in users { self.users[user.email] = user.storedForm }
    }

    public func add(_ user: UserRecord) async throws {
        if let problem = user.problem { throw IdentityStoreError.invalid(problem) }
        guard users[user.email] == nil else { throw IdentityStoreError.duplicateUser(email: user.email) }
        users[user.email] = user.storedForm
        changes += 1
    }

    public func user(email: String) async throws -> UserRecord? {
        users[UserRecord.normalizedEmail(email)]
    }

    public func list() async throws -> [UserRecord] {
        users.values.sorted { $0.email.utf8.lexicographicallyPrecedes($1.email.utf8) }
    }

    @discardableResult
    public func remove(email: String) async throws -> Bool {
        guard users.removeValue(forKey: UserRecord.normalizedEmail(email)) != nil else { return false }
        changes += 1
        return true
    }

    public func update(_ user: UserRecord) async throws {
        if let problem = user.problem { throw IdentityStoreError.invalid(problem) }
        guard users[user.email] != nil else { throw IdentityStoreError.userNotFound(email: user.email) }
        users[user.email] = user.storedForm
        changes += 1
    }

    public func changeCount() async throws -> Int64? {
        changes
    }
}
