import Foundation

extension Ticket {
    /// The attachments named by the ticket's `files` answers, with the field each belongs to,
    /// ordered by field id and then as answered.
    public var attachments: [(fieldID: String, file: AttachmentRef)] {
        answers.keys.sorted().flatMap { fieldID -> [(fieldID: String, file: AttachmentRef)] in
            guard case .files(let files) = answers[fieldID] else { return [] }
            return files.map { (fieldID: fieldID, file: $0) }
        }
    }
}

/// Checks shared by the stores when they take attachment files.
public enum AttachmentCheck {
    /// The digests of `files` in lower case, refusing any key that is not a SHA-256 digest (such a
    /// key can match no content, and would otherwise become part of a storage path).
    public static func normalizedDigests(_ files: [String: URL]) throws(TicketStoreError) -> [(sha256: String, url: URL)] {
        try files.sorted { $0.key < $1.key }.map { entry throws(TicketStoreError) in
            let sha = entry.key.lowercased()
            guard SHA256.isHexDigest(sha) else { throw .attachmentMismatch(sha256: entry.key) }
            return (sha256: sha, url: entry.value)
        }
    }

    /// Refuses the first attachment of `ticket` whose content is neither given nor already stored.
    public static func requireContent(of ticket: Ticket, isAvailable: (String) -> Bool) throws(TicketStoreError) {
        for (fieldID, file) in ticket.attachments where !isAvailable(file.sha256.lowercased()) {
            throw .invalid("the attachment '\(file.name)' of field \(fieldID) (SHA-256 \(file.sha256)) was not given")
        }
    }
}
