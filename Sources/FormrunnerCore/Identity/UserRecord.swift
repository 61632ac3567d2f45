import Foundation

/// A person who may sign in: who they are, which stores they may act for, and their credentials.
///
/// The e-mail is the identity: it is kept trimmed and lower-case (see ``normalizedEmail(_:)``) and
/// cannot change; to rename a user, remove them and add them again. The country is kept upper-case.
///
/// Credentials are never shown: ``description``, ``debugDescription`` and the reflected form
/// (`dump`) say only whether a password, a TOTP secret or a phone number is set.
public struct UserRecord: Hashable, Sendable {
    /// The user's e-mail address, trimmed and lower-case.
    public let email: String
    /// The name shown to agents and used in messages.
    public var name: String
    /// The store names (accounts) the user may act for.
    public var accounts: [String]
    /// The user's country, an ISO 3166-1 alpha-2 code such as `BR`, upper-case.
    public var country: String?
    /// Permissions the user holds, such as `support`.
    public var permissions: [String]
    /// A phone number for SMS codes (the `sms` second factor), or nil.
    public var phone: String?
    /// The encoded slow salted hash of the password (see `PasswordHasher`), or nil when the user
    /// cannot sign in with a password. Never the password itself.
    public var passwordHash: String?
    /// The base32 TOTP shared secret (RFC 6238), or nil when the user has no authenticator app.
    public var totpSecret: String?
    /// When the user was added.
    public var createdAt: Date
    /// What the user may do at the desk (``UserRole/requester`` unless made an agent or admin).
    public var role: UserRole = .requester
    /// The ids of the teams whose tickets the user works (agents; admins may have some too), in
    /// the order given.
    public var teams: [String] = []
    /// Until when the user is away: automatic assignment skips them before that instant.
    public var awayUntil: Date?

    /// A user; `email` is normalised with ``normalizedEmail(_:)`` and `country` upper-cased.
    public init(email: String, name: String, accounts: [String] = [], country: String? = nil,
                permissions: [String] = [], phone: String? = nil, passwordHash: String? = nil,
                totpSecret: String? = nil, createdAt: Date) {
        self.email = UserRecord.normalizedEmail(email)
        self.name = name
        self.accounts = accounts
        self.country = country.map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        self.permissions = permissions
        self.phone = phone
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.createdAt = createdAt
    }

    /// Whether the user may be assigned tickets automatically at `instant`: not away then.
    public func isAvailable(at instant: Date) -> Bool {
        awayUntil.map { $0 <= instant } ?? true
    }

    /// The form every e-mail is compared and kept in: surrounding white space removed, lower-case.
    public static func normalizedEmail(_ text: String) -> String {
        // Addresses are mostly normalised already (read back from a store or a session): checked on
        // their bytes and returned as they are, without Foundation's trimming (2% of a page's CPU).
        let bytes = text.utf8
        if let first = bytes.first, let last = bytes.last, !isASCIISpace(first), !isASCIISpace(last),
           bytes.allSatisfy({ $0 < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || (0x09...0x0D).contains(byte)
    }

    /// The record as a store reads it back: `createdAt` rounded to the millisecond.
    public var storedForm: UserRecord {
        var copy = self
        copy.createdAt = createdAt.roundedToMilliseconds
        copy.awayUntil = awayUntil?.roundedToMilliseconds
        return copy
    }

    /// Why a directory would refuse this record, or nil when it is acceptable: the e-mail must have
    /// the shape `local@domain` without spaces, and the name must not be blank.
    public var problem: String? {
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count != 2 || parts[0].isEmpty || parts[1].isEmpty
            || email.contains(where: { $0.isWhitespace || $0.isNewline }) {
            return "'\(email)' is not an e-mail address"
        }
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return "the user \(email) has no name"
        }
        if role == .requester, !teams.isEmpty {
            return "the requester \(email) cannot be in a team; give them --role agent (or admin) to work a team's tickets"
        }
        return nil
    }
}

extension UserRecord: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user without credentials, for logs: e-mail, name, accounts, and which credentials are set.
    public var description: String {
        var facts = ["\(name) <\(email)>"]
        if role != .requester { facts.append("role: \(role.rawValue)") }
        if !teams.isEmpty { facts.append("teams: \(teams.joined(separator: ", "))") }
        if let awayUntil { facts.append("away until: \(awayUntil.formatted(.iso8601))") }
        if !accounts.isEmpty { facts.append("accounts: \(accounts.joined(separator: ", "))") }
        if let country { facts.append("country: \(country)") }
        if !permissions.isEmpty { facts.append("permissions: \(permissions.joined(separator: ", "))") }
        facts.append("password: \(passwordHash == nil ? "none" : "set")")
        facts.append("TOTP: \(totpSecret == nil ? "none" : "set")")
        facts.append("phone: \(phone == nil ? "none" : "set")")
        return facts.joined(separator: "; ")
    }

    /// Same as ``description``: credentials are never shown.
    public var debugDescription: String { description }

    /// A mirror that shows whether credentials are set, never their values.
    public var customMirror: Mirror {
        Mirror(self, children: [
            "email": email, "name": name, "accounts": accounts, "country": country as Any,
            "permissions": permissions, "phone": phone == nil ? "none" : "set",
            "passwordHash": passwordHash == nil ? "none" : "set",
            "totpSecret": totpSecret == nil ? "none" : "set", "createdAt": createdAt,
            "role": role, "teams": teams, "awayUntil": awayUntil as Any,
        ])
    }
}
