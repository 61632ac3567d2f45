import Foundation
import FormrunnerTestSupport
import Testing

/// Issue 14, item 21: a ticket store that cannot be opened makes `mail ingest` exit 75
/// (`EX_TEMPFAIL`), so the mail server keeps the message and retries instead of bouncing it.
@Suite("formrunner mail ingest: the store busy at open")
struct MailStoreBusyTests {
    static let reply = MailCommandTests.crlf(MailCommandTests.reply(id: "<busy-1@example.com>", body: "Still broken."))

    @Test("SQLite locked by another process: exit 75, the reason on standard error, nothing printed as recorded")
    func sqliteBusy() throws {
        let desk = try MailCommandTests.Desk()
        try desk.create()
        let locker = try Self.lock(desk.folder + "/tickets.sqlite")
        defer {
            locker.terminate()
            locker.waitUntilExit()
        }
        let run = try desk.run(["mail", "ingest", "-"], input: Self.reply)
        #expect(run.status == 75)
        #expect(run.stdout == "")
        #expect(run.stderr == "formrunner: cannot open the ticket store sqlite:\(desk.folder)/tickets.sqlite: "
                + "the ticket store is unavailable: the database stayed busy for more than 5 seconds; try again; no message was read, try again later\n")
    }

    @Test("PostgreSQL refusing connections: exit 75 with the reason")
    func postgresBusy() throws {
        let server = try PostgresServer.shared()
        let database = try server.makeDatabase()
        _ = try server.query("ALTER DATABASE \(database) WITH ALLOW_CONNECTIONS false", database: "postgres")
        let desk = try MailCommandTests.Desk()
        let run = try desk.run(["mail", "ingest", "-"], input: Self.reply,
                               environment: ["FORMRUNNER_STORE": server.url(database: database)])
        #expect(run.status == 75)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("formrunner: cannot open the ticket store postgres://"))
        #expect(run.stderr.hasSuffix("; no message was read, try again later\n"))
    }

    /// A process holding an exclusive lock on the SQLite file `path` until it is terminated.
    static func lock(_ path: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import sqlite3, sys, time
            c = sqlite3.connect(sys.argv[1], isolation_level=None)
            c.execute('PRAGMA locking_mode=EXCLUSIVE')
            c.execute('BEGIN EXCLUSIVE')
            c.execute('CREATE TABLE IF NOT EXISTS busy_probe (x)')
            print('locked', flush=True)
            time.sleep(15)
            """, path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        guard line.hasPrefix("locked") else { throw CocoaError(.fileLocking) }
        return process
    }
}
