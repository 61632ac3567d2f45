import Foundation
import FormrunnerCore
import Testing

/// What the desk keeps in each store: duplicates refused only within the window, secret answers
/// sealed and never searchable — on memory, SQLite and PostgreSQL.
@Suite("The desk on every store: duplicates and secrets")
struct DeskOnStoresTests {
    /// A composer that writes a one-line message (the desk needs one for the confirmation).
    struct PlainComposer: MessageComposing {
        func compose(_ request: NotificationRequest, ticket: Ticket, lifecycle: LifecycleDefinition, at now: Date) throws -> OutboxMessage {
            OutboxMessage(id: "\(ticket.number)-\(request.template)-\(now.timeIntervalSince1970)", ticketNumber: ticket.number,
                          recipient: request.recipient, address: ticket.requester.email, template: request.template,
                          subject: request.template, body: "", createdAt: now)
        }
    }

    /// Seals by reversing the bytes behind a tag bound to the context: enough to tell sealed from plain.
    struct TestSealer: SecretSealing {
        func seal(_ secret: Data, context: String) throws -> Data { Data((context + "|").utf8) + Data(secret.reversed()) }
        func open(_ sealed: Data, context: String) throws -> Data {
            let tag = Data((context + "|").utf8)
            guard sealed.starts(with: tag) else { throw CocoaError(.coderInvalidValue) }
            return Data(sealed.dropFirst(tag.count).reversed())
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The repository's life cycle and calendar, and a form with a secret field.
    static let catalog: Catalog = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formrunner-desk-\(UUID().uuidString)")
        let workflows = folder.appendingPathComponent("Workflows"), forms = folder.appendingPathComponent("Forms")
        try? FileManager.default.createDirectory(at: workflows, withIntermediateDirectories: true)
        try? FileManager.default.createDirectory(at: forms, withIntermediateDirectories: true)
        for name in ["ticket-lifecycle.yaml", "brazil-support.yaml"] {
            try? FileManager.default.copyItem(at: repository.appendingPathComponent("Workflows/" + name),
                                              to: workflows.appendingPathComponent(name))
        }
        try? """
            form: demo.vault
            version: 1
            title: Vault access
            team: technical
            lifecycle: ticket-lifecycle
            fields:
              - {id: title, label: Title, type: text}
              - {id: password, label: Current password, type: secret}
            """.write(to: forms.appendingPathComponent("vault.yaml"), atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: folder) }
        return CatalogLoader(root: folder.path).load().catalog
    }()

    static func desk(_ store: any TicketStore) -> TicketDesk {
        var desk = TicketDesk(catalog: catalog, store: store, composer: PlainComposer())
        desk.secrets = TestSealer()
        return desk
    }

    static let wednesday = Date(timeIntervalSince1970: 1_795_611_600)   // 2026-11-25T10:00:00-03:00

    func create(_ desk: TicketDesk, at now: Date, key: String? = nil) async throws -> Ticket {
        try await desk.create(formID: "demo.vault", answers: ["title": .single("Reset the vault"), "password": .single("hunter2zebracorn")],
                              requester: Requester(email: "ana@example.com"), idempotencyKey: key, at: now)
    }

    @Test("the same answers: refused within 10 minutes (even across the slice boundary), filed again the next day",
          arguments: StoreKind.all)
    func duplicateWindow(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let desk = Self.desk(store)
            let first = try await create(desk, at: Self.wednesday.addingTimeInterval(570))
            let laters: [TimeInterval] = [585, 630, 1140]   // 09:45, 10:30 (the next slice), 19:00
            for later in laters {
                await #expect(throws: TicketStoreError.duplicateSubmission(existing: first.number)) {
                    try await create(desk, at: Self.wednesday.addingTimeInterval(later))
                }
            }
            let nextDay = try await create(desk, at: Self.wednesday.addingTimeInterval(86_400))
            #expect(nextDay.number == first.number + 1)
            let keyed = try await create(desk, at: Self.wednesday.addingTimeInterval(2 * 86_400), key: "order-77")
            await #expect(throws: TicketStoreError.duplicateSubmission(existing: keyed.number)) {
                try await create(desk, at: Self.wednesday.addingTimeInterval(9 * 86_400), key: "order-77")
            }
        }
    }

    @Test("a secret answer is stored sealed, never found by search, and opened only for an agent of the team, audited",
          arguments: StoreKind.all)
    func secrets(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let desk = Self.desk(store)
            let ticket = try await create(desk, at: Self.wednesday)
            let stored = try #require(try await store.ticket(ticket.number))
            #expect(SealedAnswer.isSealed(stored.answers["password"]))
            #expect(try await store.search("hunter2zebracorn", limit: 10).isEmpty)
            #expect(try await store.search("vault", limit: 10).map(\.number) == [ticket.number])
            let outsider = { var user = UserRecord(email: "rui@example.com", name: "Rui", createdAt: Self.wednesday); user.role = .agent; user.teams = ["financial"]; return user }()
            await #expect(throws: TicketDesk.Failure.secretsNotAllowed(email: "rui@example.com", ticket: ticket.number, team: "technical")) {
                try await desk.revealSecrets(of: ticket.number, to: outsider, at: Self.wednesday)
            }
            let agent = { var user = UserRecord(email: "bia@example.com", name: "Bia", createdAt: Self.wednesday); user.role = .agent; user.teams = ["technical"]; return user }()
            let revealed = try await desk.revealSecrets(of: ticket.number, to: agent, at: Self.wednesday.addingTimeInterval(60))
            #expect(revealed.answers["password"] == .text("hunter2zebracorn"))
            let history = try await store.history(ticket.number)
            #expect(history.last?.event == "reveal-secrets")
            #expect(history.last?.message == "bia@example.com saw the secret answers: password")
            #expect(SealedAnswer.isSealed(try await store.ticket(ticket.number)?.answers["password"]))
        }
    }
}
