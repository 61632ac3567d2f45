import Foundation
import FormrunnerNotify

/// Where `mail ingest` reads messages: a file, a Maildir, or standard input.
enum MailSource {
    /// One message and where it came from.
    struct Item {
        /// The bytes.
        var data: Data
        /// The file it is in (nil for standard input).
        var file: URL?
        /// The Maildir it is in, if any.
        var maildir: MaildirInbox?
        /// How lines name it: its Message-ID, else its file, else `(standard input)`.
        var name: String
        /// Set when the message is over the size limit: it is then not read (`data` is empty).
        var oversize = false
        /// The message parsed (once: its name and its recording both use it); `nil` when oversize.
        var message: InboundMessage?

        /// Marks a Maildir message processed, or moves an unmatched one to `folder`; returns what
        /// happened to it, for the line printed.
        func settle(_ outcome: IngestOutcome, unmatchedFolder folder: String?) throws -> String? {
            if case .unmatched = outcome {
                if let folder {
                    let target = URL(fileURLWithPath: folder)
                    if let file {
                        try MaildirInbox.move(file, toMaildir: target)
                    } else {
                        try MaildirInbox.store(data, inMaildir: target)
                    }
                    return "moved to \(folder)"
                }
                return file == nil ? nil : "left in place"
            }
            if let maildir, let file, outcome.isProcessed {
                try maildir.markProcessed(file)
            } else if file != nil, !outcome.isProcessed {
                return "left in place"
            }
            return nil
        }
    }

    /// The messages at `path`: `-` for standard input, a Maildir's unprocessed messages, or one file.
    /// A message over `limit` bytes is not read: it comes back marked ``Item/oversize``.
    static func items(at path: String, limit: Int) throws -> [Item] {
        if path == "-" {
            let data = (try? FileHandle.standardInput.read(upToCount: limit + 1)) ?? Data()
            if data.count > limit { return [Item(data: Data(), file: nil, maildir: nil, name: "(standard input)", oversize: true)] }
            let message = InboundMessage(data: data)
            return [Item(data: data, file: nil, maildir: nil, name: message.messageID ?? "(standard input)", message: message)]
        }
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure("\(path): no such file or folder")
        }
        if isFolder.boolValue {
            guard MaildirInbox.isMaildir(url) else {
                throw CommandFailure("\(path) is a folder but not a Maildir (it has neither new/ nor cur/)")
            }
            let inbox = MaildirInbox(root: url)
            return try inbox.pending().map { file in try item(file, maildir: inbox, limit: limit) }
        }
        return [try item(url, maildir: nil, limit: limit)]
    }

    private static func item(_ file: URL, maildir: MaildirInbox?, limit: Int) throws -> Item {
        let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? NSNumber)?.intValue ?? 0
        if size > limit { return Item(data: Data(), file: file, maildir: maildir, name: file.path, oversize: true) }
        let data = try read(file)
        let message = InboundMessage(data: data)
        return Item(data: data, file: file, maildir: maildir, name: message.messageID ?? file.path, message: message)
    }

    private static func read(_ url: URL) throws -> Data {
        do {
            return try Data(contentsOf: url)
        } catch {
            throw CommandFailure("cannot read \(url.path): \(error.localizedDescription)")
        }
    }
}
