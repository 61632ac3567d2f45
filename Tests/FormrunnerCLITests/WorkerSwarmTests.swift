import Foundation
import FormrunnerCore
import FormrunnerNotify
import FormrunnerPostgres
import FormrunnerSQLite
import FormrunnerTestSupport
import Testing

/// Several `formrunner worker` processes on one store with thousands of due timers: every ticket is
/// closed exactly once and every message delivered exactly once, and SIGTERM stops each cleanly.
@Suite("formrunner worker: several workers on one store", .serialized)
struct WorkerSwarmTests {
    /// A store the workers share, as the test opens it and as `--store` names it.
    struct SharedStore: Sendable, CustomTestStringConvertible {
        let name: String
        let tickets: Int
        let open: @Sendable (String) async throws -> (store: any TicketStore, url: String)

        var testDescription: String { "\(name), \(tickets) tickets" }

        static let postgres = SharedStore(name: "postgres", tickets: 2000) { folder in
            let server = try PostgresServer.shared()
            let url = server.url(database: try server.makeDatabase()) + "&attachments=\(folder)/attachments"
            let store = try await PostgresTicketStore.open(
                PostgresLocation(url: url, defaultAttachments: URL(fileURLWithPath: folder)))
            return (store, url)
        }

        static let sqlite = SharedStore(name: "sqlite", tickets: 300) { folder in
            let path = folder + "/tickets.sqlite"
            return (try SQLiteTicketStore(path: path), "sqlite:" + path)
        }
    }

    /// Marks messages delivered without writing them anywhere: for the set-up's own messages.
    struct DiscardingNotifier: Notifier {
        var name: String { "discard" }
        func deliver(_ message: OutboxMessage) async throws {}
    }

    static let solvedAt = GlobalOptionsInstant.parse("2026-01-05T11:00:00-03:00")

    @Test("every due ticket closed once, every message sent once, SIGTERM exits 0",
          arguments: [SharedStore.postgres, SharedStore.sqlite])
    func swarm(shared: SharedStore) async throws {
        let folder = NSTemporaryDirectory() + "formrunner-swarm-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let (store, url) = try await shared.open(folder)
        let setupMessages = try await fileSolvedTickets(shared.tickets, in: store)

        let mail = folder + "/mail"
        let workers = try (1...3).map { index in
            try WorkerProcess(["--store", url, "--notifier", "maildir:" + mail, "--poll", "1s", "--batch", "20"],
                              environment: [:], logs: folder, name: "worker\(index)")
        }
        try await waitUntilAllClosed(shared.tickets, in: store, workers: workers)
        for worker in workers { worker.terminate() }

        for worker in workers {
            #expect(worker.process.terminationReason == .exit)
            #expect(worker.process.terminationStatus == 0, "stderr: \(worker.stderr)")
            #expect(worker.stdout.hasSuffix("worker stopped\n"))
        }
        var workerMessages: Set<String> = []
        for number in 1...Int64(shared.tickets) {
            let ticket = try #require(try await store.ticket(number))
            #expect(ticket.status == "closed")
            let closes = try await store.history(number).filter { $0.event == "close" }
            #expect(closes.count == 1, "ticket \(number) was closed \(closes.count) times")
            for message in try await store.outbox(for: number) {
                #expect(message.deliveredAt != nil && message.attempts == 1,
                        "message \(message.id): attempts \(message.attempts), delivered \(String(describing: message.deliveredAt))")
                if !setupMessages.contains(message.id) { workerMessages.insert(message.id) }
            }
        }
        #expect(workerMessages.count >= shared.tickets)
        let files = try FileManager.default.contentsOfDirectory(atPath: mail + "/new")
        let tokens = files.compactMap { $0.split(separator: ".", maxSplits: 2).dropFirst().first.map(String.init) }
        #expect(files.count == workerMessages.count)
        #expect(Set(tokens) == Set(workerMessages.map { MessageToken.token(for: $0) }))
        await store.close()
    }

    @Test("a worker killed mid-way: another takes over its claims, nothing lost or repeated")
    func crashAndResume() async throws {
        let folder = NSTemporaryDirectory() + "formrunner-crash-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let count = 300
        let (store, url) = try await SharedStore.postgres.open(folder)
        let setupMessages = try await fileSolvedTickets(count, in: store)
        let mail = folder + "/mail"
        let arguments = ["--store", url, "--notifier", "maildir:" + mail, "--poll", "1s", "--lease", "3s", "--batch", "5"]

        let doomed = try WorkerProcess(arguments, environment: [:], logs: folder, name: "doomed")
        let giveUp = Date().addingTimeInterval(600)
        while try await store.count(status: "closed") < 20, doomed.process.isRunning, Date() < giveUp {
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        doomed.crash()
        #expect(doomed.process.terminationReason == .uncaughtSignal)
        let closedBefore = try await store.count(status: "closed")
        #expect(closedBefore >= 20 && closedBefore < count)

        let survivor = try WorkerProcess(arguments, environment: [:], logs: folder, name: "survivor")
        try await waitUntilAllClosed(count, in: store, workers: [survivor])
        survivor.terminate()
        #expect(survivor.process.terminationStatus == 0, "stderr: \(survivor.stderr)")

        var workerMessages: Set<String> = []
        for number in 1...Int64(count) {
            #expect(try await store.history(number).filter { $0.event == "close" }.count == 1)
            for message in try await store.outbox(for: number) {
                #expect(message.deliveredAt != nil && message.attempts == 1, "message \(message.id)")
                if !setupMessages.contains(message.id) { workerMessages.insert(message.id) }
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: mail + "/new")
        #expect(files.count == workerMessages.count)
        await store.close()
    }

    /// Files `count` tickets and solves each at ``solvedAt``, so that every close timer is long due;
    /// delivers their messages into nowhere and returns those messages' ids.
    private func fileSolvedTickets(_ count: Int, in store: any TicketStore) async throws -> Set<String> {
        let catalog = CatalogLoader(root: CommandRunner.repository).load().catalog
        let desk = TicketDesk(catalog: catalog, store: store, composer: TemplateComposer(catalog: catalog))
        let filedAt = Self.solvedAt.addingTimeInterval(-3600)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<4 {
                group.addTask {
                    for index in stride(from: lane, to: count, by: 4) {
                        let ticket = try await desk.create(
                            formID: "technical.intake", answers: Self.answers(index),
                            requester: Requester(email: "requester\(index)@example.com"), at: filedAt)
                        _ = try await desk.transition(ticket.number, event: "solve", by: .agent, at: Self.solvedAt)
                    }
                }
            }
            try await group.waitForAll()
        }
        let dispatcher = OutboxDispatcher(store: store, notifier: DiscardingNotifier())
        var ids: Set<String> = []
        while true {
            let report = await dispatcher.deliverDue(at: Self.solvedAt, limit: 500)
            #expect(report.errors.isEmpty)
            if report.claimed == 0 { break }
        }
        for number in 1...Int64(count) {
            ids.formUnion(try await store.outbox(for: number).map(\.id))
        }
        return ids
    }

    /// Waits (without asserting on time) until every ticket is closed and nothing waits in the outbox.
    private func waitUntilAllClosed(_ count: Int, in store: any TicketStore, workers: [WorkerProcess]) async throws {
        let giveUp = Date().addingTimeInterval(900)
        while true {
            let closed = try await store.count(status: "closed")
            let waiting = try await store.pendingOutbox(at: .distantFuture, limit: 1)
            if closed == count && waiting.isEmpty { return }
            if let dead = workers.first(where: { !$0.process.isRunning }) {
                Issue.record("a worker ended early (status \(dead.process.terminationStatus)): \(dead.stderr)")
                return
            }
            guard Date() < giveUp else {
                Issue.record("the workers stopped making progress: \(closed) of \(count) closed")
                return
            }
            try await Task.sleep(nanoseconds: 300_000_000)
        }
    }

    private static func answers(_ index: Int) -> [String: RawAnswer] {
        [
            "title": .single("Checkout fails \(index)"),
            "description": .single("Every buyer sees error 500 at checkout (case \(index))."),
            "experience_level": .single("advanced"),
            "users_affected": .single("end_users"),
            "problem_impact": .single("critical"),
            "environment": .single("production"),
            "problem_type": .single("unexpected_behavior"),
        ]
    }
}

/// Reads the ISO-8601 instants the tests are written with.
enum GlobalOptionsInstant {
    static func parse(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}
