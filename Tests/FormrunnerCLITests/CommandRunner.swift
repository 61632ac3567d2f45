import Foundation

/// Runs the real `formrunner` binary, as a user or a script would.
struct CommandRunner {
    /// What a run printed and how it ended.
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The repository root, which holds the catalog.
    static let repository: String = {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }()

    /// The binary built beside the test bundle.
    static let binary: String = {
        let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidate = folder
        // The test bundle may be a folder (…/formrunnerPackageTests.xctest/Contents/MacOS/…) or a file.
        for _ in 0..<4 {
            let path = candidate.appendingPathComponent("formrunner").path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
            candidate = candidate.deletingLastPathComponent()
        }
        return repository + "/.build/debug/formrunner"
    }()

    /// Runs the binary with `arguments`; with `umask`, under that umask (set by `/bin/sh` first).
    static func run(_ arguments: [String], in directory: String = repository, environment: [String: String] = [:],
                    input: String? = nil, umask: String? = nil) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: umask == nil ? binary : "/bin/sh")
        process.arguments = umask.map { ["-c", "umask \($0); exec \"$0\" \"$@\"", binary] + arguments } ?? arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inPipe.fileHandleForWriting.close()
        // Read both pipes fully before waiting, so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data(), stderrData = Data()
        group.enter()
        DispatchQueue.global().async { stdoutData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        stderrData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdoutData, as: UTF8.self),
                   stderr: String(decoding: stderrData, as: UTF8.self))
    }

    /// A temporary copy of the repository's catalog (Forms/, Workflows/, schema/), removed after `body`.
    static func withCatalogCopy<T>(_ body: (String) throws -> T) throws -> T {
        let folder = NSTemporaryDirectory() + "formrunner-cli-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["Forms", "Workflows", "schema"] {
            try FileManager.default.copyItem(atPath: repository + "/" + name, toPath: folder + "/" + name)
        }
        return try body(folder)
    }
}
