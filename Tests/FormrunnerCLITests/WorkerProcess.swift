import Foundation

/// A `formrunner worker` running as its own process, its output going to files.
final class WorkerProcess {
    let process = Process()
    let stdoutPath: String
    let stderrPath: String

    /// Starts `formrunner worker ARGUMENTS` with `environment` added.
    init(_ arguments: [String], environment: [String: String], logs folder: String, name: String) throws {
        stdoutPath = folder + "/\(name).out"
        stderrPath = folder + "/\(name).err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        process.arguments = ["worker"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: CommandRunner.repository)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["FORMRUNNER_NOW"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    /// Sends SIGTERM and waits for the process to end.
    func terminate() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        process.waitUntilExit()
    }

    /// Kills the process at once (a crash) and waits for it to end.
    func crash() {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? "" }
}
