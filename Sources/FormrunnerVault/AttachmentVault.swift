#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FormrunnerCore

/// Content-addressed attachment storage: `<root>/<sha[0..2]>/<sha>`, shared by the stores that keep
/// files on disk (next to the SQLite file; in a folder every machine mounts for PostgreSQL).
///
/// A file is copied to a temporary file in its final folder while its SHA-256 is computed, flushed
/// to disk, and renamed into place only if the digest matches, so a stored file is always whole and
/// always has the content its name promises. Folders are 0700 and files 0600, whatever the umask.
public struct AttachmentVault: Sendable {
    /// The folder holding the content.
    public let root: URL

    /// A vault keeping its content under `root` (created on the first store).
    public init(root: URL) {
        self.root = root
    }

    /// Where the content with this digest is (or would be) kept; `sha256` must be a checked digest.
    public func location(of sha256: String) -> URL {
        root.appendingPathComponent(String(sha256.prefix(2)), isDirectory: true)
            .appendingPathComponent(sha256, isDirectory: false)
    }

    /// Whether content with this digest is stored.
    public func contains(_ sha256: String) -> Bool {
        SHA256.isHexDigest(sha256) && FileManager.default.fileExists(atPath: location(of: sha256).path)
    }

    /// Stores the file at `source` under `sha256`, refusing it if its content has another digest.
    public func store(_ source: URL, sha256: String) throws(TicketStoreError) {
        if contains(sha256) {
            let actual: String
            do { actual = try SHA256.hexDigest(ofFileAt: source) } catch { throw unreadable(source, error) }
            guard actual == sha256 else { throw .attachmentMismatch(sha256: sha256) }
            return
        }
        let target = location(of: sha256)
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".incoming-\(UUID().uuidString)", isDirectory: false)
        do {
            try PrivateFiles.createFolder(folder.path)
        } catch {
            throw .unavailable("cannot create the attachment folder \(folder.path): \(error.description)")
        }
        defer { try? FileManager.default.removeItem(at: temporary) }
        let actual = try copy(source, to: temporary)
        guard actual == sha256 else { throw .attachmentMismatch(sha256: sha256) }
        guard rename(temporary.path, target.path) == 0 else {
            throw .unavailable("cannot store the attachment \(target.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Copies `source` to the new file `destination`, flushes it, and returns the content's digest.
    private func copy(_ source: URL, to destination: URL) throws(TicketStoreError) -> String {
        let input: FileHandle
        do { input = try FileHandle(forReadingFrom: source) } catch { throw unreadable(source, error) }
        defer { try? input.close() }
        guard (try? PrivateFiles.createFile(destination.path)) == true else {
            throw .unavailable("cannot write the attachment file \(destination.path)")
        }
        var hash = SHA256()
        do {
            let output = try FileHandle(forWritingTo: destination)
            defer { try? output.close() }
            while true {
                let chunk: Data
                do {
                    guard let read = try input.read(upToCount: SHA256.fileChunkSize), !read.isEmpty else { break }
                    chunk = read
                } catch { throw unreadable(source, error) }
                hash.update(chunk)
                try output.write(contentsOf: chunk)
            }
            try output.synchronize()
        } catch let error as TicketStoreError {
            throw error
        } catch {
            throw .unavailable("cannot write the attachment file \(destination.path): \(error.localizedDescription)")
        }
        return hash.hexDigest()
    }

    private func unreadable(_ url: URL, _ error: any Error) -> TicketStoreError {
        .invalid("cannot read the attachment file \(url.path): \(error.localizedDescription)")
    }
}

extension AttachmentVault {
    /// Stores each of `files` (SHA-256 → file) under its digest, then checks that every attachment
    /// `ticket`'s answers name is stored: what `create` and `update` do before writing the row
    /// (a file without its row is harmless; a row without its file is not).
    public func store(_ files: [String: URL], for ticket: Ticket) throws {
        for (sha, url) in try AttachmentCheck.normalizedDigests(files) {
            try store(url, sha256: sha)
        }
        try AttachmentCheck.requireContent(of: ticket) { contains($0) }
    }
}

extension AttachmentVault {
    /// Stores the attachments of imported tickets before their rows are written, as `store(_:for:)`
    /// does for one, refusing a ticket no store can keep.
    public func store(_ tickets: [ImportedTicket]) throws {
        for imported in tickets {
            try imported.ticket.requireStorable()
            try store(imported.files, for: imported.ticket)
        }
    }
}

extension AttachmentVault {
    /// How old an unfinished `.incoming-*` file must be before ``sweepIncoming(olderThan:now:)``
    /// takes it for the leftover of a process that was killed: an hour.
    public static let incomingMaximumAge: TimeInterval = 3600

    /// Removes the `.incoming-*` files (copies a killed process never finished) last modified more
    /// than `age` before `now`; a copy still being written is younger and kept.
    /// - Returns: How many files were removed.
    @discardableResult
    public func sweepIncoming(olderThan age: TimeInterval = incomingMaximumAge, now: Date = Date()) -> Int {
        let manager = FileManager.default
        guard let folders = try? manager.contentsOfDirectory(atPath: root.path) else { return 0 }
        var removed = 0
        for folder in folders where folder.count == 2 {
            let url = root.appendingPathComponent(folder, isDirectory: true)
            guard let names = try? manager.contentsOfDirectory(atPath: url.path) else { continue }
            for name in names where name.hasPrefix(".incoming-") {
                let file = url.appendingPathComponent(name)
                guard let modified = (try? manager.attributesOfItem(atPath: file.path))?[.modificationDate] as? Date,
                      now.timeIntervalSince(modified) > age else { continue }
                if (try? manager.removeItem(at: file)) != nil { removed += 1 }
            }
        }
        return removed
    }
}
