#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Runs a program with some bytes on its standard input and a time limit, and tells how it ended.
///
/// Standard input is read from a private temporary file and standard error written to another, so
/// no pipe can fill up and block either side, and a program that leaves children behind holding its
/// output cannot keep the caller waiting. At the time limit the program's process group (the
/// program and what it started) is sent SIGTERM, then SIGKILL two seconds later.
struct BoundedProcess: Sendable {
    /// How a run ended.
    struct Ending: Sendable {
        /// The exit status, or the signal number when ``signalled``.
        var status: Int32
        /// Whether a signal ended it.
        var signalled: Bool
        /// Whether the time limit was reached (and the program stopped).
        var timedOut: Bool
        /// What it wrote on standard error.
        var standardError: String
    }

    /// The program.
    var executable: URL
    /// Its arguments.
    var arguments: [String]
    /// How long it may run.
    var timeout: TimeInterval

    /// Runs the program with `input` on its standard input.
    ///
    /// - Throws: when the temporary files cannot be made or the program cannot be started.
    func run(input: Data) async throws -> Ending {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("formrunner-run-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inputFile = folder.appendingPathComponent("stdin")
        let errorFile = folder.appendingPathComponent("stderr")
        try input.write(to: inputFile)
        try Data().write(to: errorFile)
        let stdin = try FileHandle(forReadingFrom: inputFile)
        let stderr = try FileHandle(forWritingTo: errorFile)
        defer {
            try? stdin.close()
            try? stderr.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.standardInput = stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = stderr
        let waiter = Waiter()
        process.terminationHandler = { _ in waiter.finish() }
        try await Self.start(process)
        let pid = process.processIdentifier
        let deadline = DispatchTime.now() + timeout
        DispatchQueue.global().asyncAfter(deadline: deadline) {
            guard waiter.expire() else { return }
            Self.signal(pid, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
                if process.isRunning { Self.signal(pid, SIGKILL) }
            }
        }
        await waiter.wait()
        process.waitUntilExit()
        let text = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
        return Ending(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
                      timedOut: waiter.expired, standardError: text)
    }

    /// Starts `process`, trying again for up to two seconds while the executable is "text file busy":
    /// another thread of this process forked while the file was just written (a script being
    /// replaced), so a child briefly holds it open for writing. That passes.
    private static func start(_ process: Process) async throws {
        var retries = 0
        while true {
            do {
                return try process.run()
            } catch let error as NSError where retries < 100 && error.isTextFileBusy {
                retries += 1
                try await Task.sleep(for: .milliseconds(20))
            }
        }
    }

    /// Sends `signal` to the process group `pid` leads, or to `pid` alone if it leads none.
    private static func signal(_ pid: pid_t, _ signal: Int32) {
        if getpgid(pid) == pid {
            kill(-pid, signal)
        } else {
            kill(pid, signal)
        }
    }

    /// Waits for the program's end, resumed exactly once whichever comes first.
    private final class Waiter: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = false
        private var timedOut = false
        private var continuation: CheckedContinuation<Void, Never>?

        /// Whether the time limit was reached before the end.
        var expired: Bool { lock.withLock { timedOut } }

        /// Called when the program ended.
        func finish() {
            let resumed: CheckedContinuation<Void, Never>? = lock.withLock {
                finished = true
                defer { continuation = nil }
                return continuation
            }
            resumed?.resume()
        }

        /// Called at the time limit; returns whether the program is still to be stopped.
        func expire() -> Bool {
            lock.withLock {
                if finished { return false }
                timedOut = true
                return true
            }
        }

        /// Returns once ``finish()`` was called.
        func wait() async {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let done: Bool = lock.withLock {
                    if finished { return true }
                    self.continuation = continuation
                    return false
                }
                if done { continuation.resume() }
            }
        }
    }
}

private extension NSError {
    /// Whether this is Foundation's error for `ETXTBSY` (a file being written cannot be executed).
    var isTextFileBusy: Bool {
        if domain == NSPOSIXErrorDomain { return code == Int(ETXTBSY) }
        return (userInfo[NSUnderlyingErrorKey] as? NSError)?.isTextFileBusy ?? false
    }
}
