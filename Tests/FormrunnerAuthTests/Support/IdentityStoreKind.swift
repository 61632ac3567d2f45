import Foundation
import FormrunnerAuth
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerSQLite
import FormrunnerTestSupport
import Testing

/// An identity store implementation under test, and how to make a fresh one in a scratch folder.
struct IdentityStoreKind: Sendable, CustomTestStringConvertible {
    /// The three stores one implementation provides.
    struct Stores {
        var users: any UserDirectory
        var codes: any OneTimeCodeStore
        var drafts: any DraftStore
        /// Closes what the stores opened (a PostgreSQL pool).
        var close: @Sendable () async -> Void = {}
    }

    let name: String
    let make: @Sendable (URL) async throws -> Stores

    var testDescription: String { name }

    static let memory = IdentityStoreKind(name: "memory") { _ in
        Stores(users: InMemoryUserDirectory(), codes: InMemoryOneTimeCodeStore(), drafts: InMemoryDraftStore())
    }
    static let sqlite = IdentityStoreKind(name: "sqlite") { folder in
        let store = try SQLiteIdentityStore.open(in: folder)
        return Stores(users: store, codes: store, drafts: store)
    }
    /// A new database on the test process's throwaway PostgreSQL server, sealing with `<folder>/desk.key`.
    static let postgres = IdentityStoreKind(name: "postgres") { folder in
        let store = try await PostgresIdentityStore.open(in: folder)
        return Stores(users: store, codes: store, drafts: store, close: { await store.close() })
    }

    /// Every store the conformance suites run against.
    static let all: [IdentityStoreKind] = [.memory, .sqlite, .postgres]

    /// Runs `body` with fresh stores of this kind in a scratch folder that is removed afterwards.
    func withStores<T>(_ body: (Stores) async throws -> T) async throws -> T {
        try await withScratchFolder { folder in
            let stores = try await make(folder)
            do {
                let result = try await body(stores)
                await stores.close()
                return result
            } catch {
                await stores.close()
                throw error
            }
        }
    }
}

extension PostgresIdentityStore {
    /// The identity store on a new database of the test PostgreSQL server (or on `database`),
    /// sealing with `<folder>/desk.key`.
    static func open(in folder: URL, database: String? = nil) async throws -> PostgresIdentityStore {
        let server = try PostgresServer.shared()
        let location = try PostgresLocation(url: server.url(database: try database ?? server.makeDatabase()),
                                            defaultAttachments: folder.appendingPathComponent("attachments"))
        return try await PostgresIdentityStore.open(
            location, secrets: try KeyFileSecretSealer.forDatabase(at: folder.appendingPathComponent("desk").path))
    }
}

extension SQLiteIdentityStore {
    /// The identity store on `<folder>/tickets.sqlite`, sealing with `<folder>/tickets.sqlite.key`.
    static func open(in folder: URL) throws -> SQLiteIdentityStore {
        let path = folder.appendingPathComponent("tickets.sqlite").path
        return try SQLiteIdentityStore(path: path, secrets: try KeyFileSecretSealer.forDatabase(at: path))
    }
}

/// Runs `body` with a new empty folder under the temporary directory, removed afterwards.
func withScratchFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("formrunner-identity-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// Fixed instants and users for the identity tests.
enum Sample {
    /// 2026-03-02T12:00:00.250Z, with a quarter second to show millisecond keeping.
    static let now = Date(timeIntervalSince1970: 1_772_452_800.25)

    static func user(_ email: String = "ana@example.com", name: String = "Ana Souza") -> UserRecord {
        UserRecord(email: email, name: name, accounts: ["storebr", "storeintl"], country: "br",
                   permissions: ["support"], phone: "+55 11 99999-0000",
                   passwordHash: "pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA==$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=",
                   totpSecret: "JBSWY3DPEHPK3PXP", createdAt: now.addingTimeInterval(0.0004))
    }
}
