import Foundation

/// Files written in a temporary folder that is removed when the value goes away.
final class TemporaryFiles {
    let folder: String

    init() {
        folder = NSTemporaryDirectory() + "formrunner-prompt-files-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Writes `size` bytes to `name` and returns its path.
    func file(_ name: String, size: Int) -> String {
        let path = folder + "/" + name
        _ = FileManager.default.createFile(atPath: path, contents: Data(repeating: UInt8(ascii: "x"), count: size))
        return path
    }
}
