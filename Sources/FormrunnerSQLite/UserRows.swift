import Foundation
import FormrunnerCore
import GRDB

/// Converts users to and from `user` rows, sealing and opening the TOTP secret.
struct UserRows: Sendable {
    let secrets: any SecretSealing

    /// The columns written by `add` and `update`, in argument order.
    static let columns = [
        "email", "name", "accounts", "country", "permissions", "phone", "password_hash", "totp_secret", "created_at",
        "role", "teams", "away_until",
    ]

    /// The values of ``columns`` for `user` (in stored form), with the TOTP secret sealed.
    func arguments(_ user: UserRecord) throws -> StatementArguments {
        let stored = user.storedForm
        let sealed: Data?
        do {
            sealed = try stored.totpSecret.map { try secrets.seal(Data($0.utf8), context: UserRows.context(stored.email)) }
        } catch {
            throw IdentityStoreError.unavailable("the TOTP secret of \(stored.email) cannot be sealed")
        }
        let values: [(any DatabaseValueConvertible)?] = [
            stored.email, stored.name, try UserRows.json(stored.accounts), stored.country,
            try UserRows.json(stored.permissions), stored.phone, stored.passwordHash, sealed,
            stored.createdAt.millisecondsSince1970, stored.role.rawValue, try UserRows.json(stored.teams),
            stored.awayUntil?.millisecondsSince1970,
        ]
        return StatementArguments(values)
    }

    /// The user a `SELECT * FROM user` row holds, with the TOTP secret opened.
    func user(from row: Row) throws -> UserRecord {
        let email: String = row["email"]
        var totpSecret: String?
        if let sealed = row["totp_secret"] as Data? {
            guard let opened = try? secrets.open(sealed, context: UserRows.context(email)),
                  let text = String(data: opened, encoding: .utf8) else {
                throw IdentityStoreError.unavailable(
                    "the TOTP secret of \(email) cannot be unsealed (was the key file replaced or the row copied?)")
            }
            totpSecret = text
        }
        var user = UserRecord(
            email: email, name: row["name"], accounts: try UserRows.strings(row["accounts"]),
            country: row["country"], permissions: try UserRows.strings(row["permissions"]), phone: row["phone"],
            passwordHash: row["password_hash"], totpSecret: totpSecret,
            createdAt: Date(millisecondsSince1970: row["created_at"]))
        let role: String = row["role"]
        guard let known = UserRole(rawValue: role) else {
            throw IdentityStoreError.unavailable("the stored role '\(role)' of \(email) is not requester, agent or admin")
        }
        user.role = known
        user.teams = try UserRows.strings(row["teams"])
        user.awayUntil = (row["away_until"] as Int64?).map(Date.init(millisecondsSince1970:))
        return user
    }

    /// What a user's sealed TOTP secret is bound to.
    static func context(_ email: String) -> String { "formrunner user totp_secret " + email }

    private static func json(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }

    private static func strings(_ json: String) throws -> [String] {
        do {
            return try JSONDecoder().decode([String].self, from: Data(json.utf8))
        } catch {
            throw IdentityStoreError.unavailable("a stored list cannot be read: \(error)")
        }
    }
}
