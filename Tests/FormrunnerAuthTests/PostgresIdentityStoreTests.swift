import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerTestSupport
import Testing

@Suite("Identity: PostgreSQL store on the ticket database")
struct PostgresIdentityStoreTests {
    @Test("two processes' stores on one database share users, codes and drafts; the migration runs once")
    func sharedDatabase() async throws {
        try await withScratchFolder { folder in
            let server = try PostgresServer.shared()
            let database = try server.makeDatabase()
            let first = try await PostgresIdentityStore.open(in: folder, database: database)
            let second = try await PostgresIdentityStore.open(in: folder, database: database)
            try await first.add(Sample.user())
            #expect(try await second.user(email: "ana@example.com") == Sample.user().storedForm)
            try await first.save(key: "session:1", payload: Data([1, 2, 3]), expiresAt: Sample.now.addingTimeInterval(60))
            #expect(try await second.load(key: "session:1", now: Sample.now) == Data([1, 2, 3]))
            try await first.issue(for: "login", codeHash: "right", expiresAt: Sample.now.addingTimeInterval(600),
                                  now: Sample.now, resendAfter: 60)
            await #expect(throws: IdentityStoreError.tooSoon(retryAt: Sample.now.addingTimeInterval(60).roundedToMilliseconds)) {
                try await second.issue(for: "login", codeHash: "again", expiresAt: Sample.now.addingTimeInterval(600),
                                       now: Sample.now.addingTimeInterval(1), resendAfter: 60)
            }
            #expect(try await second.verify(key: "login", codeHash: "right", now: Sample.now, maxAttempts: 5) == .accepted)
            #expect(try await first.verify(key: "login", codeHash: "right", now: Sample.now, maxAttempts: 5) == .noCode)
            #expect(try server.query("SELECT count(*) FROM formrunner_migration WHERE name = 'v3 identity'",
                                     database: database) == "1\n")
            await first.close()
            await second.close()
        }
    }

    @Test("two processes checking one code at once: accepted exactly once, every wrong try counted")
    func racingProcesses() async throws {
        try await withScratchFolder { folder in
            let database = try PostgresServer.shared().makeDatabase()
            let stores = [try await PostgresIdentityStore.open(in: folder, database: database),
                          try await PostgresIdentityStore.open(in: folder, database: database)]
            try await stores[0].issue(for: "login", codeHash: "right", expiresAt: Sample.now.addingTimeInterval(600),
                                      now: Sample.now, resendAfter: 60)
            let results = try await withThrowingTaskGroup(of: OneTimeCodeCheck.self) { group in
                for index in 0..<16 {
                    let store = stores[index % 2]
                    group.addTask {
                        try await store.verify(key: "login", codeHash: index % 4 == 1 ? "right" : "wrong", now: Sample.now,
                                               maxAttempts: 100)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 == .accepted }.count == 1)
            let remaining = results.compactMap { result -> Int? in
                if case .wrong(let remaining) = result { return remaining }
                return nil
            }
            #expect(Set(remaining).count == remaining.count, "every wrong try saw its own count: \(remaining)")
            #expect(try PostgresServer.shared().query("SELECT attempts FROM one_time_code", database: database)
                    == "\(remaining.count)\n")
            for store in stores { await store.close() }
        }
    }

    @Test("the TOTP secret is sealed with the desk's key file and the password stored only as its hash")
    func secretsAtRest() async throws {
        try await withScratchFolder { folder in
            let server = try PostgresServer.shared()
            let database = try server.makeDatabase()
            let store = try await PostgresIdentityStore.open(in: folder, database: database)
            try await store.add(Sample.user())
            let stored = try server.query("SELECT encode(totp_secret, 'hex'), password_hash FROM users", database: database)
            #expect(!stored.contains(Data("JBSWY3DPEHPK3PXP".utf8).map { String(format: "%02x", $0) }.joined()),
                    "the TOTP secret is in the database in plain text")
            #expect(stored.contains(Sample.user().passwordHash!))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("desk.key").path))
            #expect(try await store.user(email: "ana@example.com")?.totpSecret == "JBSWY3DPEHPK3PXP")
            await store.close()

            try FileManager.default.removeItem(at: folder.appendingPathComponent("desk.key"))
            let rekeyed = try await PostgresIdentityStore.open(in: folder, database: database)
            await #expect(throws: IdentityStoreError.unavailable(
                "the TOTP secret of ana@example.com cannot be unsealed (was the key file replaced or the row copied?)")) {
                try await rekeyed.user(email: "ana@example.com")
            }
            await rekeyed.close()
        }
    }

    @Test("a server that cannot be reached is reported as the identity store being unavailable")
    func unreachable() async throws {
        let location = try PostgresLocation(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable",
                                            defaultAttachments: URL(fileURLWithPath: NSTemporaryDirectory()))
        let keyFile = NSTemporaryDirectory() + "formrunner-unreachable-\(UUID().uuidString).key"
        defer { try? FileManager.default.removeItem(atPath: keyFile) }
        do {
            _ = try await PostgresIdentityStore.open(location, secrets: try KeyFileSecretSealer(keyFile: keyFile))
            Issue.record("a store opened on a closed port")
        } catch let error as IdentityStoreError {
            #expect(error.description.hasPrefix("the identity store is unavailable: cannot reach the PostgreSQL server: "),
                    "\(error)")
        }
    }
}
