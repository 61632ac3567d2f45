import Foundation

/// Why a report could not be made; each message says what to change.
public enum ReportFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// `--from` or `--to` is not a date.
    case badDate(option: String, text: String)
    /// The period is empty or reversed.
    case emptyPeriod(from: LocalDate, to: LocalDate)
    /// The team is not in the catalog.
    case unknownTeam(String, known: [String])
    /// The store cannot compute reports.
    case unsupportedStore

    public var description: String {
        switch self {
        case .badDate(let option, let text):
            return "\(option) '\(text)' is not a date; write it as YYYY-MM-DD (for example 2026-11-01)"
        case .emptyPeriod(let from, let to):
            return "the period is empty: --from \(from) must be before --to \(to) (--to is the first day after the period)"
        case .unknownTeam(let team, let known):
            guard !known.isEmpty else { return "unknown team '\(team)': this catalog declares no teams" }
            return "unknown team '\(team)'\(Suggestion.hintOrList(for: team, in: known))"
        case .unsupportedStore:
            return "this ticket store cannot compute reports"
        }
    }
}
