#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs one plugin executable to completion: writes its standard input, reads its standard output
/// and standard error at the same time (so neither side can block on a full pipe), and stops it
/// when it runs too long.
///
/// The plugin is started in a process group of its own; on a timeout the whole group is killed
/// (`SIGKILL`), so a shell script's children go too. The process is always waited for: no zombie
/// is left behind. What it prints is kept up to a bound and the rest is read and dropped.
public struct PluginProcess: Sendable {
    /// How a run ended.
    public struct Result: Sendable, Hashable {
        /// The exit status, when the process exited.
        public var exitStatus: Int32?
        /// The signal that ended it, when one did.
        public var signal: Int32?
        /// Whether it was stopped for running longer than the timeout.
        public var timedOut: Bool
        /// Standard output, at most ``PluginProcess/outputLimit`` bytes.
        public var standardOutput: Data
        /// Standard error, at most ``PluginProcess/errorLimit`` bytes.
        public var standardError: Data
    }

    /// The executable's path.
    public var executable: String
    /// Arguments after the executable's name.
    public var arguments: [String]
    /// The environment; the current process's by default.
    public var environment: [String: String]
    /// How long the plugin may run, in seconds.
    public var timeout: TimeInterval
    /// Bytes of standard output kept.
    public var outputLimit = 1 << 20
    /// Bytes of standard error kept.
    public var errorLimit = 64 << 10

    /// A run of `executable` with `arguments`, stopped after `timeout` seconds.
    public init(executable: String, arguments: [String] = [], timeout: TimeInterval,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.environment = environment
    }

    /// Runs the plugin with `input` on its standard input, on a thread of its own so that the
    /// concurrency pool is never blocked.
    /// - Throws: ``PluginStartError`` when the executable cannot be started.
    public func run(input: Data) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Swift.Result(catching: { try self.runBlocking(input: input) })) }
            thread.start()
        }
    }

    /// Runs the plugin, blocking the calling thread until it ends.
    public func runBlocking(input: Data) throws -> Result {
        // A plugin that exits before reading all its input must not kill formrunner with SIGPIPE:
        // the write fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        let stdin = try Pipe.make(), stdout = try Pipe.make(), stderr = try Pipe.make()
        let pid: pid_t
        do {
            pid = try spawn(stdin: stdin.read, stdout: stdout.write, stderr: stderr.write)
        } catch {
            for fd in [stdin.read, stdin.write, stdout.read, stdout.write, stderr.read, stderr.write] { close(fd) }
            throw error
        }
        close(stdin.read)
        close(stdout.write)
        close(stderr.write)
        var pumps = Pumps(input: input, stdin: stdin.write, stdout: stdout.read, stderr: stderr.read,
                          outputLimit: outputLimit, errorLimit: errorLimit)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var exited = false
        var timedOut = false
        while true {
            if !exited { exited = Self.reap(pid, status: &status) }
            if exited && pumps.isDone { break }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 {
                timedOut = true
                kill(-pid, SIGKILL)
                kill(pid, SIGKILL)
                break
            }
            // Poll in short slices: the process may exit while its pipes stay open, or the reverse.
            pumps.pump(waitingAtMost: min(remaining, 0.05))
        }
        pumps.closeAll()
        if !exited {
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        let exitStatus: Int32? = Self.exitedNormally(status) ? Self.exitCode(status) : nil
        let signal: Int32? = exitStatus == nil ? Self.terminatingSignal(status) : nil
        return Result(exitStatus: timedOut ? nil : exitStatus, signal: timedOut ? nil : signal, timedOut: timedOut,
                      standardOutput: pumps.output, standardError: pumps.error)
    }

    /// Starts the executable in a new process group with the three pipe ends as its standard streams.
    private func spawn(stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        #if canImport(Glibc)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own (so a timeout can kill its children too), default signal handling
        // (formrunner ignores SIGPIPE; the plugin should not inherit that) and no blocked signals.
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGINT, SIGTERM, SIGQUIT, SIGHUP] { sigaddset(&defaults, signal) }
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        var code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        // "Text file busy": another thread of this process is forking while a plugin file was just
        // written, so a child briefly holds it open for writing. That passes; try again shortly.
        var retries = 0
        while code == ETXTBSY && retries < 100 {
            usleep(20_000)
            retries += 1
            code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        guard code == 0 else { throw PluginStartError(path: executable, reason: String(cString: strerror(code))) }
        return pid
    }

    /// Whether `pid` has ended (reaping it), without blocking.
    private static func reap(_ pid: pid_t, status: inout Int32) -> Bool {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return true }
            if result == -1 && errno == EINTR { continue }
            return false
        }
    }

    private static func exitedNormally(_ status: Int32) -> Bool { status & 0x7F == 0 }
    private static func exitCode(_ status: Int32) -> Int32 { (status >> 8) & 0xFF }
    private static func terminatingSignal(_ status: Int32) -> Int32 { status & 0x7F }
}

/// A plugin executable that could not be started at all.
public struct PluginStartError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The executable's path.
    public var path: String
    /// The system's reason (`Permission denied`, `Exec format error`, …).
    public var reason: String

    /// `path` could not be started for `reason`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// The problem in one sentence.
    public var description: String { "cannot start '\(path)': \(reason)" }
}

#if os(Linux)
/// glibc's `pipe2(2)`, which the Glibc module does not export.
@_silgen_name("pipe2")
private func systemPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
#endif

/// The two ends of a pipe, both close-on-exec (the child gets copies through `dup2`).
private struct Pipe {
    var read: Int32
    var write: Int32

    static func make() throws -> Pipe {
        var fds: [Int32] = [0, 0]
        #if os(Linux)
        // Atomically close-on-exec: another thread spawning meanwhile must not inherit these ends.
        let made = systemPipe2(&fds, O_CLOEXEC) == 0
        #else
        let made = pipe(&fds) == 0
        for fd in fds where made { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #endif
        guard made else {
            throw PluginStartError(path: "pipe", reason: String(cString: strerror(errno)))
        }
        return Pipe(read: fds[0], write: fds[1])
    }
}
