import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Writing {
    private func withReplyFiles(_ ticket: Ticket, _ refs: [AttachmentRef]) -> Ticket {
        var next = Samples.next(ticket, status: "open", at: 5)
        next.answers["_email"] = .files(refs)
        return next
    }

    @Test("update takes attachment files: stored with the ticket, and usable again by later tickets", arguments: StoreKind.all)
    func updateWithFiles(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            let file = try Samples.file("%PDF reply", named: "reply.pdf", in: folder)
            let next = withReplyFiles(ticket, [AttachmentRef(name: "reply.pdf", size: 10, mediaType: "application/pdf",
                                                             sha256: file.sha256)])
            try await store.update(next, expectedVersion: 1, history: [], outbox: [], files: [file.sha256: file.url])
            #expect(try await store.ticket(1) == next.storedForm)
            // The content is now stored: a new ticket may name it without giving it again.
            try FileManager.default.removeItem(at: file.url)
            var other = Samples.ticket(title: "Other")
            other.answers["proof"] = .files([AttachmentRef(name: "again.pdf", size: 10, mediaType: "application/pdf",
                                                           sha256: file.sha256)])
            #expect(try await Samples.create(other, in: store).number == 2)
        }
    }

    @Test("update with a file that does not match its digest, or without a named file, writes nothing", arguments: StoreKind.all)
    func updateWithBadFiles(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let ticket = try await Samples.create(Samples.ticket(), in: store)
            let file = try Samples.file("content", named: "a.txt", in: folder)
            let claimed = SHA256.hexDigest(of: Data("other".utf8))
            let bad = withReplyFiles(ticket, [AttachmentRef(name: "a.txt", size: 7, mediaType: "text/plain", sha256: claimed)])
            await #expect(throws: TicketStoreError.attachmentMismatch(sha256: claimed)) {
                try await store.update(bad, expectedVersion: 1, history: [], outbox: [], files: [claimed: file.url])
            }
            let missing = SHA256.hexDigest(of: Data("never given".utf8))
            let absent = withReplyFiles(ticket, [
                AttachmentRef(name: "a.txt", size: 7, mediaType: "text/plain", sha256: file.sha256),
                AttachmentRef(name: "b.txt", size: 1, mediaType: "text/plain", sha256: missing),
            ])
            await #expect(throws: TicketStoreError.invalid(
                "the attachment 'b.txt' of field _email (SHA-256 \(missing)) was not given")) {
                try await store.update(absent, expectedVersion: 1, history: [], outbox: [], files: [file.sha256: file.url])
            }
            #expect(try await store.ticket(1) == ticket)
        }
    }
}
