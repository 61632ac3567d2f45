import Foundation

/// Errors every user directory, one-time code store and draft store reports the same way.
public enum IdentityStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `add` was given an e-mail the directory already has; nothing was written.
    case duplicateUser(email: String)
    /// `update` was given an e-mail the directory does not have; nothing was written.
    case userNotFound(email: String)
    /// A code was asked for again before the resend cool-down ended; no code was issued.
    case tooSoon(retryAt: Date)
    /// The write breaks a rule (an address that is not an e-mail, a blank name); nothing was written.
    case invalid(String)
    /// The storage cannot be used (busy past its timeout, unreadable, a secret that cannot be unsealed).
    case unavailable(String)

    public var description: String {
        switch self {
        case .duplicateUser(let email): return "a user with the e-mail \(email) already exists; nothing was written"
        case .userNotFound(let email): return "there is no user with the e-mail \(email)"
        case .tooSoon(let retryAt):
            return "another code cannot be sent before \(retryAt.formatted(.iso8601)); nothing was sent"
        case .invalid(let reason): return "the user directory refused the change: \(reason); nothing was written"
        case .unavailable(let reason): return "the identity store is unavailable: \(reason)"
        }
    }
}
