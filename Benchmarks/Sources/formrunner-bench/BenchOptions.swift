import Foundation

/// The command line of `formrunner-bench`: `tickets [--store sqlite|postgres://…] [--tickets N]
/// [--agents N] [--users memory|store|store-read] [--scale N] [--due N] [--lookups N] [--catalog DIR] [--data DIR] [--rebuild]`.
/// A size of 0 skips
/// that part.
struct BenchOptions: Sendable {
    /// `tickets` or `import`.
    var benchmark = "tickets"
    /// Lines of the generated import file (`import`).
    var lines = 100_000
    /// Tickets filed through `TicketDesk.create` (and replayed by the raw baseline).
    var tickets = 100_000
    /// Agents of the form's team: with some, `create` is timed a second time with assignment.
    var agents = 0
    /// Where the assigned run's desk keeps its users: `memory`, or `store` (the tickets' SQLite file
    /// or PostgreSQL database, as the command line and `serve` keep them), or `store-read` (there, but
    /// the desk reads their change count before each create, as it did before the stores checked it).
    var users = "memory"
    /// Tickets in the cached database the queries run on.
    var scale = 1_000_000
    /// Solved tickets whose `close` timer is due when `TicketDesk.tick` runs.
    var due = 100_000
    /// Random `ticket(number)` lookups on the large database.
    var lookups = 10_000
    /// The catalog root (the repository, by default).
    var catalog = BenchOptions.repository.path
    /// Where the cached large database and scratch files go.
    var data = BenchOptions.benchmarks.appendingPathComponent(".data").path
    /// Builds the large database again even if a cached one exists.
    var rebuild = false
    /// `sqlite` (files in the data folder) or the `postgres://` URL of a server's database, used to
    /// create the benchmark's own databases next to it.
    var store = "sqlite"

    static let usage = """
        usage: formrunner-bench tickets [--store sqlite|URL] [--tickets N] [--agents N]
                                        [--users memory|store|store-read]
                                        [--scale N] [--due N] [--lookups N] [--catalog DIR] [--data DIR] [--rebuild]

          --store S     sqlite (default: files in the data folder) or postgres://USER@HOST:PORT/DB,
                        a server on which the benchmark creates and drops its own databases
                        (formrunner_bench_*) next to DB; the user needs CREATEDB
          --tickets N   tickets filed through TicketDesk.create and by raw inserts (default 100000)
          --agents N    also file them again with N agents in the form's team, each ticket assigned
                        round robin in its create transaction (default 0: no second run); the
                        creates, the assigning creates and the raw inserts take turns by blocks of
                        500 tickets, each phase timed (wall and CPU) over its own blocks
          --users U     where that run's desk keeps its users: memory (default) or store, the
                        tickets' database as a real desk does; store-read: there, with the
                        change count read by the desk before each create instead of by the store
          --scale N     tickets in the cached database the queries run on (default 1000000)
          --due N       solved tickets closed by one TicketDesk.tick (default 100000)
          --lookups N   random ticket(number) lookups (default 10000)
          --catalog DIR the catalog root (default: the repository)
          --data DIR    cache and scratch folder (default: Benchmarks/.data)
          --rebuild     build the cached database again
        A size of 0 skips that part.

        usage: formrunner-bench queue [--store sqlite|URL] [--scale N] [--data DIR] [--rebuild]
          the agents' queue (TicketStore.queue) on a store of N tickets (default 1000000); on
          PostgreSQL a copy of the SQLite database's tickets and timers

        usage: formrunner-bench import [--store sqlite|URL] [--lines N] [--catalog DIR] [--data DIR]
          `tickets import` of a generated JSON Lines file of N tickets (default 100000) next to raw
          inserts of the same rows in one transaction

        usage: formrunner-bench assign-parts [--tickets N] [--agents N]
          the e-mails of a create that assigns, composed alone N times (default 20000): the
          confirmation, then the confirmation with the agent's notice (its CPU), no database
        """

    /// A command line the benchmark does not understand.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    /// The `Benchmarks` folder, found from this file's location so that any working directory works.
    static let benchmarks = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let repository = benchmarks.deletingLastPathComponent()

    init(parsing arguments: [String]) throws {
        guard let first = arguments.first, ["tickets", "import"].contains(first) else {
            throw UsageError(description: arguments.isEmpty ? "name the benchmark: tickets" : "unknown benchmark '\(arguments[0])'")
        }
        benchmark = first
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            if flag == "--rebuild" {
                rebuild = true
                continue
            }
            guard let value = rest.popFirst() else { throw UsageError(description: "\(flag) needs a value") }
            switch flag {
            case "--tickets": tickets = try Self.count(value, flag)
            case "--agents": agents = try Self.count(value, flag)
            case "--scale": scale = try Self.count(value, flag)
            case "--due": due = try Self.count(value, flag)
            case "--lookups": lookups = try Self.count(value, flag)
            case "--lines": lines = try Self.count(value, flag)
            case "--users":
                guard ["memory", "store", "store-read"].contains(value) else {
                    throw UsageError(description: "--users takes memory, store or store-read, not '\(value)'")
                }
                users = value
            case "--catalog": catalog = value
            case "--data": data = value
            case "--store":
                guard value == "sqlite" || value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") else {
                    throw UsageError(description: "--store takes sqlite or a postgres:// URL, not '\(value)'")
                }
                store = value
            default: throw UsageError(description: "unknown option '\(flag)'")
            }
        }
    }

    /// The databases the benchmark runs on.
    func backend() throws -> any BenchBackend {
        store == "sqlite" ? SQLiteBackend(folder: data) : try PostgresBackend(url: store, folder: data)
    }

    private static func count(_ text: String, _ flag: String) throws -> Int {
        guard let value = Int(text.replacingOccurrences(of: "_", with: "")), value >= 0 else {
            throw UsageError(description: "\(flag) takes a count, not '\(text)'")
        }
        return value
    }
}
