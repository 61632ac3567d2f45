#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs one program to completion within bounds: the one process runner behind the sendmail
/// notifier and the plugins.
///
/// - **Time**: the program runs in a process group of its own; past ``timeout`` the whole group
///   (the program and every child it started) gets `SIGTERM`, then `SIGKILL` ``terminationGrace``
///   seconds later.
/// - **Output**: standard input is written while standard output and standard error are read, all
///   at once (no side can block on a full pipe); each output is kept up to its limit and the rest
///   read and dropped. Once the program has exited, its outputs are read for at most
///   ``drainAfterExit`` more: a child it left behind holding them cannot keep the caller waiting.
/// - **Start**: an executable that is "text file busy" (`ETXTBSY`: another thread forked while the
///   file was being written, and the child still holds it open) is tried again for up to two
///   seconds.
///
/// The program is always waited for: no zombie is left behind.
public struct BoundedProcess: Sendable {
    /// How a run ended.
    public struct Result: Sendable, Hashable {
        /// The exit status, when the program exited (not after a timeout).
        public var exitStatus: Int32?
        /// The signal that ended it, when one did (not after a timeout).
        public var signal: Int32?
        /// Whether it was stopped for running longer than the timeout.
        public var timedOut: Bool
        /// Standard output, at most ``BoundedProcess/outputLimit`` bytes.
        public var standardOutput: Data
        /// Standard error, at most ``BoundedProcess/errorLimit`` bytes.
        public var standardError: Data
        /// How many times the start was tried again because the file was busy.
        public var busyRetries: Int
    }

    /// The executable's path.
    public var executable: String
    /// Arguments after the executable's name.
    public var arguments: [String]
    /// The environment; the current process's by default.
    public var environment: [String: String]
    /// How long the program may run, in seconds.
    public var timeout: TimeInterval
    /// Seconds between `SIGTERM` and `SIGKILL` at the timeout.
    public var terminationGrace: TimeInterval = 2
    /// Bytes of standard output kept (0: read and dropped).
    public var outputLimit = 1 << 20
    /// Bytes of standard error kept.
    public var errorLimit = 64 << 10
    /// Seconds the outputs are still read after the program exited.
    public var drainAfterExit: TimeInterval = 0.5

    /// A run of `executable` with `arguments`, stopped after `timeout` seconds.
    public init(executable: String, arguments: [String] = [], timeout: TimeInterval,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.executable = executable
        self.arguments = arguments
        self.timeout = timeout
        self.environment = environment
    }

    /// Runs the program with `input` on its standard input, on a thread of its own so that the
    /// concurrency pool is never blocked.
    /// - Throws: ``ProcessStartError`` when the executable cannot be started.
    public func run(input: Data) async throws(ProcessStartError) -> Result {
        let outcome: Swift.Result<Result, ProcessStartError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                do throws(ProcessStartError) {
                    continuation.resume(returning: .success(try self.runBlocking(input: input)))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
            thread.start()
        }
        return try outcome.get()
    }

    /// Runs the program, blocking the calling thread until it ends.
    /// - Throws: ``ProcessStartError`` when the executable cannot be started.
    public func runBlocking(input: Data) throws(ProcessStartError) -> Result {
        // A program that exits before reading all its input must not kill formrunner with SIGPIPE:
        // the write fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)
        let stdin = try ProcessPipe.make(), stdout = try ProcessPipe.make(), stderr = try ProcessPipe.make()
        let started: (pid: pid_t, busyRetries: Int)
        do {
            started = try ProcessSpawner(executable: executable, arguments: arguments, environment: environment)
                .spawn(stdin: stdin.read, stdout: stdout.write, stderr: stderr.write)
        } catch {
            for fd in [stdin.read, stdin.write, stdout.read, stdout.write, stderr.read, stderr.write] { close(fd) }
            throw error
        }
        let pid = started.pid
        close(stdin.read)
        close(stdout.write)
        close(stderr.write)
        var pumps = ProcessPumps(input: input, stdin: stdin.write, stdout: stdout.read, stderr: stderr.read,
                                 outputLimit: outputLimit, errorLimit: errorLimit)
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        var exitedAt: Date?
        var timedOut = false
        while true {
            if exitedAt == nil, ProcessSpawner.reap(pid, status: &status) { exitedAt = Date() }
            if exitedAt != nil && pumps.isDone { break }
            if let exitedAt, -exitedAt.timeIntervalSinceNow >= drainAfterExit { break }
            let remaining = deadline.timeIntervalSinceNow
            if remaining <= 0 && exitedAt == nil {
                timedOut = true
                stopGroup(pid, status: &status, exitedAt: &exitedAt, pumps: &pumps)
                break
            }
            // Poll in short slices: the program may exit while its pipes stay open, or the reverse.
            pumps.pump(waitingAtMost: min(max(remaining, 0.001), 0.05))
        }
        pumps.closeAll()
        if exitedAt == nil {
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        let exitStatus: Int32? = ProcessSpawner.exitedNormally(status) ? ProcessSpawner.exitCode(status) : nil
        let signal: Int32? = exitStatus == nil ? ProcessSpawner.terminatingSignal(status) : nil
        return Result(exitStatus: timedOut ? nil : exitStatus, signal: timedOut ? nil : signal, timedOut: timedOut,
                      standardOutput: pumps.output, standardError: pumps.error, busyRetries: started.busyRetries)
    }

    /// `SIGTERM` to the program's process group, then, once the program has ended or
    /// ``terminationGrace`` has passed, `SIGKILL` to whatever is left of the group.
    private func stopGroup(_ pid: pid_t, status: inout Int32, exitedAt: inout Date?, pumps: inout ProcessPumps) {
        kill(-pid, SIGTERM)
        let killAt = Date().addingTimeInterval(terminationGrace)
        while exitedAt == nil && killAt.timeIntervalSinceNow > 0 {
            pumps.pump(waitingAtMost: 0.02)
            if ProcessSpawner.reap(pid, status: &status) { exitedAt = Date() }
        }
        kill(-pid, SIGKILL)
        if exitedAt == nil { kill(pid, SIGKILL) }
    }
}
