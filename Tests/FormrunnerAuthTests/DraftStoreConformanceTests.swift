import Foundation
import FormrunnerCore
import Testing

@Suite("Identity: draft store contract")
struct DraftStoreConformanceTests {
    let now = Sample.now
    let payload = Data([0, 1, 2, 255]) + Data("{\"answers\":{}}".utf8)

    @Test("save and load byte for byte; save replaces", arguments: IdentityStoreKind.all)
    func roundTrip(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.drafts.save(key: "tech:ana", payload: payload, expiresAt: now.addingTimeInterval(3600))
            #expect(try await stores.drafts.load(key: "tech:ana", now: now) == payload)
            try await stores.drafts.save(key: "tech:ana", payload: Data("new".utf8), expiresAt: now.addingTimeInterval(3600))
            #expect(try await stores.drafts.load(key: "tech:ana", now: now) == Data("new".utf8))
            try await stores.drafts.save(key: "empty", payload: Data(), expiresAt: now.addingTimeInterval(3600))
            #expect(try await stores.drafts.load(key: "empty", now: now) == Data())
            #expect(try await stores.drafts.load(key: "missing", now: now) == nil)
        }
    }

    @Test("an expired draft loads as nil and is gone", arguments: IdentityStoreKind.all)
    func expired(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.drafts.save(key: "k", payload: payload, expiresAt: now.addingTimeInterval(60))
            #expect(try await stores.drafts.load(key: "k", now: now.addingTimeInterval(59.999)) == payload)
            #expect(try await stores.drafts.load(key: "k", now: now.addingTimeInterval(60)) == nil)
            #expect(try await stores.drafts.delete(key: "k") == false)
            #expect(try await stores.drafts.load(key: "k", now: now) == nil)
        }
    }

    @Test("delete says whether there was a draft", arguments: IdentityStoreKind.all)
    func delete(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.drafts.save(key: "k", payload: payload, expiresAt: now.addingTimeInterval(60))
            #expect(try await stores.drafts.delete(key: "k"))
            #expect(try await stores.drafts.delete(key: "k") == false)
            #expect(try await stores.drafts.load(key: "k", now: now) == nil)
        }
    }

    @Test("deleteExpiredDrafts removes only expired drafts", arguments: IdentityStoreKind.all)
    func cleanUp(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await stores.drafts.save(key: "short", payload: payload, expiresAt: now.addingTimeInterval(10))
            try await stores.drafts.save(key: "long", payload: payload, expiresAt: now.addingTimeInterval(600))
            #expect(try await stores.drafts.deleteExpiredDrafts(now: now.addingTimeInterval(10)) == 1)
            #expect(try await stores.drafts.deleteExpiredDrafts(now: now.addingTimeInterval(10)) == 0)
            #expect(try await stores.drafts.load(key: "long", now: now) == payload)
            #expect(try await stores.drafts.delete(key: "short") == false)
        }
    }
}
