import Foundation

/// A one-time code just issued, to be sent to its owner; the store keeps only its hash.
///
/// ``description`` never shows the code itself, so an `IssuedCode` that reaches a log is harmless.
public struct IssuedCode: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The code to send (only to its owner, by the channel the step names).
    public let code: String
    /// When the code stops working.
    public let expiresAt: Date

    /// A code and its expiry.
    public init(code: String, expiresAt: Date) {
        self.code = code
        self.expiresAt = expiresAt
    }

    public var description: String { "a \(code.count)-digit code valid until \(expiresAt.formatted(.iso8601))" }
    public var debugDescription: String { description }
}
