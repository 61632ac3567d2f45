import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerSQLite
import Testing

@Suite("Identity: SQLite store on the ticket database")
struct SQLiteIdentityStoreTests {
    @Test("users persist across openings and share the file with the ticket store")
    func sharedFile() async throws {
        try await withScratchFolder { folder in
            let path = folder.appendingPathComponent("tickets.sqlite").path
            let tickets = try SQLiteTicketStore(path: path)
            #expect(try await tickets.count(status: nil) == 0)
            try await SQLiteIdentityStore.open(in: folder).add(Sample.user())
            let reopened = try SQLiteIdentityStore.open(in: folder)
            #expect(try await reopened.user(email: "ana@example.com") == Sample.user().storedForm)
            #expect(try await SQLiteTicketStore(path: path).count(status: nil) == 0)
        }
    }

    @Test("the TOTP secret is sealed and the password stored only as its hash")
    func secretsAtRest() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteIdentityStore.open(in: folder)
            var user = Sample.user()
            user.totpSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
            try await store.add(user)
            let bytes = try ["", "-wal"].filter { FileManager.default.fileExists(atPath: store.path + $0) }
                .map { try Data(contentsOf: URL(fileURLWithPath: store.path + $0)) }.reduce(Data(), +)
            #expect(bytes.range(of: Data("GEZDGNBVGY3TQOJQ".utf8)) == nil, "the TOTP secret is on disk in plain text")
            #expect(bytes.range(of: Data(user.passwordHash!.utf8)) != nil, "the scan does not see the stored rows")
            #expect(try await store.user(email: user.email)?.totpSecret == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        }
    }

    @Test("the database and its key file are readable by their owner only")
    func permissions() async throws {
        try await withScratchFolder { folder in
            let store = try SQLiteIdentityStore.open(in: folder)
            try await store.add(Sample.user())
            for path in [store.path, store.path + "-wal", store.path + ".key"] {
                let mode = try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
                #expect(mode & 0o077 == 0, "\(path) has mode \(String(mode, radix: 8))")
            }
        }
    }

    @Test("a replaced key file makes sealed secrets unreadable, with a clear error")
    func wrongKey() async throws {
        try await withScratchFolder { folder in
            try await SQLiteIdentityStore.open(in: folder).add(Sample.user())
            let keyPath = folder.appendingPathComponent("tickets.sqlite.key").path
            try FileManager.default.removeItem(atPath: keyPath)
            let store = try SQLiteIdentityStore.open(in: folder)
            do {
                _ = try await store.user(email: "ana@example.com")
                Issue.record("a secret sealed with another key was opened")
            } catch let error as IdentityStoreError {
                guard case .unavailable(let reason) = error else { Issue.record("\(error)"); return }
                #expect(reason.contains("cannot be unsealed") && !reason.contains("JBSWY3DPEHPK3PXP"))
            }
        }
    }

    @Test("a sealed secret does not open for another user")
    func boundToUser() throws {
        try withScratchFolderSync { folder in
            let sealer = try KeyFileSecretSealer(keyFile: folder.appendingPathComponent("k.key").path)
            let sealed = try sealer.seal(Data("JBSWY3DPEHPK3PXP".utf8), context: "ana@example.com")
            #expect(try sealer.open(sealed, context: "ana@example.com") == Data("JBSWY3DPEHPK3PXP".utf8))
            #expect(throws: (any Error).self) { try sealer.open(sealed, context: "bruno@example.com") }
            var altered = sealed
            altered[altered.count - 1] ^= 1
            #expect(throws: (any Error).self) { try sealer.open(altered, context: "ana@example.com") }
            #expect(try sealer.seal(Data("x".utf8), context: "c") != sealer.seal(Data("x".utf8), context: "c"))
        }
    }

    @Test("key files: created once and reused; one others can read, or of the wrong size, is refused")
    func keyFiles() throws {
        try withScratchFolderSync { folder in
            let path = folder.appendingPathComponent("db.key").path
            let first = try KeyFileSecretSealer(keyFile: path)
            let sealed = try first.seal(Data("s".utf8), context: "c")
            #expect(try KeyFileSecretSealer(keyFile: path).open(sealed, context: "c") == Data("s".utf8))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == 32)

            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
            #expect(throws: IdentityStoreError.self) { try KeyFileSecretSealer(keyFile: path) }
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
            try Data(repeating: 1, count: 16).write(to: URL(fileURLWithPath: path))
            #expect(throws: IdentityStoreError.self) { try KeyFileSecretSealer(keyFile: path) }
            #expect(try KeyFileSecretSealer.forDatabase(at: folder.appendingPathComponent("x.sqlite").path).path
                    == folder.appendingPathComponent("x.sqlite.key").standardizedFileURL.path)
        }
    }
}

/// Runs `body` with a new empty folder under the temporary directory, removed afterwards.
func withScratchFolderSync<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("formrunner-identity-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}
