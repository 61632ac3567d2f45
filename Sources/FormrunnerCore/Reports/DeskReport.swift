import Foundation

/// A desk manager's report for a period: tickets opened, solved and closed per team and priority;
/// first-response times in working hours; SLA attainment; reopen rate; backlog by age; satisfaction.
/// Built by ``TicketDesk/report(_:)``; shown by ``ReportFormat``.
public struct DeskReport: Hashable, Sendable {
    /// One team and priority, or a total.
    public struct Line: Hashable, Sendable {
        public var team: String?
        public var priority: String?
        public var counts: ReportRows.Counts

        /// Met ÷ (met + breached): `nil` when no first response was due or given.
        public var slaAttainment: Double? { Self.share(counts.slaMet, of: counts.slaMet + counts.slaBreached) }
        /// Reopened ÷ solved: `nil` when nothing was solved.
        public var reopenRate: Double? { Self.share(counts.reopened, of: counts.solved) }

        static func share(_ part: Int, of whole: Int) -> Double? { whole == 0 ? nil : Double(part) / Double(whole) }
    }

    /// A team's first responses, backlog and satisfaction (`team` `nil`: tickets without a team).
    public struct TeamFigures: Hashable, Sendable {
        public var team: String?
        public var firstResponse: ReportRows.Percentiles
        /// Open tickets per age bucket (``DeskReport/backlogBuckets``).
        public var backlog: [Int]
        /// Survey answers given in the period per rating option (``DeskReport/ratingOptions`` order).
        public var ratings: [Int]
    }

    /// One local day of the period.
    public struct Day: Hashable, Sendable {
        public var date: LocalDate
        public var opened: Int
        public var solved: Int
    }

    /// The local dates of the period: `[fromDate, toDate)` in ``timeZone``.
    public var fromDate: LocalDate
    public var toDate: LocalDate
    public var timeZone: TimeZone
    /// The instants of the period, `[from, to)`.
    public var from: Date
    public var to: Date
    /// The team reported on; `nil` for the whole desk.
    public var team: String?
    /// When the report was made (a first response still owed and due before it is breached).
    public var now: Date
    /// Per team and priority, in the catalog's order (teams by id, tickets without a team last).
    public var lines: [Line]
    public var total: Line
    /// Per team, in the order of ``lines``; `total` for the whole report.
    public var teams: [TeamFigures]
    public var totalFigures: TeamFigures
    /// Names of the first-response buckets (`< 1 h`, …) and their counts.
    public var distributionBuckets: [String]
    public var distribution: [Int]
    /// Names of the backlog's age buckets in working days (`< 1 d`, …).
    public var backlogBuckets: [String]
    /// The survey's rating option ids, worst first, and their English labels.
    public var ratingOptions: [String]
    public var ratingLabels: [String]
    /// How many of the best options count as satisfied (the top two of a five-point scale).
    public var satisfiedOptions: Int
    public var days: [Day]
    /// Display labels of teams and priorities (English), by id.
    public var teamLabels: [String: String]
    public var priorityLabels: [String: String]
    /// The assistant's sessions started in the period (deflection: answered without a ticket), when
    /// the store keeps them; set by the caller (``TicketDesk/report(_:)`` leaves it nil).
    public var assistant: AssistantStats?

    /// Survey answers in the period.
    public var surveyAnswers: Int { totalFigures.ratings.reduce(0, +) }

    /// The mean of the ratings when every option id is a number; `nil` without answers.
    public var averageRating: Double? {
        let values = ratingOptions.map { Double($0) }
        guard surveyAnswers > 0, !values.contains(nil) else { return nil }
        let sum = zip(values, totalFigures.ratings).reduce(0.0) { $0 + $1.0! * Double($1.1) }
        return sum / Double(surveyAnswers)
    }

    /// The share of answers in the best ``satisfiedOptions`` options (CSAT); `nil` without answers.
    public var satisfiedShare: Double? {
        Line.share(totalFigures.ratings.suffix(satisfiedOptions).reduce(0, +), of: surveyAnswers)
    }

    /// The label of a team id (`nil`: "no team").
    public func label(team: String?) -> String {
        guard let team else { return "(no team)" }
        return teamLabels[team] ?? team
    }

    /// The label of a priority id (`nil`: "no priority").
    public func label(priority: String?) -> String {
        guard let priority else { return "(no priority)" }
        return priorityLabels[priority] ?? priority
    }
}
