import Foundation

/// One-time codes kept in memory for as long as the store lives: for tests and `memory:`.
/// It follows the ``OneTimeCodeStore`` contract exactly like the SQLite store.
public actor InMemoryOneTimeCodeStore: OneTimeCodeStore {
    /// A code waiting to be checked.
    private struct Code {
        var hash: String
        var expiresAt: Date
        var attempts: Int
        var consumedAt: Date?
        var sentAt: Date
    }

    private var codes: [String: Code] = [:]
    private var attempts: [String: SignInAttempts] = [:]

    /// An empty store.
    public init() {}

    public func issue(for key: String, codeHash: String, expiresAt: Date, now: Date, resendAfter: TimeInterval) async throws {
        let now = now.roundedToMilliseconds
        if let previous = codes[key], previous.consumedAt == nil {
            let retryAt = previous.sentAt.addingTimeInterval(resendAfter).roundedToMilliseconds
            if now < retryAt { throw IdentityStoreError.tooSoon(retryAt: retryAt) }
        }
        codes[key] = Code(hash: codeHash, expiresAt: expiresAt.roundedToMilliseconds, attempts: 0, consumedAt: nil,
                          sentAt: now)
    }

    public func verify(key: String, codeHash: String, now: Date, maxAttempts: Int) async throws -> OneTimeCodeCheck {
        let now = now.roundedToMilliseconds
        guard var code = codes[key], code.consumedAt == nil else { return .noCode }
        guard now < code.expiresAt else { return .expired }
        guard code.attempts < maxAttempts else { return .locked }
        if ConstantTime.equal(code.hash, codeHash) {
            code.consumedAt = now
            codes[key] = code
            return .accepted
        }
        code.attempts += 1
        codes[key] = code
        let remaining = maxAttempts - code.attempts
        return remaining > 0 ? .wrong(remaining: remaining) : .locked
    }

    @discardableResult
    public func deleteExpiredCodes(now: Date) async throws -> Int {
        let now = now.roundedToMilliseconds
        let expired = codes.filter { $0.value.expiresAt <= now }.map(\.key)
        for key in expired { codes.removeValue(forKey: key) }
        return expired.count
    }

    public func signInAttempts(for key: String) async throws -> SignInAttempts {
        attempts[key] ?? .none
    }

    public func recordSignInFailure(for key: String, now: Date, limits: SignInAttemptLimits) async throws -> SignInAttempts {
        let counted = (attempts[key] ?? .none).counting(failureAt: now, limits: limits)
        attempts[key] = counted
        return counted
    }

    @discardableResult
    public func clearSignInAttempts(for key: String) async throws -> Bool {
        attempts.removeValue(forKey: key) != nil
    }
}
