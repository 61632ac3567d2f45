import Foundation

/// Proves who a person is: the authentication plugin protocol.
///
/// An authenticator turns ``Credentials`` into the ``UserRecord`` of the person they
/// prove, or an ``AuthenticationFailure`` whose ``AuthenticationFailure/message`` can be shown as is.
/// Implementations never log or put into an error a password, code, token or secret.
public protocol Authenticator: Sendable {
    /// A short name for configuration and logs, such as `directory`.
    var name: String { get }

    /// The user `credentials` prove at `now`.
    func authenticate(_ credentials: Credentials, now: Date) async throws(AuthenticationFailure) -> UserRecord
}
