import Foundation
import FormrunnerCore
import Testing

/// The `TicketStore` contract, checked against every store (see `StoreKind.all`), one suite per role:
/// ``Reading`` (`TicketReading`), ``Writing`` (`TicketWriting`) and ``WorkQueue`` (`TicketWorkQueue`).
/// The checks of each role live in extensions of its suite; creating and updating are below.
@Suite("TicketStore conformance")
struct TicketStoreConformance {
    /// `TicketReading`: tickets, lists, counts, search, the queue, a requester's tickets.
    @Suite("Reading role (TicketReading)")
    struct Reading {}

    /// `TicketWriting`: create and update (numbers, versions, history, timers, attachments, batches).
    @Suite("Writing role (TicketWriting)")
    struct Writing {}

    /// `TicketWorkQueue`: due timers and the outbox, their claims, and the delivery marks.
    @Suite("Work queue role (TicketWorkQueue)")
    struct WorkQueue {}
}

extension TicketStoreConformance.Writing {
    @Test("numbers are sequential from 1", arguments: StoreKind.all)
    func sequentialNumbers(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            var numbers: [Int64] = []
            for index in 0..<3 {
                numbers.append(try await Samples.create(Samples.ticket(title: "T\(index)"), in: store).number)
            }
            #expect(numbers == [1, 2, 3])
            #expect(try await store.ticket(2)?.title == "T1")
            #expect(try await store.ticket(4) == nil)
        }
    }

    @Test("every answer kind reads back exactly", arguments: StoreKind.all)
    func answersRoundTrip(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let upload = try Samples.file("%PDF-1.7 invoice", named: "invoice.pdf", in: folder)
            let answers: [String: AnswerValue] = [
                "summary": .text("São Paulo — ação 🚀\nsecond line \"quoted\" \\ back"),
                "empty": .text(""),
                "amount": .number(1234.56),
                "tiny": .number(-1e-7),
                "count": .number(42),
                "urgent": .boolean(true),
                "known": .boolean(false),
                "since": .date(LocalDate(year: 2024, month: 2, day: 29)!),
                "area": .choice("billing"),
                "systems": .choices(["erp", "pos"]),
                "none": .choices([]),
                "proof": .files([AttachmentRef(name: "invoice.pdf", size: 16, mediaType: "application/pdf",
                                               sha256: upload.sha256)]),
            ]
            var ticket = Samples.ticket(answers: answers, timers: [
                ArmedTimer(event: "remind", dueAt: Samples.instant(3600)),
                ArmedTimer(event: "close", dueAt: Samples.instant(60)),
            ])
            ticket.workflowID = nil
            ticket.account = nil
            ticket.requester = Requester(email: "bo@example.com")
            ticket.lastInteractionAt = Samples.instant(1.5)
            let created = try await store.create(ticket, history: [], submissionKey: nil,
                                                 files: [upload.sha256: upload.url]) { _ in [] }
            var expected = ticket.storedForm
            expected.number = 1
            #expect(created == expected)
            #expect(created.timers.map(\.event) == ["close", "remind"])
            #expect(try await store.ticket(1) == expected)
        }
    }

    @Test("instants are kept to the millisecond", arguments: StoreKind.all)
    func millisecondInstants(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let precise = Samples.ticket()
            var fine = precise
            fine.updatedAt = Date(timeIntervalSince1970: 1_767_225_600.123_456)
            let created = try await Samples.create(fine, in: store)
            #expect(created.updatedAt == Date(millisecondsSince1970: 1_767_225_600_123))
            #expect(try await store.ticket(1)?.updatedAt == created.updatedAt)
            #expect(created.createdAt == precise.createdAt)
        }
    }

    @Test("the outbox closure sees the new number", arguments: StoreKind.all)
    func outboxSeesNumber(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            for _ in 0..<2 {
                _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { ticket in
                    [Samples.message("m\(ticket.number)", ticket: ticket.number, subject: "Ticket #\(ticket.number)")]
                }
            }
            #expect(try await store.outbox(for: 1).map(\.subject) == ["Ticket #1"])
            #expect(try await store.outbox(for: 2).map(\.subject) == ["Ticket #2"])
            #expect(try await store.outbox(for: 2).map(\.ticketNumber) == [2])
        }
    }

    @Test("history is appended in order", arguments: StoreKind.all)
    func historyOrder(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            let lines = [
                HistoryEntry(at: Samples.instant(10), actor: .agent, event: "take", from: "open", to: "working"),
                HistoryEntry(at: Samples.instant(10), actor: .agent, event: "note", from: "working", to: "working",
                             message: "Asked for the model"),
            ]
            try await store.update(Samples.next(ticket, status: "working", at: 10), expectedVersion: 1,
                                   history: lines, outbox: [])
            let third = HistoryEntry(at: Samples.instant(20), actor: .system, event: "remind", from: "working", to: "waiting")
            try await store.update(Samples.next(Samples.next(ticket, status: "working", at: 10), status: "waiting", at: 20),
                                   expectedVersion: 2, history: [third], outbox: [])
            #expect(try await store.history(1) == [Samples.created()] + lines + [third])
            #expect(try await store.history(2) == [])
        }
    }

    @Test("an update with the right version is written", arguments: StoreKind.all)
    func updateWithRightVersion(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            var next = Samples.next(ticket, status: "working", at: 5)
            next.title = "Printer fixed"
            next.answers["resolution"] = .text("New cartridge")
            try await store.update(next, expectedVersion: 1, history: [], outbox: [Samples.message("u1", at: 5)])
            #expect(try await store.ticket(1) == next.storedForm)
            #expect(try await store.ticket(1)?.version == 2)
            #expect(try await store.outbox(for: 1).map(\.id) == ["u1"])
        }
    }

    @Test("a stale version is refused and nothing is written", arguments: StoreKind.all)
    func staleVersionConflicts(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(
                Samples.ticket(timers: [ArmedTimer(event: "remind", dueAt: Samples.instant(60))]), in: store)
            let first = Samples.next(ticket, status: "working", at: 5)
            try await store.update(first, expectedVersion: 1, history: [], outbox: [])
            let before = try await store.ticket(1)
            let historyBefore = try await store.history(1)

            let stale = Samples.next(ticket, status: "closed", at: 6, timers: [])
            let line = HistoryEntry(at: Samples.instant(6), actor: .agent, event: "close", from: "open", to: "closed")
            let error = await #expect(throws: TicketStoreError.self) {
                try await store.update(stale, expectedVersion: 1, history: [line], outbox: [Samples.message("late")])
            }
            #expect(error == .conflict(number: 1, expected: 1, actual: 2))
            #expect(error.map(String.init(describing:)) ==
                "ticket 1 was changed by someone else meanwhile (version 2, expected 1); nothing was written — look at it again and retry")
            #expect(try await store.ticket(1) == before)
            #expect(try await store.history(1) == historyBefore)
            #expect(try await store.outbox(for: 1) == [])
            #expect(try await store.dueTickets(at: Samples.instant(60), limit: 10) == [1])
        }
    }

    @Test("an update of an unknown ticket or with a version that does not follow is refused", arguments: StoreKind.all)
    func updateRefusals(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            var ghost = Samples.next(ticket, status: "working", at: 1)
            ghost.number = 9
            await #expect(throws: TicketStoreError.notFound(9)) {
                try await store.update(ghost, expectedVersion: 1, history: [], outbox: [])
            }
            var same = ticket
            same.status = "working"
            await #expect(throws: TicketStoreError.self) {
                try await store.update(same, expectedVersion: 1, history: [], outbox: [])
            }
            #expect(try await store.ticket(1) == ticket)
        }
    }

    @Test("a number answer that is not finite is refused", arguments: StoreKind.all)
    func nonFiniteNumber(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            await #expect(throws: TicketStoreError.self) {
                try await Samples.create(Samples.ticket(answers: ["amount": .number(.infinity)]), in: store)
            }
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            var next = Samples.next(ticket, status: "working", at: 1)
            next.answers["amount"] = .number(.nan)
            await #expect(throws: TicketStoreError.self) {
                try await store.update(next, expectedVersion: 1, history: [], outbox: [])
            }
            #expect(try await store.ticket(1) == ticket)
        }
    }

    @Test("a duplicate submission key is refused and nothing is written", arguments: StoreKind.all)
    func duplicateSubmission(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            try await Samples.create(Samples.ticket(), in: store)
            try await Samples.create(Samples.ticket(title: "keyed"), in: store, submissionKey: "form:abc")
            let error = await #expect(throws: TicketStoreError.self) {
                _ = try await store.create(Samples.ticket(title: "again"), history: [Samples.created()],
                                           submissionKey: "form:abc", files: [:]) { _ in [Samples.message("dup")] }
            }
            #expect(error == .duplicateSubmission(existing: 2))
            #expect(try await store.count(status: nil) == 2)
            #expect(try await store.outbox(for: 3) == [])
            #expect(try await store.pendingOutbox(at: Samples.instant(100), limit: 10) == [])
            #expect(try await Samples.create(Samples.ticket(), in: store, submissionKey: "form:other").number == 3)
        }
    }

    @Test("a failing create writes nothing", arguments: StoreKind.all)
    func failingCreate(kind: StoreKind) async throws {
        struct TemplateMissing: Error {}
        try await kind.withStore { store, _ in
            await #expect(throws: TemplateMissing.self) {
                _ = try await store.create(Samples.ticket(), history: [Samples.created()], submissionKey: "k",
                                           files: [:]) { _ in throw TemplateMissing() }
            }
            #expect(try await store.count(status: nil) == 0)
            #expect(try await store.history(1) == [])
            let created = try await Samples.create(Samples.ticket(), in: store, submissionKey: "k")
            #expect(created.number == 1)
        }
    }

    @Test("a reused outbox id is refused and nothing is written", arguments: StoreKind.all)
    func reusedOutboxID(kind: StoreKind) async throws {
        try await kind.withStore { store, _ in
            _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { _ in
                [Samples.message("same")]
            }
            await #expect(throws: TicketStoreError.self) {
                _ = try await store.create(Samples.ticket(), history: [], submissionKey: nil, files: [:]) { _ in
                    [Samples.message("same")]
                }
            }
            let ticket = try #require(try await store.ticket(1))
            await #expect(throws: TicketStoreError.self) {
                try await store.update(Samples.next(ticket, status: "working", at: 1), expectedVersion: 1,
                                       history: [], outbox: [Samples.message("new"), Samples.message("new")])
            }
            #expect(try await store.count(status: nil) == 1)
            #expect(try await store.ticket(1) == ticket)
            #expect(try await store.outbox(for: 1).map(\.id) == ["same"])
        }
    }
}
