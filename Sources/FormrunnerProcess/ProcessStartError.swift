import Foundation

/// A program that could not be started at all.
public struct ProcessStartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The executable's path.
    public var path: String
    /// The system's reason (`Permission denied`, `Exec format error`, …).
    public var reason: String

    /// `path` could not be started for `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The problem in one sentence.
    public var description: String { "cannot start '\(path)': \(reason)" }
}
