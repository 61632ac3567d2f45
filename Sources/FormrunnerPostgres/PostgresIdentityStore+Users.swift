import Foundation
import FormrunnerCore
import PostgresNIO

extension PostgresIdentityStore: UserDirectory {
    /// The columns written by `add` and `update` and read back, in bind and decode order.
    static let userColumns = """
        email, name, accounts, country, permissions, phone, password_hash, totp_secret, created_at, role, teams, away_until
        """

    public func add(_ user: UserRecord) async throws {
        if let problem = user.problem { throw IdentityStoreError.invalid(problem) }
        let binds = try userBinds(user)
        let inserted = try await read { rows in
            try await rows.run(PostgresQuery(
                unsafeSQL: """
                    INSERT INTO users (\(Self.userColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    ON CONFLICT (email) DO NOTHING RETURNING email
                    """,
                binds: binds)).collect().count
        }
        guard inserted == 1 else { throw IdentityStoreError.duplicateUser(email: user.email) }
    }

    public func user(email: String) async throws -> UserRecord? {
        let email = UserRecord.normalizedEmail(email)
        let found = try await read { rows in
            try await rows.run("SELECT \(unescaped: Self.userColumns) FROM users WHERE email = \(email)").collect()
        }
        return try found.first.map(user(from:))
    }

    public func list() async throws -> [UserRecord] {
        let found = try await read { rows in
            try await rows.run("SELECT \(unescaped: Self.userColumns) FROM users ORDER BY email").collect()
        }
        return try found.map(user(from:))
    }

    public func staff() async throws -> [UserRecord] {
        let found = try await read { rows in
            try await rows.run("SELECT \(unescaped: Self.userColumns) FROM users WHERE role <> 'requester' ORDER BY email").collect()
        }
        return try found.map(user(from:))
    }

    public func changeCount() async throws -> Int64? {
        try await read { rows in
            try await rows.run("SELECT count FROM user_change WHERE id = 1").collect().first?.decode(Int64.self)
        }
    }

    @discardableResult
    public func remove(email: String) async throws -> Bool {
        let email = UserRecord.normalizedEmail(email)
        return try await read { rows in
            try await rows.run("DELETE FROM users WHERE email = \(email) RETURNING email").collect().count > 0
        }
    }

    public func update(_ user: UserRecord) async throws {
        if let problem = user.problem { throw IdentityStoreError.invalid(problem) }
        let binds = try userBinds(user)
        let changed = try await read { rows in
            try await rows.run(PostgresQuery(
                unsafeSQL: """
                    UPDATE users SET name = $2, accounts = $3, country = $4, permissions = $5, phone = $6,
                        password_hash = $7, totp_secret = $8, created_at = $9, role = $10, teams = $11, away_until = $12
                    WHERE email = $1 RETURNING email
                    """,
                binds: binds)).collect().count
        }
        guard changed == 1 else { throw IdentityStoreError.userNotFound(email: user.email) }
    }

    /// What a user's sealed TOTP secret is bound to (the same as in the SQLite store).
    static func context(_ email: String) -> String { "formrunner user totp_secret " + email }

    /// The values of ``userColumns`` for `user` (in stored form), with the TOTP secret sealed.
    private func userBinds(_ user: UserRecord) throws -> PostgresBindings {
        let stored = user.storedForm
        let sealed: Data?
        do {
            sealed = try stored.totpSecret.map { try secrets.seal(Data($0.utf8), context: Self.context(stored.email)) }
        } catch {
            throw IdentityStoreError.unavailable("the TOTP secret of \(stored.email) cannot be sealed")
        }
        var binds = PostgresBindings()
        binds.append(stored.email)
        binds.append(stored.name)
        binds.append(stored.accounts)
        binds.append(stored.country)
        binds.append(stored.permissions)
        binds.append(stored.phone)
        binds.append(stored.passwordHash)
        try binds.append(sealed)
        binds.append(stored.createdAt.millisecondsSince1970)
        binds.append(stored.role.rawValue)
        binds.append(stored.teams)
        binds.append(stored.awayUntil?.millisecondsSince1970)
        return binds
    }

    /// The user a row of ``userColumns`` holds, with the TOTP secret opened.
    private func user(from row: PostgresRow) throws -> UserRecord {
        let (email, name, accounts, country, permissions, phone, passwordHash, sealed, createdAt) = try row.decode(
            (String, String, [String], String?, [String], String?, String?, Data?, Int64).self)
        var totpSecret: String?
        if let sealed {
            guard let opened = try? secrets.open(sealed, context: Self.context(email)),
                  let text = String(data: opened, encoding: .utf8) else {
                throw IdentityStoreError.unavailable(
                    "the TOTP secret of \(email) cannot be unsealed (was the key file replaced or the row copied?)")
            }
            totpSecret = text
        }
        var user = UserRecord(email: email, name: name, accounts: accounts, country: country, permissions: permissions,
                              phone: phone, passwordHash: passwordHash, totpSecret: totpSecret,
                              createdAt: Date(millisecondsSince1970: createdAt))
        let columns = row.makeRandomAccess()
        let role = try columns[9].decode(String.self)
        guard let known = UserRole(rawValue: role) else {
            throw IdentityStoreError.unavailable("the stored role '\(role)' of \(email) is not requester, agent or admin")
        }
        user.role = known
        user.teams = try columns[10].decode([String].self)
        user.awayUntil = try columns[11].decode(Int64?.self).map(Date.init(millisecondsSince1970:))
        return user
    }
}
