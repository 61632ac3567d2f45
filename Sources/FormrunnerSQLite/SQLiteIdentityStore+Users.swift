import FormrunnerCore
import GRDB

extension SQLiteIdentityStore: UserDirectory {
    public func add(_ user: UserRecord) async throws {
        if let problem = user.problem { throw IdentityStoreError.invalid(problem) }
        let arguments = try rows.arguments(user)
        try await write { db in
            let exists = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM user WHERE email = ?)",
                                           arguments: [user.email]) ?? false
            guard !exists else { throw IdentityStoreError.duplicateUser(email: user.email) }
            try db.execute(sql: "INSERT INTO user (\(UserRows.columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: UserRows.columns.count)))",
                           arguments: arguments)
        }
    }

    public func user(email: String) async throws -> UserRecord? {
        let rows = self.rows
        return try await read { db in
            // Prepared once per connection: every page a signed-in person opens asks it.
            try Row.fetchOne(try db.cachedStatement(sql: "SELECT * FROM user WHERE email = ?"),
                             arguments: [UserRecord.normalizedEmail(email)]).map(rows.user(from:))
        }
    }

    public func list() async throws -> [UserRecord] {
        let rows = self.rows
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user ORDER BY email").map(rows.user(from:))
        }
    }

    public func staff() async throws -> [UserRecord] {
        let rows = self.rows
        return try await read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM user WHERE role <> 'requester' ORDER BY email").map(rows.user(from:))
        }
    }

    public func changeCount() async throws -> Int64? {
        try await read { db in
            try Int64.fetchOne(db.cachedStatement(sql: "SELECT count FROM user_change WHERE id = 1"))
        }
    }

    @discardableResult
    public func remove(email: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM user WHERE email = ?", arguments: [UserRecord.normalizedEmail(email)])
            return db.changesCount > 0
        }
    }

    public func update(_ user: UserRecord) async throws {
        if let problem = user.problem { throw IdentityStoreError.invalid(problem) }
        let arguments = try rows.arguments(user) + [user.email]
        let assignments = UserRows.columns.map { "\($0) = ?" }.joined(separator: ", ")
        try await write { db in
            try db.execute(sql: "UPDATE user SET \(assignments) WHERE email = ?", arguments: arguments)
            guard db.changesCount == 1 else { throw IdentityStoreError.userNotFound(email: user.email) }
        }
    }

    private var rows: UserRows { UserRows(secrets: secrets) }
}
