import Foundation
import FormrunnerCore
import Logging
import PostgresNIO

/// Users, one-time codes and drafts in the same PostgreSQL database as the tickets, so that several
/// processes (`formrunner serve` behind a load balancer, workers, the command line) share sign-ins,
/// the web portal's sessions and unfinished answers.
///
/// The tables come from the shared migrations (applied under the advisory lock, see
/// ``PostgresTicketStore/open(_:)``). Checking a one-time code locks its row (`SELECT … FOR UPDATE`
/// in a transaction), and issuing one takes a transaction-level advisory lock on its key, so
/// processes checking or asking at once never both pass a single-use code, lose a wrong try or
/// both get past the resend cool-down.
///
/// Secrets at rest: passwords are stored only as the slow salted hashes callers put in
/// ``FormrunnerCore/UserRecord/passwordHash``; one-time codes only as the hashes callers give; TOTP
/// secrets are sealed with `secrets` (bound to the user's e-mail), for the command line with the
/// key file `<catalog>/.formrunner/desk.key`: give every machine the same file.
public final class PostgresIdentityStore: Sendable {
    let client: PostgresClient
    let secrets: any SecretSealing
    let logger: Logger
    /// The pool's run loop when this store opened its own pool; nil when it shares a ticket store's.
    private let runner: Task<Void, Never>?
    /// The ticket store whose pool this store uses, kept alive for as long as this store is.
    private let ticketStore: PostgresTicketStore?

    /// Connects to the database at `location` with its own pool, creating or migrating the schema.
    /// TOTP secrets are sealed and opened with `secrets` (for example
    /// `KeyFileSecretSealer.forDatabase(at: "<catalog>/.formrunner/desk")`).
    /// - Throws: ``FormrunnerCore/IdentityStoreError/unavailable(_:)`` when the server cannot be
    ///   reached or refuses.
    public static func open(_ location: PostgresLocation, secrets: any SecretSealing) async throws -> PostgresIdentityStore {
        let logger = PostgresSchema.quietLogger
        try await PostgresErrors.identityTranslated { try await PostgresSchema.migrate(location, logger: logger) }
        let configuration = try await PostgresErrors.identityTranslated { try location.clientConfiguration() }
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return PostgresIdentityStore(client: client, runner: Task { await client.run() }, ticketStore: nil,
                                     secrets: secrets, logger: logger)
    }

    /// The identity store on the connections of `store` (whose opening already migrated the schema).
    /// Closing `store` closes this store's connections too.
    public convenience init(beside store: PostgresTicketStore, secrets: any SecretSealing) {
        self.init(client: store.client, runner: nil, ticketStore: store, secrets: secrets, logger: store.logger)
    }

    private init(client: PostgresClient, runner: Task<Void, Never>?, ticketStore: PostgresTicketStore?,
                 secrets: any SecretSealing, logger: Logger) {
        self.client = client
        self.runner = runner
        self.ticketStore = ticketStore
        self.secrets = secrets
        self.logger = logger
    }

    deinit {
        runner?.cancel()
    }

    /// Closes the connections this store opened (a store opened beside a ticket store closes with it).
    public func close() async {
        guard let runner else { return }
        runner.cancel()
        await runner.value
    }

    // MARK: - Connections

    /// Runs `body` on a pooled connection outside a transaction (each statement commits by itself).
    func read<T: Sendable>(_ body: (PostgresRows) async throws -> T) async throws -> T {
        let logger = self.logger
        return try await PostgresErrors.identityTranslated {
            try await client.withConnection { connection in
                try await body(PostgresRows(connection: connection, logger: logger))
            }
        }
    }

    /// Runs `body` in a transaction, committed if it returns and rolled back if it throws.
    func transaction<T: Sendable>(_ body: (PostgresRows) async throws -> T) async throws -> T {
        try await read { rows in try await rows.inTransaction(body) }
    }
}
