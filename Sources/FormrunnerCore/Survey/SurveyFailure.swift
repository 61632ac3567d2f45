import Foundation

/// Why a survey answer was refused (other causes are ``TicketDesk/Failure``: an unknown ticket,
/// invalid answers).
public enum SurveyFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The ticket's life cycle has no `survey:`.
    case noSurvey(ticket: Int64, lifecycle: String)
    /// The ticket never entered the survey status.
    case notOpen(ticket: Int64)
    /// The answer is for another round than the current one.
    case wrongRound(ticket: Int64, given: Int, current: Int)
    /// The current round was already answered.
    case alreadyAnswered(ticket: Int64, round: Int)
    /// The current round's time to answer is over.
    case expired(ticket: Int64, round: Int, dueAt: Date)

    public var description: String {
        switch self {
        case .noSurvey(let ticket, let lifecycle):
            return "ticket \(ticket) has no satisfaction survey: its life cycle '\(lifecycle)' declares none"
        case .notOpen(let ticket):
            return "ticket \(ticket) has no satisfaction survey yet: it opens when the ticket is solved"
        case .wrongRound(let ticket, let given, let current):
            return "this survey link of ticket \(ticket) is out of date (survey \(given), the current one is \(current)); use the link of the latest e-mail"
        case .alreadyAnswered(let ticket, _):
            return "the satisfaction survey of ticket \(ticket) was already answered; thank you"
        case .expired(let ticket, _, let dueAt):
            let stamp = ISO8601DateFormatter().string(from: dueAt)
            return "the satisfaction survey of ticket \(ticket) expired at \(stamp); it can no longer be answered"
        }
    }
}
