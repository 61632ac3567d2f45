import Foundation
import FormrunnerCore
import FormrunnerPostgres
import Logging
import PostgresNIO

/// Databases on a PostgreSQL server, `formrunner_bench_<name>`, next to the database of the
/// `--store` URL, which is only used to create and drop them (the user needs `CREATEDB`).
struct PostgresBackend: BenchBackend {
    /// The server, logged in to the URL's database.
    var server: PostgresLocation
    /// The `--store` URL as given.
    var url: String
    let logger = Logger(label: "formrunner.bench", factory: { _ in SwiftLogNoOpLogHandler() })

    var label: String { "PostgreSQL" }

    /// Reads `url`; attachments (none are written) would go under `folder`.
    init(url: String, folder: String) throws {
        server = try PostgresLocation(url: url, defaultAttachments: URL(fileURLWithPath: folder + "/postgres-attachments"))
        self.url = url
    }

    /// The server-side name of the benchmark's database `name`.
    static func databaseName(_ name: String) -> String {
        "formrunner_bench_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" }).lowercased()
    }

    func exists(_ name: String) async throws -> Bool {
        try await connected(to: server.database) { connection in
            let database = Self.databaseName(name)
            return try await connection.query("SELECT count(*) FROM pg_database WHERE datname = \(database)", logger: logger)
                .collect().first?.decode(Int.self) == 1
        }
    }

    func remove(_ name: String) async throws {
        try await administer("DROP DATABASE IF EXISTS \(Self.databaseName(name)) WITH (FORCE)")
    }

    func rename(_ name: String, to newName: String) async throws {
        try await remove(newName)
        try await administer("ALTER DATABASE \(Self.databaseName(name)) RENAME TO \(Self.databaseName(newName))")
    }

    func withStore<T: Sendable>(_ name: String, _ body: (any TicketStore) async throws -> T) async throws -> T {
        if try await !exists(name) { try await administer("CREATE DATABASE \(Self.databaseName(name))") }
        let store = try await PostgresTicketStore.open(location(name))
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }

    /// The `--store` URL with the database `name` in its path: the desk keeps its users in that
    /// database, on the ticket store's connections (its key file goes in the settings' catalog folder).
    func deskLocation(_ name: String) -> TicketStoreURL? {
        guard var components = URLComponents(string: url) else { return nil }
        components.path = "/" + Self.databaseName(name)
        return components.string.map { .postgres(url: $0) }
    }

    func bytes(_ name: String) async throws -> Int {
        try await integer("SELECT pg_database_size(current_database())", in: name)
    }

    func integer(_ sql: String, in name: String) async throws -> Int {
        try await connected(to: Self.databaseName(name)) { connection in
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).collect().first?.decode(Int.self) ?? -1
        }
    }

    /// Drops `name` and creates it again with the store's schema.
    func recreate(_ name: String) async throws {
        try await remove(name)
        try await withStore(name) { _ in }
    }

    /// The store location of the benchmark's database `name`.
    func location(_ name: String) -> PostgresLocation {
        var location = server
        location.database = Self.databaseName(name)
        return location
    }

    /// Runs `body` on a new connection to `database`, closed afterwards.
    func connected<T: Sendable>(to database: String, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        var location = server
        location.database = database
        let connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(), id: 1,
                                                              logger: logger)
        do {
            let value = try await body(connection)
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// Runs one statement on the URL's database (creating, dropping, renaming databases).
    private func administer(_ sql: String) async throws {
        try await connected(to: server.database) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        }
    }
}
