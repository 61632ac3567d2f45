import FormrunnerCore
import Foundation
import Logging
import PostgresNIO

extension PostgresTicketStore {
    /// The report's aggregates, by the same statements as on SQLite (each served by a
    /// `ticket_report_*` index), in one read-only repeatable-read transaction.
    public func reportRows(_ query: ReportQuery) async throws -> ReportRows {
        try await read { rows in
            try await rows.run("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            do {
                let result = try await PostgresReportQueries(query: query, rows: rows).rows()
                try await rows.run("COMMIT")
                return result
            } catch {
                _ = try? await rows.run("ROLLBACK")
                throw error
            }
        }
    }
}

/// The SQL of a report on PostgreSQL.
struct PostgresReportQueries {
    let query: ReportQuery
    let rows: PostgresRows

    /// The statement with `$1`, `$2` (the period), then `$3` (the team) when the report is for one team.
    private func run(_ sql: String, extra: [String] = []) async throws -> [PostgresRandomAccessRow] {
        var binds = PostgresBindings()
        binds.append(query.fromMilliseconds)
        binds.append(query.toMilliseconds)
        if let team = query.team { binds.append(team) }
        for value in extra { binds.append(value) }
        return try await rows.run(PostgresQuery(unsafeSQL: sql, binds: binds)).collect().map { $0.makeRandomAccess() }
    }

    private var teamFilter: String { query.team == nil ? "" : " AND team = $3" }

    func rows() async throws -> ReportRows {
        var result = ReportRows()
        result.distribution = Array(repeating: 0, count: query.distributionBounds.count + 1)
        try await opened(into: &result)
        for row in try await run("""
            SELECT team, priority, COUNT(*), SUM(CASE WHEN reopens > 0 THEN 1 ELSE 0 END)
            FROM ticket WHERE solved_at >= $1 AND solved_at < $2\(teamFilter) GROUP BY team, priority
            """) {
            let key = ReportRows.Key(team: try row[0].decode(String?.self), priority: try row[1].decode(String?.self))
            result.counts[key, default: ReportRows.Counts()].solved = Int(try row[2].decode(Int64.self))
            result.counts[key, default: ReportRows.Counts()].reopened = Int(try row[3].decode(Int64.self))
        }
        for row in try await run("""
            SELECT team, priority, COUNT(*) FROM ticket
            WHERE closed_at >= $1 AND closed_at < $2\(teamFilter) GROUP BY team, priority
            """) {
            let key = ReportRows.Key(team: try row[0].decode(String?.self), priority: try row[1].decode(String?.self))
            result.counts[key, default: ReportRows.Counts()].closed = Int(try row[2].decode(Int64.self))
        }
        result.firstResponseTotal = try await percentiles(partitioned: false)[nil] ?? ReportRows.Percentiles()
        result.firstResponse = try await percentiles(partitioned: true)
        result.openedSlots = try await slots(column: "created_at")
        result.solvedSlots = try await slots(column: "solved_at")
        for group in query.backlog { result.backlog[group.team] = try await backlog(group) }
        for row in try await run("""
            SELECT team, survey_rating, COUNT(*) FROM ticket
            WHERE survey_at >= $1 AND survey_at < $2\(teamFilter) AND survey_rating IS NOT NULL GROUP BY team, survey_rating
            """) {
            result.ratings[try row[0].decode(String?.self), default: [:]][try row[1].decode(String.self)] =
                Int(try row[2].decode(Int64.self))
        }
        return result
    }

    private func opened(into result: inout ReportRows) async throws {
        let bounds = query.distributionBounds
        let lower: [Int64?] = [nil] + bounds.map { $0 }
        let upper: [Int64?] = bounds.map { $0 } + [nil]
        let buckets = zip(lower, upper).map { low, high in
            "SUM(CASE WHEN first_response_seconds IS NOT NULL"
                + (low.map { " AND first_response_seconds >= \($0)" } ?? "")
                + (high.map { " AND first_response_seconds < \($0)" } ?? "") + " THEN 1 ELSE 0 END)"
        }
        let now = query.nowMilliseconds
        for row in try await run("""
            SELECT team, priority, COUNT(*),
                   SUM(CASE WHEN first_response_state = 'met' THEN 1 ELSE 0 END),
                   SUM(CASE WHEN first_response_state = 'breached'
                            OR (first_response_state = 'owed' AND first_response_due <= \(now)) THEN 1 ELSE 0 END),
                   SUM(CASE WHEN first_response_state = 'owed'
                            AND (first_response_due IS NULL OR first_response_due > \(now)) THEN 1 ELSE 0 END),
                   \(buckets.joined(separator: ", "))
            FROM ticket WHERE created_at >= $1 AND created_at < $2\(teamFilter)
            GROUP BY team, priority
            """) {
            let key = ReportRows.Key(team: try row[0].decode(String?.self), priority: try row[1].decode(String?.self))
            var counts = result.counts[key] ?? ReportRows.Counts()
            counts.opened = Int(try row[2].decode(Int64.self))
            counts.slaMet = Int(try row[3].decode(Int64.self))
            counts.slaBreached = Int(try row[4].decode(Int64.self))
            counts.slaPending = Int(try row[5].decode(Int64.self))
            result.counts[key] = counts
            for index in result.distribution.indices { result.distribution[index] += Int(try row[6 + index].decode(Int64.self)) }
        }
    }

    private func percentiles(partitioned: Bool) async throws -> [String?: ReportRows.Percentiles] {
        let partition = partitioned ? "PARTITION BY team" : ""
        var result: [String?: ReportRows.Percentiles] = [:]
        for row in try await run("""
            SELECT team, n, rn, seconds FROM (
                SELECT \(partitioned ? "team" : "NULL::text") AS team, first_response_seconds AS seconds,
                       ROW_NUMBER() OVER (\(partition) ORDER BY first_response_seconds) AS rn,
                       COUNT(*) OVER (\(partition)) AS n
                FROM ticket WHERE created_at >= $1 AND created_at < $2\(teamFilter) AND first_response_seconds IS NOT NULL
            ) ranked
            WHERE rn = (n * 50 + 99) / 100 OR rn = (n * 90 + 99) / 100
            """) {
            let team = try row[0].decode(String?.self)
            let count = Int(try row[1].decode(Int64.self)), rank = Int(try row[2].decode(Int64.self))
            let seconds = try row[3].decode(Int64.self)
            var value = result[team] ?? ReportRows.Percentiles(count: count)
            if rank == ReportRows.Percentiles.rank(50, of: count) { value.median = seconds }
            if rank == ReportRows.Percentiles.rank(90, of: count) { value.p90 = seconds }
            result[team] = value
        }
        return result
    }

    private func slots(column: String) async throws -> [Int64: Int] {
        var slots: [Int64: Int] = [:]
        for row in try await run("""
            SELECT \(column) / \(query.slotMilliseconds), COUNT(*) FROM ticket
            WHERE \(column) >= $1 AND \(column) < $2\(teamFilter) GROUP BY 1
            """) {
            slots[try row[0].decode(Int64.self)] = Int(try row[1].decode(Int64.self))
        }
        return slots
    }

    private func backlog(_ group: ReportQuery.Backlog) async throws -> [Int] {
        let cutoffs = group.cutoffs.map(\.millisecondsSince1970)
        var cases: [String] = []
        for index in 0...cutoffs.count {
            let newer = index == 0 ? nil : cutoffs[index - 1]
            let older = index == cutoffs.count ? nil : cutoffs[index]
            cases.append("COALESCE(SUM(CASE WHEN TRUE" + (older.map { " AND created_at >= \($0)" } ?? "")
                         + (newer.map { " AND created_at < \($0)" } ?? "") + " THEN 1 ELSE 0 END), 0)")
        }
        let team = group.team == nil ? "team IS NULL" : "team = $2"
        var binds = PostgresBindings()
        binds.append(query.openStatuses)
        if let name = group.team { binds.append(name) }
        let sql = "SELECT \(cases.joined(separator: ", ")) FROM ticket WHERE status = ANY($1) AND \(team)"
        guard let row = try await rows.run(PostgresQuery(unsafeSQL: sql, binds: binds)).collect().first?.makeRandomAccess()
        else { return Array(repeating: 0, count: cutoffs.count + 1) }
        return try (0...cutoffs.count).map { Int(try row[$0].decode(Int64.self)) }
    }

    /// Fills the reports' columns of tickets written before they existed (as on SQLite).
    @Sendable
    static func backfill(_ connection: PostgresConnection, logger: Logger) async throws {
        var found: [(Int64, String?, String)] = []
        for try await (number, sla, answers) in try await connection.query(
            "SELECT number, sla, answers FROM ticket WHERE sla IS NOT NULL OR answers LIKE '%_survey.%'", logger: logger)
            .decode((Int64, String?, String).self) {
            found.append((number, sla, answers))
        }
        for (number, sla, answers) in found {
            let columns = ReportColumns(sla: try sla.map(SLAClock.stored), figures: nil, answers: try StoredAnswers.decode(answers))
            try await connection.query("""
                UPDATE ticket SET first_response_state = \(columns.firstResponse?.rawValue),
                    first_response_due = \(columns.firstResponseDue), first_response_seconds = \(columns.firstResponseSeconds),
                    survey_rating = \(columns.surveyRating), survey_at = \(columns.surveyAt)
                WHERE number = \(number)
                """, logger: logger)
        }
    }
}
