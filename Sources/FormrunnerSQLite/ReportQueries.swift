import FormrunnerCore
import Foundation
import GRDB

extension SQLiteTicketStore {
    /// The report's aggregates, by a handful of SQL queries each served by one of the
    /// `ticket_report_*` indexes (see `Schema`), in one read transaction.
    public func reportRows(_ query: ReportQuery) async throws -> ReportRows {
        try await read { db in try ReportQueries(query: query).rows(in: db) }
    }
}

/// The SQL of a report on SQLite (the PostgreSQL store runs the same statements).
struct ReportQueries {
    let query: ReportQuery

    /// `AND team = ?` when the report is for one team.
    private var teamFilter: String { query.team == nil ? "" : " AND team = ?" }
    private var teamArgument: StatementArguments { query.team.map { [$0] } ?? [] }
    private var period: StatementArguments { [query.fromMilliseconds, query.toMilliseconds] }

    func rows(in db: Database) throws -> ReportRows {
        var rows = ReportRows()
        rows.distribution = Array(repeating: 0, count: query.distributionBounds.count + 1)
        try opened(into: &rows, in: db)
        try solvedAndClosed(into: &rows, in: db)
        try percentiles(into: &rows, in: db)
        rows.openedSlots = try slots(column: "created_at", in: db)
        rows.solvedSlots = try slots(column: "solved_at", in: db)
        for group in query.backlog { rows.backlog[group.team] = try backlog(group, in: db) }
        for row in try Row.fetchAll(db, sql: """
            SELECT team, survey_rating, COUNT(*) FROM ticket INDEXED BY ticket_report_survey
            WHERE survey_at >= ? AND survey_at < ?\(teamFilter) AND survey_rating IS NOT NULL GROUP BY team, survey_rating
            """, arguments: period + teamArgument) {
            rows.ratings[row[0] as String?, default: [:]][row[1] as String] = row[2]
        }
        return rows
    }

    /// Tickets opened in the period per team and priority, their SLA outcome and first-response buckets.
    private func opened(into rows: inout ReportRows, in db: Database) throws {
        let bounds = query.distributionBounds
        let lower: [Int64?] = [nil] + bounds.map { $0 }
        let upper: [Int64?] = bounds.map { $0 } + [nil]
        let buckets = zip(lower, upper).map { low, high in
            "SUM(CASE WHEN first_response_seconds IS NOT NULL"
                + (low.map { " AND first_response_seconds >= \($0)" } ?? "")
                + (high.map { " AND first_response_seconds < \($0)" } ?? "") + " THEN 1 ELSE 0 END)"
        }
        let now = query.nowMilliseconds
        let sql = """
            SELECT team, priority, COUNT(*),
                   SUM(CASE WHEN first_response_state = 'met' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN first_response_state = 'breached'
                            OR (first_response_state = 'owed' AND first_response_due <= \(now)) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN first_response_state = 'owed'
                            AND (first_response_due IS NULL OR first_response_due > \(now)) THEN 1 ELSE 0 END),
                   \(buckets.joined(separator: ", "))
            FROM ticket INDEXED BY ticket_report_opened
            WHERE created_at >= ? AND created_at < ?\(teamFilter)
            GROUP BY team, priority
            """
        for row in try Row.fetchAll(db, sql: sql, arguments: period + teamArgument) {
            let key = ReportRows.Key(team: row[0], priority: row[1])
            rows.counts[key, default: ReportRows.Counts()].opened = row[2]
            rows.counts[key, default: ReportRows.Counts()].slaMet = row[3]
            rows.counts[key, default: ReportRows.Counts()].slaBreached = row[4]
            rows.counts[key, default: ReportRows.Counts()].slaPending = row[5]
            for index in rows.distribution.indices { rows.distribution[index] += row[6 + index] as Int }
        }
    }

    private func solvedAndClosed(into rows: inout ReportRows, in db: Database) throws {
        for row in try Row.fetchAll(db, sql: """
            SELECT team, priority, COUNT(*), SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END)
            FROM ticket INDEXED BY ticket_report_solved WHERE solved_at >= ? AND solved_at < ?\(teamFilter)
            GROUP BY team, priority
            """, arguments: period + teamArgument) {
            let key = ReportRows.Key(team: row[0], priority: row[1])
            rows.counts[key, default: ReportRows.Counts()].solved = row[2]
            rows.counts[key, default: ReportRows.Counts()].reopened = row[3]
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT team, priority, COUNT(*) FROM ticket INDEXED BY ticket_report_closed
            WHERE closed_at >= ? AND closed_at < ?\(teamFilter) GROUP BY team, priority
            """, arguments: period + teamArgument) {
            rows.counts[ReportRows.Key(team: row[0], priority: row[1]), default: ReportRows.Counts()].closed = row[2]
        }
    }

    /// Nearest-rank median and 90th percentile of the first responses of tickets opened in the period,
    /// per team and for all. The working seconds are read straight off `ticket_report_opened` (one
    /// integer per answered ticket, no table row) and ranked here: SQLite's window functions would sort
    /// the same values twice, once per partition scheme, at three times the cost.
    private func percentiles(into rows: inout ReportRows, in db: Database) throws {
        var seconds: [String?: [Int64]] = [:]
        let cursor = try Row.fetchCursor(db, sql: """
            SELECT team, first_response_seconds FROM ticket INDEXED BY ticket_report_opened
            WHERE created_at >= ? AND created_at < ?\(teamFilter) AND first_response_seconds IS NOT NULL
            """, arguments: period + teamArgument)
        while let row = try cursor.next() {
            seconds[row[0] as String?, default: []].append(row[1])
        }
        rows.firstResponse = seconds.mapValues(ReportRows.percentiles)
        rows.firstResponseTotal = ReportRows.percentiles(seconds.values.flatMap { $0 })
    }

    private func slots(column: String, in db: Database) throws -> [Int64: Int] {
        let index = column == "created_at" ? "ticket_report_opened" : "ticket_report_solved"
        var slots: [Int64: Int] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT \(column) / \(query.slotMilliseconds), COUNT(*) FROM ticket INDEXED BY \(index)
            WHERE \(column) >= ? AND \(column) < ?\(teamFilter) GROUP BY 1
            """, arguments: period + teamArgument) {
            slots[row[0]] = row[1]
        }
        return slots
    }

    /// Open tickets of one team per age bucket.
    private func backlog(_ group: ReportQuery.Backlog, in db: Database) throws -> [Int] {
        let cutoffs = group.cutoffs.map(\.millisecondsSince1970)
        var cases: [String] = []
        for index in 0...cutoffs.count {
            let newer = index == 0 ? nil : cutoffs[index - 1]
            let older = index == cutoffs.count ? nil : cutoffs[index]
            cases.append("SUM(CASE WHEN 1" + (older.map { " AND created_at >= \($0)" } ?? "")
                         + (newer.map { " AND created_at < \($0)" } ?? "") + " THEN 1 ELSE 0 END)")
        }
        let statuses = databaseQuestionMarks(count: query.openStatuses.count)
        let team = group.team == nil ? "team IS NULL" : "team = ?"
        guard !query.openStatuses.isEmpty,
              let row = try Row.fetchOne(db, sql: """
                SELECT \(cases.joined(separator: ", ")) FROM ticket INDEXED BY ticket_report_backlog
                WHERE status IN (\(statuses)) AND \(team)
                """, arguments: StatementArguments(query.openStatuses) + (group.team.map { [$0] } ?? []))
        else { return Array(repeating: 0, count: cutoffs.count + 1) }
        return (0...cutoffs.count).map { (row[$0] as Int?) ?? 0 }
    }
}
