import Foundation

/// Seals secrets that must be read back (TOTP shared secrets) before a store writes them to disk.
///
/// `context` names what the secret belongs to (for example the user's e-mail) and is authenticated
/// with it: a sealed secret copied to another user's row does not open. FormrunnerAuth provides
/// `KeyFileSecretSealer` (ChaCha20-Poly1305 with a key kept in a 0600 file beside the database).
public protocol SecretSealing: Sendable {
    /// The sealed form of `secret`, bound to `context`.
    func seal(_ secret: Data, context: String) throws -> Data

    /// The secret `sealed` holds; throws if it was not sealed with this key and `context`, or was altered.
    func open(_ sealed: Data, context: String) throws -> Data
}
