/// What the person decided on the review screen.
public enum ReviewDecision: Hashable, Sendable {
    /// Send the request as it is.
    case send
    /// Change the answer to the field with this id (then review again).
    case edit(String)
    /// Leave without sending.
    case cancel
}
