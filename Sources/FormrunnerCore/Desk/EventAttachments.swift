import Foundation

/// Files that come with an event, such as the attachments of an e-mail reply: added to one `files`
/// answer of the ticket, and stored with it, in the same write as the event.
public struct EventAttachments: Hashable, Sendable {
    /// One file.
    public struct File: Hashable, Sendable {
        /// What the ticket records.
        public var reference: AttachmentRef
        /// Where the content is now, to copy into the store.
        public var url: URL

        /// The file at `url`, recorded as `reference`.
        public init(reference: AttachmentRef, url: URL) {
            self.reference = reference
            self.url = url
        }
    }

    /// The answer the files are appended to (created when absent).
    public var field: String
    /// The files, in order.
    public var files: [File]

    /// `files`, to be appended to the answer `field`.
    public init(field: String, files: [File]) {
        self.field = field
        self.files = files
    }

    /// `ticket` with the files appended to its answer `field`.
    func added(to ticket: Ticket) -> Ticket {
        guard !files.isEmpty else { return ticket }
        var ticket = ticket
        var existing: [AttachmentRef] = []
        if case .files(let list)? = ticket.answers[field] { existing = list }
        ticket.answers[field] = .files(existing + files.map(\.reference))
        return ticket
    }

    /// The content to store, by digest.
    var contents: [String: URL] {
        Dictionary(files.map { ($0.reference.sha256, $0.url) }, uniquingKeysWith: { first, _ in first })
    }
}
