import Foundation
import FormrunnerCore
import FormrunnerDesk
import Testing

/// Issue 14, item 13: after a command, delivery is bounded to the messages that command wrote; a
/// backlog (a hanging notifier's, another process's) waits for `deliver` or the worker.
@Suite("Delivery after a command: its own messages only")
struct OwnMessagesDeliveryTests {
    static let now = AgentDesk.instant("2026-12-07T12:00:00Z")

    @Test("a command delivers the ticket it filed and leaves an older backlog in the outbox",
          arguments: [AgentDesk.Kind.memory] + AgentDesk.Kind.stores)
    func ownOnly(kind: AgentDesk.Kind) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("own-outbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = try await Desk.open(DeskSettings(catalog: AgentDesk.catalogRoot, store: try kind.store(folder),
                                                    notifier: "sendmail:/bin/sh -c 'cat >/dev/null'", environment: [:]))
        // Five messages another process wrote and could not deliver (its notifier hung).
        let stranger = Ticket(formID: "technical.intake", formVersion: 1, lifecycleID: "ticket-lifecycle", status: "open",
                              title: "Backlog", requester: Requester(email: "bob@example.com"), answers: [:], createdAt: Self.now)
        let backlog = try await desk.store.create(stranger, history: [], submissionKey: nil, files: [:]) { stored in
            (1...5).map { index in
                OutboxMessage(id: "backlog-\(index)", ticketNumber: stored.number, recipient: .requester, address: "bob@example.com",
                              template: "confirmation", subject: "Message \(index)", body: "Body\n", createdAt: Self.now)
            }
        }
        let filed = try await AgentDesk(desk: desk, folder: folder).technical(at: Self.now)
        #expect(desk.ticketDesk.written.pending.count == (try await desk.store.outbox(for: filed.number)).count)

        // A budget that a loaded machine cannot run out of: this case is about whose messages, not how long.
        let failures = await desk.deliver(at: Self.now, limit: 100, budget: 600, ownOnly: true)
        #expect(failures.isEmpty)
        let own = try await desk.store.outbox(for: filed.number)
        #expect(!own.isEmpty)
        #expect(own.allSatisfy { $0.deliveredAt != nil })
        #expect(try await desk.store.outbox(for: backlog.number).allSatisfy { $0.deliveredAt == nil })
        // What was delivered is taken: a second delivery after the same command finds nothing of its own.
        #expect(desk.ticketDesk.written.pending.isEmpty)
        // `deliver` (every due message) then takes the backlog.
        _ = await desk.deliver(at: Self.now)
        #expect(try await desk.store.outbox(for: backlog.number).allSatisfy { $0.deliveredAt != nil })
        await desk.close()
    }

    @Test("claiming by ids skips unknown, delivered and claimed messages", arguments: [AgentDesk.Kind.memory] + AgentDesk.Kind.stores)
    func claimByIDs(kind: AgentDesk.Kind) async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("own-claim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let desk = try await Desk.open(DeskSettings(catalog: AgentDesk.catalogRoot, store: try kind.store(folder), notifier: "none",
                                                    environment: [:]))
        let store = desk.store
        let ticket = Ticket(formID: "technical.intake", formVersion: 1, lifecycleID: "ticket-lifecycle", status: "open",
                            title: "Claims", requester: Requester(email: "ana@example.com"), answers: [:], createdAt: Self.now)
        _ = try await store.create(ticket, history: [], submissionKey: nil, files: [:]) { stored in
            (1...4).map { index in
                OutboxMessage(id: "m-\(index)", ticketNumber: stored.number, recipient: .requester, address: "ana@example.com",
                              template: "confirmation", subject: "Message \(index)", body: "Body\n",
                              createdAt: Self.now.addingTimeInterval(Double(index)))
            }
        }
        try await store.markDelivered("m-1", at: Self.now)
        let until = Self.now.addingTimeInterval(300)
        let first = try await store.claimOutbox(ids: ["m-3", "m-1", "m-2", "nowhere"], at: Self.now.addingTimeInterval(10), until: until)
        #expect(first.map(\.id) == ["m-2", "m-3"])
        #expect(first.allSatisfy { $0.nextAttemptAt == until })
        // Held: neither claim returns them again before `until`; m-4 was never asked for.
        #expect(try await store.claimOutbox(ids: ["m-2", "m-3"], at: Self.now.addingTimeInterval(20), until: until).isEmpty)
        #expect(try await store.claimOutbox(at: Self.now.addingTimeInterval(20), limit: 10, until: until).map(\.id) == ["m-4"])
        #expect(try await store.claimOutbox(ids: [], at: Self.now, until: until).isEmpty)
        await desk.close()
    }
}
