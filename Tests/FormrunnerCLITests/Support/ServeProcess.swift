import Foundation

/// A `formrunner serve` running as its own process, its output going to files.
final class ServeProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    /// Starts `formrunner serve ARGUMENTS` in `directory`, with `variables` added to its environment.
    init(_ arguments: [String], in directory: String, logs folder: String, name: String,
         environment variables: [String: String] = [:]) throws {
        stdoutPath = folder + "/\(name).out"
        stderrPath = folder + "/\(name).err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["FORMRUNNER_NOW"] = nil
        environment["FORMRUNNER_STORE"] = nil
        environment["FORMRUNNER_BASE_URL"] = nil
        environment["FORMRUNNER_EXECUTOR"] = nil
        environment.merge(variables) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    /// The port of the `formrunner: serving on http://127.0.0.1:PORT/` line, waited for up to five minutes
    /// (a loaded CI machine starts processes slowly; this bounds a hang, it times nothing).
    func port() async throws -> Int {
        let giveUp = Date().addingTimeInterval(300)
        while Date() < giveUp {
            let prefix = "formrunner: serving on http://127.0.0.1:"
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }),
               let port = Int(line.dropFirst(prefix.count).prefix { $0.isNumber }) {
                return port
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LoopbackHTTP.Failure(description: "formrunner serve printed no address; stdout: \(stdout) stderr: \(stderr)")
    }

    /// Sends SIGTERM and waits for the process to end; after 30 s it is killed (and the test sees
    /// the signal as the reason it ended).
    func terminate() async {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let giveUp = Date().addingTimeInterval(30)
        while process.isRunning, Date() < giveUp { try? await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}
