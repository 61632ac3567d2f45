import Foundation

/// Who may sign in: the user directory plugin protocol.
///
/// ## Contract (every implementation passes the same conformance suite)
/// - **Identity.** Users are keyed by their normalised e-mail (``UserRecord/normalizedEmail(_:)``):
///   every method that takes an e-mail normalises it first, so `Ana@Example.com ` finds
///   `ana@example.com`.
/// - **add** stores a new user and refuses an e-mail already present with
///   ``IdentityStoreError/duplicateUser(email:)``, and a record with a ``UserRecord/problem`` with
///   ``IdentityStoreError/invalid(_:)``; either way nothing is written.
/// - **update** replaces every field of the user with that e-mail; an unknown e-mail throws
///   ``IdentityStoreError/userNotFound(email:)``, a record with a problem
///   ``IdentityStoreError/invalid(_:)``.
/// - **remove** deletes the user and says whether there was one.
/// - **list** returns every user ordered by e-mail (byte order of the UTF-8).
/// - **Canonical form**: values read back equal ``UserRecord/storedForm`` of what was written
///   (instants to the millisecond; account and permission order kept).
/// - **Secrets at rest**: the password is only ever held as its slow salted hash; a store that
///   persists the TOTP secret keeps it sealed (see ``SecretSealing``), never in plain text.
public protocol UserDirectory: Sendable {
    /// Adds a new user.
    func add(_ user: UserRecord) async throws

    /// The user with this e-mail, if any.
    func user(email: String) async throws -> UserRecord?

    /// Every user, ordered by e-mail.
    func list() async throws -> [UserRecord]

    /// Removes the user with this e-mail; returns whether there was one.
    @discardableResult
    func remove(email: String) async throws -> Bool

    /// Replaces the stored user that has `user.email`.
    func update(_ user: UserRecord) async throws

    /// The agents and admins, ordered by e-mail: those who work tickets.
    func staff() async throws -> [UserRecord]

    /// A number that changes whenever a user is added, changed or removed (by any process), read
    /// much more cheaply than the users: a cache of the staff keeps it and reads them again only when
    /// it moves. `nil` when the directory cannot tell: then the staff is read every time.
    func changeCount() async throws -> Int64?
}

extension UserDirectory {
    /// No cheap change count: callers read the users every time.
    public func changeCount() async throws -> Int64? { nil }

    /// Every agent and admin, filtered from ``list()``; stores answer it with an indexed query.
    public func staff() async throws -> [UserRecord] {
        try await list().filter { $0.role.isStaff }
    }
}
