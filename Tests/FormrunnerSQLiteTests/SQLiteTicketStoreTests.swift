import Foundation
import FormrunnerCore
import FormrunnerSQLite
import GRDB
import Testing

/// What only the SQLite store promises: a WAL file shared by processes, migrations that survive a
/// crowd, append-only history enforced by the database, attachments on disk.
@Suite("SQLite ticket store")
struct SQLiteTicketStoreTests {
    private func path(in folder: URL) -> String {
        folder.appendingPathComponent("nested/deeper/tickets.sqlite").path
    }

    @Test("the file is in WAL mode, in folders created on demand")
    func walMode() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: path(in: folder))
            try await Samples.create(Samples.ticket(), in: store)
            let other = try DatabaseQueue(path: store.path)
            let mode = try await other.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
        }
    }

    @Test("reopening the file keeps everything")
    func reopen() async throws {
        try await withScratchFolder { folder in
            let file = path(in: folder)
            let created: Ticket
            do {
                let store = try SQLiteTicketStore(path: file)
                created = try await store.create(Samples.ticket(timers: [ArmedTimer(event: "remind", dueAt: Samples.instant(9))]),
                                                 history: [Samples.created()], submissionKey: "k", files: [:]) { ticket in
                    [Samples.message("m1", ticket: ticket.number)]
                }
            }
            let store = try SQLiteTicketStore(path: file)
            #expect(try await store.ticket(1) == created)
            #expect(try await store.history(1) == [Samples.created()])
            #expect(try await store.outbox(for: 1).map(\.id) == ["m1"])
            #expect(try await store.dueTickets(at: Samples.instant(9), limit: 5) == [1])
            #expect(try await store.search("printer", limit: 5).map(\.number) == [1])
            await #expect(throws: TicketStoreError.duplicateSubmission(existing: 1)) {
                try await Samples.create(Samples.ticket(), in: store, submissionKey: "k")
            }
            #expect(try await Samples.create(Samples.ticket(), in: store).number == 2)
        }
    }

    @Test("eight openers of a fresh file at once all succeed")
    func concurrentOpening() async throws {
        try await withScratchFolder { folder in
            let file = path(in: folder)
            let stores = try ParallelOpeners.open(count: 8) { try SQLiteTicketStore(path: file) }
            let numbers = try await withThrowingTaskGroup(of: Int64.self) { group in
                for (index, store) in stores.enumerated() {
                    group.addTask { try await Samples.create(Samples.ticket(title: "opener \(index)"), in: store).number }
                }
                return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
            }
            #expect(numbers == Set(1...8))
            let store = try SQLiteTicketStore(path: file)
            #expect(try await store.count(status: nil) == 8)
        }
    }

    @Test("two writers of the same version: exactly one wins")
    func concurrentUpdates() async throws {
        try await withScratchFolder { folder in
            let file = path(in: folder)
            let first = try SQLiteTicketStore(path: file)
            let second = try SQLiteTicketStore(path: file)
            let ticket = try await Samples.create(Samples.ticket(), in: first)
            let results = await withTaskGroup(of: Result<String, TicketStoreError>.self) { group in
                for (store, status) in [(first, "working"), (second, "closed")] {
                    group.addTask {
                        do {
                            try await store.update(Samples.next(ticket, status: status, at: 1), expectedVersion: 1,
                                                   history: [], outbox: [])
                            return .success(status)
                        } catch let error as TicketStoreError {
                            return .failure(error)
                        } catch {
                            return .failure(.unavailable("\(error)"))
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = results.compactMap { try? $0.get() }
            let losers = results.compactMap { result -> TicketStoreError? in
                if case .failure(let error) = result { return error }
                return nil
            }
            #expect(winners.count == 1)
            #expect(losers == [.conflict(number: 1, expected: 1, actual: 2)])
            #expect(try await first.ticket(1)?.status == winners.first)
            #expect(try await second.ticket(1)?.version == 2)
        }
    }

    @Test("the database refuses to change or remove history")
    func historyIsAppendOnly() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: path(in: folder))
            try await Samples.create(Samples.ticket(), in: store)
            let other = try DatabaseQueue(path: store.path)
            await #expect(throws: DatabaseError.self) {
                try await other.write { db in try db.execute(sql: "UPDATE history SET event = 'forged'") }
            }
            await #expect(throws: DatabaseError.self) {
                try await other.write { db in try db.execute(sql: "DELETE FROM history") }
            }
            #expect(try await store.history(1) == [Samples.created()])
        }
    }

    @Test("attachments are copied content-addressed next to the database")
    func attachmentsOnDisk() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: path(in: folder))
            #expect(store.attachmentsFolder.lastPathComponent == "tickets.files")
            let file = try Samples.file("%PDF-1.7 contract", named: "contract.pdf", in: folder)
            let ticket = Samples.ticket(answers: ["docs": .files([AttachmentRef(name: "contract.pdf", size: 17,
                                                                                mediaType: "application/pdf",
                                                                                sha256: file.sha256)])])
            try await Samples.create(ticket, in: store, files: [file.sha256: file.url])
            let stored = store.attachmentsFolder
                .appendingPathComponent(String(file.sha256.prefix(2)))
                .appendingPathComponent(file.sha256)
            #expect(try Data(contentsOf: stored) == Data("%PDF-1.7 contract".utf8))
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: stored.deletingLastPathComponent().path)
            #expect(leftovers == [file.sha256])

            let other = try DatabaseQueue(path: store.path)
            let row = try other.read { db in
                try Row.fetchOne(db, sql: "SELECT field_id, name, size, media_type, sha256 FROM attachment WHERE ticket_number = 1")
            }
            #expect(row?["field_id"] == "docs")
            #expect(row?["size"] == 17)
            #expect(row?["sha256"] == file.sha256)
        }
    }

    @Test("a mismatching attachment leaves no file behind")
    func mismatchLeavesNothing() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: path(in: folder))
            let file = try Samples.file("real", named: "a.txt", in: folder)
            let claimed = SHA256.hexDigest(of: Data("claimed".utf8))
            await #expect(throws: TicketStoreError.attachmentMismatch(sha256: claimed)) {
                try await Samples.create(Samples.ticket(), in: store, files: [claimed: file.url])
            }
            let shard = store.attachmentsFolder.appendingPathComponent(String(claimed.prefix(2)))
            #expect(try FileManager.default.contentsOfDirectory(atPath: shard.path) == [])
        }
    }

    @Test("listing by status uses the status index")
    func statusIndex() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteTicketStore(path: path(in: folder))
            let other = try DatabaseQueue(path: store.path)
            let plan = try await other.read { db in
                try Row.fetchAll(db, sql: """
                    EXPLAIN QUERY PLAN SELECT * FROM ticket WHERE status = 'open' AND number < 10
                    ORDER BY number DESC LIMIT 5
                    """).map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("ticket_status_number") })
        }
    }
}
