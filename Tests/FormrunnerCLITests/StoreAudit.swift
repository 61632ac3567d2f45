import Foundation
import FormrunnerCore
import GRDB

/// Checks, on a read-only connection, that a ticket database holds only whole tickets: what the
/// crash-safety test proves after killing `formrunner` mid-write.
///
/// The expectations come from the life cycle, as the desk applies it: a ticket's `create` history
/// line comes with the `on_create` messages; every later line with its transition's `notify`, or
/// the `on_status_change` messages when the transition has none and the status changed; and a
/// requester's event refused on a final ticket adds the `on_refused` messages and bumps the version
/// without a history line.
struct StoreAudit {
    let lifecycle: LifecycleDefinition
    /// The folder attachments are kept in (`<db name>.files`).
    let vault: String

    /// What the audit found.
    struct Report {
        /// Every broken rule; empty when the database is sound.
        var problems: [String]
        var tickets: Int
        var messages: Int
        var undelivered: Int
    }

    /// Audits the database at `path` without writing to it.
    func audit(databaseAt path: String) throws -> Report {
        var configuration = Configuration()
        configuration.readonly = true
        let database = try DatabaseQueue(path: path, configuration: configuration)
        return try database.read { db in
            var problems: [String] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] { problems.append("integrity_check: \(integrity)") }
            let tickets = try Row.fetchAll(db, sql: "SELECT number, version, status, answers FROM ticket ORDER BY number")
            let numbers = Set(tickets.map { $0["number"] as Int64 })
            for table in ["history", "outbox", "timer", "attachment"] {
                let orphans = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(table) WHERE ticket_number NOT IN (SELECT number FROM ticket)") ?? 0
                if orphans > 0 { problems.append("\(orphans) orphan row(s) in \(table)") }
            }
            let indexed = try Int64.fetchAll(db, sql: "SELECT rowid FROM ticket_search ORDER BY rowid")
            if indexed != numbers.sorted() { problems.append("search index rows \(indexed) ≠ tickets \(numbers.sorted())") }
            for ticket in tickets {
                problems += try check(ticket, in: db).map { "ticket \(ticket["number"] as Int64): \($0)" }
            }
            let messages = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox") ?? 0
            let undelivered = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM outbox WHERE delivered_at IS NULL") ?? 0
            return Report(problems: problems, tickets: tickets.count, messages: messages, undelivered: undelivered)
        }
    }

    /// Templates sent to agents rather than by the life cycle.
    static let agentTemplates: Set<String> = ["assigned", "sla-warning", "sla-breach"]

    private func check(_ ticket: Row, in db: Database) throws -> [String] {
        let number: Int64 = ticket["number"]
        let history = try Row.fetchAll(db, sql: "SELECT event, actor, from_status, to_status FROM history WHERE ticket_number = ? ORDER BY id",
                                       arguments: [number])
        // The agents' e-mails (an assignment, SLA alerts) depend on who the agents are, not on the life cycle.
        let templates = try String.fetchAll(db, sql: "SELECT template FROM outbox WHERE ticket_number = ?", arguments: [number])
            .filter { !Self.agentTemplates.contains($0) }
        var problems: [String] = []
        guard history.first?["event"] == "create", history.dropFirst().allSatisfy({ $0["event"] != "create" }) else {
            return ["history does not start with exactly one create: \(history.map { $0["event"] as String })"]
        }
        let refusalTemplates = lifecycle.onRefused.map(\.template)
        let refusals = refusalTemplates.isEmpty ? 0 : templates.filter { $0 == refusalTemplates[0] }.count
        let version: Int = ticket["version"]
        // The automatic assignment is written with the creation, in the same version.
        let assignedAtCreation = history.dropFirst().prefix { $0["event"] == "assign" && $0["actor"] == "system" }.count
        if version != history.count - assignedAtCreation + refusals {
            problems.append("version \(version) ≠ 1 + \(history.count - 1) change(s) + \(refusals) refusal(s)")
        }
        var expected = lifecycle.onCreate.map(\.template)
        for line in history.dropFirst() {
            let event: String = line["event"]
            let changed = (line["from_status"] as String?) != line["to_status"]
            let own = lifecycle.transitions.first { $0.event == event }?.notifications ?? []
            expected += (own.isEmpty ? (changed ? lifecycle.onStatusChange : []) : own).map(\.template)
        }
        expected += Array(repeating: refusalTemplates, count: refusals).flatMap { $0 }
        if templates.sorted() != expected.sorted() {
            problems.append("outbox \(templates.sorted()) ≠ what the history sends \(expected.sorted())")
        }
        let status: String = ticket["status"]
        if history.last?["to_status"] != status { problems.append("status \(status) ≠ the last history line's") }
        let timers = try String.fetchAll(db, sql: "SELECT event FROM timer WHERE ticket_number = ? ORDER BY event", arguments: [number])
            .filter { !$0.hasPrefix("sla_") }
        let armed = lifecycle.timedTransitions.filter { $0.starts(from: status) }.map(\.event).sorted()
        if timers != armed { problems.append("timers \(timers) in status \(status), expected \(armed)") }
        let answers = try JSONDecoder().decode([String: AnswerValue].self, from: Data((ticket["answers"] as String).utf8))
        let files = answers.values.flatMap { value -> [String] in
            if case .files(let files) = value { return files.map { $0.sha256.lowercased() } }
            return []
        }
        let attached = try String.fetchAll(db, sql: "SELECT sha256 FROM attachment WHERE ticket_number = ?", arguments: [number])
        if attached.sorted() != files.sorted() { problems.append("attachment rows \(attached) ≠ the answers' files \(files)") }
        for sha in attached
        where !FileManager.default.fileExists(atPath: "\(vault)/\(sha.prefix(2))/\(sha)") {
            problems.append("attachment \(sha) is not in the vault")
        }
        return problems
    }
}
