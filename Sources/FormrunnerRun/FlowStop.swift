/// A step that cannot go on for this user (no phone for an SMS code, no account to act for): the
/// run ends with ``FlowOutcome/refused(_:)`` and this message.
struct FlowStop: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
