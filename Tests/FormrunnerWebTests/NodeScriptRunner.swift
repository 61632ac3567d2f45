import Foundation

/// Runs a JavaScript file with node, for tests of the browser scripts.
enum NodeScriptRunner {
    /// What went wrong running node; the description is the test failure.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The node executable: /usr/bin/node, /usr/local/bin/node, or the first `node` on PATH.
    static func locate() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = ["/usr/bin/node", "/usr/local/bin/node"] + path.split(separator: ":").map { "\($0)/node" }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Writes `files` (name → text) to a fresh directory, runs `node MAIN` there and returns its
    /// standard output; throws when node is missing or exits with a failure.
    static func run(main: String, files: [String: String]) throws -> String {
        guard let node = locate() else {
            throw Failure(description: "node is not installed (looked in /usr/bin, /usr/local/bin and PATH); "
                                       + "these tests need node 20 to run the browser script")
        }
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("formrunner-node-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in files {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let output = directory.appendingPathComponent("stdout.txt")
        let errors = directory.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = node
        process.arguments = [directory.appendingPathComponent(main).path]
        process.currentDirectoryURL = directory
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let stdout = String(decoding: try Data(contentsOf: output), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            let stderr = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
            throw Failure(description: "node exited with status \(process.terminationStatus): \(stderr)")
        }
        return stdout
    }
}
