import Foundation
import FormrunnerCore
import GRDB
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `formrunner` killed with SIGKILL in the middle of its work leaves only whole tickets behind.
///
/// A seeded driver runs the real binary over and over against one SQLite file and one Maildir —
/// filing tickets (some with an attachment), firing transitions, answering a closed ticket, ticking
/// and delivering — and kills one command in a few, a random 5–80 ms after it opens the store. Then a fresh
/// process opens the store, and ``StoreAudit`` proves on a read-only connection that every ticket
/// is wholly there or absent. Set `FORMRUNNER_CRASH_SEED` to replay another sequence.
@Suite("Crash safety: SIGKILL mid-write leaves whole tickets only")
struct CrashSafetyTests {
    static let kills = 30
    static let killsAfterAWrite = 3
    static let seed = ProcessInfo.processInfo.environment["FORMRUNNER_CRASH_SEED"].flatMap { UInt64($0) } ?? 20_261_125

    @Test("30 kills or more at random points of create, transition, tick and deliver")
    func killedMidWrite() throws {
        let driver = try CrashDriver(seed: Self.seed)
        defer { driver.removeFolder() }
        try driver.calibrate()
        // Some kills must land after a commit and before the command's end, or little is proved: on a
        // loaded machine, where commands start slowly, more kills are made until that many have.
        var rounds = 0
        while driver.kills < Self.kills || driver.killsAfterAWrite < Self.killsAfterAWrite, rounds < Self.kills * 6 {
            rounds += 1
            for _ in 0..<driver.random(3) { try driver.runToEnd(driver.randomOperation()) }
            try driver.runAndKill(driver.randomOperation())
        }
        #expect(driver.kills >= Self.kills, "only \(driver.kills) command(s) could be killed while running")
        #expect(driver.killsAfterAWrite >= Self.killsAfterAWrite, "only \(driver.killsAfterAWrite) kill(s) landed after a write")

        // A fresh process opens the store (recovering the write-ahead log) and sends what is left, once
        // the claims of a killed `deliver` have run out.
        let list = try driver.run(["tickets", "list", "--json", "--limit", "10000"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try driver.run(["deliver"], at: CrashDriver.afterClaims).status == 0)

        let catalog = CatalogLoader(root: CommandRunner.repository).load().catalog
        let lifecycle = try #require(catalog.lifecycles["ticket-lifecycle"])
        let report = try StoreAudit(lifecycle: lifecycle, vault: driver.folder + "/tickets.files")
            .audit(databaseAt: driver.database)
        #expect(report.problems == [], "seed \(Self.seed)")
        let page = try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any]
        #expect(page?["total"] as? Int == report.tickets)
        #expect(report.tickets >= 10, "too few tickets to prove much: \(report.tickets)")

        // Every message was e-mailed exactly once: a retry after a kill never writes a second file.
        #expect(report.undelivered == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: driver.folder + "/mail/new")
        let tokens = Set(files.map { $0.split(separator: ".", maxSplits: 2).dropFirst().first.map(String.init) ?? $0 })
        #expect(files.count == report.messages)
        #expect(tokens.count == files.count)
    }

    @Test("the audit catches what a half-written ticket would look like")
    func auditHasTeeth() throws {
        let desk = try TicketCommandsTests.Desk()
        #expect(try desk.create().status == 0)
        #expect(try desk.create(requester: "bob@example.com").status == 0)
        #expect(try desk.run(["tickets", "transition", "2", "solve", "--as", "agent"]).status == 0)
        let path = desk.folder + "/tickets.sqlite"
        var unchecked = Configuration()
        unchecked.foreignKeysEnabled = false  // an orphan is what a store without foreign keys could leave
        let database = try DatabaseQueue(path: path, configuration: unchecked)
        try database.write { db in
            try db.execute(sql: "UPDATE ticket SET version = version + 1 WHERE number = 1")
            try db.execute(sql: "DELETE FROM outbox WHERE ticket_number = 2 AND template = 'solved'")
            try db.execute(sql: "DELETE FROM timer WHERE ticket_number = 2")
            try db.execute(sql: "DELETE FROM ticket_search WHERE rowid = 2")
            try db.execute(sql: "INSERT INTO history (ticket_number, at, actor, event, to_status) VALUES (9, 0, 'agent', 'solve', 'solved')")
        }
        try database.close()
        let catalog = CatalogLoader(root: CommandRunner.repository).load().catalog
        let lifecycle = try #require(catalog.lifecycles["ticket-lifecycle"])
        let report = try StoreAudit(lifecycle: lifecycle, vault: desk.folder + "/tickets.files").audit(databaseAt: path)
        #expect(report.problems == [
            "1 orphan row(s) in history",
            "search index rows [1] ≠ tickets [1, 2]",
            "ticket 1: version 2 ≠ 1 + 0 change(s) + 0 refusal(s)",
            "ticket 2: outbox [\"confirmation\"] ≠ what the history sends [\"confirmation\", \"solved\"]",
            "ticket 2: timers [] in status solved, expected [\"close\"]",
        ])
    }
}
