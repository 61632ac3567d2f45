import Foundation
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerSQLite
import FormrunnerTestSupport
import GRDB
import Testing

/// A merge writes its two tickets in one transaction on every store: a failure between the two
/// writes leaves neither changed, and another writer's change of the target is read again.
@Suite("The desk's merge on SQLite and PostgreSQL: both tickets or neither")
struct DeskMergeOnStoresTests {
    static let wednesday = DeskOnStoresTests.wednesday

    /// Files the two tickets of a merge (the target, then the duplicate).
    static func twoTickets(_ desk: TicketDesk) async throws -> (target: Ticket, duplicate: Ticket) {
        let target = try await desk.create(formID: "demo.vault", answers: [
            "title": .single("Reset the vault"), "password": .single("hunter2zebracorn"),
        ], requester: Requester(email: "ana@example.com"), at: wednesday)
        let duplicate = try await desk.create(formID: "demo.vault", answers: [
            "title": .single("The vault again"), "password": .single("hunter2zebracorn"),
        ], requester: Requester(email: "Ana@Example.com"), at: wednesday.addingTimeInterval(60))
        return (target, duplicate)
    }

    /// A SQLite store, and how to make every history line `merged here` fail (a trigger).
    static func withSQLite(_ body: (any TicketStore, _ refuseTargetLine: () throws -> Void) async throws -> Void) async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let store = try SQLiteTicketStore(path: path)
            try await body(store) {
                try DatabaseQueue(path: path).write { db in
                    try db.execute(sql: """
                        CREATE TRIGGER refuse_merged BEFORE INSERT ON history WHEN NEW.event = 'merged'
                        BEGIN SELECT RAISE(ABORT, 'the test refuses the target''s line'); END
                        """)
                }
            }
        }
    }

    /// A PostgreSQL store on a new database of the test server, and the same trigger there.
    static func withPostgres(_ body: (any TicketStore, _ refuseTargetLine: () throws -> Void) async throws -> Void) async throws {
        try await withScratchFolder { folder in
            let server = try PostgresServer.shared()
            let database = try server.makeDatabase()
            let store = try await PostgresTicketStore.open(try PostgresLocation(
                url: server.url(database: database), defaultAttachments: folder.appendingPathComponent("attachments")))
            do {
                try await body(store) {
                    _ = try server.query("""
                        CREATE FUNCTION refuse_merged() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN RAISE EXCEPTION 'the test refuses the target''s line'; END $$;
                        CREATE TRIGGER refuse_merged BEFORE INSERT ON history FOR EACH ROW WHEN (NEW.event = 'merged')
                        EXECUTE FUNCTION refuse_merged();
                        """, database: database)
                }
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// The merge fails at the target's line; the duplicate, written first, is not changed either.
    static func failureLeavesNeither(_ store: any TicketStore, refuseTargetLine: () throws -> Void) async throws {
        let desk = DeskOnStoresTests.desk(store)
        let (target, duplicate) = try await twoTickets(desk)
        let before = try await [store.ticket(duplicate.number), store.ticket(target.number)]
        let histories = try await [store.history(duplicate.number), store.history(target.number)]
        let outbox = try await store.outbox(for: duplicate.number)
        try refuseTargetLine()
        await #expect(throws: (any Error).self) {
            _ = try await desk.merge(duplicate.number, into: target.number, by: nil, at: wednesday.addingTimeInterval(600))
        }
        #expect(try await [store.ticket(duplicate.number), store.ticket(target.number)] == before)
        #expect(try await store.ticket(duplicate.number)?.mergedInto == nil)
        #expect(try await [store.history(duplicate.number), store.history(target.number)] == histories)
        #expect(try await store.outbox(for: duplicate.number) == outbox)
        #expect(try await store.count(status: "closed") == 0)
    }

    @Test("SQLite: a failure writing the target's line leaves the duplicate unmerged")
    func sqliteFailure() async throws {
        try await Self.withSQLite { store, refuse in try await Self.failureLeavesNeither(store, refuseTargetLine: refuse) }
    }

    @Test("PostgreSQL: a failure writing the target's line leaves the duplicate unmerged")
    func postgresFailure() async throws {
        try await Self.withPostgres { store, refuse in try await Self.failureLeavesNeither(store, refuseTargetLine: refuse) }
    }

    @Test("the target changed by someone else between the merge's read and its write: read again, both written in one go",
          arguments: StoreKind.all)
    func targetChangedMeanwhile(kind: StoreKind) async throws {
        try await kind.withStore { inner, _ in
            // Someone notes the target once, just before the merge's first write.
            let store = InterferingStore(inner, beforeBatch: { store, changes in
                let number = changes[1].ticket.number
                guard try await !store.history(number).contains(where: { $0.event == "note" }) else { return }
                try await store.touch(number, at: Self.wednesday.addingTimeInterval(300))
            })
            let desk = DeskOnStoresTests.desk(store)
            let (target, duplicate) = try await Self.twoTickets(desk)
            let report = try await desk.merge(duplicate.number, into: target.number, by: nil, at: Self.wednesday.addingTimeInterval(600))
            #expect(store.batches == [[duplicate.number, target.number], [duplicate.number, target.number]])
            #expect(report.target.version == 3)
            #expect(try await inner.ticket(duplicate.number)?.mergedInto == target.number)
            #expect(try await inner.ticket(duplicate.number)?.status == "closed")
            #expect(try await inner.history(duplicate.number).map(\.event) == ["create", "merge"])
            #expect(try await inner.history(target.number).map(\.event) == ["create", "note", "merged"])
            #expect(try await inner.history(target.number).last?.message == "#\(duplicate.number) merged here")
        }
    }
}
