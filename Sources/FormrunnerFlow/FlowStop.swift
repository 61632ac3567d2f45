/// A step that cannot go on for this user (no phone for an SMS code, no account to act for): the
/// run ends with ``FlowOutcome/refused(_:)`` and this message.
public struct FlowStop: Error, Sendable {
    /// Why the run cannot go on, for the person.
    public let message: String

    /// A stop with its message.
    public init(_ message: String) {
        self.message = message
    }
}
