import GRDB

/// The identity tables, added to the ticket database by their own migration.
///
/// - `user`: one row per user, keyed by the normalised e-mail. `accounts` and `permissions` are
///   JSON arrays of strings; `password_hash` is the encoded slow salted hash (never a password);
///   `totp_secret` is the TOTP shared secret sealed by the store's ``FormrunnerCore/SecretSealing``
///   (never plain text).
/// - `one_time_code`: the one code waiting per key, as a SHA-256 hash salted with the key, with its
///   expiry, wrong tries, when it was used and when it was sent.
/// - `draft`: unfinished answers as an opaque payload, with their expiry.
///
/// Instants are INTEGER milliseconds since 1970, as in the ticket tables.
enum IdentitySchema {
    /// Adds the identity migrations to `migrator`, after the ticket migrations.
    static func register(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2 identity") { db in
            try db.execute(sql: version2)
        }
    }

    /// Failed sign-ins per key (`account:EMAIL`, `source:ADDRESS`), apart from the codes so that a
    /// new code never resets them.
    static func registerSignInAttempts(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5 sign-in attempts") { db in
            try db.execute(sql: """
                CREATE TABLE sign_in_attempt (
                    key TEXT NOT NULL PRIMARY KEY,
                    failures INTEGER NOT NULL,
                    last_failure_at INTEGER NOT NULL,
                    locked_until INTEGER
                ) WITHOUT ROWID;
                """)
        }
    }

    /// `user_change`: one row whose `count` moves with every insert, update and delete of `user`
    /// (triggers), so that a cache of the staff knows cheaply when to read them again.
    static func registerChangeCount(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14 user change count") { db in
            try db.execute(sql: """
                CREATE TABLE user_change (id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL);
                INSERT INTO user_change (id, count) VALUES (1, 0);
                CREATE TRIGGER user_change_insert AFTER INSERT ON user
                    BEGIN UPDATE user_change SET count = count + 1 WHERE id = 1; END;
                CREATE TRIGGER user_change_update AFTER UPDATE ON user
                    BEGIN UPDATE user_change SET count = count + 1 WHERE id = 1; END;
                CREATE TRIGGER user_change_delete AFTER DELETE ON user
                    BEGIN UPDATE user_change SET count = count + 1 WHERE id = 1; END;
                """)
        }
    }

    private static let version2 = """
        CREATE TABLE user (
            email TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            accounts TEXT NOT NULL,
            country TEXT,
            permissions TEXT NOT NULL,
            phone TEXT,
            password_hash TEXT,
            totp_secret BLOB,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE one_time_code (
            key TEXT NOT NULL PRIMARY KEY,
            code_hash TEXT NOT NULL,
            expires_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            consumed_at INTEGER,
            sent_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX one_time_code_expiry ON one_time_code(expires_at);

        CREATE TABLE draft (
            key TEXT NOT NULL PRIMARY KEY,
            payload BLOB NOT NULL,
            expires_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX draft_expiry ON draft(expires_at);
        """
}
