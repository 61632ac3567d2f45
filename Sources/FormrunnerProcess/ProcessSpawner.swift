#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Starts an executable with `posix_spawn` in a process group of its own, with default signal
/// handling, and reads the wait statuses of what it started.
struct ProcessSpawner {
    let executable: String
    let arguments: [String]
    let environment: [String: String]

    /// How long a "text file busy" executable is tried again, and how often. The budget is a
    /// deadline on the monotonic clock, not a count of pauses: a signal (a child's `SIGCHLD`, say)
    /// cuts a pause short, and a storm of them would otherwise spend the budget in milliseconds.
    static let busyRetryBudget: Duration = .seconds(2)
    static let busyRetryPause: useconds_t = 20_000

    /// Starts the executable with the three descriptors as its standard streams; returns its pid
    /// and how many times the start was tried again because the file was busy.
    func spawn(stdin: Int32, stdout: Int32, stderr: Int32) throws(ProcessStartError) -> (pid: pid_t, busyRetries: Int) {
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
        #if os(Linux)
        // Nothing else: a descriptor another thread opened without close-on-exec (a file being
        // written, the pipe of another run) must not live on in the program, where it would keep
        // that file "text file busy" or that pipe open for as long as the program runs.
        _ = systemAddCloseFrom(&actions, 3)
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A group of its own (so a timeout can stop its children too), default signal handling
        // (formrunner ignores SIGPIPE; the program should not inherit that) and no blocked signals.
        var flags = POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
        #if canImport(Darwin)
        flags |= POSIX_SPAWN_CLOEXEC_DEFAULT  // Darwin's way of passing on the three streams only
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
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
        // "Text file busy": another thread of this process forked while the file was just written,
        // so a child briefly holds it open for writing. That passes; try again shortly.
        var retries = 0
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: Self.busyRetryBudget)
        while code == ETXTBSY && clock.now < deadline {
            usleep(Self.busyRetryPause)
            retries += 1
            code = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        }
        guard code == 0 else { throw ProcessStartError(path: executable, reason: String(cString: strerror(code))) }
        return (pid, retries)
    }

    /// Whether `pid` has ended (reaping it), without blocking.
    static func reap(_ pid: pid_t, status: inout Int32) -> Bool {
        while true {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { return true }
            if result == -1 && errno == EINTR { continue }
            return false
        }
    }

    static func exitedNormally(_ status: Int32) -> Bool { status & 0x7F == 0 }
    static func exitCode(_ status: Int32) -> Int32 { (status >> 8) & 0xFF }
    static func terminatingSignal(_ status: Int32) -> Int32 { status & 0x7F }
}

#if os(Linux)
/// glibc's `pipe2(2)`, which the Glibc module does not export.
@_silgen_name("pipe2")
private func systemPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), which the Glibc module
/// does not export: the child closes every descriptor from `from` on before it runs the program.
@_silgen_name("posix_spawn_file_actions_addclosefrom_np")
private func systemAddCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ from: Int32) -> Int32
#endif

/// The two ends of a pipe, both close-on-exec (the child gets copies through `dup2`).
struct ProcessPipe {
    var read: Int32
    var write: Int32

    static func make() throws(ProcessStartError) -> ProcessPipe {
        var fds: [Int32] = [0, 0]
        #if os(Linux)
        // Atomically close-on-exec: another thread spawning meanwhile must not inherit these ends.
        let made = systemPipe2(&fds, O_CLOEXEC) == 0
        #else
        let made = pipe(&fds) == 0
        for fd in fds where made { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        #endif
        guard made else {
            throw ProcessStartError(path: "pipe", reason: String(cString: strerror(errno)))
        }
        return ProcessPipe(read: fds[0], write: fds[1])
    }
}
