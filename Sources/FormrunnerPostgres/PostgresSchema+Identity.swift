extension PostgresSchema {
    /// The identity tables (migration "v3 identity"), the PostgreSQL form of the SQLite store's:
    ///
    /// - `users`: one row per user, keyed by the normalised e-mail under the "C" collation (so
    ///   `ORDER BY email` is the byte order of the UTF-8). `accounts` and `permissions` are text
    ///   arrays in their given order; `password_hash` is the encoded slow salted hash (never a
    ///   password); `totp_secret` is the TOTP shared secret sealed with the desk's key file (never
    ///   plain text).
    /// - `one_time_code`: the one code waiting per key, as a SHA-256 hash salted with the key, with
    ///   its expiry, wrong tries, when it was used and when it was sent.
    /// - `draft`: unfinished answers (and the web portal's sessions) as an opaque payload, with
    ///   their expiry.
    ///
    /// Instants are BIGINT milliseconds since 1970, as in the ticket tables.
    static let identityTables = [
        """
        CREATE TABLE users (
            email TEXT COLLATE "C" PRIMARY KEY,
            name TEXT NOT NULL,
            accounts TEXT[] NOT NULL,
            country TEXT,
            permissions TEXT[] NOT NULL,
            phone TEXT,
            password_hash TEXT,
            totp_secret BYTEA,
            created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE one_time_code (
            key TEXT PRIMARY KEY,
            code_hash TEXT NOT NULL,
            expires_at BIGINT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            consumed_at BIGINT,
            sent_at BIGINT NOT NULL)
        """,
        "CREATE INDEX one_time_code_expiry ON one_time_code (expires_at)",
        """
        CREATE TABLE draft (
            key TEXT PRIMARY KEY,
            payload BYTEA NOT NULL,
            expires_at BIGINT NOT NULL)
        """,
        "CREATE INDEX draft_expiry ON draft (expires_at)",
    ]

    /// `user_change`: one row whose `count` moves with every user inserted, updated or deleted (a
    /// row trigger: a statement that changes no user leaves it), so that a cache of the staff knows cheaply when to read
    /// them again (migration "v12 user change count").
    static let userChangeCount = [
        "CREATE TABLE user_change (id INTEGER PRIMARY KEY CHECK (id = 1), count BIGINT NOT NULL)",
        "INSERT INTO user_change (id, count) VALUES (1, 0)",
        """
        CREATE FUNCTION user_change_count() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE user_change SET count = count + 1 WHERE id = 1;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER user_change AFTER INSERT OR UPDATE OR DELETE ON users
            FOR EACH ROW EXECUTE FUNCTION user_change_count()
        """,
    ]

    /// Failed sign-ins per key (`account:EMAIL`, `source:ADDRESS`), apart from the codes so that a
    /// new code never resets them (migration "v4 sign-in attempts").
    static let signInAttemptTables = [
        """
        CREATE TABLE sign_in_attempt (
            key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            last_failure_at BIGINT NOT NULL,
            locked_until BIGINT)
        """,
    ]
}
