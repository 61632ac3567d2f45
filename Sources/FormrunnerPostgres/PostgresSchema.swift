import FormrunnerCore
import Logging
import PostgresNIO

/// The database schema, built by migrations recorded in `formrunner_migration`.
///
/// Instants are BIGINT milliseconds since 1970 (as in the SQLite store); answers are JSON text in the
/// tagged encoding of `AnswerValue`. A ticket's search words are a `tsvector` made from the folded words
/// of `TicketSearch` (never parsed by a text-search configuration), under a GIN index, in a row of
/// `ticket_search_word` (on `ticket` itself before "v14 search words table"). Ticket numbers
/// come from the one-row `ticket_counter`, updated in the creating transaction, so a failed create
/// uses up no number. Timers carry `claimed_until` for workers' claims; outbox rows get `seq` for a
/// stable order among messages of the same instant.
enum PostgresSchema {
    /// A lock key all formrunner processes take while migrating (`pg_advisory_xact_lock`).
    static let migrationLock: Int64 = 0x666F_726D_7275_6E

    /// The migrations, in order, each a list of statements, then an optional step in Swift, then more
    /// statements. Never edit one that has shipped: add another.
    static let migrations: [PostgresMigration] = [
        PostgresMigration(name: "v1 tickets", statements: version1),
        PostgresMigration(name: "v2 requester index", statements: version2, backfill: backfillRequesterKeys,
                          finally: version2Finally),
        PostgresMigration(name: "v3 identity", statements: identityTables),
        PostgresMigration(name: "v4 sign-in attempts", statements: signInAttemptTables),
        PostgresMigration(name: "v5 agent desk", statements: agentDesk),
        PostgresMigration(name: "v6 ticket language", statements: ["ALTER TABLE ticket ADD COLUMN language TEXT"]),
        // Before the queue index: its backfill reads whole tickets, merged_into included.
        PostgresMigration(name: "v7 internal notes and merges", statements: [
            "ALTER TABLE history ADD COLUMN internal BOOLEAN NOT NULL DEFAULT false",
            "ALTER TABLE ticket ADD COLUMN merged_into BIGINT",
        ]),
        // Before the queue's: its backfill reads whole tickets, the report's columns included.
        PostgresMigration(name: "v8 report figures", statements: reportFigures, backfill: PostgresReportQueries.backfill),
        PostgresMigration(name: "v9 queue index", statements: PostgresQueue.columns, backfill: PostgresQueue.backfill,
                          finally: PostgresQueue.indexes),
        PostgresMigration(name: "v10 assistant sessions", statements: assistantSessions),
        PostgresMigration(name: "v11 status counters", statements: PostgresStatusCounters.schema),
        PostgresMigration(name: "v12 user change count", statements: userChangeCount),
        // (team, status) and (assignee, status) begin the queue's indexes, which answer their queries.
        PostgresMigration(name: "v13 redundant ticket indexes", statements: [
            "DROP INDEX IF EXISTS ticket_team_status", "DROP INDEX IF EXISTS ticket_assignee_status",
        ]),
        PostgresMigration(name: "v14 search words table", statements: PostgresSearch.table),
    ]

    /// The assistant's sessions (deflection): articles shown and opened as JSON arrays of ids,
    /// instants in ms.
    private static let assistantSessions = [
        """
        CREATE TABLE assistant_session (
            id TEXT PRIMARY KEY, workflow TEXT NOT NULL, requester TEXT NOT NULL, language TEXT NOT NULL,
            started_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, shown TEXT NOT NULL, opened TEXT NOT NULL,
            outcome TEXT NOT NULL, answered_by TEXT)
        """,
        "CREATE INDEX assistant_session_started ON assistant_session (started_at)",
    ]

    /// The reports' columns (see `ReportColumns`), each under an index that covers its query, as on SQLite.
    private static let reportFigures = [
        """
        ALTER TABLE ticket ADD COLUMN first_response_state TEXT, ADD COLUMN first_response_due BIGINT,
            ADD COLUMN first_response_seconds BIGINT, ADD COLUMN solved_at BIGINT, ADD COLUMN closed_at BIGINT,
            ADD COLUMN reopens INTEGER, ADD COLUMN survey_rating TEXT, ADD COLUMN survey_at BIGINT
        """,
        """
        CREATE INDEX ticket_report_opened ON ticket (created_at, team, priority, first_response_state, first_response_due,
                                                     first_response_seconds)
        """,
        "CREATE INDEX ticket_report_solved ON ticket (solved_at, team, priority, reopens)",
        "CREATE INDEX ticket_report_closed ON ticket (closed_at, team, priority)",
        "CREATE INDEX ticket_report_backlog ON ticket (status, team, created_at)",
        "CREATE INDEX ticket_report_survey ON ticket (survey_at, team, survey_rating)",
    ]

    /// The agent desk: a ticket's team, priority, assignee and SLA clock (JSON, instants in ms); the
    /// person who acted on each history line; users' roles, teams and absences; and each team's
    /// round-robin cursor (the agent its last ticket went to), locked by each assigning create.
    private static let agentDesk = [
        "ALTER TABLE ticket ADD COLUMN team TEXT, ADD COLUMN priority TEXT, ADD COLUMN assignee TEXT, ADD COLUMN sla TEXT",
        "CREATE INDEX ticket_team_status ON ticket (team, status)",
        "CREATE INDEX ticket_assignee_status ON ticket (assignee, status)",
        "ALTER TABLE history ADD COLUMN person TEXT",
        """
        ALTER TABLE users ADD COLUMN role TEXT NOT NULL DEFAULT 'requester',
            ADD COLUMN teams TEXT[] NOT NULL DEFAULT '{}', ADD COLUMN away_until BIGINT
        """,
        "CREATE INDEX users_staff ON users (email) WHERE role <> 'requester'",
        "CREATE TABLE team_cursor (team TEXT PRIMARY KEY, last_assignee TEXT NOT NULL)",
    ]

    /// The logger of the stores' connections: silent.
    static let quietLogger = Logger(label: "formrunner.postgres", factory: { _ in SwiftLogNoOpLogHandler() })

    /// Connects once to `location` and applies the missing migrations (see ``migrate(_:logger:)``).
    /// One connection rather than the pool: it fails at once when the server cannot be reached.
    static func migrate(_ location: PostgresLocation, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: try location.connectionConfiguration(), id: 0, logger: logger)
        do {
            try await migrate(connection, logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try? await connection.close()
    }

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
                try await migration.backfill?(connection, logger)
                for statement in migration.finally {
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

    /// `requester_key`: the requester's e-mail as `UserRecord.normalizedEmail` gives it, computed in Swift
    /// (PostgreSQL's `lower` depends on the database's locale, `btrim` on spaces only), under an index
    /// for a requester's tickets newest first.
    private static let version2 = ["ALTER TABLE ticket ADD COLUMN requester_key TEXT"]

    private static let version2Finally = [
        "ALTER TABLE ticket ALTER COLUMN requester_key SET NOT NULL",
        "CREATE INDEX ticket_requester_number ON ticket (requester_key, number DESC)",
    ]

    /// Fills `requester_key` of the tickets written before it existed.
    @Sendable
    private static func backfillRequesterKeys(_ connection: PostgresConnection, logger: Logger) async throws {
        var keys: [(Int64, String)] = []
        for try await (number, email) in try await connection.query(
            "SELECT number, requester_email FROM ticket", logger: logger).decode((Int64, String).self) {
            keys.append((number, UserRecord.normalizedEmail(email)))
        }
        for (number, key) in keys {
            try await connection.query("UPDATE ticket SET requester_key = \(key) WHERE number = \(number)", logger: logger)
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


/// One schema migration: statements, an optional step in Swift, then more statements, in the
/// migrating transaction.
struct PostgresMigration: Sendable {
    let name: String
    let statements: [String]
    var backfill: (@Sendable (PostgresConnection, Logger) async throws -> Void)?
    var finally: [String] = []
}
