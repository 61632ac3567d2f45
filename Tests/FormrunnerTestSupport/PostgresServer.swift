import Foundation

/// A throwaway PostgreSQL server for the tests, started once per test process.
///
/// `initdb` makes a cluster in a new temporary folder (trust authentication, user `formrunner`), and
/// `postgres` serves it on a free loopback port with its Unix socket in that folder. PostgreSQL refuses
/// to run as root, so under root the server runs as the `postgres` user (through `runuser`). A
/// watchdog shell stops the server and removes the folder once the test process has ended.
///
/// The binaries are looked for in `$FORMRUNNER_PG_BIN`, then `/usr/lib/postgresql/*/bin` (newest
/// first), then `PATH`. When the server cannot start, ``shared()`` throws a ``Failure`` that says why:
/// the tests fail, they never skip.
public final class PostgresServer: Sendable {
    /// Why the server could not be started.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// The port it listens on, at 127.0.0.1.
    public let port: Int
    /// The superuser the tests connect as (no password).
    public let user = "formrunner"
    /// The folder of the PostgreSQL binaries.
    public let binaries: String
    /// The temporary folder of the cluster.
    public let folder: String

    private static let started: Result<PostgresServer, Failure> = {
        do {
            return .success(try PostgresServer.start())
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(description: "cannot start the test PostgreSQL server: \(error)"))
        }
    }()

    /// The server of this test process, started on first use.
    public static func shared() throws -> PostgresServer {
        try started.get()
    }

    private init(port: Int, binaries: String, folder: String) {
        self.port = port
        self.binaries = binaries
        self.folder = folder
    }

    /// Creates a new empty database and returns its name.
    public func makeDatabase() throws -> String {
        let name = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try Self.execute([], binaries + "/createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", user, name])
        return name
    }

    /// The `postgres://` URL of `database`.
    public func url(database: String) -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// Runs `sql` in `database` with psql and returns what it printed (unaligned, tuples only).
    public func query(_ sql: String, database: String) throws -> String {
        try Self.execute([], binaries + "/psql", ["-h", "127.0.0.1", "-p", String(port), "-U", user, "-d", database,
                                               "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql])
    }

    // MARK: - Starting

    private static func start() throws -> PostgresServer {
        let binaries = try findBinaries()
        let folder = NSTemporaryDirectory() + "formrunner-pg-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let runAs: [String]
        if geteuid() == 0 {
            guard getpwnam("postgres") != nil else {
                throw Failure(description: """
                    the tests run as root, PostgreSQL refuses to run as root, and there is no 'postgres' user to \
                    run it as; install Debian's postgresql package (it creates the user; .ci/run does both)
                    """)
            }
            guard let runuser = ["/usr/sbin/runuser", "/sbin/runuser"].first(where: FileManager.default.isExecutableFile) else {
                throw Failure(description: "the tests run as root and need runuser (util-linux) to start PostgreSQL as postgres")
            }
            try execute([], "/bin/chown", ["postgres", folder])
            runAs = [runuser, "-u", "postgres", "--"]
        } else {
            runAs = []
        }
        let data = folder + "/data"
        try execute(runAs, binaries + "/initdb", ["-D", data, "-U", "formrunner", "-A", "trust", "-E", "UTF8",
                                                   "--locale=C", "--no-sync"])
        let port = try freePort()
        // `postgres` itself, not `pg_ctl start`: Foundation notices a child's exit through a descriptor
        // that the server would inherit and keep open, so waiting for `pg_ctl` would never end.
        let server = Process()
        let command = runAs + [binaries + "/postgres", "-D", data, "-p", String(port), "-k", folder,
                               "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off",
                               "-c", "full_page_writes=off", "-c", "max_connections=400"]
        server.executableURL = URL(fileURLWithPath: command[0])
        server.arguments = Array(command.dropFirst())
        server.currentDirectoryURL = URL(fileURLWithPath: "/")
        let log = folder + "/server.log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        server.standardInput = FileHandle.nullDevice
        server.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        server.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try server.run()
        try startWatchdog(runAs: runAs, pgctl: binaries + "/pg_ctl", data: data, folder: folder)
        let giveUp = Date().addingTimeInterval(120)
        while (try? execute([], binaries + "/pg_isready", ["-q", "-h", "127.0.0.1", "-p", String(port)])) == nil {
            guard server.isRunning, Date() < giveUp else {
                let said = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                throw Failure(description: "the test PostgreSQL server did not start: \(said)")
            }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return PostgresServer(port: port, binaries: binaries, folder: folder)
    }

    /// Stops the server and removes its folder once this process has ended.
    private static func startWatchdog(runAs: [String], pgctl: String, data: String, folder: String) throws {
        let stop = (runAs + [pgctl, "-D", data, "-m", "immediate", "stop"]).map(shellQuoted).joined(separator: " ")
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf \(shellQuoted(folder))"
        let watchdog = Process()
        watchdog.executableURL = URL(fileURLWithPath: "/bin/sh")
        watchdog.arguments = ["-c", script]
        watchdog.standardInput = FileHandle.nullDevice
        watchdog.standardOutput = FileHandle.nullDevice
        watchdog.standardError = FileHandle.nullDevice
        try watchdog.run()
    }

    private static func findBinaries() throws -> String {
        let manager = FileManager.default
        var candidates: [String] = []
        if let given = ProcessInfo.processInfo.environment["FORMRUNNER_PG_BIN"] { candidates.append(given) }
        let versions = (try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        candidates += versions.sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin" }
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let initdb = String(folder) + "/initdb"
            if manager.isExecutableFile(atPath: initdb) {
                candidates.append(URL(fileURLWithPath: initdb).resolvingSymlinksInPath().deletingLastPathComponent().path)
            }
        }
        guard let found = candidates.first(where: { folder in
            ["initdb", "pg_ctl", "postgres", "pg_isready", "createdb", "psql"].allSatisfy { manager.isExecutableFile(atPath: folder + "/" + $0) }
        }) else {
            throw Failure(description: """
                the PostgreSQL tests need initdb, pg_ctl, postgres, pg_isready, createdb and psql, found in none of \
                $FORMRUNNER_PG_BIN, /usr/lib/postgresql/*/bin or PATH; install Debian's postgresql package \
                (.ci/run does)
                """)
        }
        return found
    }

    /// A TCP port on 127.0.0.1 that nothing listens on now.
    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "cannot open a socket to find a free port") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard bound else { throw Failure(description: "cannot bind a socket to find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    // MARK: - Processes

    /// Runs a command and returns what it printed; its output goes through files, not pipes, because
    /// the server that `pg_ctl start` leaves running may inherit a pipe and keep it open.
    @discardableResult
    private static func execute(_ prefix: [String], _ executable: String, _ arguments: [String]) throws -> String {
        let command = prefix + [executable] + arguments
        let base = NSTemporaryDirectory() + "formrunner-pg-command-" + UUID().uuidString
        let outputPath = base + ".out", errorsPath = base + ".err"
        defer {
            try? FileManager.default.removeItem(atPath: outputPath)
            try? FileManager.default.removeItem(atPath: errorsPath)
        }
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        _ = FileManager.default.createFile(atPath: errorsPath, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.standardInput = FileHandle.nullDevice
        do {
            process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errorsPath))
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(command[0]): \(error)")
        }
        process.waitUntilExit()
        let printed = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            let complaint = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            throw Failure(description: """
                the test PostgreSQL server: \(command.joined(separator: " ")) exited with \(process.terminationStatus): \
                \(complaint)\(printed)
                """)
        }
        return printed
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
