import Foundation

/// The real `formrunner` binary with pipes for its standard streams, answered line by line as a
/// script would: the plain line mode, without a terminal.
///
/// Unlike ``CommandRunner/run(_:in:environment:input:)``, the input stays open, so answers can
/// depend on what the program printed (a code that was just e-mailed, for instance).
final class PipeSession: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    private let lock = NSLock()
    private var outputData = Data()
    private var errorData = Data()
    private var openStreams = 2

    /// Starts `formrunner arguments` with `environment` on top of the test's (and `NO_COLOR=1`
    /// unless `environment` sets it to empty).
    init(_ arguments: [String], environment: [String: String]) throws {
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CommandRunner.repository)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        if env["NO_COLOR"] == "" { env["NO_COLOR"] = nil }
        process.environment = env
        let output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        read(output.fileHandleForReading, error: false)
        read(errors.fileHandleForReading, error: true)
    }

    /// Ends the input (enough for a run waiting on it to end) and terminates the program if it still runs.
    deinit {
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    /// Reads `handle` on a background thread until its end.
    private func read(_ handle: FileHandle, error: Bool) {
        DispatchQueue.global().async { [self] in
            while true {
                let data = handle.availableData
                lock.lock()
                defer { lock.unlock() }
                guard !data.isEmpty else {
                    openStreams -= 1
                    return
                }
                if error { errorData.append(data) } else { outputData.append(data) }
            }
        }
    }

    /// Whether both output streams have ended.
    private var streamsEnded: Bool {
        lock.lock()
        defer { lock.unlock() }
        return openStreams == 0
    }

    /// Everything written on standard output so far.
    var output: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: outputData, as: UTF8.self)
    }

    /// Everything written on standard error so far.
    var errors: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: errorData, as: UTF8.self)
    }

    /// Both streams, for failure reports.
    var transcript: String { output + (errors.isEmpty ? "" : "\n[stderr]\n" + errors) }

    /// Writes `line` and a line break to the program's input.
    func send(_ line: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data((line + "\n").utf8))
    }

    /// Closes the program's input (the end of input).
    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// Waits until standard output holds `text` at least `count` times; returns the output.
    @discardableResult
    func waitFor(_ text: String, count: Int = 1, timeout: Double = Waiting.defaultTimeout) async throws -> String {
        try await Waiting.until("'\(text)' in the output" + (count > 1 ? " \(count) times" : ""), timeout: timeout,
                                snapshot: { transcript }) {
            let output = output
            return output.components(separatedBy: text).count - 1 >= count ? output : nil
        }
    }

    /// Waits for the program to end and returns its exit status (once both streams are read).
    func waitForExit(timeout: Double = Waiting.defaultTimeout) async throws -> Int32 {
        try await Waiting.until("the program to exit", timeout: timeout, snapshot: { transcript }) {
            process.isRunning || !streamsEnded ? nil : process.terminationStatus
        }
    }
}
