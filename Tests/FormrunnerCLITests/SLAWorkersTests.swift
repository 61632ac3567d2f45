import Foundation
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerTestSupport
import Testing

/// Three `formrunner worker --once` processes at the same instant on one PostgreSQL database: each
/// ticket's `sla_warning` and `sla_breach` fire exactly once, and the assignee gets one e-mail of each.
@Suite("SLA timers with several workers", .serialized)
struct SLAWorkersTests {
    static let tickets = 24

    @Test("warning and breach fire once each with three workers on PostgreSQL")
    func threeWorkers() async throws {
        let folder = NSTemporaryDirectory() + "formrunner-sla-workers-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let server = try PostgresServer.shared()
        let url = server.url(database: try server.makeDatabase()) + "&attachments=\(folder)/attachments"
        let environment = ["FORMRUNNER_STORE": url, "FORMRUNNER_NOTIFIER": "maildir:\(folder)/mail",
                           "FORMRUNNER_NOW": "2026-12-04T17:00:00-03:00", "FORMRUNNER_USER": ""]
        let added = try CommandRunner.run(["users", "add", "bia@desk.example", "--name", "Bia", "--role", "agent", "--team", "technical"],
                                          environment: environment)
        #expect(added.status == 0, "\(added.stderr)")
        for index in 1...Self.tickets {
            let created = try CommandRunner.run([
                "tickets", "create", "--form", "technical.intake", "--requester", "ana@example.com",
                "--set", "title=Checkout down \(index)", "--set", "description=Every checkout page answers 502 (\(index)).",
                "--set", "experience_level=proficient", "--set", "users_affected=all_users", "--set", "problem_impact=critical",
                "--set", "environment=production", "--set", "problem_type=unexpected_behavior",
            ], environment: environment)
            #expect(created.status == 0, "\(created.stderr)")
        }
        let late = environment.merging(["FORMRUNNER_NOW": "2026-12-07T12:00:00-03:00"]) { _, new in new }
        let runs = try await withThrowingTaskGroup(of: CommandRunner.Run.self) { group in
            for _ in 0..<3 {
                group.addTask { try CommandRunner.run(["worker", "--once", "--batch", "5"], environment: late) }
            }
            var runs: [CommandRunner.Run] = []
            for try await run in group { runs.append(run) }
            return runs
        }
        for run in runs { #expect(run.status == 0, "\(run.stderr)") }

        let store = try await PostgresTicketStore.open(PostgresLocation(url: url, defaultAttachments: URL(fileURLWithPath: folder)))
        for number in 1...Int64(Self.tickets) {
            let lines = try await store.history(number).map(\.event).filter { $0.hasPrefix("sla_") }
            #expect(lines == ["sla_warning", "sla_breach"], "ticket \(number): \(lines)")
            let alerts = try await store.outbox(for: number).filter { $0.template.hasPrefix("sla-") }
            #expect(alerts.map(\.template) == ["sla-warning", "sla-breach"], "ticket \(number)")
            #expect(alerts.allSatisfy { $0.address == "bia@desk.example" && $0.deliveredAt != nil && $0.attempts == 1 })
            #expect(try await store.ticket(number)?.sla?.breached == true)
        }
        await store.close()
    }
}
