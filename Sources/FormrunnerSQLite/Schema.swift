import FormrunnerCore
import GRDB

/// The database schema, built by migrations.
///
/// Instants are INTEGER milliseconds since 1970-01-01T00:00:00Z (see `Date.millisecondsSince1970`).
/// Answers are JSON in the tagged encoding of `AnswerValue` (`{"date":"2026-01-31"}`).
/// `ticket_search` is an FTS5 table whose rows hold the folded words of `TicketSearch` (rowid =
/// ticket number); it is rewritten in the same transaction as its ticket. `requester_key` is the
/// requester's e-mail as `UserRecord.normalizedEmail` gives it (computed in Swift, not by SQLite's
/// ASCII-only `lower`/`trim`), so that a requester's tickets are found exactly, under an index.
enum Schema {
    /// The migrations, in order. Never edit one that has shipped: add another.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 tickets") { db in
            try db.execute(sql: version1)
        }
        IdentitySchema.register(in: &migrator)
        migrator.registerMigration("v3 timer claims") { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("v4 requester index") { db in
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN requester_key TEXT NOT NULL DEFAULT ''")
            let rows = try Row.fetchAll(db, sql: "SELECT number, requester_email FROM ticket")
            let statement = try db.makeStatement(sql: "UPDATE ticket SET requester_key = ? WHERE number = ?")
            for row in rows {
                let email: String = row["requester_email"]
                let number: Int64 = row["number"]
                try statement.execute(arguments: [UserRecord.normalizedEmail(email), number])
            }
            try db.execute(sql: "CREATE INDEX ticket_requester_number ON ticket(requester_key, number DESC)")
        }
        IdentitySchema.registerSignInAttempts(in: &migrator)
        migrator.registerMigration("v6 agent desk") { db in
            try db.execute(sql: agentDesk)
        }
        migrator.registerMigration("v7 ticket language") { db in
            try db.execute(sql: "ALTER TABLE ticket ADD COLUMN language TEXT")
        }
        migrator.registerMigration("v8 internal notes and merges") { db in
            try db.execute(sql: agentWork)
        }
        migrator.registerMigration("v9 queue index") { db in
            try QueueSchema.migrate(db)
        }
        migrator.registerMigration("v10 assistant sessions") { db in
            try db.execute(sql: assistantSessions)
        }
        migrator.registerMigration("v11 report figures") { db in
            try db.execute(sql: reportFigures)
            try ReportBackfill.run(in: db)
        }
        migrator.registerMigration("v12 status counters") { db in
            try db.execute(sql: StatusCounters.schema)
        }
        migrator.registerMigration("v13 search terms") { db in
            try db.execute(sql: SearchTerms.schema)
        }
        IdentitySchema.registerChangeCount(in: &migrator)
        migrator.registerMigration("v15 redundant ticket indexes") { db in
            try db.execute(sql: redundantTicketIndexes)
        }
        migrator.registerMigration("v16 partial report indexes") { db in
            try db.execute(sql: partialReportIndexes)
        }
        migrator.registerMigration("v17 team cursor checkpoints") { db in
            try db.execute(sql: teamCursorCheckpoints)
        }
        return migrator
    }

    /// Team cursors no longer written by every create (see `TeamCursor`): each ticket keeps the team
    /// whose rule assigned it and the agent picked (`auto_team`, `auto_assignee`), and `team_cursor`
    /// becomes a checkpoint, the team's last pick as of ticket `ticket_number`. The rows already there
    /// hold the cursor as of every ticket stored.
    private static let teamCursorCheckpoints = """
        ALTER TABLE ticket ADD COLUMN auto_team TEXT;
        ALTER TABLE ticket ADD COLUMN auto_assignee TEXT;
        ALTER TABLE team_cursor ADD COLUMN ticket_number INTEGER NOT NULL DEFAULT 0;
        UPDATE team_cursor SET ticket_number = COALESCE((SELECT MAX(number) FROM ticket), 0);
        """

    /// The reports read `ticket_report_solved`, `_closed` and `_survey` only for instants in a period
    /// (`solved_at >= ? AND solved_at < ?`, which SQLite knows excludes `NULL`), so the tickets not
    /// yet solved, closed or surveyed need no entry: a close only inserts its entry in
    /// `ticket_report_closed` instead of moving one from `NULL`, and writes `ticket_report_solved` only
    /// when the ticket has a `solved_at`.
    private static let partialReportIndexes = """
        DROP INDEX ticket_report_solved;
        DROP INDEX ticket_report_closed;
        DROP INDEX ticket_report_survey;
        CREATE INDEX ticket_report_solved ON ticket(solved_at, team, priority, reopens) WHERE solved_at IS NOT NULL;
        CREATE INDEX ticket_report_closed ON ticket(closed_at, team, priority) WHERE closed_at IS NOT NULL;
        CREATE INDEX ticket_report_survey ON ticket(survey_at, team, survey_rating) WHERE survey_at IS NOT NULL;
        """

    /// `(team, status)` and `(assignee, status)` begin the queue's indexes (`ticket_queue_team`,
    /// `ticket_queue_assignee`), which answer every query they did (the planner already chose the
    /// queue's): each new or changed ticket wrote two index entries that no query read.
    private static let redundantTicketIndexes = """
        DROP INDEX IF EXISTS ticket_team_status;
        DROP INDEX IF EXISTS ticket_assignee_status;
        """

    /// The assistant's sessions (deflection): articles shown and opened as JSON arrays of ids,
    /// instants in ms.
    private static let assistantSessions = """
        CREATE TABLE assistant_session (
            id TEXT NOT NULL PRIMARY KEY, workflow TEXT NOT NULL, requester TEXT NOT NULL, language TEXT NOT NULL,
            started_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, shown TEXT NOT NULL, opened TEXT NOT NULL,
            outcome TEXT NOT NULL, answered_by TEXT) WITHOUT ROWID;
        CREATE INDEX assistant_session_started ON assistant_session(started_at);
        """

    /// The agent desk: a ticket's team, priority, assignee and SLA clock (JSON, instants in ms); the
    /// person who acted on each history line; users' roles, teams and absences; and each team's
    /// round-robin cursor (the agent its last ticket went to).
    private static let agentDesk = """
        ALTER TABLE ticket ADD COLUMN team TEXT;
        ALTER TABLE ticket ADD COLUMN priority TEXT;
        ALTER TABLE ticket ADD COLUMN assignee TEXT;
        ALTER TABLE ticket ADD COLUMN sla TEXT;
        CREATE INDEX ticket_team_status ON ticket(team, status);
        CREATE INDEX ticket_assignee_status ON ticket(assignee, status);
        ALTER TABLE history ADD COLUMN person TEXT;
        ALTER TABLE user ADD COLUMN role TEXT NOT NULL DEFAULT 'requester';
        ALTER TABLE user ADD COLUMN teams TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE user ADD COLUMN away_until INTEGER;
        CREATE INDEX user_staff ON user(email) WHERE role <> 'requester';
        CREATE TABLE team_cursor (team TEXT NOT NULL PRIMARY KEY, last_assignee TEXT NOT NULL) WITHOUT ROWID;
        """

    /// The reports' columns (see `ReportColumns`), each under an index that covers its query: the
    /// tickets opened in a period with their first responses, solved, closed, the backlog by status,
    /// team and age, and survey answers.
    private static let reportFigures = """
        ALTER TABLE ticket ADD COLUMN first_response_state TEXT;
        ALTER TABLE ticket ADD COLUMN first_response_due INTEGER;
        ALTER TABLE ticket ADD COLUMN first_response_seconds INTEGER;
        ALTER TABLE ticket ADD COLUMN solved_at INTEGER;
        ALTER TABLE ticket ADD COLUMN closed_at INTEGER;
        ALTER TABLE ticket ADD COLUMN reopens INTEGER;
        ALTER TABLE ticket ADD COLUMN survey_rating TEXT;
        ALTER TABLE ticket ADD COLUMN survey_at INTEGER;
        CREATE INDEX ticket_report_opened ON ticket(created_at, team, priority, first_response_state, first_response_due,
                                                    first_response_seconds);
        CREATE INDEX ticket_report_solved ON ticket(solved_at, team, priority, reopens);
        CREATE INDEX ticket_report_closed ON ticket(closed_at, team, priority);
        CREATE INDEX ticket_report_backlog ON ticket(status, team, created_at);
        CREATE INDEX ticket_report_survey ON ticket(survey_at, team, survey_rating);
        """

    /// Agent work: internal notes (history lines only agents see) and merged tickets (the ticket a
    /// duplicate went into).
    private static let agentWork = """
        ALTER TABLE history ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE ticket ADD COLUMN merged_into INTEGER;
        """

    /// Claims on timers, for several workers: a claimed timer is held until `claimed_until` (ms).
    private static let version3 = """
        ALTER TABLE timer ADD COLUMN claimed_until INTEGER;
        CREATE INDEX timer_claimed ON timer(claimed_until) WHERE claimed_until IS NOT NULL;
        """

    private static let version1 = """
        CREATE TABLE ticket (
            number INTEGER PRIMARY KEY AUTOINCREMENT,
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
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            last_interaction_at INTEGER NOT NULL,
            status_entered_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            submission_key TEXT UNIQUE
        );
        CREATE INDEX ticket_status_number ON ticket(status, number DESC);

        CREATE TABLE history (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ticket_number INTEGER NOT NULL REFERENCES ticket(number),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            event TEXT NOT NULL,
            from_status TEXT,
            to_status TEXT NOT NULL,
            message TEXT
        );
        CREATE INDEX history_ticket ON history(ticket_number, id);
        CREATE TRIGGER history_no_update BEFORE UPDATE ON history
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_no_delete BEFORE DELETE ON history
            BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;

        CREATE TABLE timer (
            ticket_number INTEGER NOT NULL REFERENCES ticket(number),
            event TEXT NOT NULL,
            due_at INTEGER NOT NULL,
            PRIMARY KEY (ticket_number, event)
        ) WITHOUT ROWID;
        CREATE INDEX timer_due ON timer(due_at);

        CREATE TABLE outbox (
            id TEXT NOT NULL PRIMARY KEY,
            ticket_number INTEGER NOT NULL REFERENCES ticket(number),
            recipient TEXT NOT NULL,
            address TEXT NOT NULL,
            template TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER NOT NULL,
            delivered_at INTEGER,
            last_error TEXT
        );
        CREATE INDEX outbox_ticket ON outbox(ticket_number, created_at);
        CREATE INDEX outbox_pending ON outbox(next_attempt_at) WHERE delivered_at IS NULL;

        CREATE TABLE attachment (
            id INTEGER PRIMARY KEY,
            ticket_number INTEGER NOT NULL REFERENCES ticket(number),
            field_id TEXT,
            name TEXT NOT NULL,
            size INTEGER NOT NULL,
            media_type TEXT NOT NULL,
            sha256 TEXT NOT NULL
        );
        CREATE INDEX attachment_ticket ON attachment(ticket_number);
        CREATE INDEX attachment_sha256 ON attachment(sha256);

        CREATE VIRTUAL TABLE ticket_search USING fts5(words, tokenize = 'ascii');
        """
}
