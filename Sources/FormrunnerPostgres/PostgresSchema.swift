import FormrunnerCore
import PostgresNIO

/// The database schema, built by migrations recorded in `formrunner_migration`.
///
/// Instants are BIGINT milliseconds since 1970 (as in the SQLite store); answers are JSON text in the
/// tagged encoding of `AnswerValue`. `ticket.search_words` is a `tsvector` made from the folded words
/// of `TicketSearch` (never parsed by a text-search configuration), under a GIN index. Ticket numbers
/// come from the one-row `ticket_counter`, updated in the creating transaction, so a failed create
/// uses up no number. Timers carry `claimed_until` for workers' claims; outbox rows get `seq` for a
/// stable order among messages of the same instant.
enum PostgresSchema {
    /// A lock key all formrunner processes take while migrating (`pg_advisory_xact_lock`).
    static let migrationLock: Int64 = 0x666F_726D_7275_6E

    /// The migrations, in order, each a list of statements. Never edit one that has shipped: add another.
    static let migrations: [(name: String, statements: [String])] = [
        ("v1 tickets", version1),
    ]

    /// Applies the missing migrations in one transaction, holding the advisory lock so that processes
    /// starting at the same moment migrate one after the other.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("BEGIN", logger: logger)
        do {
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLock))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS formrunner_migration (
                    name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """, logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM formrunner_migration", logger: logger)
                .decode(String.self) {
                applied.insert(name)
            }
            for migration in migrations where !applied.contains(migration.name) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO formrunner_migration (name) VALUES (\(migration.name))",
                                           logger: logger)
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    private static let version1 = [
        """
        CREATE TABLE ticket_counter (
            id BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
            last_number BIGINT NOT NULL)
        """,
        "INSERT INTO ticket_counter (id, last_number) VALUES (TRUE, 0)",
        """
        CREATE TABLE ticket (
            number BIGINT PRIMARY KEY,
            form_id TEXT NOT NULL,
            form_version INTEGER NOT NULL,
            workflow_id TEXT,
            lifecycle_id TEXT NOT NULL,
            status TEXT NOT NULL,
            title TEXT NOT NULL,
            requester_email TEXT NOT NULL,
            requester_name TEXT,
            account TEXT,
            answers TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            last_interaction_at BIGINT NOT NULL,
            status_entered_at BIGINT NOT NULL,
            version INTEGER NOT NULL,
            submission_key TEXT UNIQUE,
            search_words TSVECTOR NOT NULL)
        """,
        "CREATE INDEX ticket_status_number ON ticket (status, number DESC)",
        "CREATE INDEX ticket_search ON ticket USING GIN (search_words)",
        """
        CREATE TABLE history (
            id BIGSERIAL PRIMARY KEY,
            ticket_number BIGINT NOT NULL REFERENCES ticket (number),
            at BIGINT NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            message TEXT)
        """,
        "CREATE INDEX history_ticket ON history (ticket_number, id)",
        """
        CREATE FUNCTION formrunner_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'history is append-only'; END $$
        """,
        """
        CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
            FOR EACH ROW EXECUTE FUNCTION formrunner_history_append_only()
        """,
        """
        CREATE TABLE timer (
            ticket_number BIGINT NOT NULL REFERENCES ticket (number),
            event TEXT NOT NULL,
            due_at BIGINT NOT NULL,
            claimed_until BIGINT,
            PRIMARY KEY (ticket_number, event))
        """,
        "CREATE INDEX timer_due ON timer (due_at, ticket_number)",
        "CREATE INDEX timer_claimed ON timer (claimed_until) WHERE claimed_until IS NOT NULL",
        """
        CREATE TABLE outbox (
            seq BIGSERIAL UNIQUE,
            id TEXT PRIMARY KEY,
            ticket_number BIGINT NOT NULL REFERENCES ticket (number),
            recipient TEXT NOT NULL,
            address TEXT NOT NULL,
            template TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at BIGINT NOT NULL,
            delivered_at BIGINT,
            last_error TEXT)
        """,
        "CREATE INDEX outbox_ticket ON outbox (ticket_number, created_at, seq)",
        "CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL",
        "CREATE INDEX outbox_waiting ON outbox (created_at, seq) WHERE delivered_at IS NULL",
        """
        CREATE TABLE attachment (
            id BIGSERIAL PRIMARY KEY,
            ticket_number BIGINT NOT NULL REFERENCES ticket (number),
            field_id TEXT,
            name TEXT NOT NULL,
            size BIGINT NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL)
        """,
        "CREATE INDEX attachment_ticket ON attachment (ticket_number)",
        "CREATE INDEX attachment_sha256 ON attachment (sha256)",
    ]
}
