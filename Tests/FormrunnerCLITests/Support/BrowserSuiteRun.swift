import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs the Python browser tests (pytest) as a child process with a time limit, its output kept.
struct BrowserSuiteRun {
    var status: Int32
    var output: String
    var timedOut: Bool

    /// What the browser tests need that this machine lacks, in words (empty when nothing is missing).
    static func missingTools(chromium: String) throws -> [String] {
        var missing: [String] = []
        if !FileManager.default.isExecutableFile(atPath: chromium) { missing.append("Chromium (\(chromium))") }
        let probe = try run(["python3", "-c", "import playwright.sync_api, pytest"], environment: [:], in: nil, timeLimit: 60)
        if probe.status != 0 { missing.append("the Python packages playwright and pytest (python3 -c 'import playwright, pytest' failed)") }
        return missing
    }

    /// `python3 -m pytest ARGUMENTS` in `directory`, with FORMRUNNER_BIN set to `binary`.
    static func pytest(_ arguments: [String], binary: String, in directory: String, timeLimit: TimeInterval) throws -> BrowserSuiteRun {
        try run(["python3", "-m", "pytest"] + arguments,
                environment: ["FORMRUNNER_BIN": binary, "PYTHONDONTWRITEBYTECODE": "1", "NO_COLOR": "1"],
                in: directory, timeLimit: timeLimit)
    }

    /// Runs `command` (looked up on PATH) with its standard output and error in one temporary file
    /// (no pipe to fill up). Past `timeLimit` it is interrupted (SIGINT: pytest then stops the server
    /// it started), then killed 30 s later.
    private static func run(_ command: [String], environment: [String: String], in directory: String?,
                            timeLimit: TimeInterval) throws -> BrowserSuiteRun {
        let log = NSTemporaryDirectory() + "formrunner-browser-" + UUID().uuidString + ".log"
        guard FileManager.default.createFile(atPath: log, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: log])
        }
        defer { try? FileManager.default.removeItem(atPath: log) }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let deadline = Date().addingTimeInterval(timeLimit)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                timedOut = true
                process.interrupt()
                let grace = Date().addingTimeInterval(30)
                while process.isRunning && Date() < grace { Thread.sleep(forTimeInterval: 0.2) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            Thread.sleep(forTimeInterval: 0.2)
        }
        process.waitUntilExit()
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        return BrowserSuiteRun(status: process.terminationStatus, output: output, timedOut: timedOut)
    }
}
