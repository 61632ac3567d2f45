import Foundation
import FormrunnerCore
import FormrunnerFlowTestSupport
@testable import FormrunnerWeb
import Testing

/// The portal's per-process caches: a page never shows state older than the browser's own last
/// change, whichever process made it; other changes show within the cache's lifetime.
@Suite struct PortalStateCacheTests {
    /// A draft store that counts the reads that reach it.
    final class CountingDrafts: DraftStore, @unchecked Sendable {
        let store = InMemoryDraftStore()
        private let lock = NSLock()
        private var readCount = 0
        var reads: Int { lock.withLock { readCount } }

        func save(key: String, payload: Data, expiresAt: Date) async throws {
            try await store.save(key: key, payload: payload, expiresAt: expiresAt)
        }
        func load(key: String, now: Date) async throws -> Data? {
            lock.withLock { readCount += 1 }
            return try await store.load(key: key, now: now)
        }
        func delete(key: String) async throws -> Bool { try await store.delete(key: key) }
        func deleteExpiredDrafts(now: Date) async throws -> Int { try await store.deleteExpiredDrafts(now: now) }
    }

    let clock = TestClock()
    let counting = CountingDrafts()
    var cached: CachedDraftStore {
        let clock = self.clock
        return CachedDraftStore(store: counting, cache: StateCache(lifetime: 2), clock: { clock.now })
    }

    @Test func aReadPresentingTheSameTagIsAnsweredOnceFromTheStoreThenFromTheCache() async throws {
        let drafts = cached
        try await counting.save(key: "k", payload: Data("one".utf8), expiresAt: clock.now.addingTimeInterval(60))
        for _ in 0..<3 {
            let payload = try await StateTag.$current.withValue(StateTag(presented: "tag-a")) {
                try await drafts.load(key: "k", now: clock.now)
            }
            #expect(payload == Data("one".utf8))
        }
        #expect(counting.reads == 1)
        _ = try await StateTag.$current.withValue(StateTag(presented: "tag-b")) { try await drafts.load(key: "k", now: clock.now) }
        #expect(counting.reads == 2)
    }

    @Test func aWriteGivesANewTagUnderWhichTheWrittenValueIsRead() async throws {
        let drafts = cached
        let writer = StateTag(presented: nil)
        try await StateTag.$current.withValue(writer) {
            try await drafts.save(key: "k", payload: Data("two".utf8), expiresAt: clock.now.addingTimeInterval(60))
        }
        let tag = try #require(writer.newTag)
        let payload = try await StateTag.$current.withValue(StateTag(presented: tag)) { try await drafts.load(key: "k", now: clock.now) }
        #expect(payload == Data("two".utf8))
        #expect(counting.reads == 0)
        // A request that presents the old tag reads the store again.
        _ = try await StateTag.$current.withValue(StateTag(presented: "")) { try await drafts.load(key: "k", now: clock.now) }
        #expect(counting.reads == 1)
    }

    @Test func aChangeMadeElsewhereIsSeenOnceTheCacheLifetimeHasPassed() async throws {
        let drafts = cached
        let scope = StateTag(presented: "tag")
        try await counting.save(key: "k", payload: Data("old".utf8), expiresAt: clock.now.addingTimeInterval(60))
        _ = try await StateTag.$current.withValue(scope) { try await drafts.load(key: "k", now: clock.now) }
        try await counting.save(key: "k", payload: Data("new".utf8), expiresAt: clock.now.addingTimeInterval(60))
        clock.advance(2)
        let payload = try await StateTag.$current.withValue(scope) { try await drafts.load(key: "k", now: clock.now) }
        #expect(payload == Data("new".utf8))
    }

    @Test func requestsThatChangeStateAndCallsOutsideAPortalRequestAlwaysReadTheStore() async throws {
        let drafts = cached
        try await counting.save(key: "k", payload: Data("x".utf8), expiresAt: clock.now.addingTimeInterval(60))
        _ = try await StateTag.$current.withValue(StateTag(presented: nil)) { try await drafts.load(key: "k", now: clock.now) }
        _ = try await StateTag.$current.withValue(StateTag(presented: nil)) { try await drafts.load(key: "k", now: clock.now) }
        _ = try await drafts.load(key: "k", now: clock.now)
        #expect(counting.reads == 3)
        // A write outside a request forgets the key rather than keeping it for some tag.
        let scope = StateTag(presented: "t")
        _ = try await StateTag.$current.withValue(scope) { try await drafts.load(key: "k", now: clock.now) }
        try await drafts.delete(key: "k")
        let payload = try await StateTag.$current.withValue(scope) { try await drafts.load(key: "k", now: clock.now) }
        #expect(payload == nil)
        #expect(counting.reads == 5)
    }

    @Test func theCacheKeepsAtMostItsCapacityWhateverIsAsked() {
        let cache = StateCache<Int>(lifetime: 2, capacity: 100)
        let now = Date()
        for index in 0..<10_000 { cache.store(index, key: "key-\(index)", tag: "t", now: now) }
        #expect(cache.count <= 100)
        #expect(cache.value("key-9999", tag: "t", now: now) == 9_999)
    }

    @Test func aPageServedByAnotherProcessShowsTheStepTheBrowserJustAnswered() async throws {
        let fixture = PortalFixture()
        try await fixture.desk.directory.add(try FlowDesk.ana())
        let first = fixture.portal, second = fixture.portal   // two `serve` processes on one store
        try FileManager.default.createDirectory(at: fixture.uploads, withIntermediateDirectories: true)
        try await first.application(host: "127.0.0.1", port: 0).test(.router) { firstClient in
            try await second.application(host: "127.0.0.1", port: 0).test(.router) { secondClient in
                let browser = PortalBrowser(firstClient)
                try await fixture.signIn(browser, next: "/flows/financial-support")
                let other = PortalBrowser(secondClient, cookies: browser.cookies)
                try await other.get("/flows/financial-support")          // the second process caches this step
                #expect(other.page.contains("<h1>Identify yourself</h1>"))
                try await browser.get("/flows/financial-support")
                try await browser.post("/flows/financial-support", [("_step", "identify"), ("name", "Ana Souza"),
                                                                    ("account", "lojabeta")])
                let moved = PortalBrowser(secondClient, cookies: browser.cookies)
                try await moved.get("/flows/financial-support")
                #expect(!moved.page.contains("<h1>Identify yourself</h1>"), "the second process showed a step already answered")
                #expect(moved.page.contains("Request subject"))
            }
        }
    }
}
