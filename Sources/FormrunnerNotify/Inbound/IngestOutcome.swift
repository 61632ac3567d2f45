/// What `MailIngester` did with one message.
public enum IngestOutcome: Hashable, Sendable {
    /// The reply was recorded on the ticket, which went from status `from` to `to` (ids).
    case recorded(ticket: Int64, from: String, to: String)
    /// This message (by Message-ID) was already recorded on the ticket: nothing was done.
    case alreadyRecorded(ticket: Int64)
    /// The message was refused for good (a forged reference, a closed ticket…): the reason.
    case refused(String)
    /// No ticket could be found for the message: it is to be left where it is.
    case unmatched(String)
    /// The message could not be processed now (the store failed): to be left and tried again.
    case failed(String)

    /// Whether the message is done with (recorded, duplicate or refused) and can be marked processed.
    public var isProcessed: Bool {
        switch self {
        case .recorded, .alreadyRecorded, .refused: return true
        case .unmatched, .failed: return false
        }
    }

    /// Whether it counts as a failure for the exit status.
    public var isProblem: Bool {
        switch self {
        case .recorded, .alreadyRecorded: return false
        case .refused, .unmatched, .failed: return true
        }
    }
}
