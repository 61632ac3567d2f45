import Foundation

/// The aggregates a store returns for a ``ReportQuery``; ``TicketDesk/report(_:)`` turns them into a
/// ``DeskReport``. Groups are keyed by team and priority as stored (`nil` when the ticket has none).
public struct ReportRows: Hashable, Sendable {
    /// A team and a priority.
    public struct Key: Hashable, Sendable {
        public var team: String?
        public var priority: String?

        public init(team: String?, priority: String?) {
            self.team = team
            self.priority = priority
        }
    }

    /// The counts of one group.
    public struct Counts: Hashable, Sendable {
        /// Tickets created in the period.
        public var opened = 0
        /// Tickets whose latest solving falls in the period.
        public var solved = 0
        /// Of those, the ones reopened at least once.
        public var reopened = 0
        /// Tickets that entered a final status in the period.
        public var closed = 0
        /// Of the tickets opened: first response within target, breached, still owed within target.
        public var slaMet = 0
        public var slaBreached = 0
        public var slaPending = 0

        public init() {}
    }

    /// The nearest-rank median and 90th percentile of first responses, in working seconds.
    public struct Percentiles: Hashable, Sendable {
        public var count = 0
        public var median: Int64?
        public var p90: Int64?

        public init(count: Int = 0, median: Int64? = nil, p90: Int64? = nil) {
            self.count = count
            self.median = median
            self.p90 = p90
        }

        /// The nearest rank (1-based) of the `percent` percentile among `count` values: ⌈count × percent / 100⌉.
        public static func rank(_ percent: Int, of count: Int) -> Int { (count * percent + 99) / 100 }
    }

    public var counts: [Key: Counts] = [:]
    /// Of the tickets opened in the period and answered: by team, and for all of them.
    public var firstResponse: [String?: Percentiles] = [:]
    public var firstResponseTotal = Percentiles()
    /// Answered tickets opened in the period per bucket of ``ReportQuery/distributionBounds``.
    public var distribution: [Int] = []
    /// Tickets opened and solved per slot (`instant / slotMilliseconds`).
    public var openedSlots: [Int64: Int] = [:]
    public var solvedSlots: [Int64: Int] = [:]
    /// Open tickets per team and age bucket (``ReportQuery/Backlog``).
    public var backlog: [String?: [Int]] = [:]
    /// Survey answers given in the period, by team and rating option id.
    public var ratings: [String?: [String: Int]] = [:]

    public init() {}
}
