import Foundation
import FormrunnerTestSupport
import Testing

/// Issue 14, item 12: unfinished `.incoming-*` attachment copies left by a killed process are
/// removed by `tick` and `worker` once they are an hour old; younger ones (a copy in progress) stay.
@Suite("tick and worker sweep unfinished attachment copies")
struct VaultSweepTests {
    /// Puts an old and a fresh `.incoming-*` file into `vault/ab/`; returns their paths.
    static func orphans(in vault: String) throws -> (old: String, fresh: String) {
        try FileManager.default.createDirectory(atPath: vault + "/ab", withIntermediateDirectories: true)
        let old = vault + "/ab/.incoming-11111111-1111-1111-1111-111111111111"
        let fresh = vault + "/ab/.incoming-22222222-2222-2222-2222-222222222222"
        for path in [old, fresh] { try Data("partial".utf8).write(to: URL(fileURLWithPath: path)) }
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-2 * 3600)], ofItemAtPath: old)
        return (old, fresh)
    }

    @Test("SQLite: tick removes the copy older than an hour and keeps the fresh one")
    func sqliteTick() throws {
        let desk = try MailCommandTests.Desk()
        try desk.create()
        let (old, fresh) = try Self.orphans(in: desk.folder + "/tickets.files")
        let run = try desk.run(["tick"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 unfinished attachment copy(ies) older than an hour removed\n"))
        #expect(!FileManager.default.fileExists(atPath: old))
        #expect(FileManager.default.fileExists(atPath: fresh))
        let again = try desk.run(["tick"])
        #expect(!again.stdout.contains("unfinished attachment"))
    }

    @Test("SQLite: worker --once sweeps at start")
    func sqliteWorker() throws {
        let desk = try MailCommandTests.Desk()
        try desk.create()
        let (old, fresh) = try Self.orphans(in: desk.folder + "/tickets.files")
        let run = try desk.run(["worker", "--once"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("1 unfinished attachment copy(ies) older than an hour removed\n"))
        #expect(!FileManager.default.fileExists(atPath: old) && FileManager.default.fileExists(atPath: fresh))
    }

    @Test("PostgreSQL: tick sweeps the attachments= folder")
    func postgresTick() throws {
        let server = try PostgresServer.shared()
        let desk = try MailCommandTests.Desk()
        let vault = desk.folder + "/pg-files"
        let store = server.url(database: try server.makeDatabase()) + "&attachments=" + vault
        let (old, fresh) = try Self.orphans(in: vault)
        let run = try desk.run(["tick"], environment: ["FORMRUNNER_STORE": store])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("1 unfinished attachment copy(ies) older than an hour removed\n"))
        #expect(!FileManager.default.fileExists(atPath: old) && FileManager.default.fileExists(atPath: fresh))
    }
}
