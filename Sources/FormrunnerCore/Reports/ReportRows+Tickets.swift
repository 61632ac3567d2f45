import Foundation

extension ReportRows {
    /// The aggregates of `query` computed ticket by ticket: the reference the SQL stores agree with,
    /// and the in-memory store's answer.
    public init<S: Sequence>(tickets: S, query: ReportQuery) where S.Element == Ticket {
        self.init()
        let from = query.fromMilliseconds, to = query.toMilliseconds, now = query.nowMilliseconds
        let inPeriod = { (instant: Int64?) in instant.map { $0 >= from && $0 < to } ?? false }
        let open = Set(query.openStatuses)
        let backlogGroups = Dictionary(query.backlog.map { ($0.team, $0.cutoffs.map(\.millisecondsSince1970)) },
                                       uniquingKeysWith: { first, _ in first })
        var answered: [String?: [Int64]] = [:]
        distribution = Array(repeating: 0, count: query.distributionBounds.count + 1)
        for ticket in tickets {
            if let team = query.team, ticket.team != team { continue }
            let columns = ReportColumns(ticket)
            let key = Key(team: ticket.team, priority: ticket.priority)
            let created = ticket.createdAt.millisecondsSince1970
            if inPeriod(created) {
                counts[key, default: Counts()].opened += 1
                openedSlots[created / query.slotMilliseconds, default: 0] += 1
                switch columns.firstResponse {
                case .met?: counts[key, default: Counts()].slaMet += 1
                case .breached?: counts[key, default: Counts()].slaBreached += 1
                case .owed?:
                    if let due = columns.firstResponseDue, due <= now {
                        counts[key, default: Counts()].slaBreached += 1
                    } else {
                        counts[key, default: Counts()].slaPending += 1
                    }
                case .waived?, nil: break
                }
                if let seconds = columns.firstResponseSeconds {
                    answered[ticket.team, default: []].append(seconds)
                    distribution[Self.bucket(of: seconds, bounds: query.distributionBounds)] += 1
                }
            }
            if inPeriod(columns.solvedAt) {
                counts[key, default: Counts()].solved += 1
                if (columns.reopens ?? 0) > 0 { counts[key, default: Counts()].reopened += 1 }
                solvedSlots[columns.solvedAt! / query.slotMilliseconds, default: 0] += 1
            }
            if inPeriod(columns.closedAt) { counts[key, default: Counts()].closed += 1 }
            if open.contains(ticket.status), let cutoffs = backlogGroups[ticket.team] {
                let age = cutoffs.firstIndex { created >= $0 } ?? cutoffs.count
                backlog[ticket.team, default: Array(repeating: 0, count: cutoffs.count + 1)][age] += 1
            }
            if inPeriod(columns.surveyAt), let rating = columns.surveyRating {
                ratings[ticket.team, default: [:]][rating, default: 0] += 1
            }
        }
        firstResponse = answered.mapValues(Self.percentiles)
        firstResponseTotal = Self.percentiles(answered.values.flatMap { $0 })
    }

    /// The bucket of `seconds` among `bounds` (ascending upper bounds, exclusive).
    public static func bucket(of seconds: Int64, bounds: [Int64]) -> Int {
        bounds.firstIndex { seconds < $0 } ?? bounds.count
    }

    /// The nearest-rank median and 90th percentile of `values`.
    public static func percentiles(_ values: [Int64]) -> Percentiles {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return Percentiles() }
        return Percentiles(count: sorted.count, median: sorted[Percentiles.rank(50, of: sorted.count) - 1],
                           p90: sorted[Percentiles.rank(90, of: sorted.count) - 1])
    }
}
