import Foundation

/// A Maildir read as an inbox: the messages not yet processed, and marking them processed.
///
/// Unprocessed messages are those in `new/`, and those in `cur/` without the `S` (seen) flag. A
/// processed message is moved to `cur/` with `S` added to its flags (`name:2,S`), as a mail client
/// does when it reads it, so a second ingest skips it.
public struct MaildirInbox: Sendable {
    /// The folder holding `new/` and `cur/`.
    public var root: URL

    /// The Maildir at `root`.
    public init(root: URL) {
        self.root = root
    }

    /// Whether `url` is a folder with a `new/` or `cur/` folder.
    public static func isMaildir(_ url: URL) -> Bool {
        ["new", "cur"].contains { folder in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.appendingPathComponent(folder).path, isDirectory: &isFolder)
                && isFolder.boolValue
        }
    }

    /// The unprocessed messages, `new/` first, each folder by name.
    public func pending() throws -> [URL] {
        var result: [URL] = []
        for folder in ["new", "cur"] {
            let url = root.appendingPathComponent(folder)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
            for name in names where folder == "new" || !Self.flags(of: name).contains("S") {
                result.append(url.appendingPathComponent(name))
            }
        }
        return result
    }

    /// Moves `message` (a file of this Maildir) to `cur/` with the `S` flag.
    public func markProcessed(_ message: URL) throws {
        let name = message.lastPathComponent
        let base = name.components(separatedBy: ":2,").first ?? name
        let flags = Set(Self.flags(of: name) + ["S"]).sorted().joined()
        let cur = root.appendingPathComponent("cur")
        try FileManager.default.createDirectory(at: cur, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: message, to: cur.appendingPathComponent(base + ":2," + flags))
    }

    /// Moves `message` into the `new/` folder of the Maildir `folder` (created when missing).
    public static func move(_ message: URL, toMaildir folder: URL) throws {
        try prepare(folder)
        let base = message.lastPathComponent.components(separatedBy: ":2,").first ?? message.lastPathComponent
        try FileManager.default.moveItem(at: message, to: folder.appendingPathComponent("new").appendingPathComponent(base))
    }

    /// Writes `data` as a new message into the `new/` folder of the Maildir `folder` (through
    /// `tmp/`, so no reader sees it half written); returns its file.
    @discardableResult
    public static func store(_ data: Data, inMaildir folder: URL) throws -> URL {
        try prepare(folder)
        let seconds = Int64(Date().timeIntervalSince1970)
        let name = "\(seconds).\(UUID().uuidString.lowercased()).formrunner"
        let temporary = folder.appendingPathComponent("tmp").appendingPathComponent(name)
        try data.write(to: temporary)
        let final = folder.appendingPathComponent("new").appendingPathComponent(name)
        try FileManager.default.moveItem(at: temporary, to: final)
        return final
    }

    /// Creates the `tmp/`, `new/` and `cur/` folders of the Maildir `folder` when missing.
    private static func prepare(_ folder: URL) throws {
        for sub in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
    }

    /// The flags after `:2,` in a file name.
    static func flags(of name: String) -> [String] {
        guard let range = name.range(of: ":2,") else { return [] }
        return name[range.upperBound...].map(String.init)
    }
}
