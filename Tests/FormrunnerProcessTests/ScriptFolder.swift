import Foundation

/// A temporary folder of small shell scripts written by the tests, removed with the folder.
final class ScriptFolder {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "formrunner-process-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes `script` (a POSIX shell body) as `name`, executable unless told otherwise.
    func write(_ name: String, _ script: String, executable: Bool = true) throws -> String {
        let path = folder + "/" + name
        try ("#!/bin/sh\n" + script + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: path)
        return path
    }

    /// The pid a script wrote into `path`.
    static func pid(in path: String) throws -> Int32? {
        Int32(try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Whether `pid` is gone, or at most a zombie waiting for init to reap it, within `seconds`
    /// (a killed process dies when the loaded machine next schedules it).
    static func isGone(_ pid: Int32, within seconds: Double = 10) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?
                .split(separator: ")").last?.split(separator: " ").first
            if state == nil || state == "Z" { return true }
            if Date() > deadline { return false }
            usleep(20_000)
        }
    }
}
