import Foundation
import FormrunnerCore
import Testing

extension TicketStoreConformance.Writing {
    private func withAttachment(_ sha256: String, name: String = "photo.jpg") -> Ticket {
        Samples.ticket(answers: ["photos": .files([AttachmentRef(name: name, size: 5, mediaType: "image/jpeg",
                                                                 sha256: sha256)])])
    }

    @Test("an attachment whose content matches its digest is taken", arguments: StoreKind.all)
    func attachmentTaken(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let file = try Samples.file("hello", named: "photo.jpg", in: folder)
            let created = try await Samples.create(withAttachment(file.sha256), in: store,
                                                   files: [file.sha256.uppercased(): file.url])
            #expect(try await store.ticket(created.number) == created)
            // Content already stored need not be given again.
            try await Samples.create(withAttachment(file.sha256, name: "again.jpg"), in: store)
            #expect(try await store.count(status: nil) == 2)
        }
    }

    @Test("an attachment whose content does not match is refused and nothing is written", arguments: StoreKind.all)
    func attachmentMismatch(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let file = try Samples.file("hello", named: "photo.jpg", in: folder)
            let claimed = SHA256.hexDigest(of: Data("something else".utf8))
            await #expect(throws: TicketStoreError.attachmentMismatch(sha256: claimed)) {
                try await Samples.create(withAttachment(claimed), in: store, files: [claimed: file.url])
            }
            await #expect(throws: TicketStoreError.attachmentMismatch(sha256: "../../etc/passwd")) {
                try await Samples.create(withAttachment(claimed), in: store, files: ["../../etc/passwd": file.url])
            }
            #expect(try await store.count(status: nil) == 0)
        }
    }

    @Test("an attachment without its content is refused", arguments: StoreKind.all)
    func attachmentMissing(kind: StoreKind) async throws {
        try await kind.withStore { store, folder in
            let missing = SHA256.hexDigest(of: Data("never given".utf8))
            await #expect(throws: TicketStoreError.self) {
                try await Samples.create(withAttachment(missing), in: store)
            }
            let absent = folder.appendingPathComponent("absent.bin")
            await #expect(throws: TicketStoreError.self) {
                try await Samples.create(withAttachment(missing), in: store, files: [missing: absent])
            }
            let count = try await store.count(status: nil)
            #expect(count == 0)
        }
    }
}
