import FormrunnerCore

/// A kind of database the tickets benchmark runs on. Each part of the benchmark works in databases
/// of its own, named after the part (`create-desk`, `tickets-1000000-v1`, `tick`); a backend maps a
/// name to a file (SQLite) or to a database on a server (PostgreSQL).
protocol BenchBackend: Sendable {
    /// The database's name in the report: `SQLite`, `PostgreSQL`.
    var label: String { get }
    /// Whether the database `name` exists.
    func exists(_ name: String) async throws -> Bool
    /// Deletes the database `name` with everything that belongs to it, if it exists.
    func remove(_ name: String) async throws
    /// Renames the database `name` to `newName`, replacing any database of that name.
    func rename(_ name: String, to newName: String) async throws
    /// Runs `body` with the formrunner ticket store on `name` (created with its schema when missing).
    func withStore<T: Sendable>(_ name: String, _ body: (any TicketStore) async throws -> T) async throws -> T
    /// Creates `name` afresh with the store's schema and hands `body` a function that writes batches of
    /// tickets in bulk, in number order from 1; afterwards the database is ready for queries.
    func fill(_ name: String, _ body: (_ write: ([StoredTicket]) async throws -> Void) async throws -> Void) async throws
    /// The tickets of `name` numbered in `numbers` (every ticket when `nil`) with their rows, oldest
    /// first: what the raw baseline replays.
    func read(_ name: String, numbers: ClosedRange<Int64>?) async throws -> [StoredTicket]
    /// Creates `name` afresh with the store's schema and hands `body` a function that writes one ticket
    /// with plain inserts in a transaction of its own, awaited as a create is: the least work a store
    /// could do for it.
    func replaying<T: Sendable>(into name: String,
                                _ body: (_ write: (StoredTicket) async throws -> Void) async throws -> T) async throws -> T
    /// Writes `tickets` into a fresh `name` with the same plain inserts as ``replay(_:into:)``, all in
    /// one transaction; returns the time of the whole.
    func replayAtOnce(_ tickets: [StoredTicket], into name: String) async throws -> Duration
    /// The location a desk gives the store `name` by, so that it keeps its users beside the tickets;
    /// `nil` when the benchmark does not support it on this backend.
    func deskLocation(_ name: String) -> TicketStoreURL?
    /// How many bytes the database `name` takes.
    func bytes(_ name: String) async throws -> Int
    /// What `sql` (one row of one integer column) gives in `name`. The same SQL runs on every backend.
    func integer(_ sql: String, in name: String) async throws -> Int
}

extension BenchBackend {
    /// Every ticket of `name` with its rows, oldest first.
    func readAll(_ name: String) async throws -> [StoredTicket] {
        try await read(name, numbers: nil)
    }

    /// Writes `tickets` into a fresh `name` with ``replaying(into:_:)``, one transaction per ticket;
    /// returns the time of each ticket and of the whole.
    func replay(_ tickets: [StoredTicket], into name: String) async throws -> (total: Duration, samples: [Duration]) {
        try await replaying(into: name) { write in
            let clock = ContinuousClock()
            var samples: [Duration] = []
            samples.reserveCapacity(tickets.count)
            let began = clock.now
            for stored in tickets {
                let start = clock.now
                try await write(stored)
                samples.append(start.duration(to: clock.now))
            }
            return (began.duration(to: clock.now), samples)
        }
    }
}
