import Foundation
import FormrunnerCore
import Testing

@Suite("Identity: one-time code store contract")
struct OneTimeCodeStoreConformanceTests {
    let now = Sample.now
    let key = "login-email:ana@example.com"

    private func issue(_ codes: any OneTimeCodeStore, hash: String = "right", at instant: Date? = nil,
                       lifetime: TimeInterval = 600, resendAfter: TimeInterval = 60) async throws {
        let at = instant ?? now
        try await codes.issue(for: key, codeHash: hash, expiresAt: at.addingTimeInterval(lifetime), now: at,
                              resendAfter: resendAfter)
    }

    @Test("the right hash is accepted once, then there is no code", arguments: IdentityStoreKind.all)
    func singleUse(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .accepted)
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .noCode)
            #expect(try await stores.codes.verify(key: "other", codeHash: "right", now: now, maxAttempts: 5) == .noCode)
        }
    }

    @Test("wrong tries count down, then the code is locked even for the right hash", arguments: IdentityStoreKind.all)
    func attempts(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            var results: [OneTimeCodeCheck] = []
            for _ in 1...5 { results.append(try await stores.codes.verify(key: key, codeHash: "wrong", now: now, maxAttempts: 5)) }
            #expect(results == [.wrong(remaining: 4), .wrong(remaining: 3), .wrong(remaining: 2), .wrong(remaining: 1), .locked])
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .locked)
        }
    }

    @Test("a code is valid until just before its expiry; expired checks do not count", arguments: IdentityStoreKind.all)
    func expiry(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            #expect(try await stores.codes.verify(key: key, codeHash: "wrong", now: now.addingTimeInterval(599.999), maxAttempts: 5)
                    == .wrong(remaining: 4))
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now.addingTimeInterval(600), maxAttempts: 5) == .expired)
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now.addingTimeInterval(9000), maxAttempts: 5) == .expired)
        }
    }

    @Test("asking again during the cool-down is refused with the retry time and changes nothing", arguments: IdentityStoreKind.all)
    func coolDown(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            await #expect(throws: IdentityStoreError.tooSoon(retryAt: now.addingTimeInterval(60).roundedToMilliseconds)) {
                try await issue(stores.codes, hash: "second", at: now.addingTimeInterval(18))
            }
            #expect(try await stores.codes.verify(key: key, codeHash: "second", now: now, maxAttempts: 5) == .wrong(remaining: 4))
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .accepted)
        }
    }

    @Test("after the cool-down a new code replaces the old one and its tries", arguments: IdentityStoreKind.all)
    func replace(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            for _ in 1...5 { _ = try await stores.codes.verify(key: key, codeHash: "wrong", now: now, maxAttempts: 5) }
            let later = now.addingTimeInterval(60)
            try await issue(stores.codes, hash: "second", at: later)
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: later, maxAttempts: 5) == .wrong(remaining: 4))
            #expect(try await stores.codes.verify(key: key, codeHash: "second", now: later, maxAttempts: 5) == .accepted)
        }
    }

    @Test("a used code does not hold back the next one", arguments: IdentityStoreKind.all)
    func usedCodeNoCoolDown(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .accepted)
            try await issue(stores.codes, hash: "again", at: now.addingTimeInterval(1))
            #expect(try await stores.codes.verify(key: key, codeHash: "again", now: now.addingTimeInterval(2), maxAttempts: 5) == .accepted)
        }
    }

    @Test("keys are independent", arguments: IdentityStoreKind.all)
    func independentKeys(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes)
            try await stores.codes.issue(for: "login-sms:ana@example.com", codeHash: "sms", expiresAt: now.addingTimeInterval(60),
                                         now: now, resendAfter: 60)
            #expect(try await stores.codes.verify(key: "login-sms:ana@example.com", codeHash: "right", now: now, maxAttempts: 5)
                    == .wrong(remaining: 4))
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .accepted)
        }
    }

    @Test("deleteExpiredCodes removes only expired codes", arguments: IdentityStoreKind.all)
    func cleanUp(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            try await issue(stores.codes, lifetime: 10)
            try await stores.codes.issue(for: "long", codeHash: "h", expiresAt: now.addingTimeInterval(600), now: now, resendAfter: 60)
            #expect(try await stores.codes.deleteExpiredCodes(now: now.addingTimeInterval(9)) == 0)
            #expect(try await stores.codes.deleteExpiredCodes(now: now.addingTimeInterval(10)) == 1)
            #expect(try await stores.codes.verify(key: key, codeHash: "right", now: now, maxAttempts: 5) == .noCode)
            #expect(try await stores.codes.verify(key: "long", codeHash: "h", now: now, maxAttempts: 5) == .accepted)
        }
    }

    @Test("racing checks: the right code is accepted exactly once, wrong tries are all counted", arguments: IdentityStoreKind.all)
    func racing(kind: IdentityStoreKind) async throws {
        try await kind.withStores { stores in
            let codes = stores.codes
            let key = self.key
            let now = self.now
            try await issue(codes)
            let results = try await withThrowingTaskGroup(of: OneTimeCodeCheck.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        try await codes.verify(key: key, codeHash: index % 3 == 0 ? "right" : "wrong", now: now, maxAttempts: 100)
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(results.filter { $0 == .accepted }.count == 1)
            let wrong = results.compactMap { result -> Int? in
                if case .wrong(let remaining) = result { return remaining }
                return nil
            }
            #expect(Set(wrong).count == wrong.count, "every wrong try saw its own count: \(wrong)")
        }
    }
}
