import Foundation
import FormrunnerCore

/// Delivers each message as an RFC 5322 file into a Maildir, where any mail client can read it.
///
/// The file is written into `tmp/`, flushed to disk, then linked into `new/` and removed from
/// `tmp/`, so a reader never sees a partial message. Its name, `<time>.<id>.<host>`, depends only on
/// the message, and a message whose id is already in `new/` or `cur/` is not written again:
/// delivering the same message twice (a retry after a crash) leaves one file.
public struct MaildirNotifier: Notifier {
    /// `maildir`.
    public var name: String { "maildir" }
    /// The Maildir: the folder holding `tmp/`, `new/` and `cur/` (created when missing).
    public var root: URL
    /// How messages are written.
    public var writer: EMLWriter
    /// The host part of file names.
    public var hostname: String

    /// A notifier delivering into the Maildir at `root`.
    public init(root: URL, writer: EMLWriter = EMLWriter(), hostname: String = ProcessInfo.processInfo.hostName) {
        self.root = root
        self.writer = writer
        self.hostname = hostname
    }

    /// Writes `message` into `new/` unless a file of the same id is already in `new/` or `cur/`.
    public func deliver(_ message: OutboxMessage) async throws {
        if let problem = EMLWriter.addressProblem(message.address) { throw UnwritableAddressError(description: problem) }
        let token = MessageToken.token(for: message.id)
        let manager = FileManager.default
        // Messages carry one-time codes: the Maildir's folders are 0700 and its files 0600, whatever the umask.
        for folder in ["tmp", "new", "cur"] {
            try PrivateFiles.createFolder(root.appendingPathComponent(folder).path)
        }
        if try isDelivered(token: token) { return }
        let name = fileName(for: message)
        let temporary = root.appendingPathComponent("tmp").appendingPathComponent(name)
        let final = root.appendingPathComponent("new").appendingPathComponent(name)
        try? manager.removeItem(at: temporary)
        guard (try? PrivateFiles.createFile(temporary.path)) == true else {
            throw MaildirError.cannotWrite(temporary.path)
        }
        defer { try? manager.removeItem(at: temporary) }
        let handle = try FileHandle(forWritingTo: temporary)
        do {
            try handle.write(contentsOf: writer.data(for: message))
            try handle.synchronize()
            try handle.close()
        } catch {
            try? handle.close()
            throw error
        }
        do {
            try manager.linkItem(at: temporary, to: final)
        } catch {
            // Linking never replaces a file: if another delivery won the race, that is success.
            if try isDelivered(token: token) { return }
            throw error
        }
    }

    /// `<seconds>.<id token>.<host>`, with `/` and `:` in the host escaped as Maildir asks.
    public func fileName(for message: OutboxMessage) -> String {
        let seconds = Int64(message.createdAt.timeIntervalSince1970.rounded(.down))
        let host = hostname.replacingOccurrences(of: "/", with: "\\057").replacingOccurrences(of: ":", with: "\\072")
        return "\(seconds).\(MessageToken.token(for: message.id)).\(host.isEmpty ? "localhost" : host)"
    }

    /// Whether `new/` or `cur/` holds a file for the message with this token.
    private func isDelivered(token: String) throws -> Bool {
        for folder in ["new", "cur"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            if names.contains(where: { Self.token(ofFile: $0) == token }) { return true }
        }
        return false
    }

    /// The id token in a Maildir file name (`time.token.host[:2,flags]`).
    static func token(ofFile name: String) -> String? {
        let parts = name.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        return parts.count == 3 ? String(parts[1]) : nil
    }
}

/// A Maildir delivery that failed.
public enum MaildirError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file could not be created.
    case cannotWrite(String)

    /// The problem in one sentence.
    public var description: String {
        switch self {
        case .cannotWrite(let path): return "cannot create '\(path)'"
        }
    }
}
