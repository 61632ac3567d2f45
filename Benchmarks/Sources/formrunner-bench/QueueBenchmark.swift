import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB

/// `formrunner-bench queue [--store sqlite|URL] [--scale N] [--data DIR] [--rebuild]`: the agents' queue
/// (`TicketStore.queue`) on a store of `scale` tickets, through `SQLiteTicketStore` or, with a
/// `postgres://` URL, `PostgresTicketStore`.
///
/// The database (`queue-<scale>-v<version>.sqlite`, kept) has the store's own schema; its rows are
/// written directly: tickets filed over three years across the three teams (technical 50%, financial
/// 30%, commercial 20%), all closed but the newest 5%, which are open (40%), awaiting the requester
/// (20%) or solved (40%). Open tickets carry an SLA clock due 1 to 12 hours after creation (by
/// priority) with its warning timer, 70% of them assigned to one of five agents of their team.
/// The queries run at the instant of the newest ticket. On PostgreSQL the database
/// (`formrunner_bench_queue_<scale>_v<version>`) is a copy of the SQLite one's tickets and timers
/// (see ``QueueCopy``), so both stores answer the same queue.
struct QueueBenchmark: Sendable {
    static let dataVersion = 1
    static let teams = ["technical", "financial", "commercial"]
    static let priorities: [(id: String, hours: Double)] = [("urgent", 1), ("high", 4), ("normal", 8), ("low", 12)]
    static let statuses = ["awaiting_reply", "open", "solved"]
    /// The `ticket` columns the database fills (the number aside).
    static let columns = [
        "form_id", "form_version", "lifecycle_id", "status", "title", "requester_email", "answers", "created_at",
        "updated_at", "last_interaction_at", "status_entered_at", "version", "requester_key", "team", "priority",
        "assignee", "sla", "queue_due", "sla_alert",
    ]

    var scale: Int
    var data: String
    var rebuild: Bool
    /// `sqlite` or a `postgres://` URL (see ``BenchOptions/store``).
    var store = "sqlite"
    var count = 1000

    /// The end of the synthetic three years.
    let now = Date(timeIntervalSince1970: 1_796_000_000)

    func run() async throws -> [Measurement] {
        let path = try await database()
        guard store != "sqlite" else { return try await measure(try SQLiteTicketStore(path: path)) }
        let backend = try PostgresBackend(url: store, folder: data)
        let name = "queue-\(scale)-v\(Self.dataVersion)"
        if rebuild, try await backend.exists(name) { try await backend.remove(name) }
        if try await !backend.exists(name) {
            try await QueueCopy(backend: backend).copy(sqlite: path, to: name + "-building")
            try await backend.rename(name + "-building", to: name)
        }
        return try await backend.withStore(name) { store in try await measure(store) }
    }

    private func measure(_ store: any TicketStore) async throws -> [Measurement] {
        let team = TicketQueueQuery(statuses: Self.statuses, teams: ["technical"], limit: 50)
        var cases: [(String, TicketQueueQuery)] = [
            ("team queue (technical), first 50", team),
        ]
        var unassigned = team
        unassigned.assignee = .nobody
        cases.append(("team queue, unassigned, first 50", unassigned))
        var breaching = team
        breaching.breachingAt = now
        cases.append(("team queue, breaching, first 50", breaching))
        var mine = TicketQueueQuery(statuses: Self.statuses, assignee: .person(Self.agent(0, of: "technical")), limit: 50)
        cases.append(("my queue (an agent, every team), first 50", mine))
        mine.teams = ["technical"]
        cases.append(("my queue in a team, first 50", mine))
        cases.append(("three teams (an admin), first 50", TicketQueueQuery(statuses: Self.statuses, limit: 50)))
        for (_, query) in cases { _ = try await store.queue(query) }  // warm the page cache
        var results: [Measurement] = []
        for (name, query) in cases {
            var found: [Ticket] = []
            var row = try await Measurement.timing("`queue`: \(name)", count: count) { _ in
                found = try await store.queue(query)
            }
            guard found.allSatisfy(query.admits), found == found.sorted(by: TicketQueueQuery.precedes), !found.isEmpty else {
                throw BenchFailure("the queue '\(name)' returned tickets out of order or outside the query")
            }
            row.note = "\(found.count) tickets"
            results.append(row)
        }
        return results
    }

    /// Reads `queue [--store S] [--scale N] [--data DIR] [--rebuild]` (the words after `formrunner-bench`).
    init(parsing arguments: [String]) throws {
        scale = 1_000_000
        data = BenchOptions.benchmarks.appendingPathComponent(".data").path
        rebuild = false
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            if flag == "--rebuild" {
                rebuild = true
                continue
            }
            guard let value = rest.popFirst() else { throw BenchOptions.UsageError(description: "\(flag) needs a value") }
            switch flag {
            case "--scale":
                guard let count = Int(value.replacingOccurrences(of: "_", with: "")), count > 0 else {
                    throw BenchOptions.UsageError(description: "--scale takes a count, not '\(value)'")
                }
                scale = count
            case "--data": data = value
            case "--store":
                guard value == "sqlite" || value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") else {
                    throw BenchOptions.UsageError(description: "--store takes sqlite or a postgres:// URL, not '\(value)'")
                }
                store = value
            default: throw BenchOptions.UsageError(description: "unknown option '\(flag)'")
            }
        }
    }

    static func agent(_ index: Int, of team: String) -> String { "agent\(index)@\(team).example" }

    /// The cached database's path, built first when missing (or when asked to).
    private func database() async throws -> String {
        let path = "\(data)/queue-\(scale)-v\(Self.dataVersion).sqlite"
        if !rebuild, FileManager.default.fileExists(atPath: path) { return path }
        let building = "\(data)/queue-\(scale)-v\(Self.dataVersion)-building.sqlite"
        Scratch.remove(building)
        _ = try SQLiteTicketStore(path: building)  // the schema, exactly as the store migrates it
        let pool = try DatabasePool(path: building)
        let spacing = 3 * 365 * 86_400 / Double(scale)
        let columns = Self.columns
        let answers = #"{"description":{"text":"The page stays blank after signing in; it worked yesterday."},"title":{"text":"Blank page"}}"#
        var random = SplitMix64(seed: 2026_12_03)
        var index = 0
        while index < scale {
            let end = min(index + 20_000, scale)
            var rows: [(values: [(any DatabaseValueConvertible)?], timers: [(String, Int64)])] = []
            for position in index..<end {
                let created = now.addingTimeInterval(-Double(scale - position) * spacing)
                let team = Self.teams[[0, 0, 0, 0, 0, 1, 1, 1, 2, 2][Int(random.next() % 10)]]
                let priority = Self.priorities[Int(random.next() % 4)]
                var status = "closed"
                if position >= scale - scale / 20 { status = ["open", "open", "awaiting_reply", "solved", "solved"][position % 5] }
                var clock: SLAClock?
                var timers: [(String, Int64)] = []
                var assignee: String?
                if status != "closed" { assignee = random.next() % 10 < 7 ? Self.agent(Int(random.next() % 5), of: team) : nil }
                if status == "open" {
                    var sla = SLAClock(kind: .firstResponse, priority: priority.id, startedAt: created,
                                       targetSeconds: Int64(priority.hours * 3600))
                    let due = created.addingTimeInterval(priority.hours * 3600 * 3)
                    sla.dueAt = due
                    clock = sla
                    timers = [("sla_warning", due.addingTimeInterval(-priority.hours * 2700).millisecondsSince1970),
                              ("sla_breach", due.millisecondsSince1970)]
                }
                var ticket = Ticket(formID: "technical.intake", formVersion: 1, lifecycleID: "ticket-lifecycle", status: status,
                                    title: "Blank page \(position)", requester: Requester(email: "user\(position % 50_000)@example.com"),
                                    answers: [:], createdAt: created)
                ticket.sla = clock
                ticket.timers = timers.map { ArmedTimer(event: $0.0, dueAt: Date(millisecondsSince1970: $0.1)) }
                let ms = created.millisecondsSince1970
                let values: [(any DatabaseValueConvertible)?] = [
                    ticket.formID, 1, ticket.lifecycleID, status, ticket.title, ticket.requester.email, answers, ms, ms, ms, ms, 1,
                    ticket.requester.email, team, priority.id, assignee, try clock?.storedJSON(), ticket.queueDueKey, ticket.slaAlertKey,
                ]
                rows.append((values, timers))
            }
            let batch = rows.map { row in (StatementArguments(row.values), row.timers) }
            try await pool.write { db in
                let insert = try db.makeStatement(sql: "INSERT INTO ticket (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))")
                let timer = try db.makeStatement(sql: "INSERT INTO timer (ticket_number, event, due_at) VALUES (?, ?, ?)")
                for (arguments, timers) in batch {
                    try insert.execute(arguments: arguments)
                    let number = db.lastInsertedRowID
                    for (event, due) in timers { try timer.execute(arguments: [number, event, due]) }
                }
            }
            index = end
            Progress.report("building the queue database: \(ReportTable.grouped(index)) of \(ReportTable.grouped(scale)) tickets")
        }
        Progress.done()
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "ANALYZE")
            _ = try db.checkpoint(.truncate)
        }
        try pool.close()
        Scratch.remove(path)
        try FileManager.default.moveItem(atPath: building, toPath: path)
        Scratch.remove(building)
        return path
    }
}
