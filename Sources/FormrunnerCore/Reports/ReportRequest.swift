import Foundation

/// What a report is asked for: a period of local dates (`nil` for the defaults) and a team.
public struct ReportRequest: Hashable, Sendable {
    public var from: LocalDate?
    public var to: LocalDate?
    public var team: String?
    public var now: Date

    public init(from: LocalDate? = nil, to: LocalDate? = nil, team: String? = nil, now: Date) {
        self.from = from
        self.to = to
        self.team = team
        self.now = now
    }

    /// `text` as a date of `option`, or ``ReportFailure/badDate(option:text:)``.
    public static func date(_ text: String, option: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text.trimmingCharacters(in: .whitespaces)) else {
            throw ReportFailure.badDate(option: option, text: text)
        }
        return date
    }
}
