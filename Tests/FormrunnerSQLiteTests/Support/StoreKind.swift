import Foundation
import FormrunnerCore
import FormrunnerPostgres
import FormrunnerSQLite
import FormrunnerTestSupport
import Testing

/// A ticket store implementation under test, and how to make a fresh one in a scratch folder.
struct StoreKind: Sendable, CustomTestStringConvertible {
    let name: String
    let make: @Sendable (URL) async throws -> any TicketStore

    var testDescription: String { name }

    static let memory = StoreKind(name: "memory") { _ in InMemoryTicketStore() }
    static let sqlite = StoreKind(name: "sqlite") { folder in
        try SQLiteTicketStore(path: folder.appendingPathComponent("tickets.sqlite").path)
    }

    /// A new database on the test process's throwaway PostgreSQL server, attachments in the folder.
    static let postgres = StoreKind(name: "postgres") { folder in
        let server = try PostgresServer.shared()
        let location = try PostgresLocation(url: server.url(database: try server.makeDatabase()),
                                            defaultAttachments: folder.appendingPathComponent("attachments"))
        return try await PostgresTicketStore.open(location)
    }

    /// Every store the conformance suite runs against.
    static let all: [StoreKind] = [.memory, .sqlite, .postgres]

    /// Runs `body` with a fresh store of this kind in a scratch folder that is removed afterwards.
    func withStore<T>(_ body: (any TicketStore, URL) async throws -> T) async throws -> T {
        try await withScratchFolder { folder in
            let store = try await make(folder)
            do {
                let result = try await body(store, folder)
                await store.close()
                return result
            } catch {
                await store.close()
                throw error
            }
        }
    }
}

/// Runs `body` with a new empty folder under the temporary directory, removed afterwards.
func withScratchFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("formrunner-store-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}
