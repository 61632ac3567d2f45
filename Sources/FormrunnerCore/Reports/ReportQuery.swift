import Foundation

/// What a report asks a store: aggregates over the tickets of a period, computed by the store
/// (SQL on the database stores) rather than by loading tickets.
public struct ReportQuery: Hashable, Sendable {
    /// The tickets whose team's backlog is counted, with the instants that separate its age buckets.
    public struct Backlog: Hashable, Sendable {
        /// The team (`nil`: tickets without a team).
        public var team: String?
        /// Instants, newest first: a ticket created at or after `cutoffs[0]` is in the first bucket,
        /// between `cutoffs[i]` and `cutoffs[i - 1]` in bucket `i`, before the last in the last bucket.
        public var cutoffs: [Date]

        public init(team: String?, cutoffs: [Date]) {
            self.team = team
            self.cutoffs = cutoffs
        }
    }

    /// The period, `[from, to)`.
    public var from: Date
    public var to: Date
    /// Only this team's tickets; `nil` for all.
    public var team: String?
    /// The instant of the report: a first response still owed and due before it counts as breached.
    public var now: Date
    /// The statuses of open work (the backlog).
    public var openStatuses: [String]
    /// The backlog groups (one per team reported).
    public var backlog: [Backlog]
    /// Upper bounds (exclusive, working seconds, ascending) of the first-response distribution's
    /// buckets; the last bucket has no bound.
    public var distributionBounds: [Int64]
    /// The length of the slots the opened and solved tickets are counted in (the report folds them
    /// into local days); every time zone's offset is a multiple of 15 minutes.
    public var slotMilliseconds: Int64 = 900_000

    public init(from: Date, to: Date, team: String?, now: Date, openStatuses: [String], backlog: [Backlog],
                distributionBounds: [Int64]) {
        self.from = from
        self.to = to
        self.team = team
        self.now = now
        self.openStatuses = openStatuses
        self.backlog = backlog
        self.distributionBounds = distributionBounds
    }

    /// `from`, `to` and `now` in milliseconds since 1970, as the stores keep instants.
    public var fromMilliseconds: Int64 { from.millisecondsSince1970 }
    public var toMilliseconds: Int64 { to.millisecondsSince1970 }
    public var nowMilliseconds: Int64 { now.millisecondsSince1970 }
}
